package org.entente.calendars;

import java.util.UUID;
import org.entente.calendars.CalendarViews.NewFeed;
import org.entente.calendars.CalendarViews.PreferenceChange;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.entente.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's calendars, reminder settings and notifications, and the feeds themselves: {@code
 * /calendars/{secret}.ics} needs no login, the secret is the key.
 */
@Controller
class CalendarPages {

  static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final Calendars calendars;
  private final Viewers viewers;
  private final org.entente.languages.Languages languages;
  private final Readers readers;

  CalendarPages(
      Calendars calendars,
      Viewers viewers,
      org.entente.languages.Languages languages,
      Readers readers) {
    this.languages = languages;
    this.readers = readers;
    this.calendars = calendars;
    this.viewers = viewers;
  }

  @GetMapping("/calendars/{secret}.ics")
  ResponseEntity<String> feed(
      @PathVariable String secret, @RequestParam(name = "lang", required = false) String lang) {
    // ?lang= was checked and applied by the languages module; without it, the owner's language
    String language = lang == null ? null : LocaleContextHolder.getLocale().getLanguage();
    String body =
        calendars
            .feed(secret, language)
            .orElseThrow(() -> new NotFoundException("calendar", "feed"));
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .cacheControl(CacheControl.noStore())
        .header("X-Robots-Tag", "noindex")
        .body(body);
  }

  @GetMapping("/account/calendars")
  String feeds(Viewer viewer, Model model) {
    model.addAttribute("feeds", calendars.feeds(viewer));
    model.addAttribute(
        "groups", viewers.groups().stream().filter(g -> viewer.groups().contains(g.id())).toList());
    return "calendars/feeds";
  }

  @PostMapping("/account/calendars")
  String create(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String group,
      Viewer viewer,
      Model model) {
    String charterKey = null;
    String groupKey = null;
    if (group != null && !group.isBlank()) {
      int slash = group.indexOf('/');
      charterKey = slash > 0 ? group.substring(0, slash) : "";
      groupKey = slash > 0 ? group.substring(slash + 1) : group;
    }
    try {
      model.addAttribute(
          "created",
          calendars.createFeed(
              new NewFeed(
                  kind,
                  "group".equals(kind) ? charterKey : null,
                  "group".equals(kind) ? groupKey : null),
              ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(),
              viewer));
    } catch (BadRequestException e) {
      model.addAttribute("fieldError", e.field());
      model.addAttribute("message", e.getMessage());
    }
    return feeds(viewer, model);
  }

  @PostMapping("/account/calendars/{id}/revoke")
  String revoke(@PathVariable UUID id, Viewer viewer) {
    calendars.revokeFeed(id, viewer);
    return "redirect:/account/calendars?revoked";
  }

  @GetMapping("/account/reminders")
  String reminders(Viewer viewer, Model model) {
    model.addAttribute("preferences", calendars.preferences(viewer));
    model.addAttribute("languagesOffered", languages.all());
    model.addAttribute("automaticLanguage", readers.workedOut(viewer));
    return "calendars/reminders";
  }

  @PostMapping("/account/reminders")
  String changeReminders(
      @RequestParam(required = false) String daysAhead,
      @RequestParam(required = false, defaultValue = "false") boolean byEmail,
      @RequestParam(required = false, defaultValue = "false") boolean enabled,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) Long version,
      Viewer viewer,
      Model model) {
    try {
      Integer days;
      try {
        days = daysAhead == null || daysAhead.isBlank() ? null : Integer.valueOf(daysAhead.strip());
      } catch (NumberFormatException e) {
        throw new BadRequestException("daysAhead", "days ahead is a number from 0 to 90");
      }
      calendars.changePreferences(
          new PreferenceChange(days, byEmail, enabled, language, version), viewer);
      return "redirect:/account/reminders?saved";
    } catch (BadRequestException | ConflictException e) {
      model.addAttribute("fieldError", e instanceof BadRequestException b ? b.field() : "version");
      model.addAttribute("message", e.getMessage());
      return reminders(viewer, model);
    }
  }

  @GetMapping("/account/notifications")
  String notifications(Viewer viewer, Model model) {
    model.addAttribute("notifications", calendars.notifications(viewer));
    return "calendars/notifications";
  }

  @PostMapping("/account/notifications/{id}/read")
  String markRead(@PathVariable UUID id, Viewer viewer) {
    calendars.markRead(id, viewer);
    return "redirect:/account/notifications";
  }
}
