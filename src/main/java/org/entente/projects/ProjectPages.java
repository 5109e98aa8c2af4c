package org.entente.projects;

import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A project's page. */
@Controller
class ProjectPages {

  private final Projects projects;

  ProjectPages(Projects projects) {
    this.projects = projects;
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
}
