package org.entente.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectCsv;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneCsv;
import org.entente.shared.CharterKey;
import org.entente.shared.InputText;
import org.entente.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Upload a CSV of a group's projects or milestones, and follow the import while it runs. */
@Controller
class ImportPages {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String GROUP = "/charters/{charter}/working-groups/{group}";

  private final Charters charters;
  private final Imports imports;
  private final Projects projects;
  private final ProjectCsv projectCsv;
  private final MilestoneCsv milestoneCsv;

  ImportPages(
      Charters charters,
      Imports imports,
      Projects projects,
      ProjectCsv projectCsv,
      MilestoneCsv milestoneCsv) {
    this.charters = charters;
    this.imports = imports;
    this.projects = projects;
    this.projectCsv = projectCsv;
    this.milestoneCsv = milestoneCsv;
  }

  /**
   * The group's projects the signed-in person may see, as the CSV the import reads: the import
   * page's link, on the page chain so that it goes with the browser's session (the API's export
   * reads tokens only, and would give a browser only what is public).
   */
  @GetMapping(path = GROUP + "/import/projects.csv", produces = "text/csv")
  @ResponseBody
  ResponseEntity<String> projects(
      @PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return csv(
        charter + "-" + group + "-projects.csv",
        projectCsv.export(CharterKey.inPath(charter), group, viewer, projects));
  }

  /** The group's milestones the signed-in person may see, as the CSV the import reads. */
  @GetMapping(path = GROUP + "/import/milestones.csv", produces = "text/csv")
  @ResponseBody
  ResponseEntity<String> milestones(
      @PathVariable String charter, @PathVariable String group, Viewer viewer) {
    return csv(
        charter + "-" + group + "-milestones.csv",
        milestoneCsv.export(CharterKey.inPath(charter), group, viewer));
  }

  private static ResponseEntity<String> csv(String fileName, String body) {
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .body(body);
  }

  @GetMapping("/charters/{charter}/working-groups/{group}/import")
  String form(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    var detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
    model.addAttribute("detail", detail);
    model.addAttribute("member", viewer.mayWriteIn(detail.group().id()));
    return "reporting/import";
  }

  @PostMapping("/charters/{charter}/working-groups/{group}/import")
  String upload(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) MultipartFile file,
      Viewer viewer,
      Model model,
      HttpServletResponse response)
      throws IOException {
    var detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
    String problem = null;
    Imports.Kind chosen = null;
    if (!viewer.mayWriteIn(detail.group().id())) {
      problem = "Only members of this group import its projects and milestones.";
      response.setStatus(403);
    } else if (file == null || file.isEmpty()) {
      problem = "Choose a CSV file to import.";
      response.setStatus(400);
    } else if (InputText.problem(file.getOriginalFilename()) != null) {
      problem = "The file's name: " + InputText.problem(file.getOriginalFilename());
      response.setStatus(400);
    } else {
      try {
        chosen = Imports.Kind.valueOf(kind == null ? "" : kind);
      } catch (IllegalArgumentException e) {
        problem = "Choose whether the file holds projects or milestones.";
        response.setStatus(400);
      }
    }
    if (problem != null) {
      model.addAttribute("detail", detail);
      model.addAttribute("member", viewer.mayWriteIn(detail.group().id()));
      model.addAttribute("error", problem);
      return "reporting/import";
    }
    String text = new String(file.getBytes(), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    UUID id =
        imports.start(
            chosen,
            charter,
            group,
            InputText.normaliseAdmitted(file.getOriginalFilename()),
            new StringReader(text),
            viewer);
    return "redirect:/imports/" + id;
  }

  @GetMapping("/imports/{id}")
  String job(@PathVariable String id, Viewer viewer, Model model) {
    UUID job;
    try {
      job = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("import", id);
    }
    Imports.Job found = imports.job(job, viewer);
    model.addAttribute("job", found);
    if (found.status().equals("RUNNING")) {
      model.addAttribute("refreshSeconds", 2);
    }
    JsonNode report = found.report() == null ? null : JSON.readTree(found.report());
    model.addAttribute("report", report);
    return "reporting/import-job";
  }
}
