package org.entente.projects;

import com.fasterxml.jackson.annotation.JsonInclude;
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

  /**
   * A project as shown.
   *
   * @param official for its title and description ({@code title}, {@code description}), each
   *     language it has a text in: {@code official} when the group's last agreed project list holds
   *     exactly that text, else {@code working} (decision 0040); given for one project read on its
   *     own and on each item of the API's page of projects, left out of other lists
   */
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
      long version,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Map<String, String>> official) {

    /** The same project, with whether each of its texts is official. */
    public ProjectView withOfficial(Map<String, Map<String, String>> official) {
      return new ProjectView(
          id,
          charter,
          workingGroup,
          key,
          title,
          description,
          commitments,
          leads,
          partners,
          stage,
          stageReason,
          financing,
          location,
          classification,
          originParty,
          version,
          official);
    }
  }

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
