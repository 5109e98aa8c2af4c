package org.entente.obligations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterIndex;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationViews.Deadlines;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.KeyedRows;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obligations module's one service: keeps a charter's rules and events, and says, as of the
 * injected clock, when each obligation is due and whether it was met. The rules of recording and
 * changing an event are {@link NewEvent}'s and {@link RecordedEvent}'s; the SQL is {@link
 * ObligationStore}'s; the charter's working groups are read through {@link Charters}.
 */
@Service
@Transactional(readOnly = true)
public class Obligations {

  private final ObligationStore store;
  private final Clock clock;
  private final Charters charters;
  private final Audit audit;
  private final KnownEvents known;
  private final int dueSoonDays;

  Obligations(
      ObligationStore store,
      Clock clock,
      Charters charters,
      Audit audit,
      KnownEvents known,
      @Value("${entente.obligations.due-soon-days:30}") int dueSoonDays) {
    if (dueSoonDays < 0) {
      throw new IllegalArgumentException("entente.obligations.due-soon-days must be 0 or more");
    }
    this.store = store;
    this.clock = clock;
    this.charters = charters;
    this.audit = audit;
    this.known = known;
    this.dueSoonDays = dueSoonDays;
  }

  /**
   * Stores a charter's rules and the events of its dated history, by key: what is unchanged stays,
   * what changed is updated, what left the definition is retired. Events recorded through the API
   * are kept as they are.
   */
  @Transactional
  public void synchronize(
      CharterKey charterKey, List<ObligationRule> rules, List<ObligationEvent> history) {
    UUID charterId =
        charters
            .idOf(charterKey)
            .orElseThrow(() -> new IllegalStateException("no charter " + charterKey));
    Map<String, UUID> groupIds =
        history.isEmpty()
            ? Map.of()
            : charters.index(charterId).orElseThrow().workingGroupKeys().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    for (KeyedRows.Change change : store.synchronize(charterId, rules, history, groupIds)) {
      audit.record(
          "record." + change.kind(),
          change.table(),
          change.id().toString(),
          Outcome.SUCCESS,
          Map.of("charter", charterKey.value(), "key", change.code(), "from", "definition"));
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
      CharterKey charterKey, String status, String subject, String sort, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    return deadlines(
        charter,
        charters.workingGroups(charterKey, null, viewer),
        known.of(charter, viewer),
        status,
        subject,
        sort,
        viewer);
  }

  /** The deadlines from the events the viewer may see or know of ({@link KnownEvents}). */
  private Deadlines deadlines(
      CharterSummary charter,
      List<WorkingGroupView> groups,
      List<RecordedEvent> events,
      String status,
      String subject,
      String sort,
      Viewer viewer) {
    ObligationState wanted =
        status == null || status.isBlank() ? null : ObligationState.fromCode(status);
    DeadlineOrder order = DeadlineOrder.parse(sort);
    LocalDate today = today();
    Map<String, LocalizedText> subjectNames = new LinkedHashMap<>();
    subjectNames.put(ObligationRule.FRAMEWORK, LocalizedText.of("en", "The partnership framework"));
    for (WorkingGroupView group : groups) {
      subjectNames.put(group.key(), group.name());
    }
    List<ObligationStatus> result =
        new java.util.ArrayList<>(
            new ObligationStatuses(
                    groups.stream().map(WorkingGroupView::key).toList(),
                    subjectNames,
                    charter.signedOn(),
                    today,
                    dueSoonDays)
                .of(store.rules(charter.id(), viewer), events, wanted, subject));
    result.sort(order.comparator());
    return new Deadlines(
        charter.key(),
        charter.title(),
        charter.signedOn(),
        today,
        dueSoonDays,
        List.copyOf(result));
  }

  /** The deadlines and the events of a charter, read together: what the deadlines page shows. */
  record DeadlinesWithEvents(Deadlines deadlines, List<EventView> events) {}

  /**
   * {@link #deadlines} of all subjects and {@link #events}, the charter and its groups read once.
   */
  DeadlinesWithEvents deadlinesWithEvents(
      CharterKey charterKey, String status, String sort, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    List<WorkingGroupView> groups = charters.workingGroups(charterKey, null, viewer);
    List<RecordedEvent> events = known.of(charter, viewer);
    return new DeadlinesWithEvents(
        deadlines(charter, groups, events, status, null, sort, viewer),
        events(charter, events, groups));
  }

  /**
   * Events recorded for a charter that the viewer may see, from its history, through the API, by
   * agreements and held meetings, oldest first; and those they may know of because what they are
   * about was published ({@link KnownEvents}).
   */
  public List<EventView> events(CharterKey charterKey, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    List<RecordedEvent> events = known.of(charter, viewer);
    boolean inGroups =
        events.stream()
            .anyMatch(e -> e.group() != null && e.view().classification() != Classification.PUBLIC);
    return events(
        charter, events, inGroups ? charters.workingGroups(charterKey, null, viewer) : List.of());
  }

  private List<EventView> events(
      CharterSummary charter, List<RecordedEvent> events, List<WorkingGroupView> groups) {
    Set<UUID> restricted =
        groups.stream()
            .filter(WorkingGroupView::restricted)
            .map(WorkingGroupView::id)
            .collect(Collectors.toSet());
    List<String> restrictedShown =
        events.stream()
            .filter(
                e ->
                    restricted.contains(e.group())
                        && e.view().classification() != Classification.PUBLIC)
            .map(e -> e.view().id().toString())
            .toList();
    if (!restrictedShown.isEmpty()) {
      // A list that shows restricted records is a read of each of them.
      audit.recordRead(
          "obligation_event",
          null,
          Map.of(
              "charter",
              charter.key(),
              "count",
              restrictedShown.size(),
              "ids",
              String.join(",", restrictedShown.subList(0, Math.min(20, restrictedShown.size())))));
    }
    return events.stream().map(RecordedEvent::view).toList();
  }

  /**
   * One recorded event.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public EventView event(CharterKey charterKey, UUID id, Viewer viewer) {
    return recorded(charters.require(charterKey, viewer), id, viewer).view();
  }

  private RecordedEvent recorded(CharterSummary charter, UUID id, Viewer viewer) {
    RecordedEvent recorded =
        store
            .event(charter.id(), id, viewer)
            .filter(
                e -> viewer.canSee(e.view().classification(), e.view().originParty(), e.group()))
            .orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
    if (recorded.group() != null
        && recorded.view().classification() != Classification.PUBLIC
        && charters.workingGroups(CharterKey.of(charter.key()), null, viewer).stream()
            .anyMatch(g -> g.id().equals(recorded.group()) && g.restricted())) {
      audit.recordRead("obligation_event", id.toString(), Map.of("charter", charter.key()));
    }
    return recorded;
  }

  /**
   * Records an event that may meet obligations: a meeting held or a deliverable finalized.
   *
   * <p>The operator token records public facts for both parties. A person records for a group they
   * may write in, or for the framework as an official: bilateral by default, or party-internal to
   * their own party. Making a record public needs both parties, so one person cannot.
   *
   * @throws BadRequestException naming the field, when the event is not one that can be recorded
   * @throws ForbiddenException when the viewer may not record it
   */
  @Transactional
  public EventView record(CharterKey charterKey, RecordEvent event, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    Map<String, UUID> subjects = new LinkedHashMap<>();
    subjects.put(ObligationRule.FRAMEWORK, null);
    charters.workingGroups(charterKey, null, viewer).forEach(g -> subjects.put(g.key(), g.id()));
    NewEvent checked = NewEvent.of(event, subjects, viewer, today(), charter.signedOn());
    EventView recorded = store.insert(charter.id(), checked);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", charter.key());
    details.put("kind", checked.kind());
    details.put("subject", checked.subject());
    if (checked.deliverable() != null) {
      details.put("deliverable", checked.deliverable());
    }
    details.put("occurredOn", checked.occurredOn().toString());
    details.put("classification", checked.classification().code());
    audit.record(
        "event.recorded", "obligation_event", recorded.id().toString(), Outcome.SUCCESS, details);
    return recorded;
  }

  /**
   * Changes an event recorded through the API, made against a version. Its kind, subject, party and
   * group never change: a change that names them is refused.
   *
   * @throws NotFoundException when the viewer may not see the event
   * @throws ForbiddenException when the viewer may see but not change it, or sets a field they may
   *     not
   * @throws ConflictException when it changed since that version
   */
  @Transactional
  public EventView update(CharterKey charterKey, UUID id, EventChange change, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    RecordedEvent recorded = recorded(charter, id, viewer);
    EventView current = recorded.view();
    Classification classification = recorded.checkChange(change, viewer);
    LocalDate occurredOn = change.occurredOn() == null ? current.occurredOn() : change.occurredOn();
    NewEvent.checkDate(occurredOn, today(), charter.signedOn());
    NewEvent.checkTexts(change.title(), change.note());
    EventView changed =
        recorded.changed(
            occurredOn,
            change.title() == null ? current.title().text() : change.title().strip(),
            change.note() == null ? current.note() : change.note(),
            classification);
    if (!store.update(id, current.version(), changed)) {
      throw new ConflictException("event", current.version() + 1);
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
    return changed;
  }

  /**
   * Records that both parties agreed a group's deliverable (its project list or roadmap): it is
   * finalized on the day of the agreement (UTC). Bilateral, like the agreement itself. The
   * agreement's own audit event (agreement.approved, state AGREED) covers this write.
   */
  @Transactional
  void recordAgreed(org.entente.concurrence.AgreementReached agreement) {
    String subject =
        charters
            .index(agreement.charterId())
            .map(CharterIndex::workingGroupKeys)
            .orElse(Map.of())
            .get(agreement.groupId());
    if (subject == null) {
      throw new IllegalStateException("no working group " + agreement.groupId());
    }
    String what = agreement.subjectType().equals("roadmap") ? "Roadmap" : "Project list";
    store.insert(
        new ObligationStore.Row(
            UUID.randomUUID(),
            agreement.charterId(),
            "agreement:" + agreement.subjectType() + ":" + subject + ":" + agreement.version(),
            ObligationEvent.DELIVERABLE_FINALIZED,
            subject,
            agreement.subjectType(),
            LocalDate.ofInstant(agreement.agreedAt(), ZoneOffset.UTC),
            LocalizedText.of(
                "en", what + " agreed by both parties (version " + agreement.version() + ")"),
            "fingerprint " + agreement.fingerprint(),
            EventSource.AGREEMENT,
            Classification.BILATERAL,
            null,
            agreement.groupId()));
  }

  /** Records a held meeting as the event that meets the framework's or the group's obligation. */
  @Transactional
  void recordMeetingHeld(org.entente.meetings.MeetingHeld meeting) {
    store.insert(
        new ObligationStore.Row(
            UUID.randomUUID(),
            meeting.charterId(),
            "meeting:" + meeting.meetingId(),
            ObligationEvent.MEETING_HELD,
            meeting.subject(),
            null,
            meeting.heldOn(),
            meeting.title(),
            "meeting " + meeting.meetingId(),
            EventSource.MEETING,
            meeting.classification(),
            meeting.originParty(),
            meeting.groupId()));
  }
}
