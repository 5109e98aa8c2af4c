package org.entente.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.entente.obligations.ObligationRule.Recurrence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleTest {

  private static final Period P3M = Period.ofMonths(3);
  private static final Period P12M = Period.ofMonths(12);

  private static Schedule.Result within(LocalDate start, List<LocalDate> events, LocalDate today) {
    return Schedule.evaluate(Recurrence.WITHIN, P3M, start, events, today, 30);
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    "2026-02-10, P3M, 2026-05-10",
    "2025-11-30, P3M, 2026-02-28",
    "2023-11-30, P3M, 2024-02-29",
    "2026-01-31, P1M, 2026-02-28",
    "2026-03-31, P1M, 2026-04-30",
    "2024-02-29, P12M, 2025-02-28",
    "2024-02-29, P1Y, 2025-02-28",
    "2026-02-10, P12M, 2027-02-10",
    "2026-08-31, P6M, 2027-02-28",
    "2026-02-10, P90D, 2026-05-11"
  })
  void dueDatesFollowJavaTimeMonthArithmetic(LocalDate start, String period, LocalDate due) {
    Schedule.Result r =
        Schedule.evaluate(Recurrence.WITHIN, Period.parse(period), start, List.of(), start, 30);
    assertThat(r.current().dueOn()).isEqualTo(due);
  }

  @Test
  void nothingRecordedSinceSigningIsOverdueSinceTheTenthOfMay() {
    Schedule.Result r = within(LocalDate.of(2026, 2, 10), List.of(), LocalDate.of(2026, 11, 28));
    assertThat(r.state()).isEqualTo(ObligationState.OVERDUE);
    assertThat(r.current().dueOn()).isEqualTo(LocalDate.of(2026, 5, 10));
    assertThat(r.days()).isEqualTo(-202);
  }

  @ParameterizedTest(name = "as of {0}: {1}")
  @CsvSource({
    "2026-03-01, PENDING",
    "2026-04-09, PENDING",
    "2026-04-10, DUE_SOON",
    "2026-05-10, DUE_SOON",
    "2026-05-11, OVERDUE"
  })
  void anOpenObligationIsPendingThenDueSoonThenOverdue(LocalDate today, ObligationState state) {
    assertThat(within(LocalDate.of(2026, 2, 10), List.of(), today).state()).isEqualTo(state);
  }

  @Test
  void aDeliverableOnTheDueDateIsOnTimeAndTheDayAfterIsLate() {
    LocalDate start = LocalDate.of(2026, 2, 10);
    LocalDate today = LocalDate.of(2026, 11, 28);
    assertThat(within(start, List.of(LocalDate.of(2026, 5, 10)), today).state())
        .isEqualTo(ObligationState.MET_ON_TIME);
    assertThat(within(start, List.of(LocalDate.of(2026, 5, 11)), today).state())
        .isEqualTo(ObligationState.MET_LATE);
  }

  @Test
  void eventsBeforeTheStartOrAfterTodayDoNotCount() {
    LocalDate start = LocalDate.of(2026, 2, 10);
    Schedule.Result r =
        within(
            start,
            List.of(LocalDate.of(2026, 1, 21), LocalDate.of(2026, 12, 1)),
            LocalDate.of(2026, 11, 28));
    assertThat(r.state()).isEqualTo(ObligationState.OVERDUE);
  }

  @Test
  void aRecurringObligationRollsForwardFromItsLastQualifyingEvent() {
    LocalDate start = LocalDate.of(2026, 2, 10);
    Schedule.Result none =
        Schedule.evaluate(Recurrence.EVERY, P12M, start, List.of(), LocalDate.of(2026, 11, 28), 30);
    assertThat(none.state()).isEqualTo(ObligationState.PENDING);
    assertThat(none.current().dueOn()).isEqualTo(LocalDate.of(2027, 2, 10));

    Schedule.Result met =
        Schedule.evaluate(
            Recurrence.EVERY,
            P12M,
            start,
            List.of(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 6, 3)),
            LocalDate.of(2026, 11, 28),
            30);
    assertThat(met.past())
        .containsExactly(
            new Schedule.Occurrence(LocalDate.of(2027, 2, 10), LocalDate.of(2026, 6, 3)),
            new Schedule.Occurrence(LocalDate.of(2027, 6, 3), LocalDate.of(2026, 10, 15)));
    assertThat(met.current().dueOn()).isEqualTo(LocalDate.of(2027, 10, 15));
    assertThat(met.state()).isEqualTo(ObligationState.PENDING);
  }

  @Test
  void aLateRecurringMeetingIsRememberedAsLateAndTheNextOneCountsFromIt() {
    Schedule.Result r =
        Schedule.evaluate(
            Recurrence.EVERY,
            P12M,
            LocalDate.of(2026, 2, 10),
            List.of(LocalDate.of(2027, 3, 1)),
            LocalDate.of(2027, 3, 2),
            30);
    assertThat(r.past()).singleElement().satisfies(o -> assertThat(o.onTime()).isFalse());
    assertThat(r.current().dueOn()).isEqualTo(LocalDate.of(2028, 3, 1));
  }

  /** Generated cases: every start day of two years, with periods of 1 to 24 months. */
  static Stream<Arguments> generatedStarts() {
    Random random = new Random(20260210);
    return IntStream.range(0, 400)
        .mapToObj(
            i -> {
              LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(731));
              int months = 1 + random.nextInt(24);
              return Arguments.of(start, months);
            });
  }

  @ParameterizedTest(name = "{0} + P{1}M")
  @MethodSource("generatedStarts")
  void theDueDateIsTheSameDayOfTheMonthOrTheMonthsLastDay(LocalDate start, int months) {
    LocalDate due =
        Schedule.evaluate(Recurrence.WITHIN, Period.ofMonths(months), start, List.of(), start, 30)
            .current()
            .dueOn();
    YearMonth target = YearMonth.from(start).plusMonths(months);
    assertThat(YearMonth.from(due)).isEqualTo(target);
    assertThat(due.getDayOfMonth())
        .isEqualTo(Math.min(start.getDayOfMonth(), target.lengthOfMonth()));
    // the day before the due date is never overdue, the day after always is
    assertThat(
            Schedule.evaluate(Recurrence.WITHIN, Period.ofMonths(months), start, List.of(), due, 30)
                .state())
        .isNotEqualTo(ObligationState.OVERDUE);
    assertThat(
            Schedule.evaluate(
                    Recurrence.WITHIN,
                    Period.ofMonths(months),
                    start,
                    List.of(),
                    due.plusDays(1),
                    30)
                .state())
        .isEqualTo(ObligationState.OVERDUE);
  }
}
