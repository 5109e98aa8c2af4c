package org.entente.obligations;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.entente.obligations.ObligationRule.Recurrence;

/**
 * The arithmetic of one obligation for one subject: when it is due and whether it was met, as of a
 * day. Months are added as java.time adds them, so 2026-02-10 + P3M is 2026-05-10 and 2025-11-30 +
 * P3M is 2026-02-28.
 *
 * <p>Only events on or after the start and on or before today count. A one-off obligation ({@code
 * WITHIN}) is met by the first such event. A recurring one ({@code EVERY}) is due one period after
 * its start, and after each event one period after that event: it rolls forward from the last
 * qualifying event, and each past occurrence is remembered as met on time or late.
 */
final class Schedule {

  private Schedule() {}

  /** One due date and how it was met, if it was. */
  record Occurrence(LocalDate dueOn, LocalDate metOn) {
    boolean onTime() {
      return metOn != null && !metOn.isAfter(dueOn);
    }
  }

  /**
   * Where an obligation stands.
   *
   * @param current the occurrence the state speaks of: the met one for a one-off obligation that
   *     was met, otherwise the open one
   * @param past earlier occurrences of a recurring obligation, oldest first
   * @param days for an open occurrence, days until due (negative: days overdue); 0 when met
   */
  record Result(ObligationState state, Occurrence current, List<Occurrence> past, long days) {}

  static Result evaluate(
      Recurrence recurrence,
      Period period,
      LocalDate start,
      List<LocalDate> eventDates,
      LocalDate today,
      int dueSoonDays) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (LocalDate d : eventDates) {
      if (!d.isBefore(start) && !d.isAfter(today)) {
        dates.add(d);
      }
    }
    if (recurrence == Recurrence.WITHIN) {
      LocalDate due = start.plus(period);
      if (!dates.isEmpty()) {
        Occurrence met = new Occurrence(due, dates.first());
        return new Result(
            met.onTime() ? ObligationState.MET_ON_TIME : ObligationState.MET_LATE,
            met,
            List.of(),
            0);
      }
      return open(new Occurrence(due, null), List.of(), today, dueSoonDays);
    }
    List<Occurrence> past = new ArrayList<>();
    LocalDate previous = start;
    for (LocalDate d : dates) {
      past.add(new Occurrence(previous.plus(period), d));
      previous = d;
    }
    return open(new Occurrence(previous.plus(period), null), past, today, dueSoonDays);
  }

  private static Result open(
      Occurrence occurrence, List<Occurrence> past, LocalDate today, int dueSoonDays) {
    long days = ChronoUnit.DAYS.between(today, occurrence.dueOn());
    ObligationState state;
    if (days < 0) {
      state = ObligationState.OVERDUE;
    } else if (days <= dueSoonDays) {
      state = ObligationState.DUE_SOON;
    } else {
      state = ObligationState.PENDING;
    }
    return new Result(state, occurrence, List.copyOf(past), days);
  }
}
