package org.entente.calendars;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.calendars.CalendarViews.CreatedFeed;
import org.entente.calendars.CalendarViews.Digest;
import org.entente.calendars.CalendarViews.DigestItem;
import org.entente.calendars.CalendarViews.FeedView;
import org.entente.calendars.CalendarViews.NewFeed;
import org.entente.calendars.CalendarViews.NotificationView;
import org.entente.calendars.CalendarViews.PreferenceChange;
import org.entente.calendars.CalendarViews.ReminderPreferences;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendars module's service: calendar subscriptions and what their feeds show ({@link
 * CalendarFeeds}), reminder preferences ({@link Preferences}), the daily digest of what is due
 * ({@link DueItems}) and the notifications that keep it ({@link Notifications}). Calendars and
 * reminders belong to a person's account, never to the operator token.
 */
@Service
@Transactional(readOnly = true)
public class Calendars {

  /** How far back and ahead a feed's meetings reach. */
  static final Duration PAST = Duration.ofDays(90);

  static final Duration AHEAD = Duration.ofDays(400);

  /** At most this many active subscriptions per person. */
  static final int MAX_FEEDS = 20;

  static final int DEFAULT_DAYS_AHEAD = 14;

  private final Clock clock;
  private final Viewers viewers;
  private final Accounts accounts;
  private final CalendarFeeds feeds;
  private final Preferences preferences;
  private final DueItems due;
  private final Notifications notifications;
  private final Readers readers;
  private final DigestText text;

  Calendars(
      Clock clock,
      Viewers viewers,
      Accounts accounts,
      CalendarFeeds feeds,
      Preferences preferences,
      DueItems due,
      Notifications notifications,
      Readers readers,
      DigestText text) {
    this.clock = clock;
    this.viewers = viewers;
    this.accounts = accounts;
    this.feeds = feeds;
    this.preferences = preferences;
    this.due = due;
    this.notifications = notifications;
    this.readers = readers;
    this.text = text;
  }

  /** Today, in UTC, as the injected clock says: the day a digest is made for. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The viewer's subscriptions, newest first, revoked ones included. */
  public List<FeedView> feeds(Viewer viewer) {
    return feeds.feeds(person(viewer), viewer);
  }

  /**
   * Makes a subscription: the viewer's own calendar, or the calendar of a group whose records the
   * viewer may read.
   *
   * @param baseUrl the address of this application, before {@code /calendars/…}
   * @throws BadRequestException for an unknown kind, or a group that is unknown or not readable by
   *     the viewer (the same answer for both, so that it says nothing about groups one cannot see)
   */
  @Transactional
  public CreatedFeed createFeed(NewFeed input, String baseUrl, Viewer viewer) {
    return feeds.create(input, baseUrl, person(viewer), viewer);
  }

  /**
   * Revokes one of the viewer's subscriptions: its URL answers 404 from now on. Revoking one that
   * is revoked already changes nothing.
   *
   * @throws NotFoundException when the viewer has no such subscription
   */
  @Transactional
  public void revokeFeed(UUID id, Viewer viewer) {
    feeds.revoke(id, person(viewer));
  }

  /**
   * The iCalendar text of the subscription whose URL holds this secret, as its owner may see it
   * now; empty for an unknown or revoked secret, or an owner who is no longer an enabled account.
   * Its words and the records' texts are in the language given (the URL's {@code ?lang=}), or in
   * the owner's language ({@link Readers}) when none is.
   */
  public Optional<String> feed(String secret, String language) {
    return feeds.feed(secret, language);
  }

  /** The hex SHA-256 of a feed's secret: what is stored and looked up. */
  static String hash(String secret) {
    return CalendarFeeds.hash(secret);
  }

  /** The viewer's reminder settings; the defaults until they change them. */
  public ReminderPreferences preferences(Viewer viewer) {
    String username = person(viewer);
    Preferences.Preference p = preferences.of(username);
    return new ReminderPreferences(
        p.daysAhead(),
        p.byEmail(),
        p.enabled(),
        emailOf(username) != null,
        p.language(),
        readers.languageOf(viewer),
        p.version());
  }

  /**
   * Changes the viewer's reminder settings; fields not given stay as they are.
   *
   * @throws BadRequestException for days ahead outside 0 to 90, or a language not offered
   * @throws ConflictException when a version is given and the settings changed since
   */
  @Transactional
  public ReminderPreferences changePreferences(PreferenceChange change, Viewer viewer) {
    preferences.change(person(viewer), change, readers.offered(), now());
    return preferences(viewer);
  }

  private String emailOf(String username) {
    return accounts.find(username).map(a -> a.email()).orElse(null);
  }

  /**
   * What is due for a viewer within so many days of today, and what is overdue, by due date: the
   * open charter deadlines of the framework (for officials) and of the groups whose records they
   * may read, the open action items they own, and the open milestones of their groups.
   */
  public List<DigestItem> dueItems(Viewer viewer, int daysAhead) {
    LocalDate today = today();
    return due.due(viewer, today, today.plusDays(daysAhead));
  }

  /** The enabled accounts, by user name: whom the daily run makes digests for. */
  List<String> people() {
    return accounts.enabledUsernames();
  }

  /**
   * Makes a person's digest for a day, once: nothing when they have one for that day already,
   * reminders are off, nothing is due, or they are no longer an enabled account. It is written in
   * the person's language ({@link Readers}), its subject too.
   */
  @Transactional
  public Optional<Digest> makeDigest(String username, LocalDate day) {
    if (notifications.made(username, day)) {
      return Optional.empty();
    }
    Optional<Viewer> viewer = viewers.of(username);
    if (viewer.isEmpty()) {
      return Optional.empty();
    }
    Preferences.Preference p = preferences.of(username);
    if (!p.enabled()) {
      return Optional.empty();
    }
    String language = readers.languageOf(viewer.get());
    return Readers.in(
        language,
        () -> {
          List<DigestItem> items = dueItems(viewer.get(), p.daysAhead());
          if (items.isEmpty()) {
            return Optional.empty();
          }
          String body = text.body(username, day, p.daysAhead(), items);
          String subject = text.subject(day, items.size());
          UUID id = notifications.keep(username, day, body, items.size(), now());
          return Optional.of(
              new Digest(
                  id,
                  username,
                  emailOf(username),
                  p.byEmail(),
                  day,
                  language,
                  subject,
                  body,
                  items));
        });
  }

  /** Notes that a digest went out by e-mail. */
  @Transactional
  public void markEmailed(UUID id) {
    notifications.markEmailed(id);
  }

  /** The viewer's notifications, newest first (the last hundred). */
  public List<NotificationView> notifications(Viewer viewer) {
    return notifications.list(person(viewer));
  }

  /**
   * One of the viewer's notifications.
   *
   * @throws NotFoundException when the viewer has no such notification
   */
  public NotificationView notification(UUID id, Viewer viewer) {
    return notifications.one(id, person(viewer));
  }

  /**
   * Marks one of the viewer's notifications read; one read already stays as it is.
   *
   * @throws NotFoundException when the viewer has no such notification
   */
  @Transactional
  public NotificationView markRead(UUID id, Viewer viewer) {
    return notifications.markRead(id, person(viewer), now());
  }

  /** The viewer's user name: calendars and reminders are a person's, not the operator token's. */
  private static String person(Viewer viewer) {
    if (!viewer.signedIn() || viewer.operator()) {
      throw new ForbiddenException(null, "calendars and reminders belong to a person's account");
    }
    return viewer.username();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
