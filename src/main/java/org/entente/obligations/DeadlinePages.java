package org.entente.obligations;

import java.util.List;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The deadlines page: every obligation of a charter with its due date and status in words. */
@Controller
class DeadlinePages {

  private static final List<String> SORTS = List.of("due", "status", "subject");

  private final Obligations obligations;

  DeadlinePages(Obligations obligations) {
    this.obligations = obligations;
  }

  @GetMapping("/charters/{charter}/deadlines")
  String deadlines(
      @PathVariable String charter,
      @RequestParam(required = false, defaultValue = "due") String sort,
      @RequestParam(required = false) String status,
      Viewer viewer,
      Model model) {
    String chosenSort = SORTS.contains(sort) ? sort : "due";
    String chosenStatus = status == null || status.isBlank() ? null : status;
    if (chosenStatus != null) {
      try {
        ObligationState.fromCode(chosenStatus);
      } catch (RuntimeException e) {
        chosenStatus = null;
      }
    }
    Obligations.DeadlinesWithEvents page =
        obligations.deadlinesWithEvents(
            CharterKey.inPath(charter), chosenStatus, chosenSort, viewer);
    model.addAttribute("deadlines", page.deadlines());
    model.addAttribute("events", page.events());
    model.addAttribute("sort", chosenSort);
    model.addAttribute("status", chosenStatus);
    model.addAttribute("states", ObligationState.values());
    return "obligations/deadlines";
  }
}
