package org.entente.charter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The charter, its areas, commitments and working groups, as JSON. */
@RestController
@RequestMapping(path = "/api/charters", produces = "application/json")
@Tag(name = "Charters", description = "Charters and the structure they declare")
class CharterApi {

  private final Charters charters;

  CharterApi(Charters charters) {
    this.charters = charters;
  }

  @GetMapping
  @Operation(summary = "List charters, newest signing first")
  PageOf<CharterSummary> list(
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    return PageOf.slice(charters.list(viewer), Paging.of(page, size));
  }

  @GetMapping("/{charter}")
  @Operation(summary = "A charter with its parties, principles, areas, groups and history")
  CharterOverview charter(@PathVariable String charter, Viewer viewer) {
    return charters.overview(CharterKey.inPath(charter), viewer);
  }

  @GetMapping("/{charter}/areas")
  @Operation(summary = "Areas of cooperation, each with its commitments and working groups")
  PageOf<AreaOverview> areas(
      @PathVariable String charter,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    return PageOf.slice(charters.areas(CharterKey.inPath(charter), viewer), Paging.of(page, size));
  }

  @GetMapping("/{charter}/commitments")
  @Operation(summary = "Commitments, filtered by area or working group")
  PageOf<CommitmentView> commitments(
      @PathVariable String charter,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String workingGroup,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    return charters.commitments(
        CharterKey.inPath(charter), area, workingGroup, Paging.of(page, size), viewer);
  }

  @GetMapping("/{charter}/commitments/{commitment}")
  @Operation(summary = "One commitment with its clause and source sentence")
  CommitmentView commitment(
      @PathVariable String charter, @PathVariable String commitment, Viewer viewer) {
    return charters.commitment(CharterKey.inPath(charter), commitment, viewer);
  }

  @GetMapping("/{charter}/working-groups")
  @Operation(summary = "Working groups, filtered by area")
  PageOf<WorkingGroupView> workingGroups(
      @PathVariable String charter,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    List<WorkingGroupView> groups =
        charters.workingGroups(CharterKey.inPath(charter), area, viewer);
    return PageOf.slice(groups, Paging.of(page, size));
  }

  @GetMapping("/{charter}/working-groups/{group}")
  @Operation(summary = "One working group with the commitments it carries")
  WorkingGroupDetail workingGroup(
      @PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return charters.workingGroup(CharterKey.inPath(charter), group, viewer);
  }
}
