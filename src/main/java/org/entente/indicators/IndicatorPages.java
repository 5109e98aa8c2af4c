package org.entente.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Indicator pages: a charter's indicators with their status and trend, and an indicator's page with
 * its line chart and the table of its values, each with its source.
 */
@Controller
class IndicatorPages {

  private final Indicators indicators;
  private final Charters charters;

  IndicatorPages(Indicators indicators, Charters charters) {
    this.indicators = indicators;
    this.charters = charters;
  }

  @GetMapping("/charters/{charter}/indicators")
  String list(@PathVariable String charter, Viewer viewer, Model model) {
    model.addAttribute("charter", charters.require(CharterKey.inPath(charter), viewer));
    List<IndicatorView> all = indicators.list(CharterKey.inPath(charter), viewer);
    model.addAttribute("indicators", all);
    model.addAttribute("sparklines", sparklines(all));
    return "indicators/list";
  }

  @GetMapping("/indicators/{id}")
  String indicator(@PathVariable String id, Viewer viewer, Model model) {
    return page(indicators.indicator(IndicatorApi.uuid(id), viewer), viewer, model);
  }

  /** The same page, by the indicator's key in its charter: a stable address. */
  @GetMapping("/charters/{charter}/indicators/{key}")
  String byKey(@PathVariable String charter, @PathVariable String key, Viewer viewer, Model model) {
    return page(indicators.indicator(CharterKey.inPath(charter), key, viewer), viewer, model);
  }

  private String page(IndicatorView indicator, Viewer viewer, Model model) {
    model.addAttribute(
        "charter", charters.require(CharterKey.inPath(indicator.charterKey()), viewer));
    model.addAttribute("indicator", indicator);
    model.addAttribute("chart", IndicatorChart.of(indicator));
    return "indicators/indicator";
  }

  /** Each indicator's sparkline, by its id. */
  static Map<UUID, IndicatorChart> sparklines(List<IndicatorView> indicators) {
    Map<UUID, IndicatorChart> sparklines = new LinkedHashMap<>();
    indicators.forEach(i -> sparklines.put(i.id(), IndicatorChart.sparkline(i)));
    return sparklines;
  }
}
