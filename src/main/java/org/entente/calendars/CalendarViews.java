package org.entente.calendars;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the calendars module takes and shows. */
public final class CalendarViews {

  private CalendarViews() {}

  /**
   * A calendar subscription.
   *
   * @param kind {@code person} (the owner's own calendar) or {@code group}
   * @param charter the group's charter key, for a group feed
   * @param group the group's key, for a group feed
   * @param groupName the group's name, for a group feed
   * @param revokedAt when it was revoked; its URL answers 404 from then on
   */
  public record FeedView(
      UUID id,
      String kind,
      String charter,
      String group,
      String groupName,
      Instant createdAt,
      Instant revokedAt) {}

  /**
   * A new subscription and its URL, which holds the secret: shown once, only its hash is kept.
   *
   * @param url the address to subscribe to
   */
  public record CreatedFeed(FeedView feed, String url) {}

  /**
   * A subscription to make.
   *
   * @param kind {@code person} (the default) or {@code group}
   * @param charter the charter's key, for a group feed
   * @param group the working group's or dialogue platform's key, for a group feed
   */
  public record NewFeed(String kind, String charter, String group) {}

  /**
   * A person's reminder settings.
   *
   * @param daysAhead items due within this many days (0 to 90) are in the digest, with the overdue
   * @param byEmail whether the digest is also sent by e-mail
   * @param enabled whether a digest is made at all
   * @param emailOnFile whether the account has an e-mail address to send to
   * @param language the language chosen for the digest, its e-mail and calendar feeds; null when
   *     none is, and the one worked out from the person's party and charters is used
   * @param readsIn the language they are written in: the one chosen, else the one worked out
   */
  public record ReminderPreferences(
      int daysAhead,
      boolean byEmail,
      boolean enabled,
      boolean emailOnFile,
      String language,
      String readsIn,
      long version) {}

  /**
   * A change of reminder settings: only the fields given change.
   *
   * @param language one of the charters' languages ({@code az}), or empty for the one worked out
   *     from the person's party and charters
   * @param version the version read; a stale one answers 409
   */
  public record PreferenceChange(
      Integer daysAhead, Boolean byEmail, Boolean enabled, String language, Long version) {}

  /**
   * One thing due in a digest.
   *
   * @param kind {@code deadline}, {@code action-item} or {@code milestone}
   * @param where the charter and group or meeting it belongs to
   */
  public record DigestItem(
      String kind, String title, String where, LocalDate dueOn, boolean overdue) {}

  /** A digest as kept in the person's notifications. */
  public record NotificationView(
      UUID id,
      LocalDate digestOn,
      String body,
      int itemCount,
      boolean emailed,
      Instant readAt,
      Instant createdAt) {}

  /**
   * What one run of the daily digest did.
   *
   * @param made digests made
   * @param emailed of them, sent by e-mail
   * @param skipped people who already had today's digest, nothing due, or reminders off
   */
  public record RunReport(LocalDate day, int made, int emailed, int skipped) {}

  /**
   * A digest just made, before it is sent.
   *
   * @param email the account's address, or null when it has none
   * @param byEmail whether the person wants it by e-mail
   * @param language the language it is written in, the person's
   * @param subject the subject of its e-mail
   */
  public record Digest(
      UUID id,
      String username,
      String email,
      boolean byEmail,
      LocalDate day,
      String language,
      String subject,
      String body,
      List<DigestItem> items) {}
}
