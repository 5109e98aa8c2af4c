package org.entente.projects;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.projects.Project.CurrencyCode;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A project's page, and the form that adds a project to a working group. */
@Controller
class ProjectPages {

  private final Projects projects;
  private final Charters charters;

  ProjectPages(Projects projects, Charters charters) {
    this.projects = projects;
    this.charters = charters;
  }

  @GetMapping("/projects/{id}")
  String project(@PathVariable String id, Viewer viewer, Model model) {
    UUID project;
    try {
      project = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("project", id);
    }
    model.addAttribute("project", projects.project(project, viewer));
    return "projects/project";
  }

  @GetMapping("/charters/{charter}/working-groups/{group}/projects/new")
  String newProject(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    model.addAttribute("detail", charters.workingGroup(CharterKey.inPath(charter), group, viewer));
    model.addAttribute("form", Map.of());
    return "projects/project-form";
  }

  @PostMapping("/charters/{charter}/working-groups/{group}/projects")
  String create(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<String> commitments,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      Map<String, String> title = new LinkedHashMap<>();
      put(title, "en", form.get("titleEn"));
      put(title, "az", form.get("titleAz"));
      Map<String, String> leads = new LinkedHashMap<>();
      form.forEach(
          (name, value) -> {
            if (name.startsWith("lead-") && value != null && !value.isBlank()) {
              leads.put(name.substring("lead-".length()), value.strip());
            }
          });
      List<Financing> financing = List.of();
      String amount = form.get("amount");
      if (amount != null && !amount.isBlank()) {
        BigDecimal value;
        try {
          value = new BigDecimal(amount.strip().replace(",", ""));
        } catch (NumberFormatException e) {
          throw new BadRequestException("financing", "'" + amount + "' is not an amount");
        }
        FinancingStatus status =
            FinancingStatus.parse("financingStatus", form.get("financingStatus"));
        financing =
            List.of(
                new Financing(
                    value,
                    CurrencyCode.parse(
                        "financing",
                        form.getOrDefault("currency", "")
                            .strip()
                            .toUpperCase(java.util.Locale.ROOT)),
                    blankToNull(form.get("source")),
                    status));
      }
      projects.create(
          CharterKey.inPath(charter),
          group,
          new ProjectInput(
              form.get("key") == null ? null : form.get("key").strip(),
              title,
              null,
              commitments == null ? List.of() : commitments,
              leads,
              null,
              financing,
              null,
              form.getOrDefault("classification", "bilateral")),
          viewer);
      return "redirect:/charters/" + charter + "/working-groups/" + group + "/workspace";
    } catch (BadRequestException | ForbiddenException e) {
      response.setStatus(org.entente.shared.Problems.status(e).value());
      model.addAttribute(
          "detail", charters.workingGroup(CharterKey.inPath(charter), group, viewer));
      model.addAttribute("form", form);
      model.addAttribute("chosen", commitments == null ? List.of() : commitments);
      model.addAttribute(
          "fieldError",
          e instanceof BadRequestException b ? b.field() : ((ForbiddenException) e).field());
      model.addAttribute("message", e.getMessage());
      return "projects/project-form";
    }
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.strip());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
