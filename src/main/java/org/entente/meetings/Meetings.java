package org.entente.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.charter.CharterIndex;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.concurrence.Concurrence;
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
import org.entente.meetings.MeetingViews.HeldMeeting;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.MeetingViews.OpenActionItem;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.meetings.MeetingViews.TextTranslations;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.entente.shared.SearchHit;
import org.entente.shared.TextQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meetings module's one entry point: meetings and what they produce, each read through the one
 * visibility condition. It loads a meeting, lets the {@link Meeting} aggregate decide, and hands
 * the writing to the module's stores ({@link MeetingStore}, {@link MeetingChildren}, {@link
 * ActionItemStore}, {@link StatementStore}), the audit to {@link MeetingAudit} and the showing to
 * {@link MeetingReads} and {@link ActionItemReads}, in one transaction per call.
 */
@Service
@Transactional(readOnly = true)
public class Meetings {

  /** The concurrence subject type of a meeting's joint statement; its key is the meeting's id. */
  public static final String JOINT_STATEMENT = "joint-statement";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Charters charters;
  private final Concurrence concurrence;
  private final Audit audit;
  private final MeetingStore store;
  private final StatementStore statements;
  private final MeetingReads reads;
  private final ActionItemReads actionItemReads;
  private final MeetingRecords records;
  private final ActionItems actionItems;
  private final MeetingAudit meetingAudit;
  private final Organizations organizations;
  private final MeetingTranslations.Statuses translations;

  Meetings(
      JdbcClient jdbc,
      Clock clock,
      Charters charters,
      Concurrence concurrence,
      Audit audit,
      MeetingStore store,
      StatementStore statements,
      MeetingReads reads,
      ActionItemReads actionItemReads,
      MeetingRecords records,
      ActionItems actionItems,
      MeetingAudit meetingAudit,
      Organizations organizations,
      MeetingTranslations.Statuses translations) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.concurrence = concurrence;
    this.audit = audit;
    this.store = store;
    this.statements = statements;
    this.reads = reads;
    this.actionItemReads = actionItemReads;
    this.records = records;
    this.actionItems = actionItems;
    this.meetingAudit = meetingAudit;
    this.organizations = organizations;
    this.translations = translations;
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
  public MeetingView schedule(CharterKey charterKey, MeetingInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "a meeting is required");
    }
    Meeting meeting = records.schedule(charters.require(charterKey, viewer), input, viewer);
    return reload(meeting.id(), viewer);
  }

  /**
   * A meeting with everything it produced, as far as the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public MeetingView meeting(UUID id, Viewer viewer) {
    CharterIndex.All names = reads.names();
    Meeting meeting = visible(id, viewer, names);
    reads.recordRestrictedReads(List.of(meeting), names);
    return reads.full(meeting, names, viewer);
  }

  /**
   * Where each of a meeting's texts stands in each language of its charter (decision 0037), by
   * {@code meeting-title}, {@code meeting-minutes} or an item's id; empty for a charter of one
   * language. Read with the meeting's page: no read of its own to record.
   */
  public Map<String, TextTranslations> translations(UUID id, Viewer viewer) {
    return translations.of(id, viewer);
  }

  /** The meetings of a charter the viewer may see that start in [from, to), by start. */
  public List<MeetingView> meetings(
      CharterKey charterKey, Instant from, Instant to, Viewer viewer) {
    return meetings(charters.require(charterKey, viewer), from, to, viewer);
  }

  /**
   * The meetings of a charter the viewer may see that start in [from, to), by start.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<MeetingView> meetings(
      CharterSummary charter, Instant from, Instant to, Viewer viewer) {
    return starting("m.charter_id = :charter", Map.of("charter", charter.id()), from, to, viewer);
  }

  /**
   * Every meeting the viewer may see, of any charter, starting in [from, to): what a person's
   * calendar shows.
   */
  public List<MeetingView> calendar(Instant from, Instant to, Viewer viewer) {
    return starting("1 = 1", Map.of(), from, to, viewer);
  }

  /** The meetings of one group or platform the viewer may see, starting in [from, to). */
  public List<MeetingView> groupCalendar(UUID groupId, Instant from, Instant to, Viewer viewer) {
    return starting("m.group_id = :group", Map.of("group", groupId), from, to, viewer);
  }

  private List<MeetingView> starting(
      String condition, Map<String, ?> params, Instant from, Instant to, Viewer viewer) {
    CharterIndex.All names = reads.names();
    return reads.shown(store.starting(condition, params, from, to, viewer, names), names, viewer);
  }

  /**
   * The charter's meetings the viewer may see whose title, place or minutes match a search, and the
   * published joint statements whose text does (those anyone may read).
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<SearchHit> search(
      CharterSummary charter, TextQuery query, boolean postgres, Viewer viewer) {
    return reads.search(charter, query, postgres, viewer);
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
    CharterIndex.All names = reads.names();
    records.change(visible(id, viewer, names).requireWritableBy(viewer), change, names);
    return reload(id, viewer);
  }

  // ---------------------------------------------------------------- participants, agenda

  /**
   * Adds a participant.
   *
   * @throws BadRequestException for an unknown party or organization
   */
  @Transactional
  public MeetingView addParticipant(UUID meetingId, ParticipantInput input, Viewer viewer) {
    records.addParticipant(writable(meetingId, viewer), input, viewer);
    return reload(meetingId, viewer);
  }

  /** Records who attended: each participant's attendance, by id. */
  @Transactional
  public MeetingView recordAttendance(UUID meetingId, Map<UUID, String> attendance, Viewer viewer) {
    records.recordAttendance(writable(meetingId, viewer), attendance);
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
    records.addAgendaItem(writable(meetingId, viewer), input, viewer);
    return reload(meetingId, viewer);
  }

  /** Records a decision, under one of the meeting's agenda items or none. */
  @Transactional
  public MeetingView addDecision(UUID meetingId, DecisionInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "a decision is required");
    }
    records.addDecision(writable(meetingId, viewer), input);
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
    return actionItem(actionItems.add(writable(meetingId, viewer), input, viewer), viewer);
  }

  /** An action item the viewer may see. */
  public ActionItemView actionItem(UUID id, Viewer viewer) {
    return actionItemReads
        .find(id, viewer)
        .orElseThrow(() -> new NotFoundException("action item", String.valueOf(id)));
  }

  /**
   * The viewer's work list: the open action items they own, by name or through their organization,
   * that they may see, by due date.
   */
  public List<ActionItemView> workList(Viewer viewer) {
    return actionItemReads.workList(viewer);
  }

  /**
   * The open action items with a due date of a charter that the viewer may see, set by meetings the
   * viewer may see, by due date, in one statement: what a dashboard lists. The items of restricted
   * groups' meetings that are not public are a read to record, as a meeting's are.
   *
   * @throws NotFoundException when the viewer may not see the charter
   */
  public List<OpenActionItem> openActionItems(CharterKey charterKey, Viewer viewer) {
    return actionItemReads.open(charters.require(charterKey, viewer).id(), viewer);
  }

  /**
   * Records again that the meetings were read, as {@link #openActionItems} records it: for a caller
   * that shows again what it kept of restricted meetings' action items, so that each showing is a
   * recorded read.
   */
  public void recordMeetingReads(Collection<UUID> meetingIds) {
    meetingAudit.restrictedReads(meetingIds.stream().map(UUID::toString).distinct().toList());
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
    actionItems.change(current, change);
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
    CharterIndex.All names = reads.names();
    Meeting meeting = visible(item.meetingId(), viewer, names).requireWritableBy(viewer);
    return actionItems.makeMilestone(
        meeting, MeetingReads.bodyKey(meeting, names), item, key, viewer);
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
    Meeting meeting = writable(meetingId, viewer);
    statementBody(meeting);
    records.draftStatement(meeting, draft);
    return reload(meetingId, viewer);
  }

  /**
   * The meeting whose joint statement the viewer acts on: one they may see, in the charter the
   * request names if it names one; to submit its statement, one they may change, of a group.
   */
  JointStatementSubject.Meeting statementMeeting(
      UUID meetingId, CharterKey charterKey, boolean toSubmit, Viewer viewer) {
    Meeting meeting = toSubmit ? writable(meetingId, viewer) : visible(meetingId, viewer);
    if (charterKey != null && !charterKey.value().equals(meeting.charterKey())) {
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

  /**
   * The meetings of a charter held on a day in [from, to] (each day in the meeting's own time zone)
   * that the viewer may know were held: those they may see marked held, and those whose joint
   * statement both parties published, which says to anyone that the meeting took place. By day.
   * This is the one list the deadlines and the reports count held meetings from.
   */
  public List<HeldMeeting> held(
      CharterKey charterKey, LocalDate from, LocalDate to, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    Map<UUID, HeldMeeting> held = new java.util.LinkedHashMap<>();
    for (MeetingView m :
        meetings(
            charter,
            from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant(),
            viewer)) {
      if (m.status().equals(Meeting.Status.HELD.code())) {
        held.put(
            m.id(),
            new HeldMeeting(
                m.id(),
                m.bodyKey(),
                m.groupId(),
                m.title(),
                m.bodyName(),
                m.startsAt().toLocalDate(),
                m.place()));
      }
    }
    reads.publiclyHeld(charter.id()).forEach(m -> held.putIfAbsent(m.meetingId(), m));
    return held.values().stream()
        .filter(m -> !m.heldOn().isBefore(from) && !m.heldOn().isAfter(to))
        .sorted(
            java.util.Comparator.comparing(HeldMeeting::heldOn)
                .thenComparing(m -> m.title().text()))
        .toList();
  }

  /**
   * The held meetings of a charter whose joint statement is published: what anyone may know was
   * held, whoever asks (see {@link #held}).
   */
  public List<HeldMeeting> publiclyHeld(CharterKey charterKey) {
    return charters.idOf(charterKey).map(reads::publiclyHeld).orElse(List.of());
  }

  /** The published joint statements of a charter, newest first: anyone may read them. */
  public List<PublishedStatement> publishedStatements(CharterKey charterKey) {
    return reads.publishedStatements(charterKey);
  }

  /**
   * A published joint statement: anyone may read it.
   *
   * @throws NotFoundException when there is no such meeting, or its statement is not published
   */
  public PublishedStatement publishedStatement(UUID meetingId) {
    return reads.publishedStatement(meetingId);
  }

  /** The group whose co-chairs approve a meeting's statement. */
  private static UUID statementBody(Meeting meeting) {
    return meeting.statementGroup();
  }

  // ---------------------------------------------------------------- time zones

  /** Today, in UTC, by the injected clock. */
  /**
   * The names a participant's or an action item owner's organization field offers in its list: the
   * charter's directory, its parties and its co-chairs' offices, as far as the viewer may see them.
   */
  public List<String> organizationNames(CharterKey charterKey, Viewer viewer) {
    return organizations.names(charterKey, viewer);
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * The zone a viewer sees a charter's times in: their party's, as the charter's definition gives
   * it; for everyone else, each meeting's own.
   */
  public Optional<ZoneId> zoneFor(CharterKey charterKey, Viewer viewer) {
    return viewer.official() ? reads.zoneFor(charterKey, viewer, reads.names()) : Optional.empty();
  }

  // ---------------------------------------------------------------- helpers

  private Meeting visible(UUID id, Viewer viewer, CharterIndex.All names) {
    return store
        .find(id, viewer, names)
        .orElseThrow(() -> new NotFoundException("meeting", String.valueOf(id)));
  }

  private Meeting visible(UUID id, Viewer viewer) {
    return visible(id, viewer, reads.names());
  }

  private Meeting writable(UUID id, Viewer viewer) {
    return visible(id, viewer).requireWritableBy(viewer);
  }

  /**
   * A meeting as it is after a write in this transaction. Not a read to record: the write is, and
   * the read's own transaction would wait on the write's lock of the audit trail.
   */
  private MeetingView reload(UUID id, Viewer viewer) {
    CharterIndex.All names = reads.names();
    return reads.full(visible(id, viewer, names), names, viewer);
  }

  private OffsetDateTime now() {
    return utc(Instant.now(clock));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
