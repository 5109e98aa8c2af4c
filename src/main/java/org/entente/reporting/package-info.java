/**
 * Roll-ups and reports: how far the charter has come, from milestones to projects, commitments,
 * areas and the charter, each figure with what it is made of. Reads the other modules through their
 * services, so every figure counts only what the viewer may see. {@link
 * org.entente.reporting.Progress} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Reporting",
    allowedDependencies = {
      "audit",
      "charter",
      "concurrence",
      "identity",
      "indicators",
      "meetings",
      "obligations",
      "projects",
      "roadmaps",
      "shared"
    })
package org.entente.reporting;
