package org.entente.indicators;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorTranslationSources.Part;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.Paging;
import org.entente.shared.Problems;
import org.entente.shared.TextLanguages;
import org.entente.translations.TranslationState;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Indicator pages: a charter's indicators with their status and trend, with the form that adds an
 * indicator (what {@code POST /api/charters/{charter}/indicators} does, with the same rules and
 * errors) for those who may; and an indicator's page with its line chart, the table of its values
 * (each with its source), and for those who may write there the form that adds or corrects a value.
 */
@Controller
class IndicatorPages {

  private final Indicators indicators;
  private final Charters charters;
  private final ReferenceTranslations translations;

  IndicatorPages(Indicators indicators, Charters charters, ReferenceTranslations translations) {
    this.translations = translations;
    this.indicators = indicators;
    this.charters = charters;
  }

  @GetMapping("/charters/{charter}/indicators")
  String list(@PathVariable String charter, Viewer viewer, Model model) {
    return list(charter, IndicatorForm.blankIndicator(), List.of(), viewer, model);
  }

  @PostMapping("/charters/{charter}/indicators")
  String create(
      @PathVariable String charter,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<String> commitments,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      IndicatorView created =
          indicators.create(
              CharterKey.inPath(charter), IndicatorForm.indicator(form, commitments), viewer);
      return "redirect:/indicators/" + created.id();
    } catch (BadRequestException | ForbiddenException e) {
      refused(e, model, response);
      return list(charter, form, commitments == null ? List.of() : commitments, viewer, model);
    }
  }

  private String list(
      String charter, Map<String, String> form, List<String> checked, Viewer viewer, Model model) {
    CharterSummary summary = charters.require(CharterKey.inPath(charter), viewer);
    model.addAttribute("charter", summary);
    model.addAttribute("textLanguages", TextLanguages.ordered(summary.languages()));
    List<IndicatorView> all = indicators.list(CharterKey.inPath(charter), viewer);
    model.addAttribute("indicators", all);
    model.addAttribute("sparklines", sparklines(all));
    List<WorkingGroupView> groups =
        viewer.signedIn()
            ? charters.workingGroups(CharterKey.inPath(charter), null, viewer).stream()
                .filter(g -> viewer.mayWriteIn(g.id()))
                .toList()
            : List.of();
    boolean mayCreate = viewer.mayWriteInFramework() || !groups.isEmpty();
    model.addAttribute("mayCreate", mayCreate);
    if (mayCreate) {
      model.addAttribute("framework", viewer.mayWriteInFramework());
      model.addAttribute("groups", groups);
      model.addAttribute(
          "commitments",
          charters
              .commitments(
                  CharterKey.inPath(charter), null, null, new Paging(0, Paging.MAX_SIZE), viewer)
              .items());
      model.addAttribute("form", form);
      model.addAttribute("checked", checked);
    }
    return "indicators/list";
  }

  @GetMapping("/indicators/{id}")
  String indicator(@PathVariable String id, Viewer viewer, Model model) {
    IndicatorView indicator = indicators.indicator(IndicatorApi.uuid(id), viewer);
    return page(indicator, IndicatorForm.blankValue(indicator), viewer, model);
  }

  /** The same page, by the indicator's key in its charter: a stable address. */
  @GetMapping("/charters/{charter}/indicators/{key}")
  String byKey(@PathVariable String charter, @PathVariable String key, Viewer viewer, Model model) {
    IndicatorView indicator = indicators.indicator(CharterKey.inPath(charter), key, viewer);
    return page(indicator, IndicatorForm.blankValue(indicator), viewer, model);
  }

  @PostMapping("/indicators/{id}/values")
  String addValue(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    UUID indicatorId = IndicatorApi.uuid(id);
    try {
      indicators.addValue(indicatorId, IndicatorForm.value(form), viewer);
      return "redirect:/indicators/" + indicatorId;
    } catch (BadRequestException | ForbiddenException e) {
      refused(e, model, response);
      return page(indicators.indicator(indicatorId, viewer), form, viewer, model);
    }
  }

  /**
   * The indicator's current values as the CSV its import reads: the page's link, on the page chain
   * so that it goes with the browser's session (the API's export reads tokens only).
   */
  @GetMapping("/indicators/{id}/values.csv")
  @ResponseBody
  ResponseEntity<String> export(@PathVariable String id, Viewer viewer) {
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"indicator-" + id + "-values.csv\"")
        .body(indicators.exportCsv(IndicatorApi.uuid(id), viewer));
  }

  /**
   * Imports values from an uploaded CSV file, as {@code POST /api/indicators/{id}/values/import}
   * does: all or nothing, the refused rows listed on the page again.
   */
  @PostMapping("/indicators/{id}/values/import")
  String importValues(
      @PathVariable String id,
      @RequestParam(required = false) MultipartFile file,
      Viewer viewer,
      Model model,
      HttpServletResponse response)
      throws IOException {
    UUID indicatorId = IndicatorApi.uuid(id);
    IndicatorView indicator = indicators.indicator(indicatorId, viewer);
    try {
      if (file == null || file.isEmpty()) {
        throw new BadRequestException("file", "choose a CSV file of the indicator's values");
      }
      String text = new String(file.getBytes(), StandardCharsets.UTF_8);
      Indicators.ImportReport report =
          indicators.importCsv(
              indicatorId,
              new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
              viewer);
      if (report.errors().isEmpty()) {
        return "redirect:/indicators/" + indicatorId;
      }
      response.setStatus(400);
      model.addAttribute("fieldError", "file");
      model.addAttribute("importErrors", report.errors());
    } catch (BadRequestException | ForbiddenException e) {
      refused(e, model, response);
      model.addAttribute("fieldError", "file");
    }
    return page(indicator, IndicatorForm.blankValue(indicator), viewer, model);
  }

  /** The form's answer to a refused change: its status, the field it names and why. */
  static void refused(DomainException e, Model model, HttpServletResponse response) {
    response.setStatus(Problems.status(e).value());
    String field =
        e instanceof BadRequestException b
            ? b.field()
            : e instanceof ForbiddenException f ? f.field() : null;
    model.addAttribute("fieldError", field == null ? "" : field.replaceAll("\\[\\d+]$", ""));
    model.addAttribute("message", e.getMessage());
  }

  private String page(
      IndicatorView indicator, Map<String, String> form, Viewer viewer, Model model) {
    CharterSummary charter = charters.require(CharterKey.inPath(indicator.charterKey()), viewer);
    model.addAttribute("charter", charter);
    model.addAttribute("textLanguages", TextLanguages.ordered(charter.languages()));
    model.addAttribute("indicator", indicator);
    model.addAttribute(
        "chart", IndicatorChart.of(indicator, translations.unitOf(indicator.unit())));
    boolean mayWrite = indicators.mayWrite(indicator.id(), viewer);
    model.addAttribute("mayWrite", mayWrite);
    translations(indicator, charter, viewer, model);
    if (mayWrite) {
      model.addAttribute("form", form);
      model.addAttribute(
          "current", indicator.values().stream().filter(v -> v.supersededBy() == null).toList());
    }
    return "indicators/indicator";
  }

  /**
   * One text's translations as the page shows them.
   *
   * @param subject as the translation workflow names it ({@code indicator-name})
   * @param source the language it was written in (null: none written)
   */
  record TextTranslations(
      String subject, String source, List<TranslationState.LanguageStatus> statuses) {}

  /**
   * Where the indicator's name, unit and definition stand in each language of its charter (decision
   * 0037), for people signed in, when the charter has more than one language: a text never written
   * (no definition) is left out.
   */
  private void translations(
      IndicatorView indicator, CharterSummary charter, Viewer viewer, Model model) {
    if (!viewer.signedIn() || charter.languages().size() < 2) {
      return;
    }
    LanguagesOfCharter languages = charters.languages(CharterKey.of(charter.key())).orElse(null);
    if (languages == null) {
      return;
    }
    IndicatorTranslationSources sources =
        indicators.translationSources(indicator.id(), languages.textLanguage());
    List<TextTranslations> texts = new java.util.ArrayList<>();
    for (Part part : Part.values()) {
      LocalizedText text =
          switch (part) {
            case NAME -> indicator.name();
            case UNIT -> indicator.unit();
            case DEFINITION -> indicator.definition();
          };
      TranslationState state = sources.of(part);
      if (text == null || text.isEmpty() || state.source() == null) {
        continue;
      }
      texts.add(
          new TextTranslations(
              part.subject(),
              state.source(),
              state.statuses(text, TextLanguages.ordered(languages.languages()))));
    }
    model.addAttribute("textTranslations", texts);
  }

  /** Each indicator's sparkline, by its id. */
  static Map<UUID, IndicatorChart> sparklines(List<IndicatorView> indicators) {
    Map<UUID, IndicatorChart> sparklines = new LinkedHashMap<>();
    indicators.forEach(i -> sparklines.put(i.id(), IndicatorChart.sparkline(i)));
    return sparklines;
  }
}
