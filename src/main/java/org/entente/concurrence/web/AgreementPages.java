package org.entente.concurrence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.entente.concurrence.AgreementPage;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Agreements.Step;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms of the agreement fragment ({@code concurrence/agreement.html}) post here, at the URLs
 * of the pages that show them: a step carried out goes back to the page, a refused one shows it
 * again with the refusal.
 */
@Controller
class AgreementPages {

  private static final String GROUP = "/charters/{charter}/working-groups/{group}";

  private final Agreements agreements;
  private final List<AgreementPage> pages;

  AgreementPages(Agreements agreements, List<AgreementPage> pages) {
    this.agreements = agreements;
    this.pages = pages;
  }

  @PostMapping(GROUP + "/project-list/{action}")
  String projectList(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String action,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String reason,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    return step("project-list", charter, group, action, version, reason, viewer, model, response);
  }

  @PostMapping(GROUP + "/roadmap/{action}")
  String roadmap(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String action,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String reason,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    return step("roadmap", charter, group, action, version, reason, viewer, model, response);
  }

  @PostMapping("/charters/{charter}/dialogue-platforms/{platform}/{action}")
  String platform(
      @PathVariable String charter,
      @PathVariable String platform,
      @PathVariable String action,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String reason,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    return step(
        "dialogue-platform", charter, platform, action, version, reason, viewer, model, response);
  }

  @PostMapping("/meetings/{id}/statement/{action}")
  String statement(
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String reason,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    return step("joint-statement", null, id, action, version, reason, viewer, model, response);
  }

  @SuppressWarnings("java:S107") // the request's parts, passed on as they came
  private String step(
      String type,
      String charter,
      String key,
      String action,
      String version,
      String reason,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    AgreementPage page =
        pages.stream()
            .filter(p -> p.shows(type))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("page", type));
    Step step = Step.parse(action);
    CharterKey charterKey = charter == null ? null : CharterKey.inPath(charter);
    try {
      agreements.step(type, charterKey, key, step, version(version), reason, viewer);
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      return page.refused(type, charterKey, key, e, viewer, model, response);
    }
    return "redirect:" + page.after(type, charterKey, key, action);
  }

  private static Integer version(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("version", "the version is a whole number");
    }
  }
}
