package org.entente.directory;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.NotFoundException;
import org.entente.shared.Problems;
import org.entente.shared.StateConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The directory's pages: the charter's organizations with a search box and filters, and for
 * coordinators the form that adds one (what {@code POST /api/charters/{charter}/organizations}
 * does, with the same rules and errors); an organization's page, with the form that changes it for
 * those who may. A refused form is shown again with what was typed, the field and why.
 */
@Controller
class DirectoryPages {

  private final Directory directory;
  private final Charters charters;

  DirectoryPages(Directory directory, Charters charters) {
    this.directory = directory;
    this.charters = charters;
  }

  @GetMapping("/charters/{charter}/organizations")
  String list(
      @PathVariable String charter,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String party,
      @RequestParam(required = false) String type,
      Viewer viewer,
      Model model) {
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put("q", q);
    filter.put("party", party);
    filter.put("type", type);
    return list(charter, filter, new LinkedHashMap<>(), viewer, model);
  }

  @PostMapping("/charters/{charter}/organizations")
  String create(
      @PathVariable String charter,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      OrganizationView created = directory.create(CharterKey.inPath(charter), input(form), viewer);
      return "redirect:/charters/" + created.charterKey() + "/organizations/" + created.id();
    } catch (DomainException e) {
      refused(e, model, response);
      return list(charter, new LinkedHashMap<>(), form, viewer, model);
    }
  }

  private String list(
      String charter,
      Map<String, String> filter,
      Map<String, String> form,
      Viewer viewer,
      Model model) {
    CharterKey key = CharterKey.inPath(charter);
    model.addAttribute(
        "organizations",
        directory.list(key, filter.get("q"), filter.get("party"), filter.get("type"), viewer));
    model.addAttribute("filter", filter);
    common(key, form, viewer, model);
    return "directory/list";
  }

  @GetMapping("/charters/{charter}/organizations/{id}")
  String organization(
      @PathVariable String charter, @PathVariable String id, Viewer viewer, Model model) {
    OrganizationView o = directory.find(CharterKey.inPath(charter), DirectoryApi.uuid(id), viewer);
    return page(o, form(o), viewer, model);
  }

  @PostMapping("/charters/{charter}/organizations/{id}")
  String update(
      @PathVariable String charter,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    CharterKey key = CharterKey.inPath(charter);
    UUID organization = DirectoryApi.uuid(id);
    try {
      OrganizationView o = directory.update(key, organization, input(form), viewer);
      return "redirect:/charters/" + o.charterKey() + "/organizations/" + o.id();
    } catch (DomainException e) {
      refused(e, model, response);
      return page(directory.find(key, organization, viewer), form, viewer, model);
    }
  }

  private String page(OrganizationView o, Map<String, String> form, Viewer viewer, Model model) {
    model.addAttribute("o", o);
    common(CharterKey.inPath(o.charterKey()), form, viewer, model);
    return "directory/organization";
  }

  private void common(CharterKey key, Map<String, String> form, Viewer viewer, Model model) {
    model.addAttribute("charter", charters.require(key, viewer));
    model.addAttribute("parties", directory.partyKeys(key, viewer));
    model.addAttribute("types", Directory.types());
    model.addAttribute("mayManage", directory.mayManage(viewer));
    model.addAttribute("form", form);
  }

  /** The form's answer to a refused change: its status, the field it names and why. */
  private static void refused(DomainException e, Model model, HttpServletResponse response) {
    if (e instanceof NotFoundException) {
      throw e;
    }
    response.setStatus(Problems.status(e).value());
    String field = e instanceof StateConflictException ? "name" : e.field();
    model.addAttribute("fieldError", field == null ? "" : field);
    model.addAttribute("message", e.getMessage());
  }

  /** What the form sends, read as the API's input: a version that is no number is refused. */
  private static OrganizationInput input(Map<String, String> form) {
    String version = form.get("version");
    Long v = null;
    if (version != null && !version.isBlank()) {
      try {
        v = Long.valueOf(version.strip());
      } catch (NumberFormatException e) {
        throw new BadRequestException("version", "'" + version + "' is not a version");
      }
    }
    return new OrganizationInput(
        form.get("name"),
        form.get("secondName"),
        form.get("party"),
        form.get("type"),
        form.get("identifier"),
        v);
  }

  /** The change form of an organization, filled with what it holds. */
  private static Map<String, String> form(OrganizationView o) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", o.name());
    form.put("secondName", o.secondName());
    form.put("party", o.party());
    form.put("type", o.type());
    form.put("identifier", o.identifier());
    form.put("version", String.valueOf(o.version()));
    return form;
  }
}
