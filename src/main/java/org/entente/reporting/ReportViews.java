package org.entente.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.shared.LocalizedText;

/** What the annual implementation report is made of: its data, the same for HTML, PDF and JSON. */
public final class ReportViews {

  private ReportViews() {}

  /** The public version: built from what anyone may see. */
  public static final String PUBLIC = "public";

  /** The internal version: built from what the viewer may see. */
  public static final String INTERNAL = "internal";

  /**
   * The period reported on, both days included.
   *
   * @param year the calendar year, when the period is one; otherwise null
   */
  public record Period(LocalDate from, LocalDate to, Integer year) {}

  /**
   * The report's figures at a glance. Progress is as of the day the report is made; the other
   * counts are of the period.
   *
   * @param progress the charter's progress, from 0 to 1
   * @param projects the projects that are not cancelled
   * @param milestonesDone milestones whose actual end falls in the period
   * @param meetingsHeld meetings of the period that were held
   * @param deadlinesDue deadlines due in the period, of which the four following
   */
  public record Summary(
      double progress,
      int areas,
      int workingGroups,
      int projects,
      int projectsCompleted,
      int milestones,
      int milestonesDone,
      int meetings,
      int meetingsHeld,
      int decisions,
      int statements,
      int deadlinesDue,
      int deadlinesMetOnTime,
      int deadlinesMetLate,
      int deadlinesMissed,
      int deadlinesPending) {}

  /** An area's progress, from 0 to 1, and the number of commitments it is the mean of. */
  public record AreaProgress(String key, LocalizedText name, double value, int commitments) {}

  /**
   * A deadline due in the period and how it went.
   *
   * @param outcome {@code met-on-time}, {@code met-late}, {@code missed} (due date passed, not met)
   *     or {@code pending} (not yet due)
   */
  public record DeadlineRow(
      String rule,
      LocalizedText title,
      String subject,
      LocalizedText subjectName,
      LocalDate dueOn,
      LocalDate metOn,
      String outcome) {}

  /** A project of a working group and how far it has come. */
  public record ProjectRow(
      UUID id,
      String key,
      LocalizedText title,
      String stage,
      double progress,
      int milestones,
      int milestonesDone,
      int milestonesDoneInPeriod) {}

  /** A meeting of the period. */
  public record MeetingRow(
      UUID id, LocalizedText title, String body, LocalDate date, String status, String place) {}

  /**
   * What one working group did: its projects (with their milestones' progress) and its meetings of
   * the period.
   *
   * @param progress the mean of its projects that are not cancelled; 0 while it has none
   */
  public record GroupSection(
      String key,
      LocalizedText name,
      boolean restricted,
      double progress,
      List<ProjectRow> projects,
      List<MeetingRow> meetings) {}

  /** A decision taken at a meeting of the period. */
  public record DecisionRow(
      UUID meetingId,
      LocalizedText meetingTitle,
      String body,
      LocalDate date,
      int position,
      LocalizedText text) {}

  /**
   * A joint statement of a meeting of the period.
   *
   * @param published whether both parties agreed to publish it; the public version has only these
   */
  public record StatementRow(
      UUID meetingId,
      LocalizedText meetingTitle,
      String body,
      LocalDate heldOn,
      String text,
      boolean published,
      Instant publishedAt) {}

  /**
   * The annual implementation report of a charter for a period.
   *
   * @param version {@code public} or {@code internal}
   * @param asOf the day it was made: progress and deadlines not yet due are as of this day
   * @param otherMeetings meetings of the period not of a working group (the framework's, dialogue
   *     platforms')
   */
  public record AnnualReport(
      String charterKey,
      LocalizedText charterTitle,
      LocalDate signedOn,
      String version,
      Period period,
      LocalDate asOf,
      Summary summary,
      List<AreaProgress> areas,
      List<DeadlineRow> deadlines,
      List<GroupSection> workingGroups,
      List<MeetingRow> otherMeetings,
      List<DecisionRow> decisions,
      List<StatementRow> statements) {}
}
