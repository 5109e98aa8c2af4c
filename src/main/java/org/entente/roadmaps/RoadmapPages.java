package org.entente.roadmaps;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ForbiddenException;
import org.entente.shared.TextLanguages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The form that adds a milestone to a working group's roadmap. */
@Controller
class RoadmapPages {

  private static final String BASE =
      "/charters/{charter}/working-groups/{group}/roadmap/milestones";

  private final Roadmaps roadmaps;
  private final Charters charters;

  RoadmapPages(Roadmaps roadmaps, Charters charters) {
    this.roadmaps = roadmaps;
    this.charters = charters;
  }

  @GetMapping(BASE + "/new")
  String newMilestone(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    page(charter, group, viewer, model);
    model.addAttribute("form", Map.of());
    return "roadmaps/milestone-form";
  }

  @PostMapping(BASE)
  String add(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<String> dependsOn,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      roadmaps.add(
          CharterKey.inPath(charter),
          group,
          new MilestoneInput(
              form.get("key") == null ? null : form.get("key").strip(),
              MilestoneForm.title(form),
              form.get("owner"),
              MilestoneForm.date("plannedStart", form.get("plannedStart")),
              MilestoneForm.date("plannedEnd", form.get("plannedEnd")),
              null,
              null,
              null,
              MilestoneForm.blankToNull(form.get("project")),
              dependsOn,
              form.getOrDefault("classification", "bilateral"),
              null),
          viewer);
      return "redirect:/charters/" + charter + "/working-groups/" + group + "/workspace";
    } catch (BadRequestException | ForbiddenException e) {
      response.setStatus(org.entente.shared.Problems.status(e).value());
      page(charter, group, viewer, model);
      model.addAttribute("form", form);
      model.addAttribute("checked", dependsOn == null ? List.of() : dependsOn);
      model.addAttribute(
          "fieldError",
          e instanceof BadRequestException b ? b.field() : ((ForbiddenException) e).field());
      model.addAttribute("message", e.getMessage());
      return "roadmaps/milestone-form";
    }
  }

  /** What the form's page shows around it: the group, its roadmap, a title field per language. */
  private void page(String charter, String group, Viewer viewer, Model model) {
    WorkingGroupDetail detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
    model.addAttribute("detail", detail);
    model.addAttribute("textLanguages", TextLanguages.ordered(detail.charter().languages()));
    model.addAttribute("roadmap", roadmaps.roadmap(CharterKey.inPath(charter), group, viewer));
  }
}
