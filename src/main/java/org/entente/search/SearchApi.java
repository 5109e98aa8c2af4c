package org.entente.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.entente.shared.SearchHit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, as JSON. */
@RestController
@Tag(name = "Search", description = "Search what the caller may see of a charter")
class SearchApi {

  private final Search search;

  SearchApi(Search search) {
    this.search = search;
  }

  @GetMapping(path = "/api/charters/{charter}/search", produces = "application/json")
  @Operation(
      summary = "Commitments, projects, milestones, meetings and statements matching q",
      description =
          "Words match the start of words; \"a phrase\" in quotes matches as written; all must"
              + " match. Filters: type (commitment, project, milestone, meeting, statement), area,"
              + " group, status. Paginated with page and size.")
  PageOf<SearchHit> search(
      @PathVariable String charter,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    return search.search(
        CharterKey.inPath(charter),
        q,
        new Search.Filters(type, area, group, status),
        Paging.of(page, size),
        viewer);
  }
}
