package org.entente.search;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: a form that works without JavaScript, and its results. */
@Controller
class SearchPages {

  private final Search search;
  private final Charters charters;

  SearchPages(Search search, Charters charters) {
    this.search = search;
    this.charters = charters;
  }

  @GetMapping("/charters/{charter}/search")
  String search(
      @PathVariable String charter,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) Integer page,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("charter", charters.require(CharterKey.inPath(charter), viewer));
    model.addAttribute("areas", charters.areas(CharterKey.inPath(charter), viewer));
    model.addAttribute("groups", charters.workingGroups(CharterKey.inPath(charter), null, viewer));
    model.addAttribute("types", Search.TYPES);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("q", q == null ? "" : q);
    form.put("type", type == null ? "" : type);
    form.put("area", area == null ? "" : area);
    form.put("group", group == null ? "" : group);
    model.addAttribute("form", form);
    if (q != null) {
      try {
        model.addAttribute(
            "results",
            search.search(
                CharterKey.inPath(charter),
                q,
                new Search.Filters(type, area, group, null),
                Paging.of(page, Paging.DEFAULT_SIZE),
                viewer));
      } catch (BadRequestException e) {
        response.setStatus(400);
        model.addAttribute("message", e.getMessage());
        model.addAttribute("fieldError", e.field());
      }
    }
    return "search/search";
  }
}
