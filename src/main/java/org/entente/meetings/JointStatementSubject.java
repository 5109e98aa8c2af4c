package org.entente.meetings;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.AgreementReached;
import org.entente.concurrence.AgreementSubject;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.Published;
import org.entente.concurrence.Concurrence.Subject;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.entente.shared.StateConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A meeting's joint statement as a subject of the two-party agreement: a version is its text in
 * every language of the charter and whether to publish it (see {@link StatementTexts} for its
 * canonical content; a version lacking a language's text is not submitted), agreed together by the
 * co-chairs of the meeting's group; agreeing a version that asks for publication publishes the
 * statement, reopening unpublishes it, and either party withdraws a published statement alone and
 * at once (a correction notice stands in its place). Its key is the meeting's id.
 */
@Component
class JointStatementSubject implements AgreementSubject {

  private final Meetings meetings;
  private final Charters charters;
  private final StatementStore statements;
  private final ObjectProvider<Concurrence> concurrence;
  private final JdbcClient jdbc;
  private final Audit audit;

  JointStatementSubject(
      Meetings meetings,
      Charters charters,
      StatementStore statements,
      ObjectProvider<Concurrence> concurrence,
      JdbcClient jdbc,
      Audit audit) {
    this.meetings = meetings;
    this.charters = charters;
    this.statements = statements;
    this.concurrence = concurrence;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * The meeting a statement belongs to.
   *
   * @param groupId the group whose co-chairs agree its statement, or null for a framework meeting
   */
  record Meeting(UUID id, UUID charterId, String charterKey, UUID groupId) {}

  @Override
  public String type() {
    return Meetings.JOINT_STATEMENT;
  }

  @Override
  public String noun() {
    return "joint statement";
  }

  @Override
  public Subject resolve(CharterKey charterKey, String key, Viewer viewer) {
    Meeting meeting = meetings.statementMeeting(id(key), charterKey, false, viewer);
    return new Subject(type(), key(meeting), meeting.charterId(), meeting.groupId());
  }

  /** The draft as it is now, submitted by a member of the meeting's group. */
  @Override
  public Submission submission(Subject subject, Viewer viewer) {
    Meeting meeting = meetings.statementMeeting(id(subject.key()), null, true, viewer);
    StatementStore.Draft draft = draft(meeting.id());
    LanguagesOfCharter languages = languages(meeting.charterId());
    String canonical =
        StatementTexts.canonical(
            meeting.id(), draft.text(), draft.publish(), languages.textLanguage());
    if (!underAgreement(subject, canonical, viewer)) {
      StatementTexts.requireTranslated(
          draft.text(), draft.translations(languages.textLanguage()), languages);
    }
    return new Submission(
        charters.overview(CharterKey.of(meeting.charterKey()), viewer).parties().stream()
            .map(PartyView::key)
            .toList(),
        canonical);
  }

  /**
   * Whether this content is the version already under agreement: submitting it again makes no new
   * version, so a statement agreed before it had a text per language is not refused for that.
   */
  private boolean underAgreement(Subject subject, String canonical, Viewer viewer) {
    String fingerprint = Concurrence.fingerprint(canonical);
    return concurrence
        .getObject()
        .find(subject.type(), subject.key(), viewer)
        .map(a -> fingerprint.equals(a.fingerprint()))
        .orElse(false);
  }

  /**
   * A version is approved only while every text of the statement is there and current: its approval
   * makes all of them official at once, so none may be missing or a translation of a source that
   * has changed since.
   */
  @Override
  public void mayApprove(Subject subject, int version, Viewer viewer) {
    UUID meetingId = id(subject.key());
    StatementStore.Draft draft = draft(meetingId);
    LanguagesOfCharter languages = languages(subject.charterId());
    List<String> missing = StatementTexts.missing(draft.text(), languages);
    List<String> outOfDate =
        StatementTexts.outOfDate(
            draft.text(), draft.translations(languages.textLanguage()), languages);
    if (!missing.isEmpty() || !outOfDate.isEmpty()) {
      String first = missing.isEmpty() ? outOfDate.get(0) : missing.get(0);
      throw new StateConflictException(
          "Translation awaited",
          "the statement cannot be approved while a text is "
              + (missing.isEmpty() ? "" : "missing (" + String.join(", ", missing) + ")")
              + (missing.isEmpty() || outOfDate.isEmpty() ? "" : " or ")
              + (outOfDate.isEmpty() ? "" : "out of date (" + String.join(", ", outOfDate) + ")")
              + ": approving a version makes every text official at once",
          Map.of("field", "text." + first, "missing", missing, "outOfDate", outOfDate));
    }
  }

  @Override
  public MeetingView view(Subject subject, Viewer viewer) {
    return meetings.statementView(id(subject.key()), viewer);
  }

  /**
   * When both parties agree a statement's version whose content asks for publication, and it is
   * still the current draft, the statement is published.
   */
  @Override
  public void agreed(AgreementReached agreement) {
    UUID meetingId = UUID.fromString(agreement.subjectKey());
    StatementStore.Draft draft = draft(meetingId);
    boolean publish = draft.publish();
    String fingerprint =
        Concurrence.fingerprint(
            StatementTexts.canonical(
                meetingId, draft.text(), publish, languages(agreement.charterId()).textLanguage()));
    if (publish && fingerprint.equals(agreement.fingerprint())) {
      jdbc.sql("update joint_statement set published_at = ? where meeting_id = ?")
          .params(OffsetDateTime.ofInstant(agreement.agreedAt(), ZoneOffset.UTC), meetingId)
          .update();
      audit.record(
          "joint-statement.published",
          "meeting",
          meetingId.toString(),
          Outcome.SUCCESS,
          Map.of("version", agreement.version(), "fingerprint", agreement.fingerprint()));
    }
  }

  /** Reopened, the statement is unpublished until agreed again. */
  @Override
  public void reopened(Subject subject) {
    jdbc.sql("update joint_statement set published_at = null where meeting_id = ?")
        .param(id(subject.key()))
        .update();
  }

  /** A version says whether to publish the statement: its publication is part of its content. */
  @Override
  public boolean publishedWithContent() {
    return true;
  }

  @Override
  public boolean publishedNow(Subject subject) {
    return jdbc.sql(
                "select count(*) from joint_statement where meeting_id = ? and published_at is not null")
            .param(id(subject.key()))
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * A party withdrew the published statement: it is public no more, and a correction notice stands
   * in its place until both parties agree a version that publishes it again.
   */
  @Override
  public void publicationWithdrawn(Subject subject, Published withdrawn) {
    UUID meetingId = id(subject.key());
    jdbc.sql("update joint_statement set published_at = null where meeting_id = ?")
        .param(meetingId)
        .update();
    audit.record(
        "joint-statement.withdrawn", "meeting", meetingId.toString(), Outcome.SUCCESS, Map.of());
  }

  private static String key(Meeting meeting) {
    return meeting.id().toString();
  }

  /** A meeting's id: anything that is not a UUID names no meeting, and answers 404 like one. */
  private static UUID id(String key) {
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("meeting", key);
    }
  }

  private StatementStore.Draft draft(UUID meetingId) {
    return statements
        .find(meetingId)
        .orElseThrow(() -> new BadRequestException("text", "draft the statement first"));
  }

  private LanguagesOfCharter languages(UUID charterId) {
    return charters
        .languages(charterId)
        .orElseThrow(() -> new NotFoundException("charter", String.valueOf(charterId)));
  }
}
