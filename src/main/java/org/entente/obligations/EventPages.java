package org.entente.obligations;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationViews.Deadlines;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.DomainException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms that record an event (a meeting held or a deliverable finalized outside Entente) and
 * correct one: what {@code POST /api/charters/{c}/events} and {@code PATCH
 * /api/charters/{c}/events/{id}} do, with the same rules and errors, through {@link Obligations}.
 */
@Controller
class EventPages {

  private static final String NEW = "/charters/{charter}/events/new";
  private static final String ONE = "/charters/{charter}/events/{id}";

  private final Obligations obligations;

  EventPages(Obligations obligations) {
    this.obligations = obligations;
  }

  @GetMapping(NEW)
  String blank(@PathVariable String charter, Viewer viewer, Model model) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("occurredOn", obligations.today().toString());
    return recordForm(charter, form, viewer, model);
  }

  @PostMapping("/charters/{charter}/events")
  String record(
      @PathVariable String charter,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      EventView recorded =
          obligations.record(CharterKey.inPath(charter), EventForm.event(form), viewer);
      return "redirect:/charters/" + charter + "/events/" + recorded.id() + "?done=recorded";
    } catch (BadRequestException | ForbiddenException e) {
      refused(e, model, response);
      return recordForm(charter, form, viewer, model);
    }
  }

  @GetMapping(ONE)
  String event(
      @PathVariable String charter,
      @PathVariable String id,
      @RequestParam(required = false) String done,
      Viewer viewer,
      Model model) {
    EventView event = obligations.event(CharterKey.inPath(charter), eventId(id), viewer);
    model.addAttribute("done", "recorded".equals(done) || "changed".equals(done) ? done : null);
    return eventPage(charter, event, EventForm.of(event), viewer, model);
  }

  @PostMapping(ONE)
  String change(
      @PathVariable String charter,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    CharterKey key = CharterKey.inPath(charter);
    EventView event = obligations.event(key, eventId(id), viewer);
    try {
      obligations.update(key, event.id(), EventForm.change(form), viewer);
      return "redirect:/charters/" + charter + "/events/" + id + "?done=changed";
    } catch (BadRequestException | ForbiddenException | ConflictException e) {
      refused(e, model, response);
      return eventPage(charter, event, form, viewer, model);
    }
  }

  private String recordForm(String charter, Map<String, String> form, Viewer viewer, Model model) {
    Deadlines deadlines =
        obligations.deadlines(CharterKey.inPath(charter), null, null, "due", viewer);
    Map<String, LocalizedText> subjects = new LinkedHashMap<>();
    for (ObligationStatus o : deadlines.obligations()) {
      subjects.putIfAbsent(o.subject(), o.subjectName());
    }
    List<String> deliverables =
        deadlines.obligations().stream()
            .map(ObligationStatus::deliverable)
            .filter(d -> d != null)
            .distinct()
            .toList();
    model.addAttribute("d", deadlines);
    model.addAttribute("subjects", subjects);
    model.addAttribute("deliverables", deliverables);
    model.addAttribute("form", form);
    return "obligations/event-new";
  }

  private String eventPage(
      String charter, EventView event, Map<String, String> form, Viewer viewer, Model model) {
    model.addAttribute("charterKey", CharterKey.inPath(charter).value());
    model.addAttribute("event", event);
    model.addAttribute("pageTitle", event.title() == null ? "" : event.title().text());
    model.addAttribute("form", form);
    model.addAttribute(
        "editable",
        EventSource.API.code().equals(event.source())
            && viewer.signedIn()
            && event.classification() != org.entente.shared.Classification.PUBLIC);
    return "obligations/event";
  }

  private static void refused(DomainException e, Model model, HttpServletResponse response) {
    response.setStatus(Problems.status(e).value());
    model.addAttribute(
        "fieldError",
        e instanceof BadRequestException b
            ? b.field()
            : e instanceof ForbiddenException f ? f.field() : "version");
    model.addAttribute("conflict", e instanceof ConflictException);
    model.addAttribute("message", e.getMessage());
  }

  private static UUID eventId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("event", id);
    }
  }
}
