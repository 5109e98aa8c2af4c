/**
 * The public portal: the charter, its text, commitments with their progress, working groups with
 * the projects and roadmaps both parties agreed to publish, published joint statements and the
 * charter's deadlines, for anyone, without logging in and without JavaScript. Every page is read as
 * the anonymous viewer through the other modules' services, so the one visibility policy decides
 * what shows; pages carry an ETag and Last-Modified derived from the audit trail's last change.
 * {@link org.entente.portal.Portal} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Public portal",
    allowedDependencies = {
      "audit",
      "charter",
      "concurrence",
      "identity",
      "indicators",
      "meetings",
      "obligations",
      "projects",
      "reporting",
      "roadmaps",
      "shared"
    })
package org.entente.portal;
