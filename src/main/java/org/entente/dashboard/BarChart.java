package org.entente.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entente.dashboard.DashboardViews.Bar;

/**
 * The geometry of a horizontal bar chart of progress, drawn on the server as SVG: one bar per area
 * or working group, from 0 to 100 percent. The page puts the same figures in a table beside it, so
 * the chart is never the only way to read them.
 *
 * @param rows one per bar, top to bottom
 * @param axisY where the axis runs, below the last bar
 * @param ticks the percentages marked along the axis, with where they are
 */
record BarChart(
    int width, int height, int left, int plot, double axisY, List<Row> rows, List<Tick> ticks) {

  private static final int WIDTH = 640;
  private static final int LEFT = 16;
  private static final int ROW = 40;
  private static final int TOP = 8;
  private static final int AXIS = 24;

  /** One bar: its label above it, the bar and its value. */
  record Row(Bar bar, double labelY, double barY, double barWidth, double valueX) {}

  /** A mark along the axis. */
  record Tick(double x, int percent) {}

  static BarChart of(List<Bar> bars) {
    int plot = WIDTH - LEFT - 56;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = TOP + i * ROW;
      double w = round(plot * b.value());
      rows.add(new Row(b, y + 12, y + 16, w, LEFT + w + 6));
    }
    List<Tick> ticks = new ArrayList<>();
    for (int p = 0; p <= 100; p += 25) {
      ticks.add(new Tick(round(LEFT + plot * p / 100.0), p));
    }
    int height = TOP + bars.size() * ROW + AXIS;
    return new BarChart(
        WIDTH, height, LEFT, plot, height - AXIS + 4, List.copyOf(rows), List.copyOf(ticks));
  }

  private static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
