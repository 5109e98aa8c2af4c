package org.entente.meetings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.ActionItemChange;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.Meetings;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's work list and the forms that change an action item or make it a milestone; a charter's
 * published statements and one published statement, which anyone may read.
 */
@Controller
class ActionItemPages {

  private final Meetings meetings;
  private final Charters charters;
  private final MeetingPage page;

  ActionItemPages(Meetings meetings, Charters charters, MeetingPage page) {
    this.meetings = meetings;
    this.charters = charters;
    this.page = page;
  }

  @GetMapping("/account/action-items")
  String workList(Viewer viewer, Model model) {
    model.addAttribute("items", meetings.workList(viewer));
    model.addAttribute("today", meetings.today());
    return "meetings/work-list";
  }

  @PostMapping("/action-items/{id}/{action}")
  String actionItem(
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    UUID item = Forms.id("action item", id);
    ActionItemView current = meetings.actionItem(item, viewer);
    try {
      switch (action) {
        case "status" ->
            meetings.changeActionItem(
                item,
                new ActionItemChange(
                    Forms.version(form.get("version")),
                    form.get("status"),
                    Forms.date("dueOn", form.get("dueOn"))),
                viewer);
        case "milestone" ->
            meetings.makeMilestone(item, Forms.blankToNull(form.get("key")), viewer);
        default -> throw new NotFoundException("action", action);
      }
    } catch (DomainException e) {
      return page.refused(current.meetingId(), e, viewer, model, response);
    }
    return "redirect:/meetings/" + current.meetingId() + "?done=action-item-" + action;
  }

  @GetMapping("/charters/{charter}/statements")
  String statements(@PathVariable String charter, Viewer viewer, Model model) {
    model.addAttribute("charter", charters.require(CharterKey.inPath(charter), viewer));
    model.addAttribute("statements", meetings.publishedStatements(CharterKey.inPath(charter)));
    return "meetings/statements";
  }

  @GetMapping("/statements/{id}")
  String statement(@PathVariable String id, Model model) {
    model.addAttribute("s", meetings.publishedStatement(Forms.id("joint statement", id)));
    return "meetings/statement";
  }
}
