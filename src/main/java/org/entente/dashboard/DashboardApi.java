package org.entente.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.dashboard.DashboardViews.Dashboard;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A charter's dashboard as data: the same figures and items as the page. */
@RestController
@Tag(name = "Dashboard", description = "Progress, overdue items and upcoming deadlines")
class DashboardApi {

  private final Dashboards dashboards;

  DashboardApi(Dashboards dashboards) {
    this.dashboards = dashboards;
  }

  @GetMapping(path = "/api/dashboard/{charter}", produces = "application/json")
  @Operation(
      summary =
          "Progress by area and working group, overdue items and deadlines within `days` (1 to"
              + " 365, default 30), as far as the caller may see")
  Dashboard dashboard(
      @PathVariable String charter,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String days,
      Viewer viewer) {
    return dashboards.dashboard(CharterKey.inPath(charter), group, Dashboards.days(days), viewer);
  }
}
