package org.entente.calendars;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.entente.calendars.CalendarViews.CreatedFeed;
import org.entente.calendars.CalendarViews.FeedView;
import org.entente.calendars.CalendarViews.NewFeed;
import org.entente.calendars.CalendarViews.NotificationView;
import org.entente.calendars.CalendarViews.PreferenceChange;
import org.entente.calendars.CalendarViews.ReminderPreferences;
import org.entente.calendars.CalendarViews.RunReport;
import org.entente.identity.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The caller's calendar subscriptions, reminder settings and notifications; the daily run. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Calendars and reminders", description = "Calendar feeds, reminders, notifications")
@SecurityRequirement(name = "personal-access-token")
class CalendarApi {

  private final Calendars calendars;
  private final DailyDigest digest;

  CalendarApi(Calendars calendars, DailyDigest digest) {
    this.calendars = calendars;
    this.digest = digest;
  }

  @GetMapping("/me/calendars")
  @Operation(summary = "Your calendar subscriptions, revoked ones included (never their URLs)")
  List<FeedView> feeds(Viewer viewer) {
    return calendars.feeds(viewer);
  }

  @PostMapping(path = "/me/calendars", consumes = "application/json")
  @Operation(
      summary = "Subscribe: your own calendar, or a group's you may read (write scope)",
      description =
          "Send {\"kind\":\"person\"} or {\"kind\":\"group\",\"charter\":\"…\",\"group\":\"…\"}."
              + " The answer holds the URL with its secret, shown this once.")
  ResponseEntity<CreatedFeed> create(@RequestBody(required = false) NewFeed input, Viewer viewer) {
    CreatedFeed created =
        calendars.createFeed(
            input,
            ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(),
            viewer);
    return ResponseEntity.created(URI.create("/api/me/calendars/" + created.feed().id()))
        .body(created);
  }

  @DeleteMapping("/me/calendars/{id}")
  @Operation(summary = "Revoke a subscription: its URL answers 404 from now on (write scope)")
  ResponseEntity<Void> revoke(@PathVariable UUID id, Viewer viewer) {
    calendars.revokeFeed(id, viewer);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/me/reminders")
  @Operation(summary = "Your reminder settings")
  ReminderPreferences preferences(Viewer viewer) {
    return calendars.preferences(viewer);
  }

  @PutMapping(path = "/me/reminders", consumes = "application/json")
  @Operation(
      summary = "Change your reminder settings (write scope)",
      description = "daysAhead from 0 to 90; send the version you read to guard against a race.")
  ReminderPreferences change(@RequestBody PreferenceChange change, Viewer viewer) {
    return calendars.changePreferences(change, viewer);
  }

  @GetMapping("/me/notifications")
  @Operation(summary = "Your notifications (the daily digests), newest first")
  List<NotificationView> notifications(Viewer viewer) {
    return calendars.notifications(viewer);
  }

  @GetMapping("/me/notifications/{id}")
  @Operation(summary = "One of your notifications")
  NotificationView notification(@PathVariable UUID id, Viewer viewer) {
    return calendars.notification(id, viewer);
  }

  @PostMapping("/me/notifications/{id}/read")
  @Operation(summary = "Mark one of your notifications read (write scope)")
  NotificationView markRead(@PathVariable UUID id, Viewer viewer) {
    return calendars.markRead(id, viewer);
  }

  @PostMapping("/reminders/run")
  @Operation(
      summary = "Make today's digests now (operator token)",
      description = "What the daily schedule does; running it again the same day changes nothing.")
  RunReport run() {
    return digest.run();
  }
}
