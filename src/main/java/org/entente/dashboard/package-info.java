/**
 * Dashboards for officials: how far a charter has come by area and by working group, what is
 * overdue (milestones, action items, the charter's obligations) and what falls due within a chosen
 * number of days. Reads the other modules through their services with the viewer's own {@link
 * org.entente.identity.Viewer}, so it counts and lists only what the viewer may see; it keeps no
 * records of its own. {@link org.entente.dashboard.Dashboards} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Dashboards",
    allowedDependencies = {
      "audit",
      "charter",
      "identity",
      "meetings",
      "obligations",
      "projects",
      "reporting",
      "roadmaps",
      "shared"
    })
package org.entente.dashboard;
