package org.entente.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.entente.reporting.ReportViews.Period;

/**
 * Reads the period a report is asked for: {@code year=2026}, or {@code from} and {@code to} (ISO
 * dates, both included), or nothing for the current year. A period starts no earlier than the
 * charter's signing year, ends no later than the end of next year, and is at most {@link
 * #MAX_YEARS} years long.
 */
final class ReportPeriod {

  /** The longest period a report covers, in years. */
  static final int MAX_YEARS = 5;

  private ReportPeriod() {}

  /**
   * A period that cannot be reported on, with the message key that explains why.
   *
   * @param field the parameter at fault: {@code year}, {@code from} or {@code to}
   */
  static final class Invalid extends RuntimeException {
    private final String field;
    private final String code;
    private final transient Object[] arguments;

    Invalid(String field, String code, Object... arguments) {
      super(code);
      this.field = field;
      this.code = code;
      this.arguments = arguments;
    }

    String field() {
      return field;
    }

    String code() {
      return code;
    }

    Object[] arguments() {
      return arguments.clone();
    }
  }

  /**
   * The period asked for.
   *
   * @param signedOn the charter's signing day
   * @param today today, by the injected clock
   * @throws Invalid when the parameters do not make a period that can be reported on
   */
  static Period parse(String year, String from, String to, LocalDate signedOn, LocalDate today) {
    int first = signedOn.getYear();
    int last = today.getYear() + 1;
    boolean hasYear = year != null && !year.isBlank();
    boolean hasFrom = from != null && !from.isBlank();
    boolean hasTo = to != null && !to.isBlank();
    if (hasYear && (hasFrom || hasTo)) {
      throw new Invalid("year", "report.period.error.both");
    }
    if (!hasFrom && !hasTo) {
      int y = today.getYear();
      if (hasYear) {
        String s = year.strip();
        if (!s.matches("[0-9]{4}")) {
          throw new Invalid("year", "report.period.error.year-malformed", s);
        }
        y = Integer.parseInt(s);
      }
      if (y < first || y > last) {
        throw new Invalid(
            "year",
            "report.period.error.year-range",
            Integer.toString(y),
            Integer.toString(first),
            Integer.toString(last));
      }
      return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), y);
    }
    if (!hasFrom) {
      throw new Invalid("from", "report.period.error.incomplete");
    }
    if (!hasTo) {
      throw new Invalid("to", "report.period.error.incomplete");
    }
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (start.isAfter(end)) {
      throw new Invalid("from", "report.period.error.order", start.toString(), end.toString());
    }
    if (start.getYear() < first) {
      throw new Invalid(
          "from", "report.period.error.too-early", start.toString(), Integer.toString(first));
    }
    if (end.getYear() > last) {
      throw new Invalid(
          "to", "report.period.error.too-late", end.toString(), Integer.toString(last));
    }
    if (end.isAfter(start.plusYears(MAX_YEARS).minusDays(1))) {
      throw new Invalid("to", "report.period.error.too-long", Integer.toString(MAX_YEARS));
    }
    boolean wholeYear =
        start.getDayOfYear() == 1
            && end.getYear() == start.getYear()
            && end.equals(LocalDate.of(start.getYear(), 12, 31));
    return new Period(start, end, wholeYear ? start.getYear() : null);
  }

  private static LocalDate date(String field, String value) {
    String s = value.strip();
    if (s.length() > 10) {
      s = s.substring(0, 10) + "…";
      throw new Invalid(field, "report.period.error.date-malformed", s);
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new Invalid(field, "report.period.error.date-malformed", s);
    }
  }
}
