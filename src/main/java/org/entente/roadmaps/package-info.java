/**
 * Each working group's implementation roadmap: milestones with their owner, planned and actual
 * dates, status and project, finish-to-start dependencies (a cycle is refused, naming it), the
 * schedule analysis (critical path; milestones late, or at risk through what they depend on), and
 * baselines, the versions both parties agreed through concurrence, against which the plan's
 * variance is measured. {@link org.entente.roadmaps.Roadmaps} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Roadmaps")
package org.entente.roadmaps;
