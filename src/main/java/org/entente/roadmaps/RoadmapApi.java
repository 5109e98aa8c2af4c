package org.entente.roadmaps;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Working groups' roadmaps, their milestones and their agreement, as JSON. */
@RestController
@Tag(name = "Roadmaps", description = "Milestones, dependencies, schedule analysis and agreement")
class RoadmapApi {

  private static final String ROADMAP = "/api/charters/{charter}/working-groups/{group}/roadmap";

  private final Roadmaps roadmaps;
  private final MilestoneCsv csv;

  RoadmapApi(Roadmaps roadmaps, MilestoneCsv csv) {
    this.roadmaps = roadmaps;
    this.csv = csv;
  }

  @GetMapping(path = ROADMAP + "/milestones.csv", produces = "text/csv")
  @Operation(summary = "The group's milestones the caller may see, as CSV (the import's columns)")
  ResponseEntity<String> export(
      @PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + charter + "-" + group + "-milestones.csv\"")
        .body(csv.export(CharterKey.inPath(charter), group, viewer));
  }

  @PostMapping(
      path = ROADMAP + "/import",
      consumes = {"text/csv", "text/plain"},
      produces = "application/json")
  @Operation(
      summary = "Import the group's milestones from CSV, by key (members, write scope)",
      description =
          "Idempotent by key; all or nothing: one bad row refuses the file, and the answer (400)"
              + " names every bad line and field, and a dependency cycle by its milestones.",
      security = @SecurityRequirement(name = "personal-access-token"))
  MilestoneCsv.ImportReport importCsv(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestBody String body,
      Viewer viewer) {
    MilestoneCsv.ImportReport report =
        csv.importCsv(CharterKey.inPath(charter), group, new java.io.StringReader(body), viewer);
    if (!report.errors().isEmpty()) {
      MilestoneCsv.RowError first = report.errors().get(0);
      throw org.entente.shared.Problems.refusedRows(
          report.errors(), first.line(), first.field(), first.message());
    }
    return report;
  }

  @GetMapping(path = ROADMAP, produces = "application/json")
  @Operation(
      summary = "The group's roadmap as of today",
      description =
          "Each milestone with its forecast, slack, standing (done, on-track, at-risk with the"
              + " milestone that pushes it, late) and its variance from the last agreed version;"
              + " the critical path; the agreement.")
  Roadmap roadmap(@PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return roadmaps.roadmap(CharterKey.inPath(charter), group, viewer);
  }

  @PostMapping(
      path = ROADMAP + "/milestones",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Add a milestone (the group's members, write scope)",
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<MilestoneView> add(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestBody MilestoneInput input,
      Viewer viewer) {
    MilestoneView added = roadmaps.add(CharterKey.inPath(charter), group, input, viewer);
    return ResponseEntity.created(URI.create("/api/milestones/" + added.id())).body(added);
  }

  @PutMapping(
      path = "/api/milestones/{id}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Replace a milestone's content",
      description = "Send the version you read; a stale version answers 409 and changes nothing.",
      security = @SecurityRequirement(name = "personal-access-token"))
  MilestoneView change(@PathVariable String id, @RequestBody MilestoneInput input, Viewer viewer) {
    UUID milestone;
    try {
      milestone = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("milestone", id);
    }
    return roadmaps.change(milestone, input, viewer);
  }
}
