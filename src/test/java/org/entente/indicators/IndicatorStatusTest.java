package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.entente.indicators.Indicator.Assessment;
import org.entente.indicators.Indicator.Direction;
import org.entente.indicators.Indicator.Kind;
import org.entente.indicators.Indicator.Point;
import org.entente.indicators.Indicator.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status rule (decision 0012) on hand-computed examples: the latest observation against the
 * straight path from the baseline (or the earliest actual) to the nearest target, with a tolerance
 * of 10% of the distance between them.
 */
class IndicatorStatusTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                       | dir    | baseline  | actuals             | targets         | status    | expected
          on track: 145 against 150, tolerance 10       | HIGHER | 2020:100  | 2025:145            | 2030:200        | ON_TRACK  | 150
          on track: beyond the path                     | HIGHER | 2020:100  | 2025:170            | 2030:200        | ON_TRACK  | 150
          at risk: 135 against 150, within 2x10         | HIGHER | 2020:100  | 2025:135            | 2030:200        | AT_RISK   | 150
          off track: 125 against 150, beyond 2x10       | HIGHER | 2020:100  | 2025:125            | 2030:200        | OFF_TRACK | 150
          lower is better: 42 against 40, tolerance 2   | LOWER  | 2020:50   | 2025:42             | 2030:30         | ON_TRACK  | 40
          lower is better: 44 against 40, within 2x2    | LOWER  | 2020:50   | 2025:44             | 2030:30         | AT_RISK   | 40
          lower is better: 45 against 40, beyond 2x2    | LOWER  | 2020:50   | 2025:45             | 2030:30         | OFF_TRACK | 40
          lower is better: below the path is on track   | LOWER  | 2020:50   | 2025:31             | 2030:30         | ON_TRACK  | 40
          no baseline: from the earliest actual, 5.8    | HIGHER |           | 2022:5.8;2024:6     | 2027:10         | OFF_TRACK | 7.48
          no baseline: 7.2 against 7.48, tolerance .42  | HIGHER |           | 2022:5.8;2024:7.2   | 2027:10         | ON_TRACK  | 7.48
          the nearest target ahead is the one used      | HIGHER | 2020:100  | 2025:145            | 2030:200;2040:9 | ON_TRACK  | 150
          a target in the latest year is the path's end | HIGHER |           | 2019:0.759;2025:4.119 | 2025:5.2      | OFF_TRACK | 5.2
          no data without a target ahead                | HIGHER | 2020:100  | 2025:145            | 2024:120        | NO_DATA   |
          no data without an actual value               | HIGHER |           |                     | 2030:200        | NO_DATA   |
          """)
  void theStatusFollowsThePathFromBaselineToTarget(
      String name,
      Direction direction,
      String baseline,
      String actuals,
      String targets,
      Status status,
      BigDecimal expected) {
    List<Point> points = new ArrayList<>();
    add(points, Kind.BASELINE, baseline);
    add(points, Kind.ACTUAL, actuals);
    add(points, Kind.TARGET, targets);
    Assessment a = Indicator.assess(direction, points);
    assertThat(a.status()).as(a.explanation()).isEqualTo(status);
    if (expected == null) {
      assertThat(a.expected()).isNull();
    } else {
      assertThat(a.expected()).isEqualByComparingTo(expected);
    }
  }

  @ParameterizedTest
  @CsvSource({"2020:100, the baseline of 2020", ", the earliest actual value (2022)"})
  void theExplanationSaysWhereThePathStarts(String baseline, String says) {
    List<Point> points = new ArrayList<>();
    add(points, Kind.BASELINE, baseline);
    add(points, Kind.ACTUAL, "2022:110;2025:145");
    add(points, Kind.TARGET, "2030:200");
    assertThat(Indicator.assess(Direction.HIGHER, points).explanation()).contains(says);
  }

  private static void add(List<Point> points, Kind kind, String values) {
    if (values == null || values.isBlank()) {
      return;
    }
    for (String v : values.split(";")) {
      String[] p = v.trim().split(":");
      points.add(new Point(kind, Integer.parseInt(p[0]), new BigDecimal(p[1])));
    }
  }
}
