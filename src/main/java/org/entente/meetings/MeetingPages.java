package org.entente.meetings;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.DialoguePlatformView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.ActionItemChange;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.NotFoundException;
import org.entente.shared.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Meeting pages: a charter's meetings by month, the form that schedules one, a meeting's page with
 * the forms that record what it produced, a person's work list, and the published statements.
 */
@Controller
class MeetingPages {

  private final Meetings meetings;
  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;

  MeetingPages(Meetings meetings, Charters charters, Projects projects, Roadmaps roadmaps) {
    this.meetings = meetings;
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
  }

  /** A day of the month view and the meetings that start on it, as the viewer sees times. */
  record Day(LocalDate date, boolean inMonth, List<MeetingView> meetings) {}

  @GetMapping("/charters/{charter}/meetings")
  String month(
      @PathVariable String charter,
      @RequestParam(required = false) String month,
      Viewer viewer,
      Model model) {
    CharterSummary summary = charters.require(charter, viewer);
    YearMonth shown;
    try {
      shown =
          month == null || month.isBlank()
              ? YearMonth.from(meetings.today())
              : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("month", "'" + month + "' is not a month (YYYY-MM)");
    }
    ZoneId zone = meetings.zoneFor(charter, viewer).orElse(ZoneOffset.UTC);
    LocalDate first = shown.atDay(1);
    LocalDate gridStart = first.minusDays(first.getDayOfWeek().getValue() - 1L);
    LocalDate last = shown.atEndOfMonth();
    LocalDate gridEnd = last.plusDays(7L - last.getDayOfWeek().getValue());
    List<MeetingView> found =
        meetings.meetings(
            charter,
            gridStart.atStartOfDay(zone).minusDays(1).toInstant(),
            gridEnd.plusDays(2).atStartOfDay(zone).toInstant(),
            viewer);
    List<List<Day>> weeks = new ArrayList<>();
    for (LocalDate d = gridStart; !d.isAfter(gridEnd); d = d.plusDays(7)) {
      List<Day> week = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        LocalDate day = d.plusDays(i);
        week.add(
            new Day(
                day,
                YearMonth.from(day).equals(shown),
                found.stream()
                    .filter(m -> m.startsForViewer().toLocalDate().equals(day))
                    .toList()));
      }
      weeks.add(week);
    }
    model.addAttribute("charter", summary);
    model.addAttribute("month", shown);
    model.addAttribute("previous", shown.minusMonths(1));
    model.addAttribute("next", shown.plusMonths(1));
    model.addAttribute("weeks", weeks);
    model.addAttribute("days", List.of(DayOfWeek.values()));
    model.addAttribute(
        "inMonth",
        found.stream().filter(m -> YearMonth.from(m.startsForViewer()).equals(shown)).toList());
    model.addAttribute("zone", meetings.zoneFor(charter, viewer).orElse(null));
    model.addAttribute("mayEstablish", viewer.mayWriteInFramework());
    model.addAttribute("platforms", charters.platforms(charter, viewer));
    model.addAttribute("statements", meetings.publishedStatements(charter));
    return "meetings/month";
  }

  @GetMapping("/charters/{charter}/meetings/new")
  String newMeeting(
      @PathVariable String charter,
      @RequestParam(required = false) String body,
      Viewer viewer,
      Model model) {
    form(charter, viewer, model);
    Map<String, String> form = new LinkedHashMap<>();
    if (body != null) {
      form.put("body", body);
    }
    model.addAttribute("form", form);
    return "meetings/meeting-form";
  }

  @PostMapping("/charters/{charter}/meetings")
  String schedule(
      @PathVariable String charter,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      String[] body = form.getOrDefault("body", "").split(":", 2);
      List<ParticipantInput> participants = new ArrayList<>();
      for (String party : List.of("1", "2", "3")) {
        String organization = form.get("organization-" + party);
        if (organization != null && !organization.isBlank()) {
          participants.add(
              new ParticipantInput(
                  form.get("party-" + party),
                  organization,
                  form.get("person-" + party),
                  "invited"));
        }
      }
      MeetingView created =
          meetings.schedule(
              charter,
              new MeetingInput(
                  body[0].isBlank() ? null : body[0],
                  body.length > 1 ? body[1] : null,
                  form.get("title"),
                  dateTime("startsAt", form.get("startsAt")),
                  dateTime("endsAt", form.get("endsAt")),
                  form.get("timeZone"),
                  form.get("place"),
                  "on".equals(form.get("online")),
                  form.getOrDefault("classification", "bilateral"),
                  participants),
              viewer);
      return "redirect:/meetings/" + created.id();
    } catch (ErrorResponseException e) {
      if (e instanceof NotFoundException) {
        throw e;
      }
      response.setStatus(e.getStatusCode().value());
      form(charter, viewer, model);
      model.addAttribute("form", form);
      model.addAttribute("fieldError", field(e));
      model.addAttribute("message", e.getBody().getDetail());
      return "meetings/meeting-form";
    }
  }

  private void form(String charter, Viewer viewer, Model model) {
    model.addAttribute("charter", charters.require(charter, viewer));
    List<WorkingGroupView> groups =
        charters.workingGroups(charter, null, viewer).stream()
            .filter(g -> viewer.mayWriteIn(g.id()))
            .toList();
    List<DialoguePlatformView> platforms =
        charters.platforms(charter, viewer).stream()
            .filter(p -> viewer.mayWriteIn(p.id()))
            .toList();
    model.addAttribute("groups", groups);
    model.addAttribute("platforms", platforms);
    model.addAttribute("parties", charters.overview(charter, viewer).parties());
    model.addAttribute("mayFramework", viewer.mayWriteInFramework());
    model.addAttribute(
        "defaultZone", meetings.zoneFor(charter, viewer).map(ZoneId::getId).orElse("Asia/Baku"));
  }

  @PostMapping("/charters/{charter}/dialogue-platforms")
  String establish(
      @PathVariable String charter,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      charters.establishPlatform(
          charter,
          form.get("key"),
          form.get("name"),
          form.get("purpose"),
          form.getOrDefault("classification", "bilateral"),
          viewer);
      return "redirect:/charters/" + charter + "/meetings?established=" + form.get("key");
    } catch (ErrorResponseException e) {
      if (e instanceof NotFoundException) {
        throw e;
      }
      response.setStatus(e.getStatusCode().value());
      model.addAttribute("platformError", e.getBody().getDetail());
      return month(charter, null, viewer, model);
    }
  }

  @GetMapping("/meetings/{id}")
  String meeting(@PathVariable String id, Viewer viewer, Model model) {
    show(MeetingApi.uuid("meeting", id), viewer, model);
    return "meetings/meeting";
  }

  private void show(UUID id, Viewer viewer, Model model) {
    MeetingView m = meetings.meeting(id, viewer);
    model.addAttribute("m", m);
    boolean writer =
        m.groupId() == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(m.groupId());
    model.addAttribute("writer", writer);
    boolean chair =
        m.groupId() != null && viewer.party() != null && viewer.coChairOf().contains(m.groupId());
    model.addAttribute("coChair", chair);
    AgreementView a = m.statement() == null ? null : m.statement().agreement();
    model.addAttribute("agreement", a);
    model.addAttribute("approve", chair && a != null && a.awaits(viewer.party()));
    if (writer && m.body().equals("working-group")) {
      model.addAttribute("projects", projects.list(m.charterKey(), m.bodyKey(), viewer));
      model.addAttribute(
          "milestones", roadmaps.roadmap(m.charterKey(), m.bodyKey(), viewer).milestones());
    } else {
      model.addAttribute("projects", List.of());
      model.addAttribute("milestones", List.of());
    }
    model.addAttribute(
        "commitments",
        writer
            ? charters
                .commitments(m.charterKey(), null, null, new Paging(0, Paging.MAX_SIZE), viewer)
                .items()
            : List.of());
    model.addAttribute("today", meetings.today());
    model.addAttribute("parties", charters.overview(m.charterKey(), viewer).parties());
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
        case "change" ->
            meetings.change(
                meeting,
                new MeetingChange(
                    version(form.get("version")),
                    null,
                    dateTime("startsAt", form.get("startsAt")),
                    dateTime("endsAt", form.get("endsAt")),
                    blankToNull(form.get("timeZone")),
                    null,
                    null,
                    blankToNull(form.get("status")),
                    null),
                viewer);
        case "minutes" ->
            meetings.change(
                meeting,
                new MeetingChange(
                    version(form.get("version")),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    form.getOrDefault("minutes", "")),
                viewer);
        case "participants" ->
            meetings.addParticipant(
                meeting,
                new ParticipantInput(
                    form.get("party"),
                    form.get("organization"),
                    form.get("personName"),
                    form.get("attendance")),
                viewer);
        case "attendance" -> {
          Map<UUID, String> attendance = new LinkedHashMap<>();
          form.forEach(
              (name, value) -> {
                if (name.startsWith("attendance-")) {
                  attendance.put(
                      optionalUuid("attendance", name.substring("attendance-".length())), value);
                }
              });
          meetings.recordAttendance(meeting, attendance, viewer);
        }
        case "agenda" ->
            meetings.addAgendaItem(
                meeting,
                new AgendaItemInput(
                    form.get("title"),
                    blankToNull(form.get("commitment")),
                    optionalUuid("projectId", form.get("projectId")),
                    optionalUuid("milestoneId", form.get("milestoneId"))),
                viewer);
        case "decisions" ->
            meetings.addDecision(
                meeting,
                new DecisionInput(
                    form.get("text"), optionalUuid("agendaItemId", form.get("agendaItemId"))),
                viewer);
        case "action-items" ->
            meetings.addActionItem(
                meeting,
                new ActionItemInput(
                    form.get("title"),
                    form.get("ownerOrganization"),
                    form.get("ownerUsername"),
                    date("dueOn", form.get("dueOn"))),
                viewer);
        case "statement" ->
            meetings.draftStatement(
                meeting,
                new StatementDraft(
                    form.get("text"),
                    "on".equals(form.get("publish")),
                    form.get("version") == null || form.get("version").isBlank()
                        ? null
                        : version(form.get("version"))),
                viewer);
        default -> throw new NotFoundException("action", action);
      }
    } catch (ErrorResponseException e) {
      return refused(meeting, e, viewer, model, response);
    }
    return "redirect:/meetings/" + meeting + "?done=" + action;
  }

  String refused(
      UUID meeting,
      ErrorResponseException e,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    if (e instanceof NotFoundException) {
      throw e;
    }
    response.setStatus(e.getStatusCode().value());
    show(meeting, viewer, model);
    model.addAttribute("message", e.getBody().getDetail());
    model.addAttribute("fieldError", field(e));
    return "meetings/meeting";
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
    UUID item = MeetingApi.uuid("action item", id);
    ActionItemView current = meetings.actionItem(item, viewer);
    try {
      switch (action) {
        case "status" ->
            meetings.changeActionItem(
                item,
                new ActionItemChange(version(form.get("version")), form.get("status"), null),
                viewer);
        case "milestone" -> meetings.makeMilestone(item, blankToNull(form.get("key")), viewer);
        default -> throw new NotFoundException("action", action);
      }
    } catch (ErrorResponseException e) {
      return refused(current.meetingId(), e, viewer, model, response);
    }
    return "redirect:/meetings/" + current.meetingId() + "?done=action-item-" + action;
  }

  @GetMapping("/charters/{charter}/statements")
  String statements(@PathVariable String charter, Viewer viewer, Model model) {
    model.addAttribute("charter", charters.require(charter, viewer));
    model.addAttribute("statements", meetings.publishedStatements(charter));
    return "meetings/statements";
  }

  @GetMapping("/statements/{id}")
  String statement(@PathVariable String id, Model model) {
    model.addAttribute("s", meetings.publishedStatement(MeetingApi.uuid("joint statement", id)));
    return "meetings/statement";
  }

  private static String field(ErrorResponseException e) {
    if (e instanceof BadRequestException b) {
      return b.field();
    }
    if (e instanceof org.entente.shared.ForbiddenException f) {
      return f.field();
    }
    return null;
  }

  private static LocalDateTime dateTime(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + value + "' is not a date and time");
    }
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static Long version(String value) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("version", "the version read is required");
    }
  }

  private static UUID optionalUuid(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, "'" + value + "' is not an id");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
