package org.entente.projects;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;

/** What the projects module answers with. */
public final class ProjectViews {

  private ProjectViews() {}

  /** A commitment a project serves. */
  public record CommitmentRef(String key, LocalizedText title) {}

  /** A project as shown. */
  public record ProjectView(
      UUID id,
      String charter,
      String workingGroup,
      String key,
      LocalizedText title,
      LocalizedText description,
      List<CommitmentRef> commitments,
      Map<String, String> leads,
      List<Partner> partners,
      String stage,
      String stageReason,
      List<Financing> financing,
      Location location,
      Classification classification,
      String originParty,
      long version) {}

  /**
   * A working group's project list: its projects now, and the agreement on it, if drafted.
   *
   * @param changedSinceVersion whether the projects differ from the version under agreement
   */
  public record ProjectList(
      String charter,
      String workingGroup,
      List<ProjectView> projects,
      AgreementView agreement,
      boolean changedSinceVersion) {}
}
