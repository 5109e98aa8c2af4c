package org.entente.projects;

import java.util.Map;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;

/**
 * A project as stored, with what its content does not say: its group, classification, the party
 * that made it and its version. Keeps the rules of changing a stored project: against the version
 * read, never once published, only by a writer of its group, its fixed fields never, its
 * classification only by its own party.
 *
 * @param view the project as the viewer who read it sees it
 * @param groupId the working group it belongs to
 * @param project its content
 */
record StoredProject(ProjectView view, UUID groupId, Project project) {

  long version() {
    return view.version();
  }

  Classification classification() {
    return view.classification();
  }

  /**
   * Refuses a change made against another version than the stored one.
   *
   * @throws BadRequestException when no version is given
   * @throws ConflictException when the project changed since that version
   */
  void requireVersion(Long version) {
    if (version == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (version != version()) {
      throw new ConflictException("project", version());
    }
  }

  /**
   * Refuses a change by a viewer who may not make it.
   *
   * @throws ForbiddenException when the project is published (it changes only through both parties'
   *     agreement) or the viewer may not write in its group
   */
  void requireChangeableBy(Viewer viewer) {
    if (classification() == Classification.PUBLIC) {
      throw new ForbiddenException(
          null, "a published project changes only through both parties' agreement");
    }
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "you may read this project but not change it");
    }
  }

  /**
   * The classification the project has after a change: as it is when the change names none.
   *
   * @throws ForbiddenException when someone not of the party that made the project changes it, or
   *     the viewer may not give the classification asked for
   */
  Classification classificationAfter(ProjectChange change, Viewer viewer) {
    if (change.classification() == null) {
      return classification();
    }
    Classification asked = viewer.classificationToGive(change.classification());
    if (asked != classification()
        && (view.originParty() == null || !view.originParty().equals(viewer.party()))) {
      throw new ForbiddenException(
          "classification",
          "only an official of the party that made it may change its classification");
    }
    return asked;
  }

  /**
   * Refuses a change that sets a field fixed when the project was made, or its stage (which moves
   * through its own transitions).
   *
   * @throws ForbiddenException naming the field
   */
  static void refuseFixedFields(ProjectChange change) {
    for (Map.Entry<String, Object> fixed : change.fixedFields().entrySet()) {
      if (fixed.getValue() != null) {
        throw new ForbiddenException(
            fixed.getKey(),
            fixed.getKey()
                + (fixed.getKey().equals("stage")
                    ? " changes through POST /api/projects/{id}/stage"
                    : " is fixed when a project is created"));
      }
    }
  }

  /**
   * The project's content after a change: what the change leaves out stays as it is.
   *
   * @throws BadRequestException naming the field the changed content gets wrong
   */
  Project changedBy(ProjectChange change) {
    return new Project(
        project.key(),
        change.title() == null ? project.title() : LocalizedText.stripped(change.title()),
        change.description() == null
            ? project.description()
            : LocalizedText.stripped(change.description()),
        change.commitments() == null
            ? view.commitments().stream().map(CommitmentRef::key).toList()
            : change.commitments(),
        change.leads() == null ? project.leads() : change.leads(),
        change.partners() == null ? project.partners() : change.partners(),
        project.stage(),
        project.stageReason(),
        change.financing() == null ? project.financing() : change.financing(),
        change.location() == null ? project.location() : change.location());
  }

  /** Who may see the project once it has this classification. */
  Viewer.Audience audienceAs(Classification classification) {
    return new Viewer.Audience(classification, view.originParty(), groupId);
  }
}
