package org.entente.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.entente.indicators.Indicator.Kind;
import org.entente.shared.LocalizedText;

/**
 * A value checked against its indicator and ready to store.
 *
 * @param use whether to make it the used value of its kind and year in place of another source's
 * @param corrects the value it corrects and supersedes, or null
 */
record CheckedValue(
    Kind kind,
    Integer year,
    LocalDate date,
    BigDecimal amount,
    String sourceUrl,
    String publisher,
    LocalizedText note,
    boolean official,
    boolean use,
    UUID corrects) {

  /** The source it comes from: its address, or its publisher when it has none. */
  String source() {
    return sourceUrl != null ? sourceUrl : publisher;
  }

  /** Whether it fills the same slot (kind, year, day and source) as another new value. */
  boolean sameSlot(CheckedValue other) {
    return kind == other.kind
        && Objects.equals(year, other.year)
        && Objects.equals(date, other.date)
        && source().equals(other.source());
  }

  /** The same value, as the correction of a stored one (and not asking to be used). */
  CheckedValue correcting(UUID earlier) {
    return new CheckedValue(
        kind, year, date, amount, sourceUrl, publisher, note, official, false, earlier);
  }
}
