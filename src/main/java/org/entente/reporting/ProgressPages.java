package org.entente.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.Indicators;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** How far the charter has come: every figure opens onto what it is made of. */
@Controller
class ProgressPages {

  private final Progress progress;
  private final Indicators indicators;

  ProgressPages(Progress progress, Indicators indicators) {
    this.progress = progress;
    this.indicators = indicators;
  }

  @GetMapping("/charters/{charter}/progress")
  String progress(@PathVariable String charter, Viewer viewer, Model model) {
    model.addAttribute("tree", progress.tree(CharterKey.inPath(charter), viewer));
    model.addAttribute("charter", charter);
    // beside each commitment's milestone progress, the status of the indicators measuring it
    Map<String, List<IndicatorView>> measuring = new LinkedHashMap<>();
    for (IndicatorView i : indicators.list(CharterKey.inPath(charter), viewer)) {
      for (String c : i.commitments()) {
        measuring.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(i);
      }
    }
    model.addAttribute("indicators", measuring);
    model.addAttribute(
        "rules",
        java.util.List.of(
            Progress.CHARTER_RULE,
            Progress.AREA_RULE,
            Progress.COMMITMENT_RULE,
            Progress.PROJECT_RULE));
    return "reporting/progress";
  }
}
