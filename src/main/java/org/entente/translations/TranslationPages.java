package org.entente.translations;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.entente.shared.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A party's secretariat's pages of the translation workflow: what awaits translation into a
 * language (under the charter's workspace), and the side-by-side editor of one text.
 */
@Controller
class TranslationPages {

  private final Translations translations;

  TranslationPages(Translations translations) {
    this.translations = translations;
  }

  @GetMapping("/charters/{charter}/workspace/translations/{language}")
  String queue(
      @PathVariable String charter, @PathVariable String language, Viewer viewer, Model model) {
    model.addAttribute("queue", translations.queue(CharterKey.inPath(charter), language, viewer));
    return "translations/queue";
  }

  @GetMapping("/translations/{subject}/{key}/{language}")
  String editor(
      @PathVariable String subject,
      @PathVariable String key,
      @PathVariable String language,
      Viewer viewer,
      Model model) {
    model.addAttribute("t", translations.text(subject, key, language, viewer));
    return "translations/editor";
  }

  @PostMapping("/translations/{subject}/{key}/{language}")
  String save(
      @PathVariable String subject,
      @PathVariable String key,
      @PathVariable String language,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      Long version = version(form);
      translations.save(subject, key, language, form.get("text"), version, viewer);
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      response.setStatus(Problems.status(e).value());
      model.addAttribute("t", translations.text(subject, key, language, viewer));
      model.addAttribute("typed", form.getOrDefault("text", ""));
      model.addAttribute("message", e.getMessage());
      model.addAttribute("fieldError", field(e));
      return "translations/editor";
    }
    return "redirect:/translations/" + subject + "/" + key + "/" + language + "?done=saved";
  }

  private static Long version(Map<String, String> form) {
    String value = form.get("version");
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("version", "the version read is required");
    }
  }

  private static String field(DomainException e) {
    if (e instanceof BadRequestException b) {
      return b.field();
    }
    return e instanceof ForbiddenException f ? f.field() : null;
  }
}
