package org.entente.roadmaps;

import org.entente.identity.Viewer;
import org.entente.projects.ProjectReclassified;
import org.entente.shared.BadRequestException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the rule that a milestone links only to a project at least as widely visible as it. */
@Component
class ProjectLinkGuard {

  private final MilestoneStore store;

  ProjectLinkGuard(MilestoneStore store) {
    this.store = store;
  }

  /**
   * A project is about to get another classification: refused while a milestone that links to it
   * would then link to a less widely visible record.
   */
  @EventListener
  void on(ProjectReclassified reclassified) {
    for (Viewer.Audience from : store.linkingTo(reclassified.projectId())) {
      if (!from.within(reclassified.audience())) {
        throw new BadRequestException(
            "classification",
            "a "
                + from.code()
                + " milestone belongs to this project: a project may not be less widely visible"
                + " than the milestones that link to it");
      }
    }
  }
}
