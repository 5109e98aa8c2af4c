package org.entente.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.entente.shared.LocalizedText;

/** What the dashboard module answers with. */
public final class DashboardViews {

  private DashboardViews() {}

  /**
   * A charter's dashboard as one viewer may see it, as of a day.
   *
   * @param group the working group it is limited to (its key), or null for all
   * @param days the window of upcoming deadlines, in days from {@code asOf}
   * @param areas progress by area of cooperation
   * @param groups progress by working group
   * @param overdue open items whose due date has passed, most overdue first; at most {@link
   *     Dashboards#LISTED}, while {@code totals} counts them all
   * @param upcoming open items due within {@code days}, soonest first; at most {@link
   *     Dashboards#LISTED}
   */
  public record Dashboard(
      String charter,
      LocalizedText charterTitle,
      LocalDate asOf,
      String group,
      int days,
      List<Bar> areas,
      List<Bar> groups,
      List<Item> overdue,
      List<Item> upcoming,
      Totals totals) {}

  /**
   * One bar of a progress chart.
   *
   * @param value from 0 to 1, by the rule of the reporting module's roll-up
   * @param percent the value as a whole percentage
   * @param parts how many parts it is made of (commitments of an area, projects of a group)
   */
  public record Bar(String key, LocalizedText name, double value, int percent, int parts) {}

  /**
   * An open item with a due date.
   *
   * @param kind {@code milestone}, {@code action-item} or {@code obligation}
   * @param group the working group's key, or {@code framework} for the charter as a whole
   * @param days days overdue (for an overdue item) or days left (for an upcoming one)
   * @param url where it is shown
   */
  public record Item(
      String kind,
      LocalizedText title,
      String group,
      LocalizedText groupName,
      LocalDate dueOn,
      long days,
      String url) {}

  /** How many items of each kind are overdue and upcoming. */
  public record Totals(
      int overdueMilestones,
      int overdueActionItems,
      int overdueObligations,
      int upcomingMilestones,
      int upcomingActionItems,
      int upcomingObligations) {}
}
