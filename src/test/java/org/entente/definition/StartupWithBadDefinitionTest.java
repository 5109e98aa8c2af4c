package org.entente.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.charter.Charters;
import org.entente.definition.Definitions.LoadResult;
import org.entente.shared.CharterKey;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.TestViewers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A folder with a broken definition beside a good one: the application starts with the good one.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
class StartupWithBadDefinitionTest {

  static final Path FOLDER = folder();

  @DynamicPropertySource
  static void definitions(DynamicPropertyRegistry registry) {
    registry.add("entente.definitions.folder", FOLDER::toString);
  }

  @Autowired Definitions definitions;
  @Autowired Charters charters;

  @Test
  void startsWithTheValidDefinitionsAndReportsTheRefusedOne() {
    assertThat(charters.find(CharterKey.of("az-us-2026"), TestViewers.ANONYMOUS)).isPresent();
    assertThat(charters.find(CharterKey.of("fd-sy-2025"), TestViewers.ANONYMOUS)).isPresent();
    assertThat(definitions.lastRun())
        .extracting(LoadResult::file)
        .containsExactly(
            "az-us-2026.yaml", "a-broken.yaml", "b-fs.yaml", "c-copy.yml", "d-empty.yaml");
    assertThat(definitions.lastRun().get(1).problems())
        .singleElement()
        .hasToString("a-broken.yaml:2: YAML syntax error: mapping values are not allowed here");
    assertThat(definitions.lastRun().get(2).loaded()).isTrue();
    assertThat(definitions.lastRun().get(3).problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo("charter 'fd-sy-2025' is already defined by b-fs.yaml"));
    assertThat(definitions.lastRun().get(4).problems().get(0).message()).contains("empty");
  }

  private static Path folder() {
    try {
      Path dir = Files.createTempDirectory("entente-definitions");
      Files.writeString(
          dir.resolve("a-broken.yaml"), "format: entente/charter/1\n  charter: oops\n");
      Files.writeString(dir.resolve("b-fs.yaml"), DefinitionFixtures.freedoniaSylvania());
      Files.writeString(dir.resolve("c-copy.yml"), DefinitionFixtures.freedoniaSylvania());
      Files.writeString(dir.resolve("d-empty.yaml"), "");
      Files.writeString(dir.resolve("notes.txt"), "not a definition");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
