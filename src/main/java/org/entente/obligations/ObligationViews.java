package org.entente.obligations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.shared.LocalizedText;

/** What the obligations module answers with. */
public final class ObligationViews {

  private ObligationViews() {}

  /** A past due date of a recurring obligation and when it was met. */
  public record OccurrenceView(LocalDate dueOn, LocalDate metOn, boolean onTime) {}

  /**
   * One obligation of one subject, as of a day.
   *
   * @param subject {@code framework} or a working group's key
   * @param dueOn the due date the status speaks of
   * @param metOn when it was met; null while open
   * @param daysOverdue days past the due date, for an overdue obligation; otherwise 0
   * @param daysUntilDue days left, for an open obligation not yet overdue; otherwise 0
   * @param lastMetOn for a recurring obligation, when it was last met; null if never
   * @param summary the status in one sentence
   */
  public record ObligationStatus(
      String rule,
      LocalizedText title,
      String clause,
      String recurrence,
      String period,
      String subject,
      LocalizedText subjectName,
      String eventKind,
      String deliverable,
      String status,
      String statusLabel,
      LocalDate dueOn,
      LocalDate metOn,
      long daysOverdue,
      long daysUntilDue,
      LocalDate lastMetOn,
      List<OccurrenceView> history,
      String summary) {}

  /** An event recorded against a charter. */
  public record EventView(
      UUID id,
      String kind,
      String subject,
      String deliverable,
      LocalDate occurredOn,
      LocalizedText title,
      String note,
      String source,
      Instant recordedAt,
      org.entente.shared.Classification classification,
      String originParty,
      long version) {}

  /** The status of every obligation of a charter, as of a day. */
  public record Deadlines(
      String charterKey,
      LocalizedText charterTitle,
      LocalDate signedOn,
      LocalDate asOf,
      int dueSoonDays,
      List<ObligationStatus> obligations) {}
}
