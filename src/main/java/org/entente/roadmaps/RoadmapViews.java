package org.entente.roadmaps;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.roadmaps.ScheduleAnalysis.Standing;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;

/** What the roadmaps module answers with. */
public final class RoadmapViews {

  private RoadmapViews() {}

  /**
   * A milestone with its schedule figures.
   *
   * @param baselineEnd its planned end in the last agreed version, if it was in it
   * @param varianceDays forecast finish minus baseline end, in days (positive: later)
   * @param official for its title ({@code title}), each language it has a title in: {@code
   *     official} when the group's last agreed roadmap holds exactly that title, else {@code
   *     working} (decision 0040)
   */
  public record MilestoneView(
      UUID id,
      String key,
      LocalizedText title,
      String owner,
      LocalDate plannedStart,
      LocalDate plannedEnd,
      LocalDate actualStart,
      LocalDate actualEnd,
      String status,
      String project,
      List<String> dependsOn,
      LocalDate forecastStart,
      LocalDate forecastFinish,
      long slackDays,
      boolean critical,
      Standing standing,
      String atRiskBecauseOf,
      LocalDate baselineEnd,
      Long varianceDays,
      Classification classification,
      String originParty,
      long version,
      java.util.Map<String, java.util.Map<String, String>> official) {}

  /** A working group's roadmap as of a day. */
  public record Roadmap(
      String charter,
      String workingGroup,
      LocalDate asOf,
      List<MilestoneView> milestones,
      List<String> criticalPath,
      LocalDate finish,
      AgreementView agreement,
      boolean changedSinceVersion) {}

  /**
   * An open milestone with its planned end: what a person's calendar and reminders show.
   *
   * @param charterKey the charter's key
   * @param groupKey the working group's key
   * @param groupName the working group's name
   * @param status {@code not-started} or {@code in-progress}
   */
  public record DueMilestone(
      UUID id,
      String charterKey,
      String groupKey,
      LocalizedText groupName,
      String key,
      LocalizedText title,
      LocalDate plannedEnd,
      String status) {}
}
