package org.entente.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;

/**
 * The geometry of an indicator's charts, drawn on the server as SVG: the line chart of its page
 * (observed values, targets, and the dashed path from origin to target) and the sparkline of a
 * list. Public, so that other pages (the public portal) draw the same charts.
 *
 * @param points the observed values (used actuals and baseline), by year
 * @param targets the used targets with a year
 * @param line the observed values as a polyline's points
 * @param path the dashed path from origin to target, as a polyline's points, or null
 * @param xTicks the years along the axis
 * @param yTicks the values along the axis
 */
public record IndicatorChart(
    int width,
    int height,
    List<Mark> points,
    List<Mark> targets,
    String line,
    String path,
    List<Tick> xTicks,
    List<Tick> yTicks,
    int left,
    int right,
    int top,
    int bottom) {

  /**
   * A point drawn: where, and what it says ({@code label}, in English; pages word it in the
   * reader's language from its kind, year, value and unit).
   */
  public record Mark(
      double x, double y, String label, String kind, int year, BigDecimal value, String unit) {}

  /** A tick along an axis. */
  public record Tick(double at, String label) {}

  public static IndicatorChart of(IndicatorView indicator) {
    return of(indicator, indicator.unit().text());
  }

  /** The chart, its points described with the unit written as the reader reads it. */
  public static IndicatorChart of(IndicatorView indicator, String unit) {
    return draw(indicator, unit, 640, 300, 64, 16, 16, 40);
  }

  public static IndicatorChart sparkline(IndicatorView indicator) {
    return draw(indicator, indicator.unit().text(), 120, 32, 2, 2, 2, 2);
  }

  private static IndicatorChart draw(
      IndicatorView i,
      String unit,
      int width,
      int height,
      int left,
      int right,
      int top,
      int bottom) {
    List<ValueView> used =
        i.values().stream()
            .filter(v -> v.used() && v.supersededBy() == null && v.year() != null)
            .sorted(Comparator.comparing(ValueView::year))
            .toList();
    List<ValueView> observed = used.stream().filter(v -> !"target".equals(v.kind())).toList();
    List<ValueView> targets = used.stream().filter(v -> "target".equals(v.kind())).toList();
    if (used.isEmpty()) {
      return new IndicatorChart(
          width, height, List.of(), List.of(), "", null, List.of(), List.of(), left, right, top,
          bottom);
    }
    int minYear = used.get(0).year();
    int maxYear = used.get(used.size() - 1).year();
    if (minYear == maxYear) {
      minYear--;
      maxYear++;
    }
    double min =
        Math.min(0, used.stream().mapToDouble(v -> v.value().doubleValue()).min().orElse(0));
    double max = used.stream().mapToDouble(v -> v.value().doubleValue()).max().orElse(1);
    if (max <= min) {
      max = min + 1;
    }
    Scale scale = new Scale(minYear, maxYear, min, max, left, width - right, top, height - bottom);
    List<Mark> points = new ArrayList<>();
    for (ValueView v : observed) {
      points.add(scale.mark(v, unit));
    }
    List<Mark> targetMarks = new ArrayList<>();
    for (ValueView v : targets) {
      targetMarks.add(scale.mark(v, unit));
    }
    String line =
        String.join(" ", points.stream().map(m -> fmt(m.x()) + "," + fmt(m.y())).toList());
    String path = null;
    if (i.status().targetYear() != null && i.status().originYear() != null) {
      path =
          fmt(scale.x(i.status().originYear()))
              + ","
              + fmt(scale.y(i.status().origin().doubleValue()))
              + " "
              + fmt(scale.x(i.status().targetYear()))
              + ","
              + fmt(scale.y(i.status().target().doubleValue()));
    }
    List<Tick> xTicks = new ArrayList<>();
    int step = Math.max(1, (maxYear - minYear + 1) / 8);
    for (int y = minYear; y <= maxYear; y += step) {
      xTicks.add(new Tick(scale.x(y), Integer.toString(y)));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      double v = min + (max - min) * k / 4;
      yTicks.add(new Tick(scale.y(v), Indicator.plain(BigDecimal.valueOf(v))));
    }
    return new IndicatorChart(
        width, height, points, targetMarks, line, path, xTicks, yTicks, left, right, top, bottom);
  }

  private record Scale(
      int minYear, int maxYear, double min, double max, int x0, int x1, int y0, int y1) {
    double x(int year) {
      return x0 + (x1 - x0) * (year - minYear) / (double) (maxYear - minYear);
    }

    double y(double value) {
      return y1 - (y1 - y0) * (value - min) / (max - min);
    }

    Mark mark(ValueView v, String unit) {
      return new Mark(
          Math.round(x(v.year()) * 10) / 10.0,
          Math.round(y(v.value().doubleValue()) * 10) / 10.0,
          v.kind() + " " + v.year() + ": " + Indicator.plain(v.value()) + " " + unit,
          v.kind(),
          v.year(),
          v.value(),
          unit);
    }
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
