package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the open-data CSV files have a column per language of the charter, English first when
 * it is one of them, then the others as the definition lists them.
 */
class PublicDumpLanguagesTest {

  @Test
  void theColumnsFollowTheCharterLanguagesWithEnglishFirst() {
    assertThat(PublicDump.languages(Map.of("languages", List.of("az", "en"))))
        .containsExactly("en", "az");
    assertThat(PublicDump.languages(Map.of("languages", List.of("uk", "en", "fr"))))
        .containsExactly("en", "uk", "fr");
    assertThat(PublicDump.languages(Map.of("languages", List.of("uk", "pl"))))
        .containsExactly("uk", "pl");
  }

  @Test
  void aCharterWithoutLanguagesHasEnglishColumns() {
    assertThat(PublicDump.languages(Map.of())).containsExactly("en");
  }
}
