package org.entente.projects;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.CoChairView;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.PartnerRole;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.DomainException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.entente.shared.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The form that edits a project: what {@code PATCH /api/projects/{id}} does, for those who may
 * change it, through the same service method, with the same rules and errors, made against the
 * version the person read. Partners and financing lines come in any number of rows without
 * JavaScript: a button adds a blank row and shows again everything typed.
 */
@Controller
class ProjectEditPages {

  static final String EDIT = "/projects/{id}/edit";

  private final Projects projects;
  private final ProjectReads reads;
  private final Charters charters;

  ProjectEditPages(Projects projects, ProjectReads reads, Charters charters) {
    this.projects = projects;
    this.reads = reads;
    this.charters = charters;
  }

  @GetMapping(EDIT)
  String edit(@PathVariable String id, Viewer viewer, Model model) {
    ProjectView project = editable(id, viewer);
    show(ProjectForm.of(project), project, viewer, model);
    return "projects/project-edit";
  }

  @PostMapping(EDIT)
  String change(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> params,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    ProjectView project = editable(id, viewer);
    ProjectForm form = ProjectForm.read(params);
    String rows = params.getFirst("rows");
    if (ProjectForm.PARTNER_ROW.equals(rows) || ProjectForm.FINANCING_ROW.equals(rows)) {
      show(form.withRow(rows), project, viewer, model);
      return "projects/project-edit";
    }
    try {
      projects.update(
          project.id(),
          form.change(project, ProjectForm.languages(projects.languages(project.charter()))),
          viewer);
      return "redirect:/projects/" + project.id();
    } catch (BadRequestException | ForbiddenException | ConflictException e) {
      response.setStatus(Problems.status(e).value());
      show(form.withBlankRows(), project, viewer, model);
      model.addAttribute("fieldError", form.rowField(field(e)));
      model.addAttribute("conflict", e instanceof ConflictException);
      model.addAttribute("message", e.getMessage());
      return "projects/project-edit";
    }
  }

  /** The field a refusal names, {@code version} for a conflict. */
  static String field(DomainException e) {
    if (e instanceof BadRequestException b) {
      return b.field();
    }
    if (e instanceof ForbiddenException f) {
      return f.field();
    }
    return "version";
  }

  /**
   * A project the viewer may change.
   *
   * @throws NotFoundException when there is none the viewer may see
   * @throws ForbiddenException when the viewer may see it but not change it
   */
  private ProjectView editable(String id, Viewer viewer) {
    StoredProject stored = reads.stored(ProjectPages.id(id), viewer);
    stored.requireChangeableBy(viewer);
    return stored.view();
  }

  /** What the edit page shows around the form. */
  private void show(ProjectForm form, ProjectView project, Viewer viewer, Model model) {
    WorkingGroupDetail detail =
        charters.workingGroup(CharterKey.of(project.charter()), project.workingGroup(), viewer);
    model.addAttribute("project", project);
    model.addAttribute("detail", detail);
    model.addAttribute("form", form);
    model.addAttribute("textLanguages", ProjectForm.languages(detail.charter().languages()));
    model.addAttribute("choices", commitments(detail, project));
    model.addAttribute("leadParties", leadParties(detail, form));
    model.addAttribute("roles", PartnerRole.values());
    model.addAttribute("statuses", FinancingStatus.values());
    model.addAttribute(
        "classificationEditable",
        viewer.party() != null && viewer.party().equals(project.originParty()));
  }

  /** The commitments to tick: the group's, and any other the project already serves. */
  private static List<CommitmentRef> commitments(WorkingGroupDetail detail, ProjectView project) {
    List<CommitmentRef> choices = new ArrayList<>();
    for (CommitmentView c : detail.commitments()) {
      choices.add(new CommitmentRef(c.key(), c.title()));
    }
    for (CommitmentRef c : project.commitments()) {
      if (choices.stream().noneMatch(k -> k.key().equals(c.key()))) {
        choices.add(c);
      }
    }
    return choices;
  }

  /** The parties a lead organization is typed for: the co-chairs' and any the project names. */
  private static List<String> leadParties(WorkingGroupDetail detail, ProjectForm form) {
    Map<String, Boolean> parties = new LinkedHashMap<>();
    for (CoChairView chair : detail.group().coChairs()) {
      parties.put(chair.party(), true);
    }
    form.fields().keySet().stream()
        .filter(name -> name.startsWith("lead-"))
        .forEach(name -> parties.put(name.substring("lead-".length()), true));
    return List.copyOf(parties.keySet());
  }
}
