package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.roadmaps.ScheduleAnalysis.Analysis;
import org.entente.roadmaps.ScheduleAnalysis.Item;
import org.entente.roadmaps.ScheduleAnalysis.Standing;
import org.junit.jupiter.api.Test;

class ScheduleAnalysisTest {

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  /**
   * Worked by hand, as of 2026-06-01: A done ten days late; B after A, late; C alone, the long one;
   * D after B, pushed past its end by B; E after C and D. The roadmap ends 2026-10-31, and C then E
   * is the chain with no slack; A, B and D have 60 days each.
   */
  @Test
  void theCriticalPathAndStandingsMatchAHandComputedExample() {
    Analysis a =
        ScheduleAnalysis.analyse(
            List.of(
                new Item("A", d("2026-03-01"), d("2026-03-31"), d("2026-04-10"), true, List.of()),
                new Item("B", d("2026-04-01"), d("2026-04-30"), null, false, List.of("A")),
                new Item("C", d("2026-04-01"), d("2026-09-30"), null, false, List.of()),
                new Item("D", d("2026-06-01"), d("2026-07-31"), null, false, List.of("B")),
                new Item("E", d("2026-10-01"), d("2026-10-31"), null, false, List.of("C", "D"))),
            d("2026-06-01"));
    assertThat(a.finish()).isEqualTo(d("2026-10-31"));
    assertThat(a.criticalPath()).containsExactly("C", "E");
    var m = a.milestones();
    assertThat(m.get("A").standing()).isEqualTo(Standing.DONE);
    assertThat(m.get("A").forecastFinish()).isEqualTo(d("2026-04-10"));
    assertThat(m.get("B").forecastStart()).isEqualTo(d("2026-04-11"));
    assertThat(m.get("B").forecastFinish())
        .as("not done and due: today at the earliest")
        .isEqualTo(d("2026-06-01"));
    assertThat(m.get("B").standing()).isEqualTo(Standing.LATE);
    assertThat(m.get("C").standing()).isEqualTo(Standing.ON_TRACK);
    assertThat(m.get("D").forecastStart()).isEqualTo(d("2026-06-02"));
    assertThat(m.get("D").forecastFinish()).isEqualTo(d("2026-08-01"));
    assertThat(m.get("D").standing()).isEqualTo(Standing.AT_RISK);
    assertThat(m.get("D").cause()).isEqualTo("B");
    assertThat(m.get("E").standing()).isEqualTo(Standing.ON_TRACK);
    assertThat(List.of("A", "B", "D"))
        .allSatisfy(k -> assertThat(m.get(k).slackDays()).isEqualTo(60));
    assertThat(List.of("C", "E")).allSatisfy(k -> assertThat(m.get(k).slackDays()).isZero());
  }

  @Test
  void aCycleIsFoundAndNamedInOrder() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    deps.put("survey", List.of());
    deps.put("design", List.of("survey", "permits"));
    deps.put("permits", List.of("tender"));
    deps.put("tender", List.of("design"));
    assertThat(ScheduleAnalysis.cycle(deps))
        .hasValue(List.of("design", "permits", "tender", "design"));
    deps.put("tender", List.of("survey"));
    assertThat(ScheduleAnalysis.cycle(deps)).isEmpty();
  }

  @Test
  void aMilestoneThatDependsOnItselfIsACycle() {
    assertThat(ScheduleAnalysis.cycle(Map.of("a", List.of("a")))).hasValue(List.of("a", "a"));
  }

  @Test
  void analysisRefusesACycleAndAnEndBeforeTheStart() {
    assertThatThrownBy(
            () ->
                ScheduleAnalysis.analyse(
                    List.of(
                        new Item("a", d("2026-01-01"), d("2026-01-02"), null, false, List.of("b")),
                        new Item("b", d("2026-01-01"), d("2026-01-02"), null, false, List.of("a"))),
                    d("2026-01-01")))
        .hasMessageContaining("dependency cycle a → b → a");
    assertThatThrownBy(
            () ->
                ScheduleAnalysis.analyse(
                    List.of(
                        new Item("a", d("2026-02-01"), d("2026-01-02"), null, false, List.of())),
                    d("2026-01-01")))
        .hasMessageContaining("ends before it starts");
  }

  /** A chain: every milestone on it is critical, in order, and the finish is the last end. */
  @Test
  void aSimpleChainIsItsOwnCriticalPath() {
    Analysis a =
        ScheduleAnalysis.analyse(
            List.of(
                new Item("one", d("2026-01-01"), d("2026-01-10"), null, false, List.of()),
                new Item("two", d("2026-01-11"), d("2026-01-20"), null, false, List.of("one")),
                new Item("three", d("2026-01-21"), d("2026-01-30"), null, false, List.of("two"))),
            d("2026-01-01"));
    assertThat(a.criticalPath()).containsExactly("one", "two", "three");
    assertThat(a.finish()).isEqualTo(d("2026-01-30"));
  }
}
