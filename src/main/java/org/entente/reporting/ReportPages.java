package org.entente.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.reporting.ReportViews.AnnualReport;
import org.entente.reporting.ReportViews.Period;
import org.entente.shared.CharterKey;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The annual implementation report as a page and as a PDF, for a year or a period, in the reader's
 * language. A period that cannot be reported on answers 400 with the page's form and what is wrong.
 */
@Controller
class ReportPages {

  private final AnnualReports reports;
  private final ReportRendering rendering;
  private final Charters charters;

  ReportPages(AnnualReports reports, ReportRendering rendering, Charters charters) {
    this.reports = reports;
    this.rendering = rendering;
    this.charters = charters;
  }

  @GetMapping("/charters/{charter}/report")
  String report(
      @PathVariable String charter,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String version,
      Viewer viewer,
      Locale locale,
      Model model) {
    CharterSummary summary = charters.require(CharterKey.inPath(charter), viewer);
    Period period = reports.period(CharterKey.inPath(charter), year, from, to, viewer);
    String effective = AnnualReports.version(version, viewer);
    AnnualReport report = reports.report(CharterKey.inPath(charter), period, effective, viewer);
    model.addAllAttributes(rendering.model(report, locale));
    model.addAttribute("charter", summary);
    model.addAttribute("askedInternal", ReportViews.INTERNAL.equals(version));
    model.addAttribute("form", form(year, from, to, effective));
    return "reporting/report";
  }

  @GetMapping("/charters/{charter}/report.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String charter,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String version,
      Viewer viewer,
      Locale locale) {
    return pdf(reports, rendering, new Asked(charter, year, from, to, version), viewer, locale);
  }

  /** The period and version a report was asked for. */
  record Asked(String charter, String year, String from, String to, String version) {}

  /** The report asked for as a PDF download: what the page and the API both answer. */
  static ResponseEntity<byte[]> pdf(
      AnnualReports reports, ReportRendering rendering, Asked asked, Viewer viewer, Locale locale) {
    Period period =
        reports.period(
            CharterKey.inPath(asked.charter()), asked.year(), asked.from(), asked.to(), viewer);
    AnnualReport report =
        reports.report(
            CharterKey.inPath(asked.charter()),
            period,
            AnnualReports.version(asked.version(), viewer),
            viewer);
    return pdfResponse(report, rendering.pdf(report, locale));
  }

  static ResponseEntity<byte[]> pdfResponse(AnnualReport report, byte[] pdf) {
    String name =
        "report-"
            + report.charterKey()
            + "-"
            + report.period().from()
            + "-"
            + report.period().to()
            + "-"
            + report.version()
            + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(name).build().toString())
        .body(pdf);
  }

  /** A period or version that cannot be reported on: the page's form again, and what is wrong. */
  @ExceptionHandler(ReportPeriod.Invalid.class)
  ModelAndView invalid(
      ReportPeriod.Invalid invalid, HttpServletRequest request, Viewer viewer, Locale locale) {
    @SuppressWarnings("unchecked")
    Map<String, String> path =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    ModelAndView page = new ModelAndView("reporting/report", HttpStatus.BAD_REQUEST);
    page.addObject("charter", charters.require(CharterKey.inPath(path.get("charter")), viewer));
    page.addObject("lang", ReportRendering.language(locale));
    page.addObject("report", null);
    page.addObject("askedInternal", false);
    page.addObject("message", rendering.message(invalid, locale));
    page.addObject("fieldError", invalid.field());
    page.addObject(
        "form",
        form(
            request.getParameter("year"),
            request.getParameter("from"),
            request.getParameter("to"),
            request.getParameter("version")));
    return page;
  }

  private static Map<String, String> form(String year, String from, String to, String version) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("year", year == null ? "" : year);
    form.put("from", from == null ? "" : from);
    form.put("to", to == null ? "" : to);
    form.put("version", version == null ? "" : version);
    return form;
  }
}
