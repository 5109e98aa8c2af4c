package org.entente.charter;

import java.util.List;
import org.entente.charter.CharterViews.CharterSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The charter's pages: overview, commitment and working group. */
@Controller
class CharterPages {

  private final Charters charters;
  private final String defaultCharter;

  CharterPages(Charters charters, @Value("${entente.default-charter:}") String defaultCharter) {
    this.charters = charters;
    this.defaultCharter = defaultCharter;
  }

  /** The default charter's overview, or the list of charters when there is no single default. */
  @GetMapping("/")
  String home(Model model) {
    if (!defaultCharter.isBlank() && charters.find(defaultCharter).isPresent()) {
      return overview(defaultCharter, model);
    }
    List<CharterSummary> all = charters.list();
    if (all.size() == 1) {
      return overview(all.get(0).key(), model);
    }
    return list(model);
  }

  @GetMapping("/charters")
  String list(Model model) {
    model.addAttribute("charters", charters.list());
    return "charter/list";
  }

  @GetMapping("/charters/{charter}")
  String overview(@PathVariable String charter, Model model) {
    model.addAttribute("overview", charters.overview(charter));
    return "charter/overview";
  }

  @GetMapping("/charters/{charter}/commitments/{commitment}")
  String commitment(@PathVariable String charter, @PathVariable String commitment, Model model) {
    model.addAttribute("charter", charters.require(charter));
    model.addAttribute("commitment", charters.commitment(charter, commitment));
    return "charter/commitment";
  }

  @GetMapping("/charters/{charter}/working-groups/{group}")
  String workingGroup(@PathVariable String charter, @PathVariable String group, Model model) {
    model.addAttribute("detail", charters.workingGroup(charter, group));
    return "charter/working-group";
  }
}
