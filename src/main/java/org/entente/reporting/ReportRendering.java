package org.entente.reporting;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.audit.RecordChanges;
import org.entente.reporting.ReportViews.AnnualReport;
import org.entente.reporting.ReportViews.AreaProgress;
import org.entente.shared.Printable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Turns a report into what a reader gets, in the reader's language: the model of the page and of
 * the print template (with the charts' geometry and labels), and the PDF, rendered by openhtmltopdf
 * from the print template with the DejaVu fonts embedded, so every Azerbaijani letter prints and
 * extracts as itself.
 */
@Component
class ReportRendering {

  static final String FONT_FAMILY = "DejaVu Sans";

  private static final Map<String, String> OUTCOME_COLOURS =
      Map.of(
          "met-on-time", "#2e7d32",
          "met-late", "#a35f00",
          "missed", "#b3261e",
          "pending", "#5f6368");

  /** How many bytes of PDFs are kept at most (one PDF of more than an eighth is not kept). */
  private static final long KEPT_PDF_BYTES = 32L * 1024 * 1024;

  /** A report in a language: the PDF is made of nothing else. */
  private record Printed(AnnualReport report, Locale locale) {}

  private final MessageSource messages;
  private final ITemplateEngine templates;
  private final ApplicationContext beans;
  private final RecordChanges.Kept<Printed, byte[]> pdfs;

  ReportRendering(
      MessageSource messages,
      ITemplateEngine templates,
      ApplicationContext beans,
      RecordChanges changes) {
    this.messages = messages;
    this.templates = templates;
    this.beans = beans;
    this.pdfs = changes.<Printed, byte[]>kept(KEPT_PDF_BYTES).weighing(pdf -> pdf.length);
  }

  /**
   * The language a report's content is written in for this locale: the reader's, any language of
   * the charter (a text not given in it falls back as {@code LocalizedText} does); English when the
   * locale names none.
   */
  static String language(Locale locale) {
    return locale == null || locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
  }

  /** What the page and the print template show of a report. */
  Map<String, Object> model(AnnualReport report, Locale locale) {
    String lang = language(locale);
    NumberFormat percent = NumberFormat.getPercentInstance(locale);
    percent.setMaximumFractionDigits(0);
    List<ReportChart.Entry> areas = new ArrayList<>();
    for (AreaProgress a : report.areas()) {
      areas.add(
          new ReportChart.Entry(
              a.name().in(lang).text(), a.value(), percent.format(a.value()), "#2f5f8a"));
    }
    List<ReportChart.Entry> outcomes = new ArrayList<>();
    for (String outcome : List.of("met-on-time", "met-late", "missed", "pending")) {
      long n = report.deadlines().stream().filter(d -> d.outcome().equals(outcome)).count();
      outcomes.add(
          new ReportChart.Entry(
              messages.getMessage("report.outcome." + outcome, null, locale),
              n,
              Long.toString(n),
              OUTCOME_COLOURS.get(outcome)));
    }
    double most = outcomes.stream().mapToDouble(ReportChart.Entry::value).max().orElse(0);
    double top = Math.max(4, Math.ceil(most / 4) * 4);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("report", report);
    model.put("print", false);
    model.put("lang", lang);
    model.put("progressChart", ReportChart.of(areas, 1, percent::format));
    model.put("deadlineChart", ReportChart.of(outcomes, top, v -> Long.toString(Math.round(v))));
    return model;
  }

  /** A period or version that cannot be reported on, said in the reader's language. */
  String message(ReportPeriod.Invalid invalid, Locale locale) {
    return messages.getMessage(invalid.code(), invalid.arguments(), locale);
  }

  /**
   * The report as a PDF, rendered once for each report and language until a record changes: the
   * same report (every figure and row the reader may see, and the day it is as of) prints as the
   * same PDF whoever asks, and rendering one takes far longer than working out the report.
   */
  byte[] pdf(AnnualReport report, Locale locale) {
    return pdfs.get(new Printed(report, locale), () -> render(report, locale));
  }

  private byte[] render(AnnualReport report, Locale locale) {
    Map<String, Object> model = model(report, locale);
    model.put("print", true);
    // outside a page, the print template reaches beans such as @formats through this context
    model.put(
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(beans, null));
    Context context = new Context(locale, model);
    String xhtml = templates.process("reporting/report-print", context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // a tagged PDF (PDF/UA): headings, tables and reading order for screen readers
      builder.usePdfUaAccessibility(true);
      builder.useFont(
          () -> PrintFonts.withoutSubstitutions("/fonts/DejaVuSans.ttf"),
          FONT_FAMILY,
          400,
          FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> PrintFonts.withoutSubstitutions("/fonts/DejaVuSans-Bold.ttf"),
          FONT_FAMILY,
          700,
          FontStyle.NORMAL,
          true);
      builder.useSVGDrawer(new BatikSVGDrawer());
      // text stored before the edge refused control characters and lone surrogates must not stop
      // the report: what XML cannot hold is replaced
      builder.withHtmlContent(Printable.xml(xhtml), null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report as PDF", e);
    }
    return out.toByteArray();
  }
}
