package org.entente.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.entente.indicators.Indicator.Kind;
import org.entente.shared.LocalizedText;

/**
 * A value of an indicator, as stored.
 *
 * @param used whether it is the value used for its kind and year
 * @param supersededBy the value that corrected it, or null while it is current
 */
record IndicatorValue(
    UUID id,
    UUID indicatorId,
    Kind kind,
    Integer year,
    LocalDate date,
    BigDecimal amount,
    String sourceUrl,
    String publisher,
    LocalizedText note,
    boolean official,
    boolean used,
    UUID supersededBy,
    OffsetDateTime createdAt) {

  /** The source a value comes from: its address, or its publisher when it has none. */
  String source() {
    return sourceUrl != null ? sourceUrl : publisher;
  }

  /** Whether it is current (not corrected by a later value). */
  boolean current() {
    return supersededBy == null;
  }

  /** Whether it is of this kind, year, day and source: the slot one source fills once. */
  boolean fills(Kind kind, Integer year, LocalDate date, String source) {
    return this.kind == kind
        && Objects.equals(this.year, year)
        && Objects.equals(this.date, date)
        && source().equals(source);
  }
}
