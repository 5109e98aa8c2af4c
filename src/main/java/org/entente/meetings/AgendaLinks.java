package org.entente.meetings;

import java.util.List;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingChildren.AgendaRow;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingViews.AgendaItemView;
import org.entente.projects.ProjectReclassified;
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What an agenda item links to: a commitment (by key), a project and a milestone (by id), read
 * through their modules. A link goes only to a record the viewer may see (any other is answered as
 * missing, so its existence does not show) and at least as widely visible as the meeting; a link
 * the viewer may not see is not shown, not even its id.
 */
@Component
class AgendaLinks {

  /** An agenda item's links, checked. */
  record Checked(String commitment, UUID projectId, UUID milestoneId) {}

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final MeetingChildren children;

  AgendaLinks(Charters charters, Projects projects, Roadmaps roadmaps, MeetingChildren children) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.children = children;
  }

  /**
   * Checks an agenda item's links for a meeting.
   *
   * @throws BadRequestException naming the field: a link to nothing the viewer may see, or to a
   *     record less widely visible than the meeting
   */
  Checked check(Meeting meeting, AgendaItemInput input, Viewer viewer) {
    Viewer.Audience from = meeting.audience();
    String commitment = null;
    if (input.commitment() != null && !input.commitment().isBlank()) {
      commitment = input.commitment().strip();
      String key = commitment;
      Viewer.Audience to =
          charters
              .commitmentAudience(CharterKey.of(meeting.charterKey()), commitment, viewer)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "commitment", "the charter has no commitment '" + key + "'"));
      Viewer.requireLink("commitment", from, "meeting", to, "commitment");
    }
    if (input.projectId() != null) {
      Viewer.Audience to =
          projects
              .audience(input.projectId(), viewer)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "projectId", "there is no project " + input.projectId()));
      Viewer.requireLink("projectId", from, "meeting", to, "project");
    }
    if (input.milestoneId() != null) {
      Viewer.Audience to =
          roadmaps
              .audience(input.milestoneId(), viewer)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "milestoneId", "there is no milestone " + input.milestoneId()));
      Viewer.requireLink("milestoneId", from, "meeting", to, "milestone");
    }
    return new Checked(commitment, input.projectId(), input.milestoneId());
  }

  /** An agenda item as the viewer sees it: links to what they may not see left out. */
  AgendaItemView shown(CharterKey charterKey, AgendaRow row, Viewer viewer) {
    String projectTitle = projectTitle(row.projectId(), viewer);
    String milestoneTitle = milestoneTitle(row.milestoneId(), viewer);
    return new AgendaItemView(
        row.id(),
        row.position(),
        row.title(),
        commitmentShown(charterKey, row.commitment(), viewer),
        projectTitle == null ? null : row.projectId(),
        projectTitle,
        milestoneTitle == null ? null : row.milestoneId(),
        milestoneTitle);
  }

  /**
   * A project is about to get another classification: refused while an agenda item of a meeting
   * would then link to a less widely visible record.
   */
  @EventListener
  void on(ProjectReclassified reclassified) {
    List<Viewer.Audience> linking = children.linkingToProject(reclassified.projectId());
    for (Viewer.Audience from : linking) {
      if (!from.within(reclassified.audience())) {
        throw new BadRequestException(
            "classification",
            "an agenda item of a "
                + from.code()
                + " meeting links to this project: a project may not be less widely visible"
                + " than the records that link to it");
      }
    }
  }

  private String commitmentShown(CharterKey charterKey, String commitment, Viewer viewer) {
    if (commitment == null) {
      return null;
    }
    return charters.commitmentAudience(charterKey, commitment, viewer).isPresent()
        ? commitment
        : null;
  }

  private String projectTitle(UUID project, Viewer viewer) {
    if (project == null) {
      return null;
    }
    return projects.title(project, viewer).map(LocalizedText::text).orElse(null);
  }

  private String milestoneTitle(UUID milestone, Viewer viewer) {
    if (milestone == null) {
      return null;
    }
    return roadmaps.milestoneTitle(milestone, viewer).map(LocalizedText::text).orElse(null);
  }
}
