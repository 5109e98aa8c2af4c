package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every reference indicator of the default charter is named in Azerbaijani, in its alphabet. */
class ReferenceIndicatorsInAzerbaijaniTest {

  /** A letter outside the Azerbaijani Latin alphabet (digits, punctuation and spaces are free). */
  private static final Pattern FOREIGN_LETTER =
      Pattern.compile(
          "[\\p{L}&&[^abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ]]");

  private final List<IndicatorReference.Entry> indicators =
      IndicatorReference.read(new ClassPathResource("charters/az-us-2026.indicators.yaml"))
          .indicators();

  ReferenceIndicatorsInAzerbaijaniTest() throws IOException {}

  @Test
  void everyReferenceIndicatorHasANameInAzerbaijani() {
    assertThat(indicators).hasSizeGreaterThan(90);
    assertThat(indicators)
        .filteredOn(e -> e.name().values().getOrDefault("az", "").isBlank())
        .extracting(IndicatorReference.Entry::key)
        .as("indicators without an Azerbaijani name")
        .isEmpty();
  }

  @Test
  void theAzerbaijaniNamesUseTheAzerbaijaniAlphabetOnly() {
    assertThat(indicators)
        .extracting(e -> e.name().values().getOrDefault("az", ""))
        .filteredOn(az -> az.isEmpty() || FOREIGN_LETTER.matcher(az).find())
        .as("Azerbaijani names missing or with letters outside the alphabet")
        .isEmpty();
  }
}
