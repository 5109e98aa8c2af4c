package org.entente.languages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, numbers, amounts and periods for people, in the language of the current request, as the
 * JDK's CLDR data writes them: {@code ${@formats.date(o.dueOn)}} is "10 fevral 2026" in Azerbaijani
 * and "10 February 2026" in English; {@code ${@formats.number(1500000.5)}} is "1.500.000,5" and
 * "1,500,000.5". Periods are said in words from the message bundles ("three months", "üç ay"). Only
 * what people read goes through here: machine-readable values (the {@code datetime} attribute of
 * {@code <time>}, the API, CSV, iCal, open data) stay ISO.
 *
 * <p>A date is the day, the month's name and the year ({@code d MMMM y}) in every language: the
 * CLDR long form of plain English is the American "February 10, 2026", which this bilateral
 * interface does not use. Times are on the 24-hour clock, followed by the zone's id.
 */
@Component("formats")
public class Formats {

  /** Numbers up to this one are said in words in a period ("three months"); larger in figures. */
  static final int LARGEST_IN_WORDS = 12;

  private final MessageSource messages;
  private final Languages languages;

  @org.springframework.beans.factory.annotation.Autowired
  public Formats(MessageSource messages, Languages languages) {
    this.messages = messages;
    this.languages = languages;
  }

  /** Formats in the request's language as it is, without the languages offered (for unit tests). */
  Formats(MessageSource messages) {
    this(messages, null);
  }

  /**
   * The locale the current request is read in: its language where the interface is translated into
   * it, else English, the language of the labels around what is formatted.
   */
  public Locale locale() {
    Locale requested = LocaleContextHolder.getLocale();
    if (languages == null) {
      return Languages.language(requested.getLanguage()).locale();
    }
    Languages.Language current = languages.of(requested);
    return languages.translated(current) ? current.locale() : Languages.ENGLISH.locale();
  }

  /**
   * A day in the long form ("10 fevral 2026"): of a date, or the day in UTC of a moment (an {@link
   * Instant} or an {@link OffsetDateTime}), or the local day of a time in its zone; empty for none.
   */
  public String date(TemporalAccessor date) {
    if (date == null) {
      return "";
    }
    return DateTimeFormatter.ofPattern("d MMMM y", locale()).format(local(date));
  }

  /** The day of a moment in the zone with this id, in the long form; empty for none. */
  public String date(Instant at, String zone) {
    return at == null ? "" : date(LocalDate.ofInstant(at, ZoneId.of(zone)));
  }

  /** A month and its year as a heading ("fevral 2026", "February 2026"); empty for none. */
  public String month(TemporalAccessor month) {
    return month == null
        ? ""
        : DateTimeFormatter.ofPattern("LLLL y", locale()).format(YearMonth.from(local(month)));
  }

  /**
   * A moment with its zone: an {@link Instant} or an {@link OffsetDateTime} in UTC ("10 fevral
   * 2026, 14:30 UTC"), a {@link ZonedDateTime} in its own zone ("10 February 2026, 18:30
   * Asia/Baku"), a {@link LocalDateTime} without; empty for none.
   */
  public String dateTime(TemporalAccessor at) {
    if (at == null) {
      return "";
    }
    if (at instanceof ZonedDateTime zoned) {
      return dateTime(zoned, zoned.getZone().getId());
    }
    if (at instanceof LocalDateTime local) {
      return DateTimeFormatter.ofPattern("d MMMM y, HH:mm", locale()).format(local);
    }
    return dateTime(Instant.from(at).atZone(ZoneOffset.UTC), "UTC");
  }

  /** A moment in the zone with this id, followed by the id; empty for none. */
  public String dateTime(Instant at, String zone) {
    return at == null ? "" : dateTime(at.atZone(ZoneId.of(zone)), zone);
  }

  /**
   * From a start to an end in the start's zone, the zone named once: "10 fevral 2026, 10:00–12:00
   * Asia/Baku"; an end on another day is written in full. Empty without a start.
   */
  public String span(ZonedDateTime start, ZonedDateTime end) {
    if (start == null) {
      return "";
    }
    if (end == null) {
      return dateTime(start);
    }
    ZonedDateTime until = end.withZoneSameInstant(start.getZone());
    String zone = start.getZone().getId();
    String from = DateTimeFormatter.ofPattern("d MMMM y, HH:mm", locale()).format(start);
    return until.toLocalDate().equals(start.toLocalDate())
        ? from + "–" + time(until) + " " + zone
        : from + " – " + dateTime(until, zone);
  }

  /** The time of day of a time with a zone or a local one ("14:30"); empty for none. */
  public String time(TemporalAccessor at) {
    return at == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale()).format(at);
  }

  private String dateTime(TemporalAccessor at, String zone) {
    return DateTimeFormatter.ofPattern("d MMMM y, HH:mm", locale()).format(at) + " " + zone;
  }

  /** The local day of a temporal value: a moment's is its day in UTC. */
  private static TemporalAccessor local(TemporalAccessor value) {
    if (value instanceof Instant instant) {
      return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime offset) {
      return LocalDate.ofInstant(offset.toInstant(), ZoneOffset.UTC);
    }
    return value;
  }

  /**
   * A number with the language's grouping and decimal mark: up to three decimals, or every decimal
   * of a {@link BigDecimal} that has more (a figure as it was recorded).
   */
  public String number(Number number) {
    if (number == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    int decimals = 3;
    if (number instanceof BigDecimal exact) {
      decimals = Math.max(decimals, exact.stripTrailingZeros().scale());
    }
    format.setMaximumFractionDigits(decimals);
    return format.format(number);
  }

  /**
   * An amount and its currency code: "1.500.000 USD"; a part of a unit with the currency's decimals
   * ("1,500,000.50 USD").
   */
  public String amount(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    String figure = figure(amount, currency);
    return currency == null || currency.isBlank() ? figure : figure + " " + currency;
  }

  /**
   * An amount without its currency code, for a table that shows the code in a column of its own.
   */
  public String figure(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    int decimals = whole ? 0 : currencyDecimals(currency);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(Math.max(decimals, whole ? 0 : amount.scale()));
    return format.format(amount);
  }

  private static int currencyDecimals(String code) {
    try {
      int digits = Currency.getInstance(code).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }

  /** A share (0.42) as a whole percentage ("42%", "%42" where the language puts it first). */
  public String percent(Number share) {
    if (share == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getPercentInstance(locale());
    format.setMaximumFractionDigits(0);
    return format.format(share);
  }

  /**
   * A period in words: P3M is "three months" ("üç ay"), P1Y6M "one year and six months". Up to
   * {@value #LARGEST_IN_WORDS} in words, larger counts in figures.
   */
  public String period(Period period) {
    if (period == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    add(parts, "years", period.getYears());
    add(parts, "months", period.getMonths());
    int days = period.getDays();
    if (days != 0 && days % 7 == 0) {
      add(parts, "weeks", days / 7);
    } else {
      add(parts, "days", days);
    }
    if (parts.isEmpty()) {
      return message("formats.period.days", 0, count(0));
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    String last = parts.remove(parts.size() - 1);
    return message("formats.period.and", String.join(", ", parts), last);
  }

  /** A period written in ISO 8601 ("P3M") in words; what is no such period is shown as it is. */
  public String period(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return period(Period.parse(iso.strip()));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private void add(List<String> parts, String unit, int count) {
    if (count != 0) {
      parts.add(message("formats.period." + unit, count, count(count)));
    }
  }

  /** A count in words when small ("three", "üç"), else in figures. */
  String count(int count) {
    if (count >= 0 && count <= LARGEST_IN_WORDS) {
      return message("formats.count." + count);
    }
    return number(count);
  }

  /**
   * A message of the bundles in the reader's language, for a sentence that Java composes from
   * values it has formatted here.
   */
  public String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale());
  }
}
