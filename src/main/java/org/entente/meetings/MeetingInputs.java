package org.entente.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What callers send the meetings module.
 *
 * <p>Each text a person writes on a meeting (a meeting's {@code title} and {@code minutes}, an
 * agenda item's {@code title}, a decision's {@code text}, an action item's {@code title}) is an
 * object from language tag to text in the languages of the meeting's charter ({@code {"en": "…",
 * "az": "…"}}): the charter's text language is required, the others optional. A plain string is
 * still accepted for this release, as the text in the charter's text language.
 */
public final class MeetingInputs {

  private MeetingInputs() {}

  /**
   * A meeting to schedule.
   *
   * @param body {@code framework}, {@code working-group} or {@code dialogue-platform}
   * @param bodyKey the group's or platform's key (not for the framework)
   * @param startsAt local date-time in {@code timeZone}, e.g. {@code 2026-12-10T10:00}
   * @param timeZone IANA zone, e.g. {@code Asia/Baku} or {@code America/New_York}
   * @param classification {@code bilateral} (default) or {@code party-internal}
   */
  public record MeetingInput(
      String body,
      String bodyKey,
      Object title,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      String timeZone,
      String place,
      Boolean online,
      String classification,
      List<ParticipantInput> participants) {}

  /**
   * A change to a meeting: only the fields given change; {@code version} is the one read.
   *
   * @param status {@code planned}, {@code held}, {@code cancelled} or {@code postponed}
   * @param title the languages given replace theirs; a language given blank loses its text
   * @param minutes HTML in each language given; sanitized (scripts and event handlers are dropped),
   *     not refused; a language given blank loses its minutes
   */
  public record MeetingChange(
      Long version,
      Object title,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      String timeZone,
      String place,
      Boolean online,
      String status,
      Object minutes) {}

  /**
   * A participant.
   *
   * @param party the party's key, or null for an invited company or institution
   * @param organization a known organization: a party's, or one of an account
   * @param attendance {@code invited} (default), {@code attended}, {@code absent}, {@code excused}
   */
  public record ParticipantInput(
      String party, String organization, String personName, String attendance) {}

  /** An agenda item; it may name a commitment (key), a project and a milestone (ids). */
  public record AgendaItemInput(
      Object title, String commitment, UUID projectId, UUID milestoneId) {}

  /** A decision, under an agenda item or none. */
  public record DecisionInput(Object text, UUID agendaItemId) {}

  /** An action item: an owner (organization, person or both) and a due date are required. */
  public record ActionItemInput(
      Object title, String ownerOrganization, String ownerUsername, LocalDate dueOn) {}

  /** A change of an action item's status ({@code open}, {@code done}, {@code cancelled}). */
  public record ActionItemChange(Long version, String status, LocalDate dueOn) {}

  /**
   * The draft of a joint statement, and whether it is to be published once agreed.
   *
   * @param text the statement's authentic text in each language of the charter, as an object from
   *     language tag to text ({@code {"az": "…", "en": "…"}}); a language left out or blank has no
   *     text yet (the statement is not submitted until every language has one). A plain string is
   *     still accepted for this release, as the text in the charter's text language.
   */
  public record StatementDraft(Object text, Boolean publish, Long version) {

    /** A draft with a text per language. */
    public static StatementDraft of(Map<String, String> texts, Boolean publish, Long version) {
      return new StatementDraft(texts, publish, version);
    }
  }
}
