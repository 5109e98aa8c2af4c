package org.entente.indicators;

import org.entente.indicators.IndicatorViews.StatusView;
import org.entente.languages.Formats;
import org.springframework.stereotype.Component;

/**
 * Why an indicator has its status, in one sentence in the reader's language with numbers written as
 * the language writes them: {@code ${@indicatorExplanations.of(indicator.status)}}. The API keeps
 * its English {@code explanation}.
 */
@Component("indicatorExplanations")
public class StatusExplanations {

  private final Formats formats;
  private final ReferenceTranslations translations;

  StatusExplanations(Formats formats, ReferenceTranslations translations) {
    this.formats = formats;
    this.translations = translations;
  }

  /** The sentence for this status; the English explanation when it says nothing we can rebuild. */
  public String of(StatusView status) {
    if (status.basis() == null) {
      return status.explanation();
    }
    return switch (status.basis()) {
      case "no-actual" -> message("indicator.explain.no-actual");
      case "no-target" -> message("indicator.explain.no-target", year(status.noTargetAfter()));
      default -> onPath(status);
    };
  }

  private String onPath(StatusView s) {
    String from =
        switch (s.basis()) {
          case "baseline" -> message("indicator.explain.from.baseline", year(s.originYear()));
          case "earliest" -> message("indicator.explain.from.earliest", year(s.originYear()));
          default -> message("indicator.explain.from.target");
        };
    return message(
        "indicator.explain.on-path",
        message("indicator.status." + s.status()),
        formats.number(s.latest()),
        year(s.latestYear()),
        formats.number(s.expected()),
        from,
        formats.number(s.target()),
        year(s.targetYear()));
  }

  /**
   * A point of a chart in the reader's words: "faktiki 2024: 6 mln ton/il". The unit is the
   * reference translation's where there is one ({@code translations}), else as it was written.
   */
  public String point(IndicatorChart.Mark mark) {
    return message(
        "indicator.point",
        message("indicator.kind." + mark.kind()),
        year(mark.year()),
        formats.number(mark.value()),
        translations.unit(mark.unit()));
  }

  /** A year is a name, not a quantity: never grouped. */
  private static String year(Integer year) {
    return year == null ? "" : year.toString();
  }

  private String message(String key, Object... arguments) {
    return formats.message(key, arguments);
  }
}
