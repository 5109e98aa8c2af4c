package org.entente.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;

/** What the meetings module shows. */
public final class MeetingViews {

  private MeetingViews() {}

  /**
   * A meeting as a viewer may see it.
   *
   * @param body {@code framework}, {@code working-group} or {@code dialogue-platform}
   * @param bodyKey the group's or platform's key; {@code framework} for the framework
   * @param startsAt the start in the meeting's own time zone
   * @param shownIn the zone the viewer sees times in (their party's, else the meeting's)
   * @param status {@code planned}, {@code held}, {@code cancelled} or {@code postponed}
   * @param title the title in each language it is written in, its charter's text language first
   * @param minutes sanitized HTML in each language it is written in, or null when there are none
   */
  public record MeetingView(
      UUID id,
      String charterKey,
      String body,
      String bodyKey,
      String bodyName,
      UUID groupId,
      LocalizedText title,
      ZonedDateTime startsAt,
      ZonedDateTime endsAt,
      ZoneId shownIn,
      String place,
      boolean online,
      String status,
      LocalizedText minutes,
      Classification classification,
      String originParty,
      long version,
      List<ParticipantView> participants,
      List<AgendaItemView> agenda,
      List<DecisionView> decisions,
      List<ActionItemView> actionItems,
      StatementView statement) {

    /** The start as the viewer sees it. */
    public ZonedDateTime startsForViewer() {
      return startsAt.withZoneSameInstant(shownIn);
    }

    /** The end as the viewer sees it. */
    public ZonedDateTime endsForViewer() {
      return endsAt.withZoneSameInstant(shownIn);
    }

    public Instant start() {
      return startsAt.toInstant();
    }
  }

  /** Someone taking part, by party and organization; attendance once it is held. */
  public record ParticipantView(
      UUID id, String party, String organization, String personName, String attendance) {}

  /** An agenda item and what it is about. */
  public record AgendaItemView(
      UUID id,
      int position,
      LocalizedText title,
      String commitmentKey,
      UUID projectId,
      String projectTitle,
      UUID milestoneId,
      String milestoneTitle) {}

  /** A decision taken at the meeting, under an agenda item or none. */
  public record DecisionView(UUID id, int position, LocalizedText text, UUID agendaItemId) {}

  /**
   * An action item: who owns it (an organization, a person or both), when it is due, its status
   * ({@code open}, {@code done}, {@code cancelled}) and the milestone it became, if any.
   */
  public record ActionItemView(
      UUID id,
      UUID meetingId,
      LocalizedText meetingTitle,
      String charterKey,
      LocalizedText title,
      String ownerOrganization,
      String ownerUsername,
      LocalDate dueOn,
      String status,
      UUID milestoneId,
      boolean overdue,
      long version) {}

  /**
   * An open action item with a due date, with the body whose meeting set it ({@code body} is {@code
   * framework}, {@code working-group} or {@code dialogue-platform}; {@code bodyKey} the group's or
   * platform's key, null for the framework): what a dashboard lists. {@code restrictedRead}: its
   * meeting is a restricted group's and not public, so reading it is recorded.
   */
  public record OpenActionItem(
      ActionItemView item, String body, String bodyKey, String bodyName, boolean restrictedRead) {}

  /**
   * A meeting's joint statement: its draft (its text in each language it has one in), the languages
   * of the charter it has no text in yet (it is not submitted until there are none), whether it is
   * to be published, when it was published (both parties having agreed the same version,
   * publication included), and the agreement. {@code sourceLanguage} is the language it was drafted
   * in, and {@code translations} where its text stands in each language of the charter (source,
   * current, out of date since its source changed, missing).
   */
  public record StatementView(
      LocalizedText text,
      List<String> missingLanguages,
      String sourceLanguage,
      List<TranslationState.LanguageStatus> translations,
      boolean publish,
      Instant publishedAt,
      long version,
      AgreementView agreement) {}

  /**
   * Where one of a meeting's texts stands in each language of its charter (decision 0037): its
   * subject and key as the translation workflow names it ({@code meeting-title}, {@code
   * meeting-minutes}, {@code meeting-agenda-item}, {@code meeting-decision}, {@code
   * meeting-action-item}), the language it was written in, and each language's status.
   */
  public record TextTranslations(
      String subject,
      String key,
      String sourceLanguage,
      List<TranslationState.LanguageStatus> translations) {}

  /**
   * A published joint statement, as anyone may read it: {@code text} is its authentic text in each
   * language of the charter.
   */
  public record PublishedStatement(
      UUID meetingId,
      String charterKey,
      LocalizedText meetingTitle,
      String bodyName,
      LocalDate heldOn,
      String place,
      LocalizedText text,
      Instant publishedAt) {}

  /**
   * A meeting a viewer may know was held: one they may see, or one whose joint statement both
   * parties published.
   *
   * @param bodyKey {@code framework}, or the group's or platform's key
   * @param groupId the group or platform, or null for the framework
   * @param heldOn the day it started, in its own time zone
   */
  public record HeldMeeting(
      UUID meetingId,
      String bodyKey,
      UUID groupId,
      LocalizedText title,
      String bodyName,
      LocalDate heldOn,
      String place) {}
}
