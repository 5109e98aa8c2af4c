package org.entente.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Body;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.translations.TranslationState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a meeting and what it records of itself: scheduling it with its participants, their
 * attendance, its agenda, its decisions and its joint statement's draft. Each is written for a
 * meeting the viewer may change, marks the meeting changed and is audited; the caller's transaction
 * holds them together.
 */
@Component
class MeetingRecords {

  private final MeetingChildren children;
  private final MeetingStore store;
  private final Organizations organizations;
  private final AgendaLinks links;
  private final MeetingAudit audit;
  private final StatementStore statements;
  private final Charters charters;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MeetingRecords(
      MeetingChildren children,
      MeetingStore store,
      Organizations organizations,
      AgendaLinks links,
      MeetingAudit audit,
      StatementStore statements,
      Charters charters,
      ApplicationEventPublisher events,
      Clock clock) {
    this.children = children;
    this.store = store;
    this.organizations = organizations;
    this.links = links;
    this.audit = audit;
    this.statements = statements;
    this.charters = charters;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Schedules a meeting of the framework, a working group or a dialogue platform, with its
   * participants.
   *
   * @throws BadRequestException naming the field
   * @throws ForbiddenException when the viewer may not write for that body
   */
  Meeting schedule(CharterSummary charter, MeetingInput input, Viewer viewer) {
    String charterKey = charter.key();
    Body body = Body.fromCode(input.body());
    UUID groupId = groupOf(CharterKey.of(charterKey), body, input.bodyKey(), viewer);
    if (groupId == null ? !viewer.mayWriteInFramework() : !viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(
          null,
          body == Body.FRAMEWORK
              ? "only officials of the parties schedule meetings of the framework"
              : "only members of " + input.bodyKey() + " schedule its meetings");
    }
    LanguagesOfCharter languages = languages(charter.id());
    LocalizedText title = Meeting.title(input.title(), languages);
    Meeting.Times times = Meeting.times(input.startsAt(), input.endsAt(), input.timeZone());
    Classification classification = viewer.classificationToGive(input.classification());
    String place = Meeting.optional("place", input.place(), Meeting.PLACE);
    List<ParticipantInput> participants =
        input.participants() == null ? List.of() : input.participants();
    List<ParticipantInput> checked = new ArrayList<>();
    for (int i = 0; i < participants.size(); i++) {
      checked.add(
          organizations.participant(
              CharterKey.of(charterKey), participants.get(i), "participants[" + i + "]", viewer));
    }
    Meeting meeting =
        new Meeting(
            UUID.randomUUID(),
            charter.id(),
            charterKey,
            body,
            groupId,
            title,
            times.start(),
            times.end(),
            times.zone(),
            place,
            Boolean.TRUE.equals(input.online()),
            Meeting.Status.PLANNED,
            null,
            classification,
            classification == Classification.PARTY_INTERNAL ? viewer.party() : null,
            0);
    OffsetDateTime now = now();
    store.insert(
        meeting,
        MeetingTranslationSources.none()
            .afterEdit(null, meeting, languages.textLanguage(), now.toInstant()),
        now);
    for (ParticipantInput p : checked) {
      children.addParticipant(meeting.id(), p);
    }
    audit.scheduled(meeting, input.bodyKey());
    return meeting;
  }

  /**
   * Changes a meeting the viewer may change, against the version read; publishes {@link
   * MeetingHeld} when it is first marked held.
   *
   * @throws ConflictException when it changed since that version
   */
  void change(Meeting current, MeetingChange change, CharterIndex.All names) {
    UUID id = current.id();
    LanguagesOfCharter languages = languages(current.charterId());
    Meeting.Changed changed = current.change(change, languages, Instant.now(clock));
    Meeting after = changed.meeting();
    OffsetDateTime now = now();
    MeetingTranslationSources sources =
        MeetingTranslationSources.fromJson(store.translationSources(id), languages.textLanguage())
            .afterEdit(current, after, languages.textLanguage(), now.toInstant());
    if (!store.update(after, sources, now)) {
      throw new ConflictException("meeting", current.version() + 1);
    }
    audit.changed(current, changed);
    if (after.becameHeldAfter(current)) {
      events.publishEvent(
          new MeetingHeld(
              id,
              after.charterId(),
              after.body() == Body.FRAMEWORK ? "framework" : MeetingReads.bodyKey(after, names),
              after.groupId(),
              after.title(),
              after.day(),
              after.classification(),
              after.originParty()));
    }
  }

  void addParticipant(Meeting meeting, ParticipantInput input, Viewer viewer) {
    ParticipantInput p =
        organizations.participant(CharterKey.of(meeting.charterKey()), input, null, viewer);
    UUID id = children.addParticipant(meeting.id(), p);
    store.touch(meeting.id(), now());
    audit.participantAdded(meeting.id(), id, p.organization());
  }

  void recordAttendance(Meeting meeting, Map<UUID, String> attendance) {
    for (Map.Entry<UUID, String> entry : attendance.entrySet()) {
      Meeting.Attendance value = Meeting.Attendance.fromCode(entry.getValue(), "attendance");
      if (!children.recordAttendance(meeting.id(), entry.getKey(), value)) {
        throw new BadRequestException(
            "attendance", "the meeting has no participant " + entry.getKey());
      }
    }
    store.touch(meeting.id(), now());
    audit.attendanceRecorded(meeting.id(), attendance.size());
  }

  void addAgendaItem(Meeting meeting, AgendaItemInput input, Viewer viewer) {
    LanguagesOfCharter languages = languages(meeting.charterId());
    LocalizedText title =
        MeetingTexts.required("title", input.title(), languages, MeetingTexts.ITEM_TITLE);
    AgendaLinks.Checked checked = links.check(meeting, input, viewer);
    UUID id = UUID.randomUUID();
    children.addAgendaItem(
        meeting.id(), id, title, checked, newTextState(title, languages).toJson());
    store.touch(meeting.id(), now());
    audit.agendaItemAdded(meeting.id(), id);
  }

  void addDecision(Meeting meeting, DecisionInput input) {
    LanguagesOfCharter languages = languages(meeting.charterId());
    LocalizedText text =
        MeetingTexts.required("text", input.text(), languages, MeetingTexts.DECISION);
    if (input.agendaItemId() != null
        && !children.hasAgendaItem(meeting.id(), input.agendaItemId())) {
      throw new BadRequestException(
          "agendaItemId", "the meeting has no agenda item " + input.agendaItemId());
    }
    UUID id = UUID.randomUUID();
    children.addDecision(
        meeting.id(), id, input.agendaItemId(), text, newTextState(text, languages).toJson());
    store.touch(meeting.id(), now());
    audit.decisionRecorded(meeting.id(), id);
  }

  /**
   * Drafts (or redrafts) a meeting's joint statement, against the version read.
   *
   * @throws BadRequestException for no text, no version, or a published statement
   * @throws ConflictException when the draft changed since the version read
   */
  void draftStatement(Meeting meeting, StatementDraft draft) {
    UUID meetingId = meeting.id();
    LanguagesOfCharter languages = languages(meeting.charterId());
    LocalizedText text = StatementTexts.read(draft.text(), languages);
    boolean publish = draft.publish() == null || draft.publish();
    Optional<StatementStore.Draft> current = statements.find(meetingId);
    TranslationState sources =
        current
            .map(c -> c.translations(languages.textLanguage()))
            .orElse(TranslationState.unknown(null))
            .afterEdit(
                current.map(StatementStore.Draft::text).orElse(LocalizedText.empty()),
                text,
                languages.textLanguage(),
                now().toInstant());
    if (current.isEmpty()) {
      statements.insert(meetingId, text, publish, sources, now());
    } else {
      long version = current.get().version();
      if (draft.version() == null) {
        throw new BadRequestException(
            "version", "the version the draft was made against is required");
      }
      if (draft.version() != version) {
        throw new ConflictException("joint statement", version);
      }
      if (current.get().publishedAt() != null) {
        throw new BadRequestException(
            "text", "the statement is published; reopen its agreement to change it");
      }
      if (!statements.update(meetingId, text, publish, sources, version, now())) {
        throw new ConflictException("joint statement", version + 1);
      }
    }
    audit.statementDrafted(meetingId, publish, text);
  }

  /**
   * Where the translations of a new text of a meeting stand (an agenda item's, a decision's or an
   * action item's): written in every language it was given in at once, from nothing.
   */
  TranslationState newTextState(LocalizedText text, LanguagesOfCharter languages) {
    return TranslationState.unknown(null)
        .afterEdit(LocalizedText.empty(), text, languages.textLanguage(), now().toInstant());
  }

  /**
   * The languages of a meeting's charter, which its texts may be written in.
   *
   * @throws NotFoundException when the charter is not there
   */
  LanguagesOfCharter languages(UUID charterId) {
    return charters
        .languages(charterId)
        .orElseThrow(() -> new NotFoundException("charter", String.valueOf(charterId)));
  }

  private UUID groupOf(CharterKey charterKey, Body body, String key, Viewer viewer) {
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
      var platform = charters.platform(charterKey, key.strip(), viewer);
      if (Platforms.PROPOSED.equals(platform.status())) {
        throw new org.entente.shared.StateConflictException(
            "Platform not established",
            "the dialogue platform '"
                + platform.key()
                + "' is proposed: both parties approve it before it takes meetings",
            java.util.Map.of("field", "bodyKey"));
      }
      return platform.id();
    } catch (NotFoundException e) {
      throw new BadRequestException(
          "bodyKey", "the charter has no " + body.code().replace('-', ' ') + " '" + key + "'");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
