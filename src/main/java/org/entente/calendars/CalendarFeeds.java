package org.entente.calendars;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
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
import org.entente.calendars.CalendarViews.FeedView;
import org.entente.calendars.CalendarViews.NewFeed;
import org.entente.identity.Accounts;
import org.entente.identity.GrantRefusals;
import org.entente.identity.GroupDirectory;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.languages.Formats;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.roadmaps.RoadmapViews.DueMilestone;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Calendar subscriptions (table {@code calendar_feed}) and what their feeds show.
 *
 * <p>A feed's URL holds a secret of 32 random bytes; only its SHA-256 hash is stored, so a copy of
 * the database does not give the feeds away. Each request for a feed builds its owner's {@link
 * Viewer} anew, so that a removed membership, a lost clearance or a disabled account shows at once.
 */
@Component
class CalendarFeeds {

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Viewers viewers;
  private final Accounts accounts;
  private final Meetings meetings;
  private final Roadmaps roadmaps;
  private final Audit audit;
  private final GrantRefusals refusals;
  private final Readers readers;
  private final Formats formats;

  CalendarFeeds(
      JdbcClient jdbc,
      Clock clock,
      Viewers viewers,
      Accounts accounts,
      Meetings meetings,
      Roadmaps roadmaps,
      Audit audit,
      GrantRefusals refusals,
      Readers readers,
      Formats formats) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.viewers = viewers;
    this.accounts = accounts;
    this.meetings = meetings;
    this.roadmaps = roadmaps;
    this.audit = audit;
    this.refusals = refusals;
    this.readers = readers;
    this.formats = formats;
  }

  private record FeedRow(
      UUID id,
      String username,
      String kind,
      UUID groupId,
      OffsetDateTime createdAt,
      OffsetDateTime revokedAt) {}

  private static FeedRow feedRow(ResultSet rs, int n) throws SQLException {
    return new FeedRow(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("kind"),
        rs.getObject("group_id", UUID.class),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class));
  }

  List<FeedView> feeds(String username, Viewer viewer) {
    Map<UUID, GroupDirectory.Group> groups = groupsById();
    return jdbc
        .sql("select * from calendar_feed where username = ? order by created_at desc, id")
        .param(username)
        .query(CalendarFeeds::feedRow)
        .list()
        .stream()
        .map(r -> view(r, groups, viewer))
        .toList();
  }

  CreatedFeed create(NewFeed input, String baseUrl, String username, Viewer viewer) {
    String kind =
        input == null || input.kind() == null || input.kind().isBlank()
            ? "person"
            : input.kind().strip().toLowerCase(Locale.ROOT);
    UUID groupId = group(kind, input, username, viewer);
    long active =
        jdbc.sql("select count(*) from calendar_feed where username = ? and revoked_at is null")
            .param(username)
            .query(Long.class)
            .single();
    if (active >= Calendars.MAX_FEEDS) {
      throw new BadRequestException(
          "kind",
          "you have " + Calendars.MAX_FEEDS + " calendars already: revoke one you no longer use");
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
            .query(CalendarFeeds::feedRow)
            .single();
    String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    return new CreatedFeed(view(row, groupsById(), viewer), base + "/calendars/" + secret + ".ics");
  }

  /**
   * The group of a new subscription: none for a person's calendar; for a group calendar one whose
   * records the viewer may read, refused with the same answer as an unknown one.
   */
  private UUID group(String kind, NewFeed input, String username, Viewer viewer) {
    switch (kind) {
      case "person" -> {
        if (input != null && (input.group() != null || input.charter() != null)) {
          throw new BadRequestException("group", "a person's calendar names no group");
        }
        return null;
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
        UUID groupId =
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
        return groupId;
      }
      default -> throw new BadRequestException("kind", "a calendar is of kind 'person' or 'group'");
    }
  }

  void revoke(UUID id, String username) {
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
   * The feed as its owner may see it now, written in this language, or in the owner's ({@link
   * Readers}) when none is given.
   */
  Optional<String> feed(String secret, String language) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    Optional<FeedRow> found =
        jdbc.sql("select * from calendar_feed where secret_hash = ? and revoked_at is null")
            .param(hash(secret))
            .query(CalendarFeeds::feedRow)
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
    return Readers.in(
        language == null ? readers.languageOf(viewer) : language, () -> feed(row, viewer));
  }

  private Optional<String> feed(FeedRow row, Viewer viewer) {
    IcsFeed.Words words = new IcsFeed.Words(formats::message, readers::text);
    Instant now = clock.instant();
    Instant from = now.minus(Calendars.PAST);
    Instant to = now.plus(Calendars.AHEAD);
    if (row.kind().equals("GROUP")) {
      GroupDirectory.Group group = groupsById().get(row.groupId());
      // a subscription to a group its owner may no longer read answers like a revoked one: its
      // name is not shown either
      if (group == null || !viewer.groups().contains(group.id())) {
        return Optional.empty();
      }
      List<MeetingView> meetingList = meetings.groupCalendar(group.id(), from, to, viewer);
      return Optional.of(
          IcsFeed.render(
              words.say("feed.calendarName", readers.text(group.names())),
              meetingList,
              List.of(),
              List.of(),
              now,
              words));
    }
    String name =
        accounts
            .withoutMemberships(row.username())
            .map(a -> a.displayName())
            .orElse(row.username());
    List<MeetingView> meetingList = meetings.calendar(from, to, viewer);
    List<ActionItemView> items = meetings.workList(viewer);
    List<DueMilestone> milestones =
        roadmaps.milestonesDue(viewer, LocalDate.ofInstant(to, ZoneOffset.UTC));
    return Optional.of(
        IcsFeed.render(
            words.say("feed.calendarName", name), meetingList, items, milestones, now, words));
  }

  /** A subscription as its owner sees it: a group they may no longer see is not named. */
  private static FeedView view(FeedRow r, Map<UUID, GroupDirectory.Group> groups, Viewer viewer) {
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

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
