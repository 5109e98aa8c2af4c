package org.entente.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;

/**
 * The fictitious charter in English and Ukrainian ({@code en-uk-test}, with its group {@code
 * bridges-group} of parties TA and TB): what tests of texts in a charter's languages load.
 */
public final class EnglishUkrainianCharter {

  /** Its key. */
  public static final String KEY = "en-uk-test";

  private EnglishUkrainianCharter() {}

  /** Loads it (a second load changes nothing), failing the test with the problems if refused. */
  public static void load(Definitions definitions) {
    Definitions.LoadResult loaded =
        definitions.load(
            "english-ukrainian.yaml",
            DefinitionFixtures.resource("/definitions/english-ukrainian.yaml"));
    assertThat(loaded.loaded()).as(loaded.problems().toString()).isTrue();
  }
}
