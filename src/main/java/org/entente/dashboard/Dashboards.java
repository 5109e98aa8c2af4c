package org.entente.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.entente.audit.RecordChanges;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.dashboard.DashboardComputation.Computed;
import org.entente.dashboard.DashboardViews.Dashboard;
import org.entente.identity.Viewer;
import org.entente.meetings.Meetings;
import org.entente.obligations.Obligations;
import org.entente.reporting.Progress;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard module's one service. Every figure and every item comes from the other modules'
 * services called with the viewer, so a record the viewer may not see is neither listed nor
 * counted; progress follows the reporting module's roll-up rule ({@link Progress}).
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

  /** The window of upcoming deadlines when none is asked for, in days. */
  public static final int DEFAULT_DAYS = 30;

  /** The widest window of upcoming deadlines, in days. */
  public static final int MAX_DAYS = 365;

  /**
   * How many overdue and how many upcoming items a dashboard lists, the most urgent first; its
   * totals count them all. A large charter has thousands of overdue milestones, which no one reads
   * as a list (and which made the dashboard's answer 5 MB).
   */
  public static final int LISTED = 100;

  private static final String FRAMEWORK = "framework";

  private final Charters charters;
  private final Meetings meetings;
  private final DashboardComputation computation;
  private final Clock clock;

  /** How many dashboards are kept, the least recently used going first. */
  static final int CACHED = 64;

  /**
   * Dashboards as computed, by charter, group, window, viewer and day, each kept until a record
   * changes (decision 0020), one computation per key at a time (those who ask meanwhile wait for it
   * and share it). The key holds the whole viewer, so one person's figures are never another's. A
   * kept dashboard that shows restricted meetings' action items records that read again each time
   * it is shown.
   */
  private final RecordChanges.Kept<Key, Computed> kept;

  private record Key(String charter, String group, int days, Viewer viewer, LocalDate today) {}

  Dashboards(
      Charters charters,
      Progress progress,
      Meetings meetings,
      Obligations obligations,
      RecordChanges changes,
      Clock clock) {
    this.charters = charters;
    this.meetings = meetings;
    this.computation = new DashboardComputation(charters, progress, meetings, obligations);
    this.clock = clock;
    this.kept =
        changes.<Key, Computed>kept(CACHED).oneReadAtATime().onHit(this::recordRestrictedReads);
  }

  /**
   * The window of upcoming deadlines a request asks for.
   *
   * @param days as given, or null/blank for {@link #DEFAULT_DAYS}
   * @throws BadRequestException naming {@code days} when it is not a whole number from 1 to 365
   */
  public static int days(String days) {
    if (days == null || days.isBlank()) {
      return DEFAULT_DAYS;
    }
    int value;
    try {
      value = Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("days", "days is a whole number from 1 to " + MAX_DAYS);
    }
    if (value < 1 || value > MAX_DAYS) {
      throw new BadRequestException("days", "days is a whole number from 1 to " + MAX_DAYS);
    }
    return value;
  }

  /** The charters the viewer may see, for the viewer to choose one. */
  public List<CharterSummary> charters(Viewer viewer) {
    return charters.list(viewer);
  }

  /**
   * A charter's dashboard, as far as the viewer may see it.
   *
   * @param groupKey only this working group, or all when null or blank
   * @param days the window of upcoming deadlines, 1 to 365
   * @throws NotFoundException when the viewer may not see the charter, or there is no such group
   * @throws BadRequestException when {@code days} is out of range
   */
  public Dashboard dashboard(CharterKey charterKey, String groupKey, int days, Viewer viewer) {
    if (days < 1 || days > MAX_DAYS) {
      throw new BadRequestException("days", "days is a whole number from 1 to " + MAX_DAYS);
    }
    String group = groupKey == null || groupKey.isBlank() ? null : groupKey.strip();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Key key = new Key(charterKey.value(), group, days, viewer, today);
    return kept.get(key, () -> computation.compute(charterKey, group, days, today, viewer))
        .dashboard();
  }

  /** Shown again from what was kept: the restricted meetings' reads are recorded again. */
  private void recordRestrictedReads(Computed computed) {
    if (!computed.restrictedMeetings().isEmpty()) {
      meetings.recordMeetingReads(computed.restrictedMeetings());
    }
  }
}
