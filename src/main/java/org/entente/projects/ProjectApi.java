package org.entente.projects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projects of the working groups and their project lists, as JSON. */
@RestController
@Tag(name = "Projects", description = "Projects and the project list both parties agree")
class ProjectApi {

  private final Projects projects;
  private final ProjectCsv csv;

  ProjectApi(Projects projects, ProjectCsv csv) {
    this.projects = projects;
    this.csv = csv;
  }

  @GetMapping(
      path = "/api/charters/{charter}/working-groups/{group}/projects.csv",
      produces = "text/csv")
  @Operation(summary = "The group's projects the caller may see, as CSV (the import's columns)")
  ResponseEntity<String> export(
      @PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + charter + "-" + group + "-projects.csv\"")
        .body(csv.export(CharterKey.inPath(charter), group, viewer, projects));
  }

  @PostMapping(
      path = "/api/charters/{charter}/working-groups/{group}/projects/import",
      consumes = {"text/csv", "text/plain"},
      produces = "application/json")
  @Operation(
      summary = "Import the group's projects from CSV, by key (members, write scope)",
      description =
          "Idempotent by key: a replay changes nothing. All or nothing: one bad row refuses the"
              + " file, and the answer (400) names every bad line and field. A financing line's"
              + " date is its financing_N_date column (yyyy-MM-dd, empty for none), under the"
              + " rules of the JSON API; a file without those columns keeps the stored date of each"
              + " line it leaves as it was.",
      security = @SecurityRequirement(name = "personal-access-token"))
  ProjectCsv.ImportReport importCsv(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestBody String body,
      Viewer viewer) {
    ProjectCsv.ImportReport report =
        csv.importCsv(
            CharterKey.inPath(charter), group, new java.io.StringReader(body), viewer, rows -> {});
    if (!report.errors().isEmpty()) {
      ProjectCsv.RowError first = report.errors().get(0);
      throw org.entente.shared.Problems.refusedRows(
          report.errors(), first.line(), first.field(), first.message());
    }
    return report;
  }

  /** A move to another stage. */
  record StageChange(String stage, String reason, Long version) {}

  @GetMapping(
      path = "/api/charters/{charter}/working-groups/{group}/projects",
      produces = "application/json")
  @Operation(summary = "The group's projects the caller may see, by key")
  PageOf<ProjectView> list(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    return projects.page(CharterKey.inPath(charter), group, Paging.of(page, size), viewer);
  }

  @PostMapping(
      path = "/api/charters/{charter}/working-groups/{group}/projects",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Add a project to a working group (its members, write scope)",
      description = Project.Financing.DATE_RULES,
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<ProjectView> create(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestBody ProjectInput input,
      Viewer viewer) {
    ProjectView created = projects.create(CharterKey.inPath(charter), group, input, viewer);
    return ResponseEntity.created(URI.create("/api/projects/" + created.id())).body(created);
  }

  @GetMapping(path = "/api/projects/{id}", produces = "application/json")
  @Operation(summary = "One project")
  ProjectView project(@PathVariable String id, Viewer viewer) {
    return projects.project(id(id), viewer);
  }

  @PatchMapping(
      path = "/api/projects/{id}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Change a project",
      description =
          "Send the version you read; a stale version answers 409 and changes nothing. key,"
              + " workingGroup, party, originParty and stage are refused with 403. "
              + Project.Financing.DATE_RULES,
      security = @SecurityRequirement(name = "personal-access-token"))
  ProjectView update(@PathVariable String id, @RequestBody ProjectChange change, Viewer viewer) {
    return projects.update(id(id), change, viewer);
  }

  @PostMapping(
      path = "/api/projects/{id}/stage",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Move a project to another stage",
      description =
          "identified → under-study → agreed → in-implementation → completed; suspended or"
              + " cancelled with a reason.",
      security = @SecurityRequirement(name = "personal-access-token"))
  ProjectView stage(@PathVariable String id, @RequestBody StageChange change, Viewer viewer) {
    return projects.moveTo(id(id), change.stage(), change.reason(), change.version(), viewer);
  }

  /** A project's id: anything that is not a UUID names no project, and answers 404 like one. */
  private static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("project", id);
    }
  }
}
