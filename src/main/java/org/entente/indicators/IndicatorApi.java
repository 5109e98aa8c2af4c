package org.entente.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorInputs.IndicatorInput;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Indicators, their values and status, as JSON and CSV. */
@RestController
@Tag(
    name = "Indicators",
    description =
        "Indicators of the charter's commitments: baselines, targets and actual values with their"
            + " sources, and each indicator's status against the path to its target")
class IndicatorApi {

  private final Indicators indicators;

  IndicatorApi(Indicators indicators) {
    this.indicators = indicators;
  }

  @GetMapping(path = "/api/charters/{charter}/indicators", produces = "application/json")
  @Operation(summary = "The charter's indicators the caller may see, with values and status")
  List<IndicatorView> list(@PathVariable String charter, Viewer viewer) {
    return indicators.list(CharterKey.inPath(charter), viewer);
  }

  @PostMapping(
      path = "/api/charters/{charter}/indicators",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Create an indicator (officials; members for a working group's)",
      description =
          "commitments are keys of the charter's commitments; direction is higher or lower;"
              + " classification bilateral (the default) or party-internal.",
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<IndicatorView> create(
      @PathVariable String charter, @RequestBody IndicatorInput input, Viewer viewer) {
    IndicatorView created = indicators.create(CharterKey.inPath(charter), input, viewer);
    return ResponseEntity.created(URI.create("/api/indicators/" + created.id())).body(created);
  }

  @GetMapping(path = "/api/indicators/{id}", produces = "application/json")
  @Operation(summary = "An indicator with its values (with their sources) and status")
  IndicatorView indicator(@PathVariable String id, Viewer viewer) {
    return indicators.indicator(uuid(id), viewer);
  }

  @PostMapping(
      path = "/api/indicators/{id}/values",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Add a baseline, target or actual value, with its source",
      description =
          "unit must be the indicator's; one value per kind, year and source (correct one with"
              + " corrects: its id); a target may not be dated before the baseline. A second"
              + " source's value of the same kind and year is kept, not used, unless use is true.",
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<ValueView> addValue(
      @PathVariable String id, @RequestBody ValueInput input, Viewer viewer) {
    ValueView added = indicators.addValue(uuid(id), input, viewer);
    return ResponseEntity.created(URI.create("/api/indicators/" + id)).body(added);
  }

  @GetMapping(path = "/api/indicators/{id}/values.csv")
  @Operation(summary = "The indicator's current values as CSV (the import's columns)")
  ResponseEntity<String> export(@PathVariable String id, Viewer viewer) {
    String csv = indicators.exportCsv(uuid(id), viewer);
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"indicator-" + id + "-values.csv\"")
        .body(csv);
  }

  @PostMapping(
      path = "/api/indicators/{id}/values/import",
      consumes = {"text/csv", "text/plain"},
      produces = "application/json")
  @Operation(
      summary = "Import values from CSV (the export's columns)",
      description =
          "Idempotent: a row stored already (kind, year, date, source and value) changes nothing."
              + " All or nothing: one bad row refuses the file, and the answer (400) names every"
              + " bad line and field.",
      security = @SecurityRequirement(name = "personal-access-token"))
  Indicators.ImportReport importCsv(
      @PathVariable String id, @RequestBody String body, Viewer viewer) {
    Indicators.ImportReport report = indicators.importCsv(uuid(id), new StringReader(body), viewer);
    if (!report.errors().isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              report.errors().size()
                  + " row(s) refused; nothing was imported. First: line "
                  + report.errors().get(0).line()
                  + ", "
                  + report.errors().get(0).field()
                  + ": "
                  + report.errors().get(0).message());
      problem.setTitle("Invalid input");
      problem.setProperty("errors", report.errors());
      throw new org.springframework.web.ErrorResponseException(
          HttpStatus.BAD_REQUEST, problem, null);
    }
    return report;
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("indicator", id);
    }
  }
}
