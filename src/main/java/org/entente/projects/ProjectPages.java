package org.entente.projects;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.projects.Project.CurrencyCode;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A project's page with its stage form, and the form that adds a project to a working group. */
@Controller
class ProjectPages {

  private final Projects projects;
  private final ProjectReads reads;
  private final ProjectOfficialTexts official;
  private final Charters charters;

  ProjectPages(
      Projects projects, ProjectReads reads, Charters charters, ProjectOfficialTexts official) {
    this.official = official;
    this.projects = projects;
    this.reads = reads;
    this.charters = charters;
  }

  @GetMapping("/projects/{id}")
  String project(@PathVariable String id, Viewer viewer, Model model) {
    show(id(id), viewer, model);
    return "projects/project";
  }

  /**
   * Moves a project to another stage: what {@code POST /api/projects/{id}/stage} does, through the
   * same service method, against the version the page was read at. A refusal shows the project's
   * page again with the error by the stage form and what was chosen and typed.
   */
  @PostMapping("/projects/{id}/stage")
  String stage(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    UUID project = id(id);
    try {
      projects.moveTo(
          project,
          blankToNull(form.get("stage")),
          blankToNull(form.get("reason")),
          ProjectForm.version(form.get("version")),
          viewer);
      return "redirect:/projects/" + project;
    } catch (BadRequestException | ForbiddenException | ConflictException e) {
      response.setStatus(org.entente.shared.Problems.status(e).value());
      show(project, viewer, model);
      model.addAttribute("stageForm", form);
      model.addAttribute("stageError", ProjectEditPages.field(e));
      model.addAttribute("stageConflict", e instanceof ConflictException);
      model.addAttribute("stageMessage", e.getMessage());
      return "projects/project";
    }
  }

  /**
   * What the project's page shows: the project, and for someone who may change it the link to its
   * edit form and the stages the lifecycle allows it to move to from where it is.
   */
  private void show(UUID id, Viewer viewer, Model model) {
    StoredProject stored = reads.stored(id, viewer);
    boolean changeable;
    try {
      stored.requireChangeableBy(viewer);
      changeable = true;
    } catch (ForbiddenException e) {
      changeable = false;
    }
    ProjectView project = stored.view().withOfficial(official.of(stored.view(), stored.groupId()));
    model.addAttribute("project", project);
    model.addAttribute("changeable", changeable);
    model.addAttribute(
        "nextStages",
        changeable
            ? stored.project().stage().next().stream().map(Stage::code).toList()
            : List.of());
    model.addAttribute("stageForm", Map.of("version", Long.toString(project.version())));
    translations(project, model);
  }

  /**
   * Where the project's title and description stand in each language of its charter (decision
   * 0037), when the charter has more than one.
   */
  private void translations(ProjectView project, Model model) {
    charters
        .languages(CharterKey.of(project.charter()))
        .filter(l -> l.languages().size() > 1)
        .ifPresent(
            languages -> {
              ProjectTranslationSources sources =
                  reads.translationSources(project.id(), languages.textLanguage());
              model.addAttribute(
                  "titleTranslations",
                  sources.title().statuses(project.title(), languages.languages()));
              model.addAttribute("titleSource", sources.title().source());
              model.addAttribute(
                  "descriptionTranslations",
                  sources.description().statuses(project.description(), languages.languages()));
              model.addAttribute("descriptionSource", sources.description().source());
              model.addAttribute("titleOfficial", project.official().get("title"));
              model.addAttribute("descriptionOfficial", project.official().get("description"));
            });
  }

  /** A project's id: anything that is not a UUID names no project, and answers 404 like one. */
  static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("project", id);
    }
  }

  @GetMapping("/charters/{charter}/working-groups/{group}/projects/new")
  String newProject(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    WorkingGroupDetail detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
    model.addAttribute("detail", detail);
    model.addAttribute("textLanguages", ProjectForm.languages(detail.charter().languages()));
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
      form.forEach(
          (name, value) -> {
            if (name.matches("title[A-Z][a-z]{1,2}")) {
              put(title, name.substring("title".length()).toLowerCase(Locale.ROOT), value);
            }
          });
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
                    status,
                    ProjectForm.date("financing[0].date", form.get("financingDate"))));
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
      WorkingGroupDetail detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
      model.addAttribute("detail", detail);
      model.addAttribute("textLanguages", ProjectForm.languages(detail.charter().languages()));
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
