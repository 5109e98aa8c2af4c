package org.entente.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.dashboard.DashboardViews.Dashboard;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard pages for people signed in: choose a charter, then its progress by area and working
 * group, what is overdue and what falls due soon. A filter form that works without JavaScript.
 */
@Controller
class DashboardPages {

  private final Dashboards dashboards;
  private final Charters charters;

  DashboardPages(Dashboards dashboards, Charters charters) {
    this.dashboards = dashboards;
    this.charters = charters;
  }

  @GetMapping("/dashboard")
  String choose(Viewer viewer, Model model) {
    List<CharterSummary> list = dashboards.charters(viewer);
    if (list.size() == 1) {
      return "redirect:/dashboard/" + list.get(0).key();
    }
    model.addAttribute("charters", list);
    return "dashboard/charters";
  }

  @GetMapping("/dashboard/{charter}")
  String dashboard(
      @PathVariable String charter,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String days,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("charter", charters.require(CharterKey.inPath(charter), viewer));
    model.addAttribute("groups", charters.workingGroups(CharterKey.inPath(charter), null, viewer));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("group", group == null ? "" : group);
    form.put("days", days == null ? String.valueOf(Dashboards.DEFAULT_DAYS) : days);
    model.addAttribute("form", form);
    model.addAttribute("maxDays", Dashboards.MAX_DAYS);
    model.addAttribute("listed", Dashboards.LISTED);
    int window;
    try {
      window = Dashboards.days(days);
    } catch (BadRequestException e) {
      response.setStatus(400);
      model.addAttribute("fieldError", e.field());
      return "dashboard/dashboard";
    }
    Dashboard dashboard = dashboards.dashboard(CharterKey.inPath(charter), group, window, viewer);
    model.addAttribute("dashboard", dashboard);
    model.addAttribute("areaChart", BarChart.of(dashboard.areas()));
    model.addAttribute("groupChart", BarChart.of(dashboard.groups()));
    return "dashboard/dashboard";
  }
}
