package org.entente.concurrence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Agreements.Step;
import org.entente.concurrence.Concurrence.PublicationView;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agreement workflow as JSON: one set of endpoints for every subject type, and today's URLs of
 * the project list, the roadmap and the joint statement, which answer as before.
 */
@RestController
@Tag(
    name = "Agreements",
    description =
        "The two-party agreement of project lists, roadmaps and joint statements, and their"
            + " publication")
class AgreementApi {

  static final String SUBJECT = "/api/charters/{charter}/agreements/{type}/{key}";
  private static final String GROUP = "/api/charters/{charter}/working-groups/{group}";
  private static final String PROJECT_LIST = "project-list";
  private static final String ROADMAP = "roadmap";
  private static final String JOINT_STATEMENT = "joint-statement";

  private final Agreements agreements;

  AgreementApi(Agreements agreements) {
    this.agreements = agreements;
  }

  /**
   * A step's input: the version approved or published, or the reason of a dispute or withdrawal.
   */
  record StepInput(Integer version, String reason) {}

  @GetMapping(path = SUBJECT, produces = "application/json")
  @Operation(
      summary =
          "A subject (project-list, roadmap, joint-statement) with where its agreement stands",
      description =
          "The key is the working group's key, or the meeting's id for a joint statement; the"
              + " answer is the subject as its own endpoints show it.")
  Object subject(
      @PathVariable String charter,
      @PathVariable String type,
      @PathVariable String key,
      Viewer viewer) {
    return agreements.view(type, CharterKey.inPath(charter), key, viewer);
  }

  @PostMapping(path = SUBJECT + "/{action}", produces = "application/json")
  @Operation(
      summary =
          "submit, approve (with version), dispute (with reason), reopen, publish (an agreed"
              + " version), approve-publication (the proposed version) or withdraw (the"
              + " published version, with reason)",
      description =
          "Approving, disputing, reopening, publishing and withdrawing are for a co-chair of the"
              + " group, for their party. Withdrawing takes one party alone and is effective at"
              + " once (409 when nothing is published); publishing again needs both parties again."
              + " The answer is the subject after the step, or where its publication stands after"
              + " publish, approve-publication and withdraw.",
      security = @SecurityRequirement(name = "personal-access-token"))
  Object subjectStep(
      @PathVariable String charter,
      @PathVariable String type,
      @PathVariable String key,
      @PathVariable String action,
      @RequestBody(required = false) StepInput input,
      Viewer viewer) {
    return step(type, charter, key, action, input, viewer);
  }

  @GetMapping(path = SUBJECT + "/publication", produces = "application/json")
  @Operation(
      summary =
          "Whether a version of the subject is proposed for publication, and which is published")
  PublicationView publication(
      @PathVariable String charter,
      @PathVariable String type,
      @PathVariable String key,
      Viewer viewer) {
    return agreements.publication(type, CharterKey.inPath(charter), key, viewer);
  }

  // ---------------------------------------------------------------- today's URLs

  @GetMapping(path = GROUP + "/project-list", produces = "application/json")
  @Operation(summary = "The group's project list and where its agreement stands")
  Object projectList(@PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return agreements.view(PROJECT_LIST, CharterKey.inPath(charter), group, viewer);
  }

  @PostMapping(path = GROUP + "/project-list/{action}", produces = "application/json")
  @Operation(
      summary = "A step of the group's project list: as " + SUBJECT + "/{action}",
      security = @SecurityRequirement(name = "personal-access-token"))
  Object projectListStep(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String action,
      @RequestBody(required = false) StepInput input,
      Viewer viewer) {
    return step(PROJECT_LIST, charter, group, action, input, viewer);
  }

  @GetMapping(path = GROUP + "/project-list/publication", produces = "application/json")
  @Operation(
      summary =
          "Whether a version of the project list is proposed for publication, and which is published")
  PublicationView projectListPublication(
      @PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return agreements.publication(PROJECT_LIST, CharterKey.inPath(charter), group, viewer);
  }

  @PostMapping(path = GROUP + "/roadmap/{action}", produces = "application/json")
  @Operation(
      summary = "A step of the group's roadmap: as " + SUBJECT + "/{action}",
      security = @SecurityRequirement(name = "personal-access-token"))
  Object roadmapStep(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String action,
      @RequestBody(required = false) StepInput input,
      Viewer viewer) {
    return step(ROADMAP, charter, group, action, input, viewer);
  }

  @GetMapping(path = GROUP + "/roadmap/publication", produces = "application/json")
  @Operation(
      summary =
          "Whether a version of the roadmap is proposed for publication, and which is published")
  PublicationView roadmapPublication(
      @PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return agreements.publication(ROADMAP, CharterKey.inPath(charter), group, viewer);
  }

  @PostMapping(path = "/api/meetings/{id}/statement/{action}", produces = "application/json")
  @Operation(
      summary = "submit, approve (with version), dispute (with reason) or reopen the statement",
      security = @SecurityRequirement(name = "personal-access-token"))
  Object statementStep(
      @PathVariable String id,
      @PathVariable String action,
      @RequestBody(required = false) StepInput input,
      Viewer viewer) {
    return step(JOINT_STATEMENT, null, id, action, input, viewer);
  }

  private Object step(
      String type, String charter, String key, String action, StepInput input, Viewer viewer) {
    Step step = Step.parse(action);
    return agreements.step(
        type,
        charter == null ? null : CharterKey.inPath(charter),
        key,
        step,
        input == null ? null : input.version(),
        input == null ? null : input.reason(),
        viewer);
  }
}
