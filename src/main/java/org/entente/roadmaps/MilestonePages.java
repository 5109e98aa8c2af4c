package org.entente.roadmaps;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.entente.shared.Problems;
import org.entente.shared.TextLanguages;
import org.entente.translations.TranslationState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The form that edits a milestone of a working group's roadmap: what {@code PUT
 * /api/milestones/{id}} does, for the group's members, with the same rules and errors, made against
 * the version the person read.
 */
@Controller
class MilestonePages {

  private static final String PAGE =
      "/charters/{charter}/working-groups/{group}/roadmap/milestones/{id}";

  private final Roadmaps roadmaps;
  private final Charters charters;

  MilestonePages(Roadmaps roadmaps, Charters charters) {
    this.roadmaps = roadmaps;
    this.charters = charters;
  }

  @GetMapping(PAGE)
  String edit(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String id,
      Viewer viewer,
      Model model) {
    MilestoneView milestone = editable(charter, group, id, viewer, model);
    model.addAttribute("form", MilestoneForm.of(milestone));
    model.addAttribute("checked", milestone.dependsOn());
    return "roadmaps/milestone-edit";
  }

  @PostMapping(PAGE)
  String change(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<String> dependsOn,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    MilestoneView milestone = editable(charter, group, id, viewer, model);
    try {
      roadmaps.change(
          milestone.id(),
          MilestoneForm.change(form, dependsOn, milestone, TextLanguages.ordered(languages(model))),
          viewer);
      return "redirect:/charters/" + charter + "/working-groups/" + group + "/workspace";
    } catch (BadRequestException | ForbiddenException | ConflictException e) {
      response.setStatus(Problems.status(e).value());
      model.addAttribute("form", form);
      model.addAttribute("checked", dependsOn == null ? List.of() : dependsOn);
      model.addAttribute(
          "fieldError",
          e instanceof BadRequestException b
              ? b.field()
              : e instanceof ForbiddenException f ? f.field() : "version");
      model.addAttribute("conflict", e instanceof ConflictException);
      model.addAttribute("message", e.getMessage());
      return "roadmaps/milestone-edit";
    }
  }

  /** The languages the page shows a title field for, as {@link #editable} put them. */
  @SuppressWarnings("unchecked")
  private static List<String> languages(Model model) {
    return (List<String>) model.getAttribute("textLanguages");
  }

  /**
   * Where the milestone's title stands in each language of its charter (decision 0037), and whether
   * each is official (decision 0040), when the charter has more than one language.
   */
  private void translations(WorkingGroupDetail detail, MilestoneView milestone, Model model) {
    List<String> languages = TextLanguages.ordered(detail.charter().languages());
    if (languages.size() < 2) {
      return;
    }
    TranslationState state = roadmaps.titleTranslation(milestone.id(), detail.charter().id());
    model.addAttribute("titleTranslations", state.statuses(milestone.title(), languages));
    model.addAttribute("titleSource", state.source());
    model.addAttribute("titleOfficial", milestone.official().get("title"));
  }

  /**
   * The milestone of this group's roadmap, for someone who may change it, with what its page shows
   * around it.
   *
   * @throws NotFoundException when the group's roadmap has no such milestone the viewer may see
   * @throws ForbiddenException when the viewer may see it but not change it
   */
  private MilestoneView editable(
      String charter, String group, String id, Viewer viewer, Model model) {
    UUID milestoneId;
    try {
      milestoneId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("milestone", id);
    }
    WorkingGroupDetail detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
    Roadmap roadmap = roadmaps.roadmap(CharterKey.inPath(charter), group, viewer);
    MilestoneView milestone =
        roadmap.milestones().stream()
            .filter(m -> m.id().equals(milestoneId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("milestone", id));
    if (!viewer.mayWriteIn(detail.group().id())) {
      throw new ForbiddenException(null, "you may read this milestone but not change it");
    }
    model.addAttribute("detail", detail);
    model.addAttribute("textLanguages", TextLanguages.ordered(detail.charter().languages()));
    model.addAttribute("milestone", milestone);
    translations(detail, milestone, model);
    model.addAttribute(
        "others", roadmap.milestones().stream().filter(m -> !m.id().equals(milestoneId)).toList());
    return milestone;
  }
}
