package org.entente.reporting;

import org.entente.identity.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** How far the charter has come: every figure opens onto what it is made of. */
@Controller
class ProgressPages {

  private final Progress progress;

  ProgressPages(Progress progress) {
    this.progress = progress;
  }

  @GetMapping("/charters/{charter}/progress")
  String progress(@PathVariable String charter, Viewer viewer, Model model) {
    model.addAttribute("tree", progress.tree(charter, viewer));
    model.addAttribute("charter", charter);
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
