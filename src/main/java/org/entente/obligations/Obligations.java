package org.entente.obligations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationRule.Recurrence;
import org.entente.obligations.ObligationViews.Deadlines;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.ObligationViews.OccurrenceView;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ForbiddenException;
import org.entente.shared.KeyedRows;
import org.entente.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obligations module's one service: keeps a charter's rules and events, and says, as of the
 * injected clock, when each obligation is due and whether it was met.
 */
@Service
@Transactional(readOnly = true)
public class Obligations {

  private static final String HISTORY = "history:";
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final List<String> RECORDABLE =
      List.of(ObligationEvent.MEETING_HELD, ObligationEvent.DELIVERABLE_FINALIZED);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Charters charters;
  private final Audit audit;
  private final int dueSoonDays;

  Obligations(
      JdbcClient jdbc,
      Clock clock,
      Charters charters,
      Audit audit,
      @Value("${entente.obligations.due-soon-days:30}") int dueSoonDays) {
    if (dueSoonDays < 0) {
      throw new IllegalArgumentException("entente.obligations.due-soon-days must be 0 or more");
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.audit = audit;
    this.dueSoonDays = dueSoonDays;
  }

  /**
   * Stores a charter's rules and the events of its dated history, by key: what is unchanged stays,
   * what changed is updated, what left the definition is retired. Events recorded through the API
   * are kept as they are.
   */
  @Transactional
  public void synchronize(
      String charterKey, List<ObligationRule> rules, List<ObligationEvent> history) {
    UUID charterId =
        charters
            .idOf(charterKey)
            .orElseThrow(() -> new IllegalStateException("no charter " + charterKey));
    KeyedRows rows = new KeyedRows(jdbc, clock);
    int position = 0;
    for (ObligationRule rule : rules) {
      Map<String, Object> columns = new LinkedHashMap<>();
      columns.put("title", rule.title().toJson());
      columns.put("clause_code", rule.clause());
      columns.put("recurrence", rule.recurrence().name());
      columns.put("period", rule.period().toString());
      columns.put("anchor", rule.from() == null ? "signing" : rule.from().toString());
      columns.put("applies_to", rule.appliesTo());
      columns.put("event_kind", rule.eventKind());
      columns.put("deliverable", rule.deliverable());
      columns.put("position", position++);
      rows.upsert("obligation_rule", charterId, rule.key(), columns);
    }
    rows.retireOthers(
        "obligation_rule",
        charterId,
        rules.stream().map(ObligationRule::key).collect(java.util.stream.Collectors.toSet()));
    Set<String> keep = new LinkedHashSet<>();
    for (ObligationEvent event : history) {
      Map<String, Object> columns = new LinkedHashMap<>();
      columns.put("kind", event.kind());
      columns.put("subject", event.subject());
      columns.put("deliverable", event.deliverable());
      columns.put("occurred_on", event.date());
      columns.put("title", event.title().toJson());
      columns.put("source", "DEFINITION");
      columns.put("group_id", groupId(charterId, event.subject()));
      rows.upsert("obligation_event", charterId, HISTORY + event.key(), columns);
      keep.add(HISTORY + event.key());
    }
    rows.retireOthers("obligation_event", charterId, keep, HISTORY);
    for (KeyedRows.Change change : rows.changes()) {
      audit.record(
          "record." + change.kind(),
          change.table(),
          change.id().toString(),
          Outcome.SUCCESS,
          Map.of("charter", charterKey, "key", change.code(), "from", "definition"));
    }
  }

  /** Today, in UTC, as the injected clock says. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /**
   * The status of each obligation of a charter, one row per rule and subject.
   *
   * @param status only those in this state (its code, e.g. {@code overdue}), or all when null
   * @param subject only those of this subject ({@code framework} or a group's key), or all
   * @param sort {@code due} (the default), {@code status} or {@code subject}
   */
  public Deadlines deadlines(
      String charterKey, String status, String subject, String sort, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    ObligationState wanted =
        status == null || status.isBlank() ? null : ObligationState.fromCode(status);
    Comparator<ObligationStatus> order = order(sort);
    LocalDate today = today();
    List<WorkingGroupView> groups = charters.workingGroups(charterKey, null, viewer);
    Map<String, LocalizedText> subjectNames = new LinkedHashMap<>();
    subjectNames.put(ObligationRule.FRAMEWORK, LocalizedText.of("en", "The partnership framework"));
    for (WorkingGroupView group : groups) {
      subjectNames.put(group.key(), group.name());
    }
    List<StoredEvent> events =
        jdbc.sql(
                "select kind, subject, deliverable, occurred_on from obligation_event"
                    + " where charter_id = :charter and retired = false and "
                    + Viewer.condition())
            .param("charter", charter.id())
            .params(viewer.parameters())
            .query(
                (rs, n) ->
                    new StoredEvent(
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("deliverable"),
                        rs.getObject("occurred_on", LocalDate.class)))
            .list();
    // The events by kind and subject, in the order read: one pass, not one per rule and subject.
    Map<String, List<StoredEvent>> bySubject = new LinkedHashMap<>();
    for (StoredEvent e : events) {
      bySubject.computeIfAbsent(e.kind() + "\n" + e.subject(), k -> new ArrayList<>()).add(e);
    }
    List<ObligationStatus> result = new ArrayList<>();
    for (StoredRule rule : rules(charter.id(), viewer)) {
      List<String> subjects =
          switch (rule.appliesTo()) {
            case ObligationRule.EACH_WORKING_GROUP ->
                groups.stream().map(WorkingGroupView::key).toList();
            default -> List.of(rule.appliesTo());
          };
      LocalDate start =
          rule.anchor().equals("signing") ? charter.signedOn() : LocalDate.parse(rule.anchor());
      for (String s : subjects) {
        if (subject != null && !subject.isBlank() && !subject.equals(s)) {
          continue;
        }
        List<LocalDate> dates =
            bySubject.getOrDefault(rule.eventKind() + "\n" + s, List.of()).stream()
                .filter(
                    e -> rule.deliverable() == null || rule.deliverable().equals(e.deliverable()))
                .map(StoredEvent::occurredOn)
                .toList();
        Schedule.Result r =
            Schedule.evaluate(rule.recurrence(), rule.period(), start, dates, today, dueSoonDays);
        if (wanted != null && r.state() != wanted) {
          continue;
        }
        result.add(status(rule, s, subjectNames.getOrDefault(s, LocalizedText.of("en", s)), r));
      }
    }
    result.sort(order);
    return new Deadlines(
        charter.key(),
        charter.title(),
        charter.signedOn(),
        today,
        dueSoonDays,
        List.copyOf(result));
  }

  /**
   * Events recorded for a charter that the viewer may see, from its history and through the API,
   * oldest first.
   */
  public List<EventView> events(String charterKey, Viewer viewer) {
    UUID charterId = charters.require(charterKey, viewer).id();
    List<String> restrictedShown = new ArrayList<>();
    List<EventView> events =
        jdbc.sql(
                "select e.*, g.restricted from obligation_event e left join working_group g"
                    + " on g.id = e.group_id where e.charter_id = :charter and e.retired = false"
                    + " and "
                    + Viewer.condition("e")
                    + " order by e.occurred_on, e.created_at")
            .param("charter", charterId)
            .params(viewer.parameters())
            .query(
                (rs, n) -> {
                  EventView view = eventView(rs);
                  if (rs.getBoolean("restricted")
                      && view.classification() != Classification.PUBLIC) {
                    restrictedShown.add(view.id().toString());
                  }
                  return view;
                })
            .list();
    if (!restrictedShown.isEmpty()) {
      // A list that shows restricted records is a read of each of them.
      audit.recordRead(
          "obligation_event",
          null,
          Map.of(
              "charter",
              charterKey,
              "count",
              restrictedShown.size(),
              "ids",
              String.join(",", restrictedShown.subList(0, Math.min(20, restrictedShown.size())))));
    }
    return events;
  }

  /**
   * One recorded event.
   *
   * @throws org.entente.shared.NotFoundException when there is none, or the viewer may not see it
   */
  public EventView event(String charterKey, UUID id, Viewer viewer) {
    return stored(charterKey, id, viewer).view();
  }

  private Stored stored(String charterKey, UUID id, Viewer viewer) {
    UUID charterId = charters.require(charterKey, viewer).id();
    Stored stored =
        jdbc.sql(
                "select * from obligation_event where charter_id = :charter and id = :id"
                    + " and retired = false and "
                    + Viewer.condition())
            .param("charter", charterId)
            .param("id", id)
            .params(viewer.parameters())
            .query(
                (rs, n) ->
                    new Stored(eventView(rs), rs.getObject("group_id", UUID.class), charterId))
            .optional()
            .filter(
                e -> viewer.canSee(e.view().classification(), e.view().originParty(), e.group()))
            .orElseThrow(
                () -> new org.entente.shared.NotFoundException("event", String.valueOf(id)));
    if (stored.group() != null
        && stored.view().classification() != Classification.PUBLIC
        && restricted(stored.group())) {
      audit.recordRead("obligation_event", id.toString(), Map.of("charter", charterKey));
    }
    return stored;
  }

  private record Stored(EventView view, UUID group, UUID charterId) {}

  private boolean restricted(UUID group) {
    return jdbc.sql("select restricted from working_group where id = ?")
        .param(group)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private static EventView eventView(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new EventView(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("subject"),
        rs.getString("deliverable"),
        rs.getObject("occurred_on", LocalDate.class),
        LocalizedText.fromJson(rs.getString("title")),
        rs.getString("note"),
        rs.getString("source").toLowerCase(Locale.ROOT),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getLong("version"));
  }

  /**
   * Records an event that may meet obligations: a meeting held or a deliverable finalized.
   *
   * <p>The operator token records public facts for both parties. A person records for a group they
   * may write in, or for the framework as an official: bilateral by default, or party-internal to
   * their own party. Making a record public needs both parties, so one person cannot.
   *
   * @throws BadRequestException naming the field, when the event is not one that can be recorded
   * @throws org.entente.shared.ForbiddenException when the viewer may not record it
   */
  @Transactional
  public EventView record(String charterKey, RecordEvent event, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    if (event.kind() == null || !RECORDABLE.contains(event.kind())) {
      throw new BadRequestException("kind", "kind must be one of " + String.join(", ", RECORDABLE));
    }
    Set<String> subjects = new LinkedHashSet<>();
    subjects.add(ObligationRule.FRAMEWORK);
    charters.workingGroups(charterKey, null, viewer).forEach(g -> subjects.add(g.key()));
    if (event.subject() == null || !subjects.contains(event.subject())) {
      throw new BadRequestException(
          "subject", "subject must be one of " + String.join(", ", subjects));
    }
    UUID group = groupId(charter.id(), event.subject());
    Classification classification =
        classification(event.classification(), viewer.operator() ? "public" : "bilateral");
    String originParty = viewer.operator() ? null : viewer.party();
    if (viewer.operator()) {
      if (classification != Classification.PUBLIC) {
        throw new ForbiddenException(
            "classification",
            "the operator token records public facts only; a person records the others");
      }
    } else {
      boolean mayWrite = group == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(group);
      if (!mayWrite) {
        throw new ForbiddenException(
            "subject", "only members of " + event.subject() + " may record events for it");
      }
      if (classification == Classification.PUBLIC) {
        throw new ForbiddenException(
            "classification", "publishing a record needs the agreement of both parties");
      }
      if (classification == Classification.PARTY_INTERNAL && originParty == null) {
        throw new ForbiddenException(
            "classification", "only an official of a party can keep a record internal to it");
      }
    }
    String deliverable = event.deliverable();
    if (ObligationEvent.DELIVERABLE_FINALIZED.equals(event.kind())) {
      if (deliverable == null || !KEY.matcher(deliverable).matches()) {
        throw new BadRequestException(
            "deliverable", "a finalized deliverable needs its key, e.g. project-list or roadmap");
      }
    } else if (deliverable != null) {
      throw new BadRequestException("deliverable", "only a finalized deliverable names one");
    }
    checkDate(event.occurredOn(), charter);
    checkTexts(event.title(), event.note());
    String title =
        event.title() != null
            ? event.title().strip()
            : (event.kind().equals(ObligationEvent.MEETING_HELD)
                ? "Meeting held"
                : "Deliverable finalized: " + deliverable);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    jdbc.sql(
            "insert into obligation_event (id, charter_id, code, kind, subject, deliverable,"
                + " occurred_on, title, note, source, classification, origin_party, group_id,"
                + " created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'API', ?, ?, ?, ?, ?)")
        .params(
            id,
            charter.id(),
            "api:" + id,
            event.kind(),
            event.subject(),
            deliverable,
            event.occurredOn(),
            LocalizedText.of("en", title).toJson(),
            event.note(),
            classification.name(),
            originParty,
            group,
            now,
            now)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", charter.key());
    details.put("kind", event.kind());
    details.put("subject", event.subject());
    if (deliverable != null) {
      details.put("deliverable", deliverable);
    }
    details.put("occurredOn", event.occurredOn().toString());
    details.put("classification", classification.code());
    audit.record("event.recorded", "obligation_event", id.toString(), Outcome.SUCCESS, details);
    return new EventView(
        id,
        event.kind(),
        event.subject(),
        deliverable,
        event.occurredOn(),
        LocalizedText.of("en", title),
        event.note(),
        "api",
        now.toInstant(),
        classification,
        originParty,
        0);
  }

  /**
   * Changes an event recorded through the API, made against a version. Its kind, subject, party and
   * group never change: a change that names them is refused.
   *
   * @throws org.entente.shared.NotFoundException when the viewer may not see the event
   * @throws org.entente.shared.ForbiddenException when the viewer may see but not change it, or
   *     sets a field they may not
   * @throws org.entente.shared.ConflictException when it changed since that version
   */
  @Transactional
  public EventView update(String charterKey, UUID id, EventChange change, Viewer viewer) {
    Stored stored = stored(charterKey, id, viewer);
    EventView current = stored.view();
    for (Map.Entry<String, Object> fixed : change.fixedFields().entrySet()) {
      if (fixed.getValue() != null) {
        throw new ForbiddenException(
            fixed.getKey(), fixed.getKey() + " is fixed when an event is recorded");
      }
    }
    if (!"api".equals(current.source())) {
      throw new ForbiddenException(
          null,
          "only events recorded through the API change here; this one comes from the charter's definition or an agreement");
    }
    boolean mayWrite =
        viewer.operator()
            ? current.classification() == Classification.PUBLIC && current.originParty() == null
            : current.classification() != Classification.PUBLIC
                && (stored.group() == null
                    ? viewer.mayWriteInFramework()
                    : viewer.mayWriteIn(stored.group()));
    if (!mayWrite) {
      throw new ForbiddenException(null, "you may read this event but not change it");
    }
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != current.version()) {
      throw new org.entente.shared.ConflictException("event", current.version());
    }
    Classification classification =
        change.classification() == null
            ? current.classification()
            : classification(change.classification(), null);
    if (classification != current.classification()) {
      if (classification == Classification.PUBLIC) {
        throw new ForbiddenException(
            "classification", "publishing a record needs the agreement of both parties");
      }
      if (viewer.operator()
          || current.originParty() == null
          || !current.originParty().equals(viewer.party())) {
        throw new ForbiddenException(
            "classification",
            "only an official of the party that recorded it may change its classification");
      }
    }
    CharterSummary charter = charters.require(charterKey, viewer);
    LocalDate occurredOn = change.occurredOn() == null ? current.occurredOn() : change.occurredOn();
    checkDate(occurredOn, charter);
    checkTexts(change.title(), change.note());
    String title = change.title() == null ? current.title().text() : change.title().strip();
    String note = change.note() == null ? current.note() : change.note();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    int updated =
        jdbc.sql(
                "update obligation_event set title = ?, note = ?, occurred_on = ?,"
                    + " classification = ?, version = version + 1, updated_at = ?"
                    + " where id = ? and version = ?")
            .params(
                LocalizedText.of("en", title).toJson(),
                note,
                occurredOn,
                classification.name(),
                now,
                id,
                current.version())
            .update();
    if (updated == 0) {
      throw new org.entente.shared.ConflictException("event", current.version() + 1);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", charter.key());
    if (classification != current.classification()) {
      details.put(
          "classification", current.classification().code() + " -> " + classification.code());
    }
    if (!occurredOn.equals(current.occurredOn())) {
      details.put("occurredOn", occurredOn.toString());
    }
    audit.record("event.updated", "obligation_event", id.toString(), Outcome.SUCCESS, details);
    return new EventView(
        id,
        current.kind(),
        current.subject(),
        current.deliverable(),
        occurredOn,
        LocalizedText.of("en", title),
        note,
        current.source(),
        current.recordedAt(),
        classification,
        current.originParty(),
        current.version() + 1);
  }

  /**
   * Records that both parties agreed a group's deliverable (its project list or roadmap): it is
   * finalized on the day of the agreement (UTC). Bilateral, like the agreement itself. The
   * agreement's own audit event (agreement.approved, state AGREED) covers this write.
   */
  @Transactional
  void recordAgreed(org.entente.concurrence.AgreementReached agreement) {
    String subject =
        jdbc.sql("select code from working_group where id = ?")
            .param(agreement.groupId())
            .query(String.class)
            .single();
    String code =
        "agreement:" + agreement.subjectType() + ":" + subject + ":" + agreement.version();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    String what = agreement.subjectType().equals("roadmap") ? "Roadmap" : "Project list";
    jdbc.sql(
            "insert into obligation_event (id, charter_id, code, kind, subject, deliverable,"
                + " occurred_on, title, note, source, classification, origin_party, group_id,"
                + " created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'AGREEMENT', 'BILATERAL', null, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            agreement.charterId(),
            code,
            ObligationEvent.DELIVERABLE_FINALIZED,
            subject,
            agreement.subjectType(),
            LocalDate.ofInstant(agreement.agreedAt(), ZoneOffset.UTC),
            LocalizedText.of(
                    "en", what + " agreed by both parties (version " + agreement.version() + ")")
                .toJson(),
            "fingerprint " + agreement.fingerprint(),
            agreement.groupId(),
            now,
            now)
        .update();
  }

  /** Records a held meeting as the event that meets the framework's or the group's obligation. */
  @Transactional
  void recordMeetingHeld(org.entente.meetings.MeetingHeld meeting) {
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    jdbc.sql(
            "insert into obligation_event (id, charter_id, code, kind, subject, deliverable,"
                + " occurred_on, title, note, source, classification, origin_party, group_id,"
                + " created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, null, ?, ?, ?, 'MEETING', ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            meeting.charterId(),
            "meeting:" + meeting.meetingId(),
            ObligationEvent.MEETING_HELD,
            meeting.subject(),
            meeting.heldOn(),
            LocalizedText.of("en", meeting.title()).toJson(),
            "meeting " + meeting.meetingId(),
            meeting.classification().name(),
            meeting.originParty(),
            meeting.groupId(),
            now,
            now)
        .update();
  }

  private void checkDate(LocalDate occurredOn, CharterSummary charter) {
    if (occurredOn == null) {
      throw new BadRequestException("occurredOn", "occurredOn is required (YYYY-MM-DD)");
    }
    if (occurredOn.isAfter(today())) {
      throw new BadRequestException(
          "occurredOn",
          "occurredOn " + occurredOn + " is in the future: record it once it happened");
    }
    if (occurredOn.isBefore(charter.signedOn().minusYears(10))) {
      throw new BadRequestException(
          "occurredOn", "occurredOn " + occurredOn + " is long before the charter was signed");
    }
  }

  private static void checkTexts(String title, String note) {
    if (title != null && (title.isBlank() || title.length() > 500)) {
      throw new BadRequestException("title", "title must have 1 to 500 characters");
    }
    if (note != null && note.length() > 4000) {
      throw new BadRequestException("note", "note must have at most 4000 characters");
    }
  }

  private static Classification classification(String code, String fallback) {
    String value = code == null ? fallback : code;
    try {
      return Classification.fromCode(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("classification", e.getMessage());
    }
  }

  /** The id of a charter's working group with this key, or null for the framework. */
  private UUID groupId(UUID charterId, String subject) {
    if (subject == null || ObligationRule.FRAMEWORK.equals(subject)) {
      return null;
    }
    return jdbc.sql("select id from working_group where charter_id = ? and code = ?")
        .params(charterId, subject)
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  private List<StoredRule> rules(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select * from obligation_rule where charter_id = :charter and retired = false and "
                + Viewer.condition()
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new StoredRule(
                    rs.getString("code"),
                    LocalizedText.fromJson(rs.getString("title")),
                    rs.getString("clause_code"),
                    Recurrence.valueOf(rs.getString("recurrence")),
                    java.time.Period.parse(rs.getString("period")),
                    rs.getString("anchor"),
                    rs.getString("applies_to"),
                    rs.getString("event_kind"),
                    rs.getString("deliverable")))
        .list();
  }

  private static ObligationStatus status(
      StoredRule rule, String subject, LocalizedText subjectName, Schedule.Result r) {
    Schedule.Occurrence current = r.current();
    long overdue = r.state() == ObligationState.OVERDUE ? -r.days() : 0;
    long until = r.state().isOpen() && r.days() >= 0 ? r.days() : 0;
    Schedule.Occurrence last = r.past().isEmpty() ? null : r.past().get(r.past().size() - 1);
    String summary =
        switch (r.state()) {
          case MET_ON_TIME ->
              "Met on " + current.metOn() + ", on time (due " + current.dueOn() + ").";
          case MET_LATE ->
              "Met on "
                  + current.metOn()
                  + ", "
                  + java.time.temporal.ChronoUnit.DAYS.between(current.dueOn(), current.metOn())
                  + " days late (due "
                  + current.dueOn()
                  + ").";
          case OVERDUE -> "Overdue by " + overdue + " days: due " + current.dueOn() + ".";
          case DUE_SOON -> "Due soon: by " + current.dueOn() + ", in " + until + " days.";
          case PENDING -> "Pending: due by " + current.dueOn() + ", in " + until + " days.";
        };
    if (last != null) {
      summary += " Last met on " + last.metOn() + (last.onTime() ? ", on time." : ", late.");
    }
    return new ObligationStatus(
        rule.code(),
        rule.title(),
        rule.clause(),
        rule.recurrence().name().toLowerCase(Locale.ROOT),
        rule.period().toString(),
        subject,
        subjectName,
        rule.eventKind(),
        rule.deliverable(),
        r.state().code(),
        r.state().label(),
        current.dueOn(),
        current.metOn(),
        overdue,
        until,
        last == null ? null : last.metOn(),
        r.past().stream().map(o -> new OccurrenceView(o.dueOn(), o.metOn(), o.onTime())).toList(),
        summary);
  }

  private static Comparator<ObligationStatus> order(String sort) {
    Comparator<ObligationStatus> byDue =
        Comparator.comparing(ObligationStatus::dueOn).thenComparing(ObligationStatus::rule);
    if (sort == null || sort.isBlank() || sort.equals("due")) {
      return byDue.thenComparing(ObligationStatus::subject);
    }
    return switch (sort) {
      case "status" ->
          Comparator.comparing((ObligationStatus s) -> ObligationState.fromCode(s.status()))
              .reversed()
              .thenComparing(byDue);
      case "subject" -> Comparator.comparing(ObligationStatus::subject).thenComparing(byDue);
      default -> throw new BadRequestException("sort", "sort must be due, status or subject");
    };
  }

  private record StoredRule(
      String code,
      LocalizedText title,
      String clause,
      Recurrence recurrence,
      java.time.Period period,
      String anchor,
      String appliesTo,
      String eventKind,
      String deliverable) {}

  private record StoredEvent(
      String kind, String subject, String deliverable, LocalDate occurredOn) {}
}
