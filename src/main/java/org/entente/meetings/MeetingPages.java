package org.entente.meetings;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.meetings.web.MeetingForms;
import org.entente.meetings.web.MeetingPage;
import org.entente.shared.DomainException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A meeting's page with the forms that record what it produced, and its joint statement's
 * agreement. The month view and the scheduling form, the work list and the published statements are
 * in {@code org.entente.meetings.web}.
 */
@Controller
class MeetingPages {

  /** The forms whose text in each language is shown again when refused: action to field name. */
  private static final Map<String, String> TYPED =
      Map.of("agenda", "title", "minutes", "minutes", "decisions", "text", "action-items", "title");

  private final Meetings meetings;
  private final MeetingPage page;

  MeetingPages(Meetings meetings, MeetingPage page) {
    this.meetings = meetings;
    this.page = page;
  }

  @GetMapping("/meetings/{id}")
  String meeting(@PathVariable String id, Viewer viewer, Model model) {
    page.show(MeetingApi.uuid("meeting", id), viewer, model);
    return MeetingPage.TEMPLATE;
  }

  @PostMapping("/meetings/{id}/{action}")
  String act(
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    UUID meeting = MeetingApi.uuid("meeting", id);
    try {
      switch (action) {
        case "change" -> meetings.change(meeting, MeetingForms.change(form), viewer);
        case "minutes" -> meetings.change(meeting, MeetingForms.minutes(form), viewer);
        case "participants" ->
            meetings.addParticipant(meeting, MeetingForms.participant(form), viewer);
        case "attendance" ->
            meetings.recordAttendance(meeting, MeetingForms.attendance(form), viewer);
        case "agenda" -> meetings.addAgendaItem(meeting, MeetingForms.agendaItem(form), viewer);
        case "decisions" -> meetings.addDecision(meeting, MeetingForms.decision(form), viewer);
        case "action-items" ->
            meetings.addActionItem(meeting, MeetingForms.actionItem(form), viewer);
        case "statement" -> meetings.draftStatement(meeting, MeetingForms.statement(form), viewer);
        default -> throw new NotFoundException("action", action);
      }
    } catch (DomainException e) {
      if ("statement".equals(action)) {
        model.addAttribute("statementTyped", MeetingForms.statementTexts(form));
      }
      String typed = TYPED.get(action);
      if (typed != null) {
        model.addAttribute("typedAction", action);
        model.addAttribute("typed", MeetingForms.byLanguage(form, typed));
      }
      return refused(meeting, e, viewer, model, response);
    }
    return "redirect:/meetings/" + meeting + "?done=" + action;
  }

  String refused(
      UUID meeting, DomainException e, Viewer viewer, Model model, HttpServletResponse response) {
    return page.refused(meeting, e, viewer, model, response);
  }
}
