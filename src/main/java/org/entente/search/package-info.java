/**
 * Search across what a viewer may see of a charter: commitments, projects, milestones, meetings and
 * published joint statements, with filters by record type, area, working group and status. Each
 * module searches its own records through the one visibility condition; PostgreSQL's full-text
 * search on PostgreSQL, portable {@code like} matching on H2. {@link org.entente.search.Search} is
 * the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Search",
    allowedDependencies = {
      "charter",
      "identity",
      "indicators",
      "meetings",
      "projects",
      "roadmaps",
      "shared"
    })
package org.entente.search;
