package org.entente.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.Charters;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Body;
import org.entente.meetings.Meeting.Status;
import org.entente.meetings.MeetingInputs.ActionItemChange;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.AgendaItemView;
import org.entente.meetings.MeetingViews.DecisionView;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.MeetingViews.OpenActionItem;
import org.entente.meetings.MeetingViews.ParticipantView;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.meetings.MeetingViews.StatementView;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meetings module's one service: meetings and what they produce, each read through the one
 * visibility condition. A meeting's participants, agenda, decisions and statement are seen with the
 * meeting; its action items carry the meeting's classification and group, so the owner's work list
 * reads them directly.
 */
@Service
@Transactional(readOnly = true)
public class Meetings {

  /** The concurrence subject type of a meeting's joint statement; its key is the meeting's id. */
  public static final String JOINT_STATEMENT = "joint-statement";

  /** What minutes may hold: formatting, lists, tables, headings and links; no scripts or styles. */
  static final PolicyFactory MINUTES =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(new HtmlPolicyBuilder().allowElements("hr", "br").toFactory());

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Charters charters;
  private final Concurrence concurrence;
  private final Accounts accounts;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Audit audit;
  private final ApplicationEventPublisher events;

  Meetings(
      JdbcClient jdbc,
      Clock clock,
      Charters charters,
      Concurrence concurrence,
      Accounts accounts,
      Projects projects,
      Roadmaps roadmaps,
      Audit audit,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.concurrence = concurrence;
    this.accounts = accounts;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.audit = audit;
    this.events = events;
  }

  /** A meeting row, as stored. */
  private record Row(
      UUID id,
      UUID charterId,
      String charterKey,
      Body body,
      UUID groupId,
      String title,
      Instant start,
      Instant end,
      ZoneId zone,
      String place,
      boolean online,
      Status status,
      String minutes,
      Classification classification,
      String originParty,
      long version,
      String bodyCode,
      String bodyNameJson,
      boolean restrictedGroup) {}

  /**
   * A meeting row with its charter's key and its group's or platform's key, name and whether the
   * group is restricted, read in the same statement so that a list of meetings is one statement.
   */
  private static final String SELECT =
      "select m.*, c.code as charter_code, coalesce(wg.code, dp.code) as body_code,"
          + " coalesce(wg.name, dp.name) as body_name,"
          + " coalesce(wg.restricted, false) as body_restricted"
          + " from meeting m join charter c on c.id = m.charter_id"
          + " left join working_group wg on wg.id = m.group_id"
          + " left join dialogue_platform dp on dp.id = m.group_id";

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("charter_id", UUID.class),
        rs.getString("charter_code"),
        Body.valueOf(rs.getString("body_kind")),
        rs.getObject("group_id", UUID.class),
        rs.getString("title"),
        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
        ZoneId.of(rs.getString("time_zone")),
        rs.getString("place"),
        rs.getBoolean("online"),
        Status.valueOf(rs.getString("status")),
        rs.getString("minutes"),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getLong("version"),
        rs.getString("body_code"),
        rs.getString("body_name"),
        rs.getBoolean("body_restricted"));
  }

  // ---------------------------------------------------------------- meetings

  /**
   * Schedules a meeting of the framework, a working group or a dialogue platform.
   *
   * @throws BadRequestException naming the field: an unknown body, times out of order, an unknown
   *     zone, a participant of an unknown party or organization
   * @throws ForbiddenException when the viewer may not write for that body
   */
  @Transactional
  public MeetingView schedule(String charterKey, MeetingInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "a meeting is required");
    }
    CharterSummary charter = charters.require(charterKey, viewer);
    Body body = Body.fromCode(input.body());
    UUID groupId = groupOf(charterKey, body, input.bodyKey(), viewer);
    if (groupId == null ? !viewer.mayWriteInFramework() : !viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(
          null,
          body == Body.FRAMEWORK
              ? "only officials of the parties schedule meetings of the framework"
              : "only members of " + input.bodyKey() + " schedule its meetings");
    }
    String title = required("title", input.title(), 300);
    Meeting.Times times = Meeting.times(input.startsAt(), input.endsAt(), input.timeZone());
    Classification classification = viewer.classificationToGive(input.classification());
    String place = optional("place", input.place(), 300);
    List<ParticipantInput> participants =
        input.participants() == null ? List.of() : input.participants();
    List<ParticipantInput> checked = new ArrayList<>();
    for (int i = 0; i < participants.size(); i++) {
      checked.add(participant(charterKey, participants.get(i), "participants[" + i + "]", viewer));
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into meeting (id, charter_id, body_kind, title, starts_at, ends_at, time_zone,"
                + " place, online, status, classification, origin_party, group_id, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?, ?)")
        .params(
            id,
            charter.id(),
            body.name(),
            title,
            utc(times.start()),
            utc(times.end()),
            times.zone().getId(),
            place,
            Boolean.TRUE.equals(input.online()),
            classification.name(),
            classification == Classification.PARTY_INTERNAL ? viewer.party() : null,
            groupId,
            now,
            now)
        .update();
    for (ParticipantInput p : checked) {
      insertParticipant(id, p);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", charterKey);
    details.put("body", body.code() + (groupId == null ? "" : " " + input.bodyKey()));
    details.put("startsAt", times.start().toString());
    details.put("classification", classification.code());
    audit.record("meeting.scheduled", "meeting", id.toString(), Outcome.SUCCESS, details);
    return reload(id, viewer);
  }

  /**
   * A meeting with everything it produced, as far as the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public MeetingView meeting(UUID id, Viewer viewer) {
    Row row = visible(id, viewer);
    auditRestrictedReads(List.of(row));
    return view(row, viewer, true);
  }

  /**
   * A read of a restricted group's records (security and defense) that are not public is itself
   * recorded: one event per read, naming the meetings shown.
   */
  private void auditRestrictedReads(List<Row> rows) {
    List<String> restricted =
        rows.stream()
            .filter(r -> r.restrictedGroup() && r.classification() != Classification.PUBLIC)
            .map(r -> r.id().toString())
            .toList();
    recordRestrictedReads(restricted);
  }

  private void recordRestrictedReads(List<String> restricted) {
    if (!restricted.isEmpty()) {
      audit.recordRead(
          "meeting",
          restricted.size() == 1 ? restricted.get(0) : null,
          Map.of(
              "count",
              restricted.size(),
              "ids",
              String.join(",", restricted.subList(0, Math.min(20, restricted.size())))));
    }
  }

  /**
   * A meeting as it is after a write in this transaction. Not a read to record: the write is, and
   * the read's own transaction would wait on the write's lock of the audit trail.
   */
  private MeetingView reload(UUID id, Viewer viewer) {
    return view(visible(id, viewer), viewer, true);
  }

  private List<MeetingView> shown(List<Row> rows, Viewer viewer) {
    auditRestrictedReads(rows);
    Map<String, Optional<ZoneId>> zones = new HashMap<>();
    return rows.stream()
        .map(
            r ->
                view(
                    r,
                    viewer,
                    false,
                    zones.computeIfAbsent(r.charterKey(), k -> zoneFor(k, viewer))))
        .toList();
  }

  /** The meetings of a charter the viewer may see that start in [from, to), by start. */
  public List<MeetingView> meetings(String charterKey, Instant from, Instant to, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where m.charter_id = :charter and m.starts_at >= :from and m.starts_at < :to"
                    + " and "
                    + Viewer.condition("m")
                    + " order by m.starts_at, m.id")
            .param("charter", charter.id())
            .param("from", utc(from))
            .param("to", utc(to))
            .params(viewer.parameters())
            .query(Meetings::row)
            .list();
    return shown(rows, viewer);
  }

  /**
   * Every meeting the viewer may see, of any charter, starting in [from, to): what a person's
   * calendar shows.
   */
  public List<MeetingView> calendar(Instant from, Instant to, Viewer viewer) {
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where m.starts_at >= :from and m.starts_at < :to and "
                    + Viewer.condition("m")
                    + " order by m.starts_at, m.id")
            .param("from", utc(from))
            .param("to", utc(to))
            .params(viewer.parameters())
            .query(Meetings::row)
            .list();
    return shown(rows, viewer);
  }

  /** The meetings of one group or platform the viewer may see, starting in [from, to). */
  public List<MeetingView> groupCalendar(UUID groupId, Instant from, Instant to, Viewer viewer) {
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where m.group_id = :group and m.starts_at >= :from and m.starts_at < :to and "
                    + Viewer.condition("m")
                    + " order by m.starts_at, m.id")
            .param("group", groupId)
            .param("from", utc(from))
            .param("to", utc(to))
            .params(viewer.parameters())
            .query(Meetings::row)
            .list();
    return shown(rows, viewer);
  }

  /**
   * The charter's meetings the viewer may see whose title, place or minutes match a search, and the
   * published joint statements whose text does (those anyone may read).
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<org.entente.shared.SearchHit> search(
      CharterSummary charter, org.entente.shared.TextQuery query, boolean postgres, Viewer viewer) {
    org.entente.shared.TextQuery.Condition match =
        query.condition(
            "m.title || ' ' || coalesce(m.place, '') || ' ' || coalesce(m.minutes, '')",
            postgres,
            "q");
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where m.charter_id = :charter and "
                    + Viewer.condition("m")
                    + " and "
                    + match.sql()
                    + " order by m.starts_at desc limit 200")
            .param("charter", charter.id())
            .params(viewer.parameters())
            .params(match.params())
            .query(Meetings::row)
            .list();
    auditRestrictedReads(rows);
    List<org.entente.shared.SearchHit> hits = new ArrayList<>();
    for (Row r : rows) {
      hits.add(
          new org.entente.shared.SearchHit(
              "meeting",
              r.id().toString(),
              r.title(),
              bodyName(r) + ", " + r.start().atZone(r.zone()).toLocalDate(),
              r.body() == Body.FRAMEWORK ? null : r.bodyCode(),
              List.of(),
              r.status().code(),
              "/meetings/" + r.id()));
    }
    org.entente.shared.TextQuery.Condition statement = query.condition("s.text", postgres, "s");
    jdbc.sql(
            SELECT.replace("select m.*", "select m.*, s.text as statement_text, s.published_at")
                + " join joint_statement s on s.meeting_id = m.id"
                + " where m.charter_id = :charter and s.published_at is not null and "
                + statement.sql()
                + " order by s.published_at desc limit 200")
        .param("charter", charter.id())
        .params(statement.params())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  PublishedStatement p = published(rs);
                  Row r = row(rs, 0);
                  hits.add(
                      new org.entente.shared.SearchHit(
                          "statement",
                          p.meetingId().toString(),
                          "Joint statement: " + p.meetingTitle(),
                          p.text().length() > 240 ? p.text().substring(0, 240) + "…" : p.text(),
                          r.body() == Body.FRAMEWORK ? null : r.bodyCode(),
                          List.of(),
                          "published",
                          "/statements/" + p.meetingId()));
                });
    return hits;
  }

  /**
   * Changes a meeting, made against a version: its title, times, place, status or minutes. Marking
   * it held records that it meets the charter's "at least annually" obligations; minutes are
   * sanitized, not refused.
   *
   * @throws ConflictException when it changed since that version
   */
  @Transactional
  public MeetingView change(UUID id, MeetingChange change, Viewer viewer) {
    if (change == null) {
      throw new BadRequestException(null, "a change is required");
    }
    Row current = writable(id, viewer);
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != current.version()) {
      throw new ConflictException("meeting", current.version());
    }
    String title =
        change.title() == null ? current.title() : required("title", change.title(), 300);
    Instant start = current.start();
    Instant end = current.end();
    ZoneId zone = current.zone();
    if (change.startsAt() != null || change.endsAt() != null || change.timeZone() != null) {
      ZoneId z = change.timeZone() == null ? zone : Meeting.zone(change.timeZone());
      Meeting.Times times =
          Meeting.times(
              change.startsAt() == null ? start.atZone(z).toLocalDateTime() : change.startsAt(),
              change.endsAt() == null ? end.atZone(z).toLocalDateTime() : change.endsAt(),
              z.getId());
      start = times.start();
      end = times.end();
      zone = times.zone();
    }
    String place =
        change.place() == null ? current.place() : optional("place", change.place(), 300);
    boolean online = change.online() == null ? current.online() : change.online();
    Status status = change.status() == null ? current.status() : Status.fromCode(change.status());
    Meeting.move(current.status(), status, start, Instant.now(clock));
    String minutes = current.minutes();
    boolean minutesChanged = false;
    if (change.minutes() != null) {
      if (change.minutes().length() > 200_000) {
        throw new BadRequestException("minutes", "minutes must have at most 200,000 characters");
      }
      minutes = sanitize(change.minutes());
      minutesChanged = true;
    }
    int updated =
        jdbc.sql(
                "update meeting set title = ?, starts_at = ?, ends_at = ?, time_zone = ?,"
                    + " place = ?, online = ?, status = ?, minutes = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ?")
            .params(
                title,
                utc(start),
                utc(end),
                zone.getId(),
                place,
                online,
                status.name(),
                minutes,
                now(),
                id,
                current.version())
            .update();
    if (updated == 0) {
      throw new ConflictException("meeting", current.version() + 1);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", status.code());
    if (current.status() != status) {
      details.put("from", current.status().code());
    }
    if (minutesChanged) {
      details.put("minutes", "changed");
    }
    audit.record("meeting.changed", "meeting", id.toString(), Outcome.SUCCESS, details);
    if (status == Status.HELD
        && current.status() != Status.HELD
        && current.body() != Body.DIALOGUE_PLATFORM) {
      events.publishEvent(
          new MeetingHeld(
              id,
              current.charterId(),
              current.body() == Body.FRAMEWORK ? "framework" : groupKey(current.groupId()),
              current.groupId(),
              title,
              start.atZone(zone).toLocalDate(),
              current.classification(),
              current.originParty()));
    }
    return reload(id, viewer);
  }

  /** Sanitizes minutes: keeps formatting, lists, tables and links; drops scripts and handlers. */
  static String sanitize(String html) {
    String clean = MINUTES.sanitize(html).strip();
    return clean.isEmpty() ? null : clean;
  }

  // ---------------------------------------------------------------- participants, agenda

  /**
   * Adds a participant.
   *
   * @throws BadRequestException for an unknown party or organization
   */
  @Transactional
  public MeetingView addParticipant(UUID meetingId, ParticipantInput input, Viewer viewer) {
    Row meeting = writable(meetingId, viewer);
    ParticipantInput p = participant(meeting.charterKey(), input, null, viewer);
    UUID id = insertParticipant(meetingId, p);
    touch(meeting);
    audit.record(
        "meeting.participant-added",
        "meeting",
        meetingId.toString(),
        Outcome.SUCCESS,
        Map.of("participant", id.toString(), "organization", p.organization()));
    return reload(meetingId, viewer);
  }

  /** Records who attended: each participant's attendance, by id. */
  @Transactional
  public MeetingView recordAttendance(UUID meetingId, Map<UUID, String> attendance, Viewer viewer) {
    Row meeting = writable(meetingId, viewer);
    for (Map.Entry<UUID, String> entry : attendance.entrySet()) {
      String value = attendance(entry.getValue(), "attendance");
      int n =
          jdbc.sql("update meeting_participant set attendance = ? where id = ? and meeting_id = ?")
              .params(value, entry.getKey(), meetingId)
              .update();
      if (n == 0) {
        throw new BadRequestException(
            "attendance", "the meeting has no participant " + entry.getKey());
      }
    }
    touch(meeting);
    audit.record(
        "meeting.attendance-recorded",
        "meeting",
        meetingId.toString(),
        Outcome.SUCCESS,
        Map.of("participants", attendance.size()));
    return reload(meetingId, viewer);
  }

  /**
   * Adds an agenda item, linked to a commitment, a project or a milestone the viewer may see.
   *
   * @throws BadRequestException for a missing title or a link to nothing the viewer may see
   */
  @Transactional
  public MeetingView addAgendaItem(UUID meetingId, AgendaItemInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "an agenda item is required");
    }
    Row meeting = writable(meetingId, viewer);
    String title = required("title", input.title(), 500);
    // A link goes only to a record the viewer may see (any other is answered as missing, so its
    // existence does not show) and at least as widely visible as the meeting.
    Viewer.Audience from =
        new Viewer.Audience(meeting.classification(), meeting.originParty(), meeting.groupId());
    String commitment = null;
    if (input.commitment() != null && !input.commitment().isBlank()) {
      commitment = input.commitment().strip();
      String key = commitment;
      Viewer.Audience to =
          charters
              .commitmentAudience(meeting.charterKey(), commitment, viewer)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "commitment", "the charter has no commitment '" + key + "'"));
      Viewer.requireLink("commitment", from, "meeting", to, "commitment");
    }
    if (input.projectId() != null) {
      Viewer.Audience to =
          projects
              .audience(input.projectId(), viewer)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "projectId", "there is no project " + input.projectId()));
      Viewer.requireLink("projectId", from, "meeting", to, "project");
    }
    if (input.milestoneId() != null) {
      Viewer.Audience to =
          roadmaps
              .audience(input.milestoneId(), viewer)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "milestoneId", "there is no milestone " + input.milestoneId()));
      Viewer.requireLink("milestoneId", from, "meeting", to, "milestone");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into agenda_item (id, meeting_id, position, title, commitment_key, project_id,"
                + " milestone_id) values (?, ?, (select coalesce(max(position), 0) + 1 from"
                + " agenda_item where meeting_id = ?), ?, ?, ?, ?)")
        .params(id, meetingId, meetingId, title, commitment, input.projectId(), input.milestoneId())
        .update();
    touch(meeting);
    audit.record(
        "meeting.agenda-item-added",
        "meeting",
        meetingId.toString(),
        Outcome.SUCCESS,
        Map.of("agendaItem", id.toString()));
    return reload(meetingId, viewer);
  }

  /** Records a decision, under one of the meeting's agenda items or none. */
  @Transactional
  public MeetingView addDecision(UUID meetingId, DecisionInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "a decision is required");
    }
    Row meeting = writable(meetingId, viewer);
    String text = required("text", input.text(), 4000);
    if (input.agendaItemId() != null
        && jdbc.sql("select count(*) from agenda_item where id = ? and meeting_id = ?")
                .params(input.agendaItemId(), meetingId)
                .query(Long.class)
                .single()
            == 0) {
      throw new BadRequestException(
          "agendaItemId", "the meeting has no agenda item " + input.agendaItemId());
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into meeting_decision (id, meeting_id, agenda_item_id, position, text) values"
                + " (?, ?, ?, (select coalesce(max(position), 0) + 1 from meeting_decision where"
                + " meeting_id = ?), ?)")
        .params(id, meetingId, input.agendaItemId(), meetingId, text)
        .update();
    touch(meeting);
    audit.record(
        "meeting.decision-recorded",
        "meeting",
        meetingId.toString(),
        Outcome.SUCCESS,
        Map.of("decision", id.toString()));
    return reload(meetingId, viewer);
  }

  // ---------------------------------------------------------------- action items

  /**
   * Adds an action item: an owner (a known organization, an account, or both) and a due date are
   * required. It has the meeting's classification and group.
   *
   * @throws BadRequestException naming the field
   */
  @Transactional
  public ActionItemView addActionItem(UUID meetingId, ActionItemInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "an action item is required");
    }
    Row meeting = writable(meetingId, viewer);
    String title = required("title", input.title(), 500);
    String organization = blankToNull(input.ownerOrganization());
    String username = blankToNull(input.ownerUsername());
    if (organization == null && username == null) {
      throw new BadRequestException(
          "owner", "an action item needs an owner: an organization, a person, or both");
    }
    if (organization != null && !knownOrganization(meeting.charterKey(), organization, viewer)) {
      throw new BadRequestException(
          "ownerOrganization", "'" + organization + "' is not an organization known here");
    }
    if (username != null) {
      username = username.toLowerCase(Locale.ROOT);
      if (accounts.find(username).isEmpty()) {
        throw new BadRequestException("ownerUsername", "there is no account '" + username + "'");
      }
    }
    if (input.dueOn() == null) {
      throw new BadRequestException("dueOn", "dueOn is required (YYYY-MM-DD)");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into action_item (id, meeting_id, charter_id, title, owner_organization,"
                + " owner_username, due_on, status, classification, origin_party, group_id,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)")
        .params(
            id,
            meetingId,
            meeting.charterId(),
            title,
            organization,
            username,
            input.dueOn(),
            meeting.classification().name(),
            meeting.originParty(),
            meeting.groupId(),
            now,
            now)
        .update();
    touch(meeting);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("meeting", meetingId.toString());
    details.put("dueOn", input.dueOn().toString());
    if (organization != null) {
      details.put("ownerOrganization", organization);
    }
    if (username != null) {
      details.put("ownerUsername", username);
    }
    audit.record("action-item.added", "action_item", id.toString(), Outcome.SUCCESS, details);
    return actionItem(id, viewer);
  }

  /** An action item the viewer may see. */
  public ActionItemView actionItem(UUID id, Viewer viewer) {
    return actionItems("a.id = :id", Map.of("id", id), viewer).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("action item", String.valueOf(id)));
  }

  /**
   * The viewer's work list: the open action items they own, by name or through their organization,
   * that they may see, by due date.
   */
  public List<ActionItemView> workList(Viewer viewer) {
    if (!viewer.signedIn() || viewer.operator()) {
      return List.of();
    }
    String organization = accounts.find(viewer.username()).map(a -> a.organization()).orElse(null);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("user", viewer.username());
    params.put(
        "organization", organization == null ? "" : organization.strip().toLowerCase(Locale.ROOT));
    return actionItems(
        "a.status = 'OPEN' and (a.owner_username = :user"
            + " or lower(trim(a.owner_organization)) = :organization)",
        params,
        viewer);
  }

  /**
   * The open action items with a due date of a charter that the viewer may see, set by meetings the
   * viewer may see, by due date, in one statement: what a dashboard lists. The items of restricted
   * groups' meetings that are not public are a read to record, as a meeting's are.
   *
   * @throws NotFoundException when the viewer may not see the charter
   */
  public List<OpenActionItem> openActionItems(String charterKey, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    LocalDate today = LocalDate.now(clock);
    Set<String> restricted = new LinkedHashSet<>();
    List<OpenActionItem> items =
        jdbc.sql(
                "select a.*, m.title as meeting_title, c.code as charter_code, m.body_kind,"
                    + " m.classification as meeting_classification,"
                    + " coalesce(wg.code, dp.code) as body_code,"
                    + " coalesce(wg.name, dp.name) as body_name,"
                    + " coalesce(wg.restricted, false) as body_restricted,"
                    + LINKED_MILESTONE
                    + " from action_item a join meeting m on m.id = a.meeting_id"
                    + " left join milestone ms on ms.id = a.milestone_id"
                    + " join charter c on c.id = a.charter_id"
                    + " left join working_group wg on wg.id = m.group_id"
                    + " left join dialogue_platform dp on dp.id = m.group_id"
                    + " where a.charter_id = :charter and a.status = 'OPEN'"
                    + " and a.due_on is not null and "
                    + Viewer.condition("a")
                    + " and "
                    + Viewer.condition("m")
                    + " order by a.due_on, a.created_at, a.id")
            .param("charter", charter.id())
            .params(viewer.parameters())
            .query(
                (rs, n) -> {
                  Body body = Body.valueOf(rs.getString("body_kind"));
                  boolean restrictedRead =
                      rs.getBoolean("body_restricted")
                          && Classification.valueOf(rs.getString("meeting_classification"))
                              != Classification.PUBLIC;
                  if (restrictedRead) {
                    restricted.add(rs.getObject("meeting_id", UUID.class).toString());
                  }
                  String name = rs.getString("body_name");
                  return new OpenActionItem(
                      actionItem(rs, today),
                      body.code(),
                      body == Body.FRAMEWORK ? null : rs.getString("body_code"),
                      body == Body.FRAMEWORK
                          ? "Partnership framework"
                          : name == null ? "" : LocalizedText.fromJson(name).text(),
                      restrictedRead);
                })
            .list();
    recordRestrictedReads(List.copyOf(restricted));
    return items;
  }

  /**
   * Records again that the meetings were read, as {@link #openActionItems} records it: for a caller
   * that shows again what it kept of restricted meetings' action items, so that each showing is a
   * recorded read.
   */
  public void recordMeetingReads(Collection<UUID> meetingIds) {
    recordRestrictedReads(meetingIds.stream().map(UUID::toString).distinct().toList());
  }

  /** The action items of a meeting the viewer may see. */
  private List<ActionItemView> meetingActionItems(UUID meetingId, Viewer viewer) {
    return actionItems("a.meeting_id = :meeting", Map.of("meeting", meetingId), viewer);
  }

  private List<ActionItemView> actionItems(String condition, Map<String, ?> params, Viewer viewer) {
    LocalDate today = LocalDate.now(clock);
    return jdbc.sql(
            "select a.*, m.title as meeting_title, c.code as charter_code,"
                + LINKED_MILESTONE
                + " from action_item a"
                + " join meeting m on m.id = a.meeting_id join charter c on c.id = a.charter_id"
                + " left join milestone ms on ms.id = a.milestone_id"
                + " where "
                + condition
                + " and "
                + Viewer.condition("a")
                + " order by a.due_on, a.created_at, a.id")
        .params(params)
        .params(viewer.parameters())
        .query((rs, n) -> actionItem(rs, today))
        .list();
  }

  /** The columns of an action item's milestone (alias {@code ms}) that decide whether it shows. */
  private static final String LINKED_MILESTONE =
      " ms.classification as ms_classification, ms.origin_party as ms_origin_party,"
          + " ms.group_id as ms_group_id";

  /**
   * An action item's milestone, shown only when it is at least as widely visible as the item:
   * whoever sees the item then sees it too (links stored before that rule included).
   */
  private static UUID linkedMilestone(ResultSet rs) throws SQLException {
    UUID milestone = rs.getObject("milestone_id", UUID.class);
    if (milestone == null || rs.getString("ms_classification") == null) {
      return null;
    }
    Viewer.Audience item =
        new Viewer.Audience(
            Classification.valueOf(rs.getString("classification")),
            rs.getString("origin_party"),
            rs.getObject("group_id", UUID.class));
    Viewer.Audience linked =
        new Viewer.Audience(
            Classification.valueOf(rs.getString("ms_classification")),
            rs.getString("ms_origin_party"),
            rs.getObject("ms_group_id", UUID.class));
    return item.within(linked) ? milestone : null;
  }

  private static ActionItemView actionItem(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate due = rs.getObject("due_on", LocalDate.class);
    String status = rs.getString("status");
    return new ActionItemView(
        rs.getObject("id", UUID.class),
        rs.getObject("meeting_id", UUID.class),
        rs.getString("meeting_title"),
        rs.getString("charter_code"),
        rs.getString("title"),
        rs.getString("owner_organization"),
        rs.getString("owner_username"),
        due,
        status.toLowerCase(Locale.ROOT),
        linkedMilestone(rs),
        status.equals("OPEN") && due.isBefore(today),
        rs.getLong("version"));
  }

  /**
   * Changes an action item's status or due date, made against a version.
   *
   * @throws ConflictException when it changed since that version
   */
  @Transactional
  public ActionItemView changeActionItem(UUID id, ActionItemChange change, Viewer viewer) {
    if (change == null) {
      throw new BadRequestException(null, "a change is required");
    }
    ActionItemView current = actionItem(id, viewer);
    writable(current.meetingId(), viewer);
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != current.version()) {
      throw new ConflictException("action item", current.version());
    }
    String status = current.status().toUpperCase(Locale.ROOT);
    if (change.status() != null) {
      status = change.status().strip().toUpperCase(Locale.ROOT);
      if (!List.of("OPEN", "DONE", "CANCELLED").contains(status)) {
        throw new BadRequestException(
            "status", "status '" + change.status() + "' is not one of open, done, cancelled");
      }
    }
    LocalDate due = change.dueOn() == null ? current.dueOn() : change.dueOn();
    int updated =
        jdbc.sql(
                "update action_item set status = ?, due_on = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ?")
            .params(status, due, now(), id, current.version())
            .update();
    if (updated == 0) {
      throw new ConflictException("action item", current.version() + 1);
    }
    audit.record(
        "action-item.changed",
        "action_item",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("status", status.toLowerCase(Locale.ROOT), "dueOn", due.toString()));
    return actionItem(id, viewer);
  }

  /**
   * Makes an action item of a working group's meeting a milestone of the group's roadmap, due on
   * the item's due date and owned by its organization; the item then points to the milestone.
   *
   * @throws BadRequestException when the meeting is not a working group's, or the item already
   *     became a milestone
   */
  @Transactional
  public MilestoneView makeMilestone(UUID actionItemId, String key, Viewer viewer) {
    ActionItemView item = actionItem(actionItemId, viewer);
    Row meeting = writable(item.meetingId(), viewer);
    if (meeting.body() != Body.WORKING_GROUP) {
      throw new BadRequestException(
          null, "only an action item of a working group's meeting can become a roadmap milestone");
    }
    if (jdbc.sql("select count(*) from action_item where id = ? and milestone_id is not null")
            .param(actionItemId)
            .query(Long.class)
            .single()
        > 0) {
      throw new BadRequestException(null, "this action item already became a milestone");
    }
    String milestoneKey =
        key == null || key.isBlank()
            ? "ai-" + actionItemId.toString().substring(0, 8)
            : key.strip();
    LocalDate today = LocalDate.now(clock);
    LocalDate start = item.dueOn().isBefore(today) ? item.dueOn() : today;
    MilestoneView milestone =
        roadmaps.add(
            meeting.charterKey(),
            groupKey(meeting.groupId()),
            new MilestoneInput(
                milestoneKey,
                Map.of("en", item.title()),
                item.ownerOrganization(),
                start,
                item.dueOn(),
                null,
                null,
                "not-started",
                null,
                List.of(),
                meeting.classification() == Classification.PARTY_INTERNAL
                    ? "party-internal"
                    : "bilateral",
                null),
            viewer);
    jdbc.sql(
            "update action_item set milestone_id = ?, version = version + 1, updated_at = ?"
                + " where id = ?")
        .params(milestone.id(), now(), actionItemId)
        .update();
    audit.record(
        "action-item.became-milestone",
        "action_item",
        actionItemId.toString(),
        Outcome.SUCCESS,
        Map.of("milestone", milestone.id().toString(), "key", milestone.key()));
    return milestone;
  }

  // ---------------------------------------------------------------- joint statement

  /**
   * Drafts (or redrafts) the meeting's joint statement. Once submitted, a changed draft must be
   * submitted again, which withdraws earlier approvals.
   *
   * @throws ConflictException when the draft changed since the version read
   */
  @Transactional
  public MeetingView draftStatement(UUID meetingId, StatementDraft draft, Viewer viewer) {
    if (draft == null) {
      throw new BadRequestException(null, "a draft is required");
    }
    Row meeting = writable(meetingId, viewer);
    statementBody(meeting);
    String text = required("text", draft.text(), 20_000);
    boolean publish = draft.publish() == null || draft.publish();
    Optional<Long> version =
        jdbc.sql("select version from joint_statement where meeting_id = ?")
            .param(meetingId)
            .query(Long.class)
            .optional();
    OffsetDateTime now = now();
    if (version.isEmpty()) {
      jdbc.sql(
              "insert into joint_statement (meeting_id, text, publish, created_at, updated_at)"
                  + " values (?, ?, ?, ?, ?)")
          .params(meetingId, text, publish, now, now)
          .update();
    } else {
      if (draft.version() == null) {
        throw new BadRequestException(
            "version", "the version the draft was made against is required");
      }
      if (!draft.version().equals(version.get())) {
        throw new ConflictException("joint statement", version.get());
      }
      if (published(meetingId)) {
        throw new BadRequestException(
            "text", "the statement is published; reopen its agreement to change it");
      }
      int updated =
          jdbc.sql(
                  "update joint_statement set text = ?, publish = ?, version = version + 1,"
                      + " updated_at = ? where meeting_id = ? and version = ?")
              .params(text, publish, now, meetingId, version.get())
              .update();
      if (updated == 0) {
        throw new ConflictException("joint statement", version.get() + 1);
      }
    }
    audit.record(
        "joint-statement.drafted",
        "meeting",
        meetingId.toString(),
        Outcome.SUCCESS,
        Map.of("publish", publish, "length", text.length()));
    return reload(meetingId, viewer);
  }

  /**
   * The meeting whose joint statement the viewer acts on: one they may see, in the charter the
   * request names if it names one; to submit its statement, one they may change, of a group.
   */
  JointStatementSubject.Meeting statementMeeting(
      UUID meetingId, String charterKey, boolean toSubmit, Viewer viewer) {
    Row meeting = toSubmit ? writable(meetingId, viewer) : visible(meetingId, viewer);
    if (charterKey != null && !charterKey.equals(meeting.charterKey())) {
      throw new NotFoundException("meeting", String.valueOf(meetingId));
    }
    return new JointStatementSubject.Meeting(
        meeting.id(),
        meeting.charterId(),
        meeting.charterKey(),
        toSubmit ? statementBody(meeting) : meeting.groupId());
  }

  /** The meeting as it is after a step of its statement's agreement, in this transaction. */
  MeetingView statementView(UUID meetingId, Viewer viewer) {
    return reload(meetingId, viewer);
  }

  /** The published joint statements of a charter, newest first: anyone may read them. */
  public List<PublishedStatement> publishedStatements(String charterKey) {
    return jdbc.sql(
            SELECT.replace("select m.*", "select m.*, s.text as statement_text, s.published_at")
                + " join joint_statement s on s.meeting_id = m.id"
                + " where c.code = ? and s.published_at is not null"
                + " order by s.published_at desc")
        .param(charterKey)
        .query((rs, n) -> published(rs))
        .list();
  }

  /**
   * A published joint statement: anyone may read it.
   *
   * @throws NotFoundException when there is no such meeting, or its statement is not published
   */
  public PublishedStatement publishedStatement(UUID meetingId) {
    return jdbc.sql(
            SELECT.replace("select m.*", "select m.*, s.text as statement_text, s.published_at")
                + " join joint_statement s on s.meeting_id = m.id"
                + " where m.id = ? and s.published_at is not null")
        .param(meetingId)
        .query((rs, n) -> published(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("joint statement", String.valueOf(meetingId)));
  }

  private PublishedStatement published(ResultSet rs) throws SQLException {
    Row r = row(rs, 0);
    return new PublishedStatement(
        r.id(),
        r.charterKey(),
        r.title(),
        bodyName(r),
        r.start().atZone(r.zone()).toLocalDate(),
        r.place(),
        rs.getString("statement_text"),
        rs.getObject("published_at", OffsetDateTime.class).toInstant());
  }

  /** The group whose co-chairs approve a meeting's statement. */
  private static UUID statementBody(Row meeting) {
    if (meeting.groupId() == null) {
      throw new BadRequestException(
          null,
          "a joint statement is agreed by the co-chairs of a working group or platform;"
              + " a framework meeting's statement is not supported yet");
    }
    return meeting.groupId();
  }

  private boolean published(UUID meetingId) {
    return jdbc.sql(
                "select count(*) from joint_statement where meeting_id = ?"
                    + " and published_at is not null")
            .param(meetingId)
            .query(Long.class)
            .single()
        > 0;
  }

  // ---------------------------------------------------------------- time zones

  /** Today, in UTC, by the injected clock. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * The zone a viewer sees a charter's times in: their party's, as the charter's definition gives
   * it; for everyone else, each meeting's own.
   */
  public Optional<ZoneId> zoneFor(String charterKey, Viewer viewer) {
    return viewer.official()
        ? charters.partyTimeZone(charterKey, viewer.party())
        : Optional.empty();
  }

  // ---------------------------------------------------------------- helpers

  private Row visible(UUID id, Viewer viewer) {
    return jdbc.sql(SELECT + " where m.id = :id and " + Viewer.condition("m"))
        .param("id", id)
        .params(viewer.parameters())
        .query(Meetings::row)
        .optional()
        .orElseThrow(() -> new NotFoundException("meeting", String.valueOf(id)));
  }

  private Row writable(UUID id, Viewer viewer) {
    Row row = visible(id, viewer);
    boolean may =
        row.groupId() == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(row.groupId());
    if (!may) {
      throw new ForbiddenException(null, "you may read this meeting but not change it");
    }
    return row;
  }

  private void touch(Row meeting) {
    jdbc.sql("update meeting set updated_at = ? where id = ?").params(now(), meeting.id()).update();
  }

  private UUID groupOf(String charterKey, Body body, String key, Viewer viewer) {
    if (body == Body.FRAMEWORK) {
      return null;
    }
    if (key == null || key.isBlank()) {
      throw new BadRequestException("bodyKey", "bodyKey is required: the group's key");
    }
    try {
      if (body == Body.WORKING_GROUP) {
        return charters.workingGroup(charterKey, key.strip(), viewer).group().id();
      }
      return charters.platform(charterKey, key.strip(), viewer).id();
    } catch (NotFoundException e) {
      throw new BadRequestException(
          "bodyKey", "the charter has no " + body.code().replace('-', ' ') + " '" + key + "'");
    }
  }

  private String groupKey(UUID groupId) {
    return jdbc.sql(
            "select code from working_group where id = ? union all"
                + " select code from dialogue_platform where id = ?")
        .params(groupId, groupId)
        .query(String.class)
        .list()
        .get(0);
  }

  private String bodyName(Row r) {
    if (r.body() == Body.FRAMEWORK) {
      return "Partnership framework";
    }
    return r.bodyNameJson() == null ? "" : LocalizedText.fromJson(r.bodyNameJson()).text();
  }

  private ParticipantInput participant(
      String charterKey, ParticipantInput input, String prefix, Viewer viewer) {
    String at = prefix == null ? "" : prefix + ".";
    if (input == null) {
      throw new BadRequestException(prefix, "a participant is required");
    }
    String party = blankToNull(input.party());
    if (party != null) {
      party = party.toUpperCase(Locale.ROOT);
      String p = party;
      if (charters.overview(charterKey, viewer).parties().stream()
          .noneMatch(v -> v.key().equals(p))) {
        throw new BadRequestException(at + "party", "'" + input.party() + "' is not a party");
      }
    }
    String organization = required(at + "organization", input.organization(), 300);
    if (!knownOrganization(charterKey, organization, viewer)) {
      throw new BadRequestException(
          at + "organization",
          "'"
              + organization
              + "' is not an organization known here: a party, a co-chair's office, or the"
              + " organization of an account");
    }
    String person = optional(at + "personName", input.personName(), 200);
    return new ParticipantInput(
        party, organization, person, attendance(input.attendance(), at + "attendance"));
  }

  private static String attendance(String code, String field) {
    String value =
        code == null || code.isBlank() ? "INVITED" : code.strip().toUpperCase(Locale.ROOT);
    if (!List.of("INVITED", "ATTENDED", "ABSENT", "EXCUSED").contains(value)) {
      throw new BadRequestException(
          field, "attendance '" + code + "' is not one of invited, attended, absent, excused");
    }
    return value;
  }

  /**
   * Known organizations: the parties (by name), the co-chairs' offices of the charter's working
   * groups, and the organizations of accounts.
   */
  private boolean knownOrganization(String charterKey, String organization, Viewer viewer) {
    String wanted = organization.strip().toLowerCase(Locale.ROOT);
    CharterOverview overview = charters.overview(charterKey, viewer);
    for (PartyView party : overview.parties()) {
      for (LocalizedText name : List.of(party.officialName(), party.shortName())) {
        if (name != null
            && name.values().values().stream()
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(wanted))) {
          return true;
        }
      }
    }
    boolean office =
        charters.workingGroups(charterKey, null, viewer).stream()
            .flatMap(g -> g.coChairs().stream())
            .anyMatch(
                c ->
                    c.office() != null
                        && c.office().values().values().stream()
                            .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(wanted)));
    return office || accounts.knowsOrganization(organization);
  }

  private UUID insertParticipant(UUID meetingId, ParticipantInput p) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into meeting_participant (id, meeting_id, party, organization, person_name,"
                + " attendance, position) values (?, ?, ?, ?, ?, ?, (select coalesce(max(position),"
                + " 0) + 1 from meeting_participant where meeting_id = ?))")
        .params(
            id, meetingId, p.party(), p.organization(), p.personName(), p.attendance(), meetingId)
        .update();
    return id;
  }

  private MeetingView view(Row r, Viewer viewer, boolean full) {
    return view(r, viewer, full, zoneFor(r.charterKey(), viewer));
  }

  private MeetingView view(Row r, Viewer viewer, boolean full, Optional<ZoneId> partyZone) {
    ZoneId shownIn = partyZone.orElse(r.zone());
    List<ParticipantView> participants = List.of();
    List<AgendaItemView> agenda = List.of();
    List<DecisionView> decisions = List.of();
    List<ActionItemView> actions = List.of();
    StatementView statement = null;
    if (full) {
      participants =
          jdbc.sql("select * from meeting_participant where meeting_id = ? order by position")
              .param(r.id())
              .query(
                  (rs, n) ->
                      new ParticipantView(
                          rs.getObject("id", UUID.class),
                          rs.getString("party"),
                          rs.getString("organization"),
                          rs.getString("person_name"),
                          rs.getString("attendance").toLowerCase(Locale.ROOT)))
              .list();
      agenda =
          jdbc.sql("select * from agenda_item where meeting_id = ? order by position")
              .param(r.id())
              .query(
                  (rs, n) -> {
                    UUID project = rs.getObject("project_id", UUID.class);
                    UUID milestone = rs.getObject("milestone_id", UUID.class);
                    // A link to a record the viewer may not see is not shown, not even its id.
                    String projectTitle = projectTitle(project, viewer);
                    String milestoneTitle = milestoneTitle(milestone, viewer);
                    return new AgendaItemView(
                        rs.getObject("id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("title"),
                        commitmentShown(r.charterKey(), rs.getString("commitment_key"), viewer),
                        projectTitle == null ? null : project,
                        projectTitle,
                        milestoneTitle == null ? null : milestone,
                        milestoneTitle);
                  })
              .list();
      decisions =
          jdbc.sql("select * from meeting_decision where meeting_id = ? order by position")
              .param(r.id())
              .query(
                  (rs, n) ->
                      new DecisionView(
                          rs.getObject("id", UUID.class),
                          rs.getInt("position"),
                          rs.getString("text"),
                          rs.getObject("agenda_item_id", UUID.class)))
              .list();
      actions = meetingActionItems(r.id(), viewer);
      statement =
          jdbc.sql("select * from joint_statement where meeting_id = ?")
              .param(r.id())
              .query(
                  (rs, n) -> {
                    OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
                    AgreementView agreement =
                        concurrence.find(JOINT_STATEMENT, r.id().toString(), viewer).orElse(null);
                    return new StatementView(
                        rs.getString("text"),
                        rs.getBoolean("publish"),
                        published == null ? null : published.toInstant(),
                        rs.getLong("version"),
                        agreement);
                  })
              .optional()
              .orElse(null);
    }
    return new MeetingView(
        r.id(),
        r.charterKey(),
        r.body().code(),
        r.body() == Body.FRAMEWORK ? "framework" : r.bodyCode(),
        bodyName(r),
        r.groupId(),
        r.title(),
        r.start().atZone(r.zone()),
        r.end().atZone(r.zone()),
        shownIn,
        r.place(),
        r.online(),
        r.status().code(),
        r.minutes(),
        r.classification(),
        r.originParty(),
        r.version(),
        participants,
        agenda,
        decisions,
        actions,
        statement);
  }

  /** A linked commitment's key, or null when the viewer may not see it (the link stays hidden). */
  private String commitmentShown(String charterKey, String commitment, Viewer viewer) {
    if (commitment == null) {
      return null;
    }
    return charters.commitmentAudience(charterKey, commitment, viewer).isPresent()
        ? commitment
        : null;
  }

  /**
   * A project is about to get another classification: refused while an agenda item of a meeting
   * would then link to a less widely visible record.
   */
  @org.springframework.context.event.EventListener
  void on(org.entente.projects.ProjectReclassified reclassified) {
    List<Viewer.Audience> linking =
        jdbc.sql(
                "select m.classification, m.origin_party, m.group_id from agenda_item a"
                    + " join meeting m on m.id = a.meeting_id where a.project_id = ?")
            .param(reclassified.projectId())
            .query(
                (rs, n) ->
                    new Viewer.Audience(
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("origin_party"),
                        rs.getObject("group_id", UUID.class)))
            .list();
    for (Viewer.Audience from : linking) {
      if (!from.within(reclassified.audience())) {
        throw new BadRequestException(
            "classification",
            "an agenda item of a "
                + from.code()
                + " meeting links to this project: a project may not be less widely visible"
                + " than the records that link to it");
      }
    }
  }

  /** A linked project's title, or null when the viewer may not see it (the link stays hidden). */
  private String projectTitle(UUID project, Viewer viewer) {
    if (project == null) {
      return null;
    }
    return projects.title(project, viewer).map(LocalizedText::text).orElse(null);
  }

  private String milestoneTitle(UUID milestone, Viewer viewer) {
    if (milestone == null) {
      return null;
    }
    return roadmaps.milestoneTitle(milestone, viewer).map(LocalizedText::text).orElse(null);
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field, field + " is required");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new BadRequestException(field, field + " must have at most " + max + " characters");
    }
    return v;
  }

  private static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return required(field, value, max);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
