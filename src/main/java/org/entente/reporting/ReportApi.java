package org.entente.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.entente.identity.Viewer;
import org.entente.reporting.ReportViews.AnnualReport;
import org.entente.reporting.ReportViews.Period;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual implementation report's data as JSON, and the report as a PDF in the language of the
 * request (Accept-Language, or the chosen language).
 */
@RestController
@Tag(name = "Annual report", description = "The annual implementation report of a charter")
class ReportApi {

  private final AnnualReports reports;
  private final ReportRendering rendering;

  ReportApi(AnnualReports reports, ReportRendering rendering) {
    this.reports = reports;
    this.rendering = rendering;
  }

  @GetMapping(path = "/api/charters/{charter}/report", produces = "application/json")
  @Operation(
      summary = "The annual implementation report's data",
      description =
          "For a year (year=2026), a period (from, to: ISO dates, both included, at most 5 years,"
              + " from the charter's signing year to the end of next year) or, with neither, the"
              + " current year. version=public is built from what anyone may see; internal (the"
              + " default for a token) from what the caller may see; without a token it is public.")
  AnnualReport report(
      @PathVariable String charter,
      @RequestParam(required = false) @Parameter(example = "2026") String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) @Parameter(example = "public") String version,
      Viewer viewer) {
    Period period = reports.period(CharterKey.inPath(charter), year, from, to, viewer);
    return reports.report(
        CharterKey.inPath(charter), period, AnnualReports.version(version, viewer), viewer);
  }

  @GetMapping(path = "/api/charters/{charter}/report.pdf", produces = "application/pdf")
  @Operation(summary = "The annual implementation report as PDF, in the request's language")
  ResponseEntity<byte[]> pdf(
      @PathVariable String charter,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String version,
      Viewer viewer,
      Locale locale) {
    return ReportPages.pdf(
        reports,
        rendering,
        new ReportPages.Asked(charter, year, from, to, version),
        viewer,
        locale);
  }

  /** A period or version that cannot be reported on: a problem naming the parameter. */
  @ExceptionHandler(ReportPeriod.Invalid.class)
  ResponseEntity<ProblemDetail> invalid(ReportPeriod.Invalid invalid, Locale locale) {
    BadRequestException problem =
        new BadRequestException(invalid.field(), rendering.message(invalid, locale));
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(org.entente.shared.Problems.detail(problem));
  }
}
