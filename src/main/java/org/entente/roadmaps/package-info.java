/**
 * Each working group's implementation roadmap: milestones with their owner, planned and actual
 * dates, status and project, finish-to-start dependencies (a cycle is refused, naming it), the
 * schedule analysis (critical path; milestones late, or at risk through what they depend on), and
 * baselines, the versions both parties agreed through concurrence, against which the plan's
 * variance is measured.
 *
 * <p>Where to start reading: {@link org.entente.roadmaps.Roadmaps} is the module's one entry point
 * (a thin transactional service). The rules of a milestone live in {@link
 * org.entente.roadmaps.Milestone}; its SQL, on the module's own tables {@code milestone} and {@code
 * milestone_dependency} only, in {@code MilestoneStore}; the group's milestones with their links in
 * {@code Milestones} (projects are read through {@link org.entente.projects.Projects}, charters and
 * groups through {@link org.entente.charter.Charters}); the read side in {@code RoadmapTimeline}
 * and {@link org.entente.roadmaps.ScheduleAnalysis}; the audit in {@code MilestoneAudit}; CSV in
 * {@link org.entente.roadmaps.MilestoneCsv} ({@code MilestoneCsvReading}, {@code
 * MilestoneImportCheck}, {@code MilestoneImportWriting}).
 *
 * <p>The module's API is this package's public types: {@code Roadmaps}, {@code MilestoneCsv},
 * {@code MilestoneInput}, {@code Milestone}, {@code RoadmapViews} and {@code ScheduleAnalysis}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Roadmaps",
    allowedDependencies = {
      "audit",
      "charter",
      "concurrence",
      "exchange",
      "identity",
      "projects",
      "shared",
      "translations"
    })
package org.entente.roadmaps;
