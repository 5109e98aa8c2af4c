package org.entente.indicators;

import static org.entente.indicators.IndicatorInputs.optional;
import static org.entente.indicators.IndicatorInputs.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.entente.charter.LanguagesOfCharter;
import org.entente.indicators.Indicator.Kind;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;

/**
 * An indicator with its stored values: the rules a new value meets before it is stored. A value is
 * in the indicator's unit, a number of at most 17 digits and 6 decimals, of a year between 1900 and
 * 2200 (only a target may have none), with a publisher; one source gives one value of a kind and
 * year (a further one corrects it); a target is not dated before the baseline; a correction has the
 * kind and year of the current value it corrects.
 */
record IndicatorValues(
    Indicator indicator, List<IndicatorValue> stored, LanguagesOfCharter languages) {

  private static final BigDecimal LIMIT = new BigDecimal("1e17");

  IndicatorValues {
    stored = List.copyOf(stored);
  }

  /**
   * The indicator's values where its charter's languages are not at hand (reference data, tests): a
   * note may be in the languages the indicator's name and unit are in, a plain one in its unit's
   * first.
   */
  IndicatorValues(Indicator indicator, List<IndicatorValue> stored) {
    this(indicator, stored, ownLanguages(indicator));
  }

  private static LanguagesOfCharter ownLanguages(Indicator indicator) {
    java.util.LinkedHashSet<String> languages =
        new java.util.LinkedHashSet<>(indicator.unit().values().keySet());
    languages.addAll(indicator.name().values().keySet());
    return new LanguagesOfCharter(List.copyOf(languages), languages.iterator().next());
  }

  /**
   * Checks a value against the indicator, its stored values and the values before it in the same
   * import.
   *
   * @throws BadRequestException naming the field the value breaks a rule with
   */
  CheckedValue check(ValueInput input, List<CheckedValue> pending) {
    CheckedValue checked = parse(input);
    if (checked.corrects() != null) {
      checkCorrection(checked);
    }
    boolean duplicate =
        stored.stream()
                .filter(v -> v.current() && !v.id().equals(checked.corrects()))
                .anyMatch(
                    v -> v.fills(checked.kind(), checked.year(), checked.date(), checked.source()))
            || pending.stream().anyMatch(p -> p.sameSlot(checked));
    if (duplicate) {
      throw new BadRequestException(
          "year",
          "the indicator has a "
              + checked.kind().code()
              + " for "
              + (checked.year() == null ? "no year" : checked.year())
              + " from this source already; correct it instead");
    }
    if (checked.kind() == Kind.TARGET && checked.year() != null) {
      Integer baselineYear = baselineYear(pending);
      if (baselineYear != null && checked.year() < baselineYear) {
        throw new BadRequestException(
            "year",
            "a target of " + checked.year() + " is dated before the baseline of " + baselineYear);
      }
    }
    return checked;
  }

  /**
   * Whether a value with this kind, year, date, source and figure is stored and current already:
   * what an import leaves as it is. An input that does not parse is not stored.
   */
  boolean holds(ValueInput input) {
    BigDecimal amount;
    Kind kind;
    try {
      amount = new BigDecimal(input.value().trim());
      kind = Kind.valueOf(input.kind().trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      return false;
    }
    String source = input.sourceUrl() != null ? input.sourceUrl() : input.publisher();
    return stored.stream()
        .anyMatch(
            v ->
                v.current()
                    && v.kind() == kind
                    && Objects.equals(v.year(), input.year())
                    && Objects.equals(v.date() == null ? null : v.date().toString(), input.date())
                    && v.source().equals(source)
                    && v.amount().compareTo(amount) == 0);
  }

  /** The current stored value that fills the same slot as a new one, if any. */
  Optional<IndicatorValue> sameSlotAs(CheckedValue value) {
    return stored.stream()
        .filter(
            v -> v.current() && v.fills(value.kind(), value.year(), value.date(), value.source()))
        .findFirst();
  }

  /** The value's fields read and checked on their own, before the indicator's other values. */
  private CheckedValue parse(ValueInput input) {
    if (input == null) {
      throw new BadRequestException(null, "a value is required");
    }
    // the note first: a note of the wrong type is refused naming it, whatever else is wrong
    LocalizedText note =
        Indicator.text(
            "note", input.note(), 2000, false, languages.textLanguage(), languages.languages());
    Kind kind = Kind.fromCode("kind", input.kind());
    BigDecimal amount = amount(input.value());
    if (!indicator.measuredIn(input.unit())) {
      throw new BadRequestException(
          "unit",
          "the indicator is measured in '"
              + String.join("' / '", indicator.unit().values().values())
              + "', not '"
              + (input.unit() == null ? "" : input.unit())
              + "'");
    }
    Integer year = input.year();
    if (year == null && kind != Kind.TARGET) {
      throw new BadRequestException("year", "a year is required (only a target may have none)");
    }
    if (year != null && (year < 1900 || year > 2200)) {
      throw new BadRequestException("year", "a year between 1900 and 2200 is required");
    }
    LocalDate date = date(input.date(), year);
    String publisher = required("publisher", input.publisher(), 500);
    String sourceUrl = optional("sourceUrl", input.sourceUrl(), 1000);
    if (sourceUrl != null && !sourceUrl.matches("https?://\\S+")) {
      throw new BadRequestException("sourceUrl", "a source is an http(s) address");
    }
    return new CheckedValue(
        kind,
        year,
        date,
        amount,
        sourceUrl,
        publisher,
        note,
        input.official() == null || input.official(),
        Boolean.TRUE.equals(input.use()),
        corrects(input.corrects()));
  }

  private static BigDecimal amount(String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException("value", "a value is required");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("value", "'" + value + "' is not a number");
    }
    if (amount.abs().compareTo(LIMIT) >= 0 || amount.scale() > 6) {
      throw new BadRequestException("value", "a value has at most 17 digits and 6 decimals");
    }
    return amount;
  }

  private static LocalDate date(String text, Integer year) {
    if (text == null || text.isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("date", "a date is YYYY-MM-DD");
    }
    if (year == null || date.getYear() != year) {
      throw new BadRequestException("date", "the date must be in the value's year");
    }
    return date;
  }

  private static UUID corrects(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("corrects", "not a value's id");
    }
  }

  private void checkCorrection(CheckedValue checked) {
    UUID c = checked.corrects();
    IndicatorValue earlier =
        stored.stream()
            .filter(v -> v.id().equals(c) && v.current())
            .findFirst()
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "corrects", "no current value " + c + " of this indicator"));
    if (earlier.kind() != checked.kind() || !Objects.equals(earlier.year(), checked.year())) {
      throw new BadRequestException(
          "corrects", "a correction has the kind and year of the value it corrects");
    }
  }

  /** The earliest year of a used baseline, stored or in the same import; null when none. */
  private Integer baselineYear(List<CheckedValue> pending) {
    return Stream.concat(
            stored.stream()
                .filter(v -> v.kind() == Kind.BASELINE && v.used() && v.current())
                .map(IndicatorValue::year),
            pending.stream().filter(p -> p.kind() == Kind.BASELINE).map(CheckedValue::year))
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
