package org.entente.charter;

import java.util.List;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The charter's pages: overview, commitment and working group. */
@Controller
class CharterPages {

  private final Charters charters;
  private final org.entente.identity.RecordHistory history;
  private final String defaultCharter;

  CharterPages(
      Charters charters,
      org.entente.identity.RecordHistory history,
      @Value("${entente.default-charter:}") String defaultCharter) {
    this.charters = charters;
    this.history = history;
    this.defaultCharter = defaultCharter;
  }

  /** The default charter's overview, or the list of charters when there is no single default. */
  @GetMapping("/")
  String home(Viewer viewer, Model model) {
    if (!defaultCharter.isBlank()
        && CharterKey.parse(defaultCharter).flatMap(k -> charters.find(k, viewer)).isPresent()) {
      return overview(defaultCharter, viewer, model);
    }
    List<CharterSummary> all = charters.list(viewer);
    if (all.size() == 1) {
      return overview(all.get(0).key(), viewer, model);
    }
    return list(viewer, model);
  }

  @GetMapping("/charters")
  String list(Viewer viewer, Model model) {
    model.addAttribute("charters", charters.list(viewer));
    return "charter/list";
  }

  @GetMapping("/charters/{charter}")
  String overview(@PathVariable String charter, Viewer viewer, Model model) {
    var overview = charters.overview(CharterKey.inPath(charter), viewer);
    model.addAttribute("overview", overview);
    model.addAttribute("history", history.seenBy(viewer, "charter", overview.charter().key()));
    return "charter/overview";
  }

  @GetMapping("/charters/{charter}/commitments/{commitment}")
  String commitment(
      @PathVariable String charter, @PathVariable String commitment, Viewer viewer, Model model) {
    var read = charters.commitmentOfCharter(CharterKey.inPath(charter), commitment, viewer);
    var found = read.commitment();
    model.addAttribute("charter", read.charter());
    model.addAttribute("commitment", found);
    model.addAttribute("history", history.seenBy(viewer, "commitment", found.id()));
    return "charter/commitment";
  }

  @GetMapping("/charters/{charter}/working-groups/{group}")
  String workingGroup(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    var detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
    model.addAttribute("detail", detail);
    model.addAttribute("history", history.seenBy(viewer, "working_group", detail.group().id()));
    return "charter/working-group";
  }
}
