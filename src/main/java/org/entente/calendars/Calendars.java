package org.entente.calendars;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.calendars.CalendarViews.CreatedFeed;
import org.entente.calendars.CalendarViews.Digest;
import org.entente.calendars.CalendarViews.DigestItem;
import org.entente.calendars.CalendarViews.FeedView;
import org.entente.calendars.CalendarViews.NewFeed;
import org.entente.calendars.CalendarViews.NotificationView;
import org.entente.calendars.CalendarViews.PreferenceChange;
import org.entente.calendars.CalendarViews.ReminderPreferences;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.identity.Accounts;
import org.entente.identity.GroupDirectory;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.obligations.ObligationState;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.Obligations;
import org.entente.roadmaps.RoadmapViews.DueMilestone;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendars module's one service: calendar subscriptions and what their feeds show, reminder
 * preferences, the daily digest and the notifications that keep it.
 *
 * <p>A feed's URL holds a secret of 32 random bytes; only its SHA-256 hash is stored, so a copy of
 * the database does not give the feeds away. Each request for a feed builds its owner's {@link
 * Viewer} anew, so that a removed membership, a lost clearance or a disabled account shows at once.
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

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Viewers viewers;
  private final Accounts accounts;
  private final Meetings meetings;
  private final Roadmaps roadmaps;
  private final Obligations obligations;
  private final Charters charters;
  private final Audit audit;
  private final org.entente.identity.GrantRefusals refusals;

  Calendars(
      JdbcClient jdbc,
      Clock clock,
      Viewers viewers,
      Accounts accounts,
      Meetings meetings,
      Roadmaps roadmaps,
      Obligations obligations,
      Charters charters,
      Audit audit,
      org.entente.identity.GrantRefusals refusals) {
    this.refusals = refusals;
    this.jdbc = jdbc;
    this.clock = clock;
    this.viewers = viewers;
    this.accounts = accounts;
    this.meetings = meetings;
    this.roadmaps = roadmaps;
    this.obligations = obligations;
    this.charters = charters;
    this.audit = audit;
  }

  /** Today, in UTC, as the injected clock says: the day a digest is made for. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  // ---------------------------------------------------------------- feeds

  private record FeedRow(
      UUID id,
      String username,
      String kind,
      UUID groupId,
      OffsetDateTime createdAt,
      OffsetDateTime revokedAt) {}

  private static FeedRow feedRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new FeedRow(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("kind"),
        rs.getObject("group_id", UUID.class),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class));
  }

  /** The viewer's subscriptions, newest first, revoked ones included. */
  public List<FeedView> feeds(Viewer viewer) {
    String username = person(viewer);
    Map<UUID, GroupDirectory.Group> groups = groupsById();
    return jdbc
        .sql("select * from calendar_feed where username = ? order by created_at desc, id")
        .param(username)
        .query(Calendars::feedRow)
        .list()
        .stream()
        .map(r -> view(r, groups, viewer))
        .toList();
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
    String username = person(viewer);
    String kind =
        input == null || input.kind() == null || input.kind().isBlank()
            ? "person"
            : input.kind().strip().toLowerCase(Locale.ROOT);
    UUID groupId = null;
    switch (kind) {
      case "person" -> {
        if (input != null && (input.group() != null || input.charter() != null)) {
          throw new BadRequestException("group", "a person's calendar names no group");
        }
      }
      case "group" -> {
        String charter = input.charter() == null ? "" : input.charter().strip();
        String group = input.group() == null ? "" : input.group().strip();
        if (group.isEmpty()) {
          throw new BadRequestException("group", "a group calendar needs the group's key");
        }
        if (charter.isEmpty()) {
          throw new BadRequestException("charter", "a group calendar needs the charter's key");
        }
        groupId =
            viewers.groups().stream()
                .filter(g -> g.charter().equals(charter) && g.key().equals(group))
                .map(GroupDirectory.Group::id)
                .filter(id -> viewer.groups().contains(id))
                .findFirst()
                .orElse(null);
        if (groupId == null) {
          // the same answer for a group that does not exist and one the viewer may not read;
          // the trail records the attempt as a denied request
          refusals.record(
              "calendar", username, "group", "no readable group " + charter + "/" + group);
          throw new BadRequestException(
              "group",
              "there is no group '"
                  + group
                  + "' in charter '"
                  + charter
                  + "' whose records you may read");
        }
      }
      default -> throw new BadRequestException("kind", "a calendar is of kind 'person' or 'group'");
    }
    long active =
        jdbc.sql("select count(*) from calendar_feed where username = ? and revoked_at is null")
            .param(username)
            .query(Long.class)
            .single();
    if (active >= MAX_FEEDS) {
      throw new BadRequestException(
          "kind", "you have " + MAX_FEEDS + " calendars already: revoke one you no longer use");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into calendar_feed (id, username, kind, group_id, secret_hash, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(id, username, kind.toUpperCase(Locale.ROOT), groupId, hash(secret), now())
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", kind);
    if (groupId != null) {
      details.put("group", input.charter().strip() + "/" + input.group().strip());
    }
    audit.record("calendar.created", "calendar_feed", id.toString(), Outcome.SUCCESS, details);
    FeedRow row =
        jdbc.sql("select * from calendar_feed where id = ?")
            .param(id)
            .query(Calendars::feedRow)
            .single();
    String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    return new CreatedFeed(view(row, groupsById(), viewer), base + "/calendars/" + secret + ".ics");
  }

  /**
   * Revokes one of the viewer's subscriptions: its URL answers 404 from now on. Revoking one that
   * is revoked already changes nothing.
   *
   * @throws NotFoundException when the viewer has no such subscription
   */
  @Transactional
  public void revokeFeed(UUID id, Viewer viewer) {
    String username = person(viewer);
    int revoked =
        jdbc.sql(
                "update calendar_feed set revoked_at = ? where id = ? and username = ?"
                    + " and revoked_at is null")
            .params(now(), id, username)
            .update();
    if (revoked == 1) {
      audit.record("calendar.revoked", "calendar_feed", id.toString(), Outcome.SUCCESS, Map.of());
      return;
    }
    long mine =
        jdbc.sql("select count(*) from calendar_feed where id = ? and username = ?")
            .params(id, username)
            .query(Long.class)
            .single();
    if (mine == 0) {
      throw new NotFoundException("calendar", String.valueOf(id));
    }
  }

  /**
   * The iCalendar text of the subscription whose URL holds this secret, as its owner may see it
   * now; empty for an unknown or revoked secret, or an owner who is no longer an enabled account.
   */
  public Optional<String> feed(String secret) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    Optional<FeedRow> found =
        jdbc.sql("select * from calendar_feed where secret_hash = ? and revoked_at is null")
            .param(hash(secret))
            .query(Calendars::feedRow)
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FeedRow row = found.get();
    Optional<Viewer> owner = viewers.of(row.username());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    Viewer viewer = owner.get();
    Instant now = clock.instant();
    Instant from = now.minus(PAST);
    Instant to = now.plus(AHEAD);
    if (row.kind().equals("GROUP")) {
      GroupDirectory.Group group = groupsById().get(row.groupId());
      // a subscription to a group its owner may no longer read answers like a revoked one: its
      // name is not shown either
      if (group == null || !viewer.groups().contains(group.id())) {
        return Optional.empty();
      }
      List<MeetingView> meetingList = meetings.groupCalendar(group.id(), from, to, viewer);
      return Optional.of(
          IcsFeed.render("Entente: " + group.name(), meetingList, List.of(), List.of(), now));
    }
    String name = accounts.find(row.username()).map(a -> a.displayName()).orElse(row.username());
    List<MeetingView> meetingList = meetings.calendar(from, to, viewer);
    List<ActionItemView> items = meetings.workList(viewer);
    List<DueMilestone> milestones =
        roadmaps.milestonesDue(viewer, LocalDate.ofInstant(to, ZoneOffset.UTC));
    return Optional.of(IcsFeed.render("Entente: " + name, meetingList, items, milestones, now));
  }

  /** A subscription as its owner sees it: a group they may no longer see is not named. */
  private FeedView view(FeedRow r, Map<UUID, GroupDirectory.Group> groups, Viewer viewer) {
    GroupDirectory.Group g = r.groupId() == null ? null : groups.get(r.groupId());
    if (g != null && !g.visibleTo(viewer)) {
      g = null;
    }
    return new FeedView(
        r.id(),
        r.kind().toLowerCase(Locale.ROOT),
        g == null ? null : g.charter(),
        g == null ? null : g.key(),
        g == null ? null : g.name(),
        r.createdAt().toInstant(),
        r.revokedAt() == null ? null : r.revokedAt().toInstant());
  }

  private Map<UUID, GroupDirectory.Group> groupsById() {
    Map<UUID, GroupDirectory.Group> groups = new LinkedHashMap<>();
    viewers.groups().forEach(g -> groups.put(g.id(), g));
    return groups;
  }

  /** The hex SHA-256 of a feed's secret: what is stored and looked up. */
  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- preferences

  private record Preference(int daysAhead, boolean byEmail, boolean enabled, long version) {}

  private Preference preference(String username) {
    return jdbc.sql(
            "select days_ahead, by_email, enabled, version from reminder_preference"
                + " where username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new Preference(
                    rs.getInt("days_ahead"),
                    rs.getBoolean("by_email"),
                    rs.getBoolean("enabled"),
                    rs.getLong("version")))
        .optional()
        .orElse(new Preference(DEFAULT_DAYS_AHEAD, true, true, 0));
  }

  /** The viewer's reminder settings; the defaults until they change them. */
  public ReminderPreferences preferences(Viewer viewer) {
    String username = person(viewer);
    Preference p = preference(username);
    return new ReminderPreferences(
        p.daysAhead(), p.byEmail(), p.enabled(), emailOf(username) != null, p.version());
  }

  /**
   * Changes the viewer's reminder settings; fields not given stay as they are.
   *
   * @throws BadRequestException for days ahead outside 0 to 90
   * @throws ConflictException when a version is given and the settings changed since
   */
  @Transactional
  public ReminderPreferences changePreferences(PreferenceChange change, Viewer viewer) {
    String username = person(viewer);
    if (change == null) {
      throw new BadRequestException(null, "the reminder settings are required");
    }
    if (change.daysAhead() != null && (change.daysAhead() < 0 || change.daysAhead() > 90)) {
      throw new BadRequestException("daysAhead", "days ahead is a number from 0 to 90");
    }
    Preference current = preference(username);
    if (change.version() != null && change.version() != current.version()) {
      throw new ConflictException("reminder preferences", current.version());
    }
    Preference next =
        new Preference(
            change.daysAhead() == null ? current.daysAhead() : change.daysAhead(),
            change.byEmail() == null ? current.byEmail() : change.byEmail(),
            change.enabled() == null ? current.enabled() : change.enabled(),
            current.version() + 1);
    int written =
        current.version() == 0
            ? jdbc.sql(
                    "insert into reminder_preference (username, days_ahead, by_email, enabled,"
                        + " version, updated_at) values (?, ?, ?, ?, 1, ?)")
                .params(username, next.daysAhead(), next.byEmail(), next.enabled(), now())
                .update()
            : jdbc.sql(
                    "update reminder_preference set days_ahead = ?, by_email = ?, enabled = ?,"
                        + " version = version + 1, updated_at = ? where username = ?"
                        + " and version = ?")
                .params(
                    next.daysAhead(),
                    next.byEmail(),
                    next.enabled(),
                    now(),
                    username,
                    current.version())
                .update();
    if (written != 1) {
      throw new ConflictException("reminder preferences", preference(username).version());
    }
    audit.record(
        "reminder.preferences",
        "reminder_preference",
        username,
        Outcome.SUCCESS,
        Map.of(
            "daysAhead", next.daysAhead(), "byEmail", next.byEmail(), "enabled", next.enabled()));
    return preferences(viewer);
  }

  private String emailOf(String username) {
    return accounts.find(username).map(a -> a.email()).orElse(null);
  }

  // ---------------------------------------------------------------- what is due

  /**
   * What is due for a viewer within so many days of today, and what is overdue, by due date: the
   * open charter deadlines of the framework (for officials) and of the groups whose records they
   * may read, the open action items they own, and the open milestones of their groups.
   */
  public List<DigestItem> dueItems(Viewer viewer, int daysAhead) {
    LocalDate today = today();
    LocalDate until = today.plusDays(daysAhead);
    List<DigestItem> items = new ArrayList<>();
    Map<String, UUID> groupIds = new LinkedHashMap<>();
    viewers.groups().forEach(g -> groupIds.put(g.charter() + "/" + g.key(), g.id()));
    for (CharterSummary charter : charters.list(viewer)) {
      for (ObligationStatus o :
          obligations.deadlines(charter.key(), null, null, "due", viewer).obligations()) {
        if (!ObligationState.fromCode(o.status()).isOpen()
            || o.dueOn() == null
            || o.dueOn().isAfter(until)) {
          continue;
        }
        boolean theirs =
            "framework".equals(o.subject())
                ? viewer.official()
                : viewer.groups().contains(groupIds.get(charter.key() + "/" + o.subject()));
        if (theirs) {
          items.add(
              new DigestItem(
                  "deadline",
                  o.title().text(),
                  charter.key() + ", " + o.subjectName().text(),
                  o.dueOn(),
                  o.dueOn().isBefore(today)));
        }
      }
    }
    for (ActionItemView a : meetings.workList(viewer)) {
      if (!a.dueOn().isAfter(until)) {
        items.add(
            new DigestItem(
                "action-item",
                a.title(),
                a.charterKey() + ", " + a.meetingTitle(),
                a.dueOn(),
                a.dueOn().isBefore(today)));
      }
    }
    for (DueMilestone m : roadmaps.milestonesDue(viewer, until)) {
      items.add(
          new DigestItem(
              "milestone",
              m.title().text(),
              m.charterKey() + ", " + m.groupName().text(),
              m.plannedEnd(),
              m.plannedEnd().isBefore(today)));
    }
    items.sort(
        Comparator.comparing(DigestItem::dueOn)
            .thenComparing(DigestItem::kind)
            .thenComparing(DigestItem::title));
    return List.copyOf(items);
  }

  // ---------------------------------------------------------------- digests

  /** The enabled accounts, by user name: whom the daily run makes digests for. */
  List<String> people() {
    return jdbc.sql("select username from account where enabled = true order by username")
        .query(String.class)
        .list();
  }

  /**
   * Makes a person's digest for a day, once: nothing when they have one for that day already,
   * reminders are off, nothing is due, or they are no longer an enabled account.
   */
  @Transactional
  public Optional<Digest> makeDigest(String username, LocalDate day) {
    long made =
        jdbc.sql("select count(*) from notification where username = ? and digest_on = ?")
            .params(username, day)
            .query(Long.class)
            .single();
    if (made > 0) {
      return Optional.empty();
    }
    Optional<Viewer> viewer = viewers.of(username);
    if (viewer.isEmpty()) {
      return Optional.empty();
    }
    Preference p = preference(username);
    if (!p.enabled()) {
      return Optional.empty();
    }
    List<DigestItem> items = dueItems(viewer.get(), p.daysAhead());
    if (items.isEmpty()) {
      return Optional.empty();
    }
    String body = DigestText.body(username, day, p.daysAhead(), items);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into notification (id, username, digest_on, body, item_count, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(id, username, day, body, items.size(), now())
        .update();
    audit.record(
        "reminder.digest",
        "notification",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("username", username, "digestOn", day.toString(), "items", items.size()));
    return Optional.of(new Digest(id, username, emailOf(username), p.byEmail(), day, body, items));
  }

  /** Notes that a digest went out by e-mail. */
  @Transactional
  public void markEmailed(UUID id) {
    jdbc.sql("update notification set emailed = true where id = ?").param(id).update();
  }

  // ---------------------------------------------------------------- notifications

  private static NotificationView notificationRow(java.sql.ResultSet rs, int n)
      throws java.sql.SQLException {
    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
    return new NotificationView(
        rs.getObject("id", UUID.class),
        rs.getObject("digest_on", LocalDate.class),
        rs.getString("body"),
        rs.getInt("item_count"),
        rs.getBoolean("emailed"),
        read == null ? null : read.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  /** The viewer's notifications, newest first (the last hundred). */
  public List<NotificationView> notifications(Viewer viewer) {
    return jdbc.sql(
            "select * from notification where username = ? order by digest_on desc, id"
                + " limit 100")
        .param(person(viewer))
        .query(Calendars::notificationRow)
        .list();
  }

  /**
   * One of the viewer's notifications.
   *
   * @throws NotFoundException when the viewer has no such notification
   */
  public NotificationView notification(UUID id, Viewer viewer) {
    return jdbc.sql("select * from notification where id = ? and username = ?")
        .params(id, person(viewer))
        .query(Calendars::notificationRow)
        .optional()
        .orElseThrow(() -> new NotFoundException("notification", String.valueOf(id)));
  }

  /**
   * Marks one of the viewer's notifications read; one read already stays as it is.
   *
   * @throws NotFoundException when the viewer has no such notification
   */
  @Transactional
  public NotificationView markRead(UUID id, Viewer viewer) {
    NotificationView n = notification(id, viewer);
    if (n.readAt() == null) {
      jdbc.sql("update notification set read_at = ? where id = ? and read_at is null")
          .params(now(), id)
          .update();
      audit.record("notification.read", "notification", id.toString(), Outcome.SUCCESS, Map.of());
    }
    return notification(id, viewer);
  }

  // ---------------------------------------------------------------- helpers

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
