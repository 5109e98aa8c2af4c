package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Dates, numbers, amounts and periods as a reader of each language writes them. The expectations
 * are worked by hand from CLDR's month names and separators: Azerbaijani groups thousands with a
 * dot and marks decimals with a comma, and keeps the noun singular after a numeral ("üç ay").
 */
class FormatsTest {

  static final Locale AZ = Languages.AZERBAIJANI.locale();

  final Formats formats = new Formats(bundles());

  static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @AfterEach
  void forgetTheLanguage() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aDayIsWrittenWithTheMonthsNameInTheReadersLanguage() {
    LocaleContextHolder.setLocale(AZ);
    assertThat(formats.date(LocalDate.of(2026, 2, 10))).isEqualTo("10 fevral 2026");
    assertThat(formats.date(LocalDate.of(2026, 5, 10))).isEqualTo("10 may 2026");
    assertThat(formats.month(YearMonth.of(2026, 9))).isEqualTo("sentyabr 2026");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(formats.date(LocalDate.of(2026, 2, 10))).isEqualTo("10 February 2026");
    assertThat(formats.month(YearMonth.of(2026, 9))).isEqualTo("September 2026");
    assertThat(formats.date((LocalDate) null)).isEmpty();
  }

  @Test
  void aMomentIsWrittenInItsZoneAndNamesIt() {
    Instant noonInBaku = Instant.parse("2026-02-10T08:00:00Z");
    LocaleContextHolder.setLocale(AZ);
    assertThat(formats.dateTime(noonInBaku, "Asia/Baku"))
        .isEqualTo("10 fevral 2026, 12:00 Asia/Baku");
    assertThat(formats.dateTime(noonInBaku)).isEqualTo("10 fevral 2026, 08:00 UTC");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(formats.dateTime(ZonedDateTime.ofInstant(noonInBaku, ZoneId.of("America/New_York"))))
        .isEqualTo("10 February 2026, 03:00 America/New_York");
    // The day after midnight in Baku is still the day before in UTC.
    assertThat(formats.date(Instant.parse("2026-02-09T21:00:00Z"), "Asia/Baku"))
        .isEqualTo("10 February 2026");
  }

  @Test
  void numbersAreGroupedAndMarkedAsTheLanguageDoes() {
    LocaleContextHolder.setLocale(AZ);
    assertThat(formats.number(1_500_000.5)).isEqualTo("1.500.000,5");
    assertThat(formats.percent(0.42)).isEqualTo("42%");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(formats.number(1_500_000.5)).isEqualTo("1,500,000.5");
    assertThat(formats.number(new BigDecimal("1234"))).isEqualTo("1,234");
    assertThat(formats.number(new BigDecimal("0.12345"))).isEqualTo("0.12345");
    assertThat(formats.number(2.0 / 3)).isEqualTo("0.667");
  }

  @Test
  void anAmountKeepsItsCurrencyCodeAndTheCurrencysDecimalsWhenItHasAny() {
    LocaleContextHolder.setLocale(AZ);
    assertThat(formats.amount(new BigDecimal("1500000.00"), "USD")).isEqualTo("1.500.000 USD");
    assertThat(formats.amount(new BigDecimal("2500.5"), "AZN")).isEqualTo("2.500,50 AZN");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(formats.amount(new BigDecimal("1500000"), "USD")).isEqualTo("1,500,000 USD");
    assertThat(formats.amount(new BigDecimal("2500.5"), "AZN")).isEqualTo("2,500.50 AZN");
  }

  @Test
  void aPeriodIsSaidInWordsWithTheNounThatAgreesWithItsCount() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(formats.period(Period.ofMonths(3))).isEqualTo("three months");
    assertThat(formats.period("P1M")).isEqualTo("one month");
    assertThat(formats.period("P12M")).isEqualTo("twelve months");
    assertThat(formats.period("P1Y")).isEqualTo("one year");
    assertThat(formats.period("P1Y6M")).isEqualTo("one year and six months");
    assertThat(formats.period("P14D")).isEqualTo("two weeks");
    assertThat(formats.period("P18M")).isEqualTo("18 months");
    assertThat(formats.period("not a period")).isEqualTo("not a period");
    LocaleContextHolder.setLocale(AZ);
    assertThat(formats.period("P3M")).isEqualTo("üç ay");
    assertThat(formats.period("P1M")).isEqualTo("bir ay");
    assertThat(formats.period("P12M")).isEqualTo("on iki ay");
    assertThat(formats.period("P2Y")).isEqualTo("iki il");
    assertThat(formats.period("P1Y6M")).isEqualTo("bir il və altı ay");
    assertThat(formats.period("P10D")).isEqualTo("on gün");
  }
}
