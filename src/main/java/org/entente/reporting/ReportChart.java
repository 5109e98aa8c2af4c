package org.entente.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a horizontal bar chart of the report, drawn on the server as SVG (in the page and
 * in the PDF alike): one bar per row, its label on the left and its value at its end, with a scale
 * below. The labels are already in the reader's language; the data table beside the chart says the
 * same in words.
 *
 * @param width the drawing's width
 * @param height the drawing's height
 * @param left where the bars start (the labels are left of it)
 * @param plot the width bars can take
 * @param axis the y of the scale line
 */
public record ReportChart(
    int width, int height, int left, int plot, int axis, List<Bar> bars, List<Tick> ticks) {

  /** One row to draw: a label, a value, how to say the value, and a colour. */
  public record Entry(String label, double value, String display, String colour) {}

  /**
   * A bar drawn.
   *
   * @param shortLabel the label cut to fit beside the bar (the table has it whole)
   */
  public record Bar(
      String label,
      String shortLabel,
      String display,
      String colour,
      double y,
      double length,
      double textY,
      double valueX) {}

  /** A mark along the scale. */
  public record Tick(double x, String label) {}

  private static final int WIDTH = 640;
  private static final int LEFT = 220;
  private static final int RIGHT = 60;
  private static final int ROW = 28;
  private static final int BAR = 18;
  private static final int TOP = 8;
  private static final int BOTTOM = 28;
  private static final int LABEL_CHARACTERS = 30;

  /**
   * A chart of the rows, on a scale from 0 to {@code max} with ticks labelled by {@code tickLabel}.
   */
  static ReportChart of(
      List<Entry> entries, double max, java.util.function.DoubleFunction<String> tickLabel) {
    double top = max <= 0 ? 1 : max;
    int plot = WIDTH - LEFT - RIGHT;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      double y = TOP + i * ROW;
      double length = round(plot * Math.max(0, Math.min(e.value(), top)) / top);
      bars.add(
          new Bar(
              e.label(),
              shorten(e.label()),
              e.display(),
              e.colour(),
              y,
              length,
              round(y + BAR / 2.0 + 4),
              round(LEFT + length + 6)));
    }
    int axis = TOP + Math.max(1, entries.size()) * ROW;
    List<Tick> ticks = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      ticks.add(new Tick(round(LEFT + plot * k / 4.0), tickLabel.apply(top * k / 4)));
    }
    return new ReportChart(WIDTH, axis + BOTTOM, LEFT, plot, axis, List.copyOf(bars), ticks);
  }

  private static String shorten(String label) {
    return label.length() <= LABEL_CHARACTERS
        ? label
        : label.substring(0, LABEL_CHARACTERS - 1).strip() + "…";
  }

  private static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }

  /** The bar's height, for templates. */
  public int barHeight() {
    return BAR;
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
