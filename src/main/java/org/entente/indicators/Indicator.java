package org.entente.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextLanguages;

/**
 * An indicator of a charter, as stored: the aggregate its values belong to (see {@link
 * IndicatorValues} for the rules a new value meets), and the rule that gives its status.
 *
 * @param charterKey the key of its charter, as the charter module names it
 * @param area the key of the area it is in, or null (also when the area is less widely visible)
 * @param groupId the working group whose record it is, or null for the framework
 */
record Indicator(
    UUID id,
    UUID charterId,
    String charterKey,
    String code,
    LocalizedText name,
    LocalizedText unit,
    Direction direction,
    String area,
    String ownerOrganization,
    LocalizedText definition,
    LocalizedText dataSource,
    Classification classification,
    String originParty,
    UUID groupId,
    long version) {

  /**
   * An indicator's name as a person gave it: in one or more of the languages of its charter, each
   * of 1 to 500 characters, stripped.
   *
   * @param declared the languages its charter declares
   * @throws BadRequestException naming {@code name} when it is missing, too long or in another
   *     language
   */
  static LocalizedText name(java.util.Map<String, String> given, List<String> declared) {
    LocalizedText name = LocalizedText.stripped(given);
    if (name.isEmpty()
        || name.values().values().stream().anyMatch(t -> t.isEmpty() || t.length() > 500)) {
      throw new BadRequestException(
          "name",
          "a name of 1 to 500 characters is required, in one or more of the charter's languages ("
              + String.join(", ", declared)
              + ")");
    }
    TextLanguages.require("name", name, declared, null);
    return name;
  }

  /**
   * One of an indicator's other texts as a person gave it (decision 0041): its unit, definition or
   * data source, or a value's note, in one or more of the languages of its charter, each of 1 to
   * {@code max} characters, stripped. The API sends an object by language or, for one release, a
   * plain string: the text in the charter's text language.
   *
   * @param required whether at least one language must be given
   * @return the text, or null when none is given and none is required
   * @throws BadRequestException naming the field when it is missing, too long or in another
   *     language than the charter's
   */
  static LocalizedText text(
      String field,
      Object sent,
      int max,
      boolean required,
      String textLanguage,
      List<String> declared) {
    LocalizedText text = LocalizedText.stripped(TextLanguages.read(field, sent, textLanguage));
    for (var e : text.values().entrySet()) {
      if (e.getValue().length() > max) {
        throw new BadRequestException(
            field, field + " has at most " + max + " characters in each language");
      }
    }
    if (text.isEmpty()) {
      if (required) {
        throw new BadRequestException(
            field,
            field
                + " is required, in one or more of the charter's languages ("
                + String.join(", ", declared)
                + ")");
      }
      return null;
    }
    TextLanguages.require(field, text, declared, null);
    return text;
  }

  /** Whether a unit as a value gives it is this indicator's, in any of its languages. */
  boolean measuredIn(String given) {
    return given != null && unit.values().containsValue(given.strip());
  }

  /** Who may see it, as the visibility policy reads it. */
  Viewer.Audience audience() {
    return new Viewer.Audience(classification, originParty, groupId);
  }

  /** The indicator read without its charter's key, with it. */
  Indicator inCharter(String key) {
    return with(key, area);
  }

  /** The indicator with no area: what is shown when the area is less widely visible. */
  Indicator withoutArea() {
    return with(charterKey, null);
  }

  private Indicator with(String charterKey, String area) {
    return new Indicator(
        id,
        charterId,
        charterKey,
        code,
        name,
        unit,
        direction,
        area,
        ownerOrganization,
        definition,
        dataSource,
        classification,
        originParty,
        groupId,
        version);
  }

  /**
   * The indicator as shown to someone who sees it: its area only when the area is at least as
   * widely visible (so no viewer learns a hidden area's key through it).
   *
   * @param areaAudience who may see its area, or null when the charter has no such area
   */
  Indicator shownWith(Viewer.Audience areaAudience) {
    return area == null || (areaAudience != null && audience().within(areaAudience))
        ? this
        : withoutArea();
  }

  /** Whether the viewer may add values to it: where it is kept, the group or the framework. */
  boolean writableBy(Viewer viewer) {
    return groupId == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(groupId);
  }

  /** Its status from its used, current values with a year (decision 0012). */
  Assessment assess(List<IndicatorValue> values) {
    return assess(
        direction,
        values.stream()
            .filter(v -> v.used() && v.supersededBy() == null && v.year() != null)
            .map(v -> new Point(v.kind(), v.year(), v.amount()))
            .toList());
  }

  /** Whether higher or lower values are better. */
  enum Direction {
    HIGHER,
    LOWER;

    /** As the API and pages spell it: {@code higher}, {@code lower}. */
    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Direction fromCode(String field, String code) {
      if (code == null || code.isBlank()) {
        throw new BadRequestException(field, "direction is required: higher or lower");
      }
      try {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(field, "direction is higher or lower, not '" + code + "'");
      }
    }
  }

  /** A value's kind. */
  enum Kind {
    BASELINE,
    TARGET,
    ACTUAL;

    /** As the API, pages and CSV spell it: {@code baseline}, {@code target}, {@code actual}. */
    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind fromCode(String field, String code) {
      if (code == null || code.isBlank()) {
        throw new BadRequestException(field, "kind is required: baseline, target or actual");
      }
      try {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            field, "kind is baseline, target or actual, not '" + code + "'");
      }
    }
  }

  /** An indicator's status. */
  enum Status {
    ON_TRACK("on track"),
    AT_RISK("at risk"),
    OFF_TRACK("off track"),
    NO_DATA("no data");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A used value of one year, as the status rule reads it. */
  record Point(Kind kind, int year, BigDecimal value) {}

  /**
   * How the status was found.
   *
   * @param status the status
   * @param explanation one sentence saying why, in words
   * @param origin the start of the path: the baseline, or the earliest observation when no baseline
   *     precedes the target; null with no data
   * @param target the target the path leads to; null with no data
   * @param latest the latest observation compared; null with no data
   * @param expected where the path is in the latest observation's year; null with no data
   * @param basis what the explanation rests on, for saying it in another language: where the path
   *     starts ({@code baseline}, {@code earliest}, {@code target}) or why there is no data ({@code
   *     no-actual}, {@code no-target})
   * @param latestYear the latest observation's year, also when no target follows it
   */
  record Assessment(
      Status status,
      String explanation,
      Point origin,
      Point target,
      Point latest,
      BigDecimal expected,
      String basis,
      Integer latestYear) {}

  /** The tolerance, as a share of the distance from the path's origin to its target. */
  static final BigDecimal TOLERANCE = new BigDecimal("0.10");

  /**
   * The status of an indicator from its used values (decision 0012).
   *
   * <p>Observations are the used actual values and the used baseline (the baseline is itself an
   * observed value, the last one before the charter). The latest observation (by year) is compared
   * with the straight path from its origin to the nearest target: the used target with a year at or
   * after the latest observation's year, the earliest such. The origin is the baseline when it
   * precedes that target, otherwise the earliest observation that does (said in the explanation);
   * when no observation precedes the target, the path is the target itself. The tolerance is 10% of
   * the distance from origin to target (of the target itself when the two are equal). The latest
   * value is on track when at or beyond the path less one tolerance, at risk within two tolerances,
   * off track beyond; "beyond" means above for higher-is-better, below for lower-is-better. No
   * observation, or no target with a year at or after the latest observation, gives "no data".
   */
  static Assessment assess(Direction direction, List<Point> used) {
    List<Point> observations =
        used.stream().filter(p -> p.kind() != Kind.TARGET).sorted(BY_YEAR).toList();
    if (observations.isEmpty()) {
      return noData("no actual value yet", "no-actual", null);
    }
    Point latest = observations.get(observations.size() - 1);
    Optional<Point> nearest =
        used.stream()
            .filter(p -> p.kind() == Kind.TARGET && p.year() >= latest.year())
            .min(BY_YEAR);
    if (nearest.isEmpty()) {
      return noData(
          "no target with a year at or after " + latest.year(), "no-target", latest.year());
    }
    Point target = nearest.get();
    Optional<Point> baseline =
        observations.stream()
            .filter(p -> p.kind() == Kind.BASELINE && p.year() < target.year())
            .findFirst();
    Optional<Point> earliest =
        observations.stream().filter(p -> p.year() < target.year()).findFirst();
    Point origin = baseline.or(() -> earliest).orElse(target);
    String from =
        baseline.isPresent()
            ? "the baseline of " + origin.year()
            : earliest.isPresent()
                ? "the earliest actual value (" + origin.year() + "), no baseline preceding"
                : "the target itself";
    BigDecimal expected;
    if (target.year() == origin.year()) {
      expected = target.value();
    } else {
      BigDecimal share =
          BigDecimal.valueOf(latest.year() - origin.year())
              .divide(BigDecimal.valueOf(target.year() - origin.year()), MathContext.DECIMAL64);
      expected = origin.value().add(target.value().subtract(origin.value()).multiply(share));
    }
    BigDecimal distance = target.value().subtract(origin.value()).abs();
    if (distance.signum() == 0) {
      distance = target.value().abs();
    }
    BigDecimal tolerance = distance.multiply(TOLERANCE);
    BigDecimal gap = latest.value().subtract(expected);
    if (direction == Direction.LOWER) {
      gap = gap.negate();
    }
    Status status;
    if (gap.compareTo(tolerance.negate()) >= 0) {
      status = Status.ON_TRACK;
    } else if (gap.compareTo(tolerance.multiply(BigDecimal.valueOf(2)).negate()) >= 0) {
      status = Status.AT_RISK;
    } else {
      status = Status.OFF_TRACK;
    }
    String explanation =
        "%s: %s in %d against %s on the path from %s to the target of %s for %d"
            .formatted(
                status.label(),
                plain(latest.value()),
                latest.year(),
                plain(expected.round(MathContext.DECIMAL64)),
                from,
                plain(target.value()),
                target.year());
    String basis = baseline.isPresent() ? "baseline" : earliest.isPresent() ? "earliest" : "target";
    return new Assessment(
        status, explanation, origin, target, latest, expected, basis, latest.year());
  }

  private static final Comparator<Point> BY_YEAR = Comparator.comparingInt(Point::year);

  private static Assessment noData(String why, String basis, Integer latestYear) {
    return new Assessment(
        Status.NO_DATA, "no data: " + why, null, null, null, null, basis, latestYear);
  }

  static String plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    if (v.scale() > 3) {
      v = v.setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }
}
