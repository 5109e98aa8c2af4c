package org.entente.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.InputText;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Upload a CSV of a group's projects or milestones, and follow the import while it runs. */
@Controller
class ImportPages {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Charters charters;
  private final Imports imports;

  ImportPages(Charters charters, Imports imports) {
    this.charters = charters;
    this.imports = imports;
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
