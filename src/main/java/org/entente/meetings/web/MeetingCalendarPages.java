package org.entente.meetings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.DialoguePlatformView;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.meetings.Platforms;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.NotFoundException;
import org.entente.shared.Problems;
import org.entente.shared.TextLanguages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A charter's meetings by month, with its published statements and the form that establishes a
 * dialogue platform, and the form that schedules a meeting.
 */
@Controller
class MeetingCalendarPages {

  private final Meetings meetings;
  private final Charters charters;
  private final Platforms platforms;

  MeetingCalendarPages(Meetings meetings, Charters charters, Platforms platforms) {
    this.meetings = meetings;
    this.charters = charters;
    this.platforms = platforms;
  }

  /** A day of the month view and the meetings that start on it, as the viewer sees times. */
  record Day(LocalDate date, boolean inMonth, List<MeetingView> meetings) {}

  @GetMapping("/charters/{charter}/meetings")
  String month(
      @PathVariable String charter,
      @RequestParam(required = false) String month,
      Viewer viewer,
      Model model) {
    CharterSummary summary = charters.require(CharterKey.inPath(charter), viewer);
    YearMonth shown;
    try {
      shown =
          month == null || month.isBlank()
              ? YearMonth.from(meetings.today())
              : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("month", "'" + month + "' is not a month (YYYY-MM)");
    }
    ZoneId partyZone = meetings.zoneFor(CharterKey.inPath(charter), viewer).orElse(null);
    ZoneId zone = partyZone == null ? ZoneOffset.UTC : partyZone;
    LocalDate first = shown.atDay(1);
    LocalDate gridStart = first.minusDays(first.getDayOfWeek().getValue() - 1L);
    LocalDate last = shown.atEndOfMonth();
    LocalDate gridEnd = last.plusDays(7L - last.getDayOfWeek().getValue());
    List<MeetingView> found =
        meetings.meetings(
            summary,
            gridStart.atStartOfDay(zone).minusDays(1).toInstant(),
            gridEnd.plusDays(2).atStartOfDay(zone).toInstant(),
            viewer);
    model.addAttribute("charter", summary);
    model.addAttribute("textLanguages", TextLanguages.ordered(summary.languages()));
    model.addAttribute("month", shown);
    model.addAttribute("previous", shown.minusMonths(1));
    model.addAttribute("next", shown.plusMonths(1));
    model.addAttribute("weeks", weeks(shown, gridStart, gridEnd, found));
    model.addAttribute("days", List.of(DayOfWeek.values()));
    model.addAttribute(
        "inMonth",
        found.stream().filter(m -> YearMonth.from(m.startsForViewer()).equals(shown)).toList());
    model.addAttribute("zone", partyZone);
    model.addAttribute("mayEstablish", viewer.mayWriteInFramework());
    model.addAttribute("platforms", charters.platforms(CharterKey.inPath(charter), viewer));
    model.addAttribute(
        "platformAgreements",
        viewer.official()
            ? platforms.agreements(CharterKey.inPath(charter), viewer)
            : Map.<String, Object>of());
    model.addAttribute("mayActOnPlatforms", Platforms.mayAct(viewer));
    model.addAttribute("viewerParty", viewer.party());
    model.addAttribute("statements", meetings.publishedStatements(CharterKey.inPath(charter)));
    return "meetings/month";
  }

  /** The month's grid: whole weeks from Monday, each day with the meetings that start on it. */
  private static List<List<Day>> weeks(
      YearMonth shown, LocalDate gridStart, LocalDate gridEnd, List<MeetingView> found) {
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
    return weeks;
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
      MeetingView created =
          meetings.schedule(CharterKey.inPath(charter), MeetingForms.meeting(form), viewer);
      return "redirect:/meetings/" + created.id();
    } catch (DomainException e) {
      if (e instanceof NotFoundException) {
        throw e;
      }
      response.setStatus(Problems.status(e).value());
      form(charter, viewer, model);
      model.addAttribute("form", form);
      model.addAttribute("typedTitle", MeetingForms.byLanguage(form, "title"));
      model.addAttribute("fieldError", Forms.field(e));
      model.addAttribute("message", e.getMessage());
      return "meetings/meeting-form";
    }
  }

  private void form(String charter, Viewer viewer, Model model) {
    model.addAttribute("charter", charters.require(CharterKey.inPath(charter), viewer));
    List<WorkingGroupView> groups =
        charters.workingGroups(CharterKey.inPath(charter), null, viewer).stream()
            .filter(g -> viewer.mayWriteIn(g.id()))
            .toList();
    List<DialoguePlatformView> platforms =
        charters.platforms(CharterKey.inPath(charter), viewer).stream()
            .filter(p -> viewer.mayWriteIn(p.id()))
            .toList();
    model.addAttribute("groups", groups);
    model.addAttribute("platforms", platforms);
    List<PartyView> parties = charters.overview(CharterKey.inPath(charter), viewer).parties();
    model.addAttribute("parties", parties);
    model.addAttribute("partyZones", ZoneChoices.ofParties(parties));
    model.addAttribute("otherZones", ZoneChoices.others(parties));
    model.addAttribute("mayFramework", viewer.mayWriteInFramework());
    LanguagesOfCharter languages =
        charters
            .languages(CharterKey.inPath(charter))
            .orElse(new LanguagesOfCharter(List.of("en"), "en"));
    model.addAttribute("textLanguages", languages.languages());
    model.addAttribute("sourceLanguage", languages.textLanguage());
    model.addAttribute(
        "organizationNames", meetings.organizationNames(CharterKey.inPath(charter), viewer));
    model.addAttribute(
        "defaultZone",
        meetings
            .zoneFor(CharterKey.inPath(charter), viewer)
            .map(ZoneId::getId)
            .orElse(ZoneChoices.byDefault(parties)));
  }

  /**
   * Proposes a platform both parties share (established once both approve it), or establishes a
   * party-internal one; a refusal shows the month again with what was typed.
   */
  @PostMapping("/charters/{charter}/dialogue-platforms")
  String establish(
      @PathVariable String charter,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      Platforms.PlatformView made =
          platforms.propose(
              CharterKey.inPath(charter),
              form.get("key"),
              typed(form, "name"),
              typed(form, "purpose"),
              form.getOrDefault("classification", "bilateral"),
              viewer);
      return "redirect:/charters/"
          + CharterKey.inPath(charter).value()
          + "/meetings?done="
          + (Platforms.PROPOSED.equals(made.status()) ? "proposed" : "established");
    } catch (DomainException e) {
      if (e instanceof NotFoundException) {
        throw e;
      }
      model.addAttribute("platformForm", form);
      return refusedPlatform(charter, e, viewer, model, response);
    }
  }

  /** Changes a proposed platform: a new version of its proposal, for both parties to approve. */
  @PostMapping("/charters/{charter}/dialogue-platforms/{platform}/edit")
  String revise(
      @PathVariable String charter,
      @PathVariable String platform,
      @RequestParam Map<String, String> form,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      platforms.revise(
          CharterKey.inPath(charter),
          platform,
          typed(form, "name"),
          typed(form, "purpose"),
          version(form.get("version")),
          viewer);
      return "redirect:/charters/" + CharterKey.inPath(charter).value() + "/meetings?done=revised";
    } catch (DomainException e) {
      if (e instanceof NotFoundException) {
        throw e;
      }
      return refusedPlatform(charter, e, viewer, model, response);
    }
  }

  /**
   * A platform's name or purpose as the form sends it: a field per language of the charter ({@code
   * name_en}, {@code name_az}), or one field in the charter's text language.
   */
  private static Object typed(Map<String, String> form, String field) {
    Map<String, String> texts = TextLanguages.typed(form, field);
    return texts.isEmpty() ? form.get(field) : texts;
  }

  private static Long version(String value) {
    try {
      return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("version", "the version is a whole number");
    }
  }

  /** The month shown again with a refused step on a platform, its status from the refusal. */
  String refusedPlatform(
      String charter,
      DomainException refusal,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    response.setStatus(Problems.status(refusal).value());
    model.addAttribute("platformError", refusal.getMessage());
    return month(charter, null, viewer, model);
  }
}
