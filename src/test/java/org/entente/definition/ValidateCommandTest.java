package org.entente.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DefinitionCommand.validate(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aValidFileExitsZeroAndSaysWhatItHolds() throws Exception {
    Path file = Files.writeString(dir.resolve("fs.yaml"), DefinitionFixtures.freedoniaSylvania());
    assertThat(run(file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("valid")
        .contains("'fd-sy-2025'")
        .contains("2 commitments, 2 working groups, 3 obligation rules");
  }

  @Test
  void anInvalidFileExitsOneAndNamesItsPathAndLine() throws Exception {
    String text =
        DefinitionFixtures.freedoniaSylvania().replace("every: P24M", "every: biennially");
    Path file = Files.writeString(dir.resolve("bad.yaml"), text);
    assertThat(run(file.toString())).isEqualTo(1);
    int line = CharterStorageContract.lineOf(text, "every: biennially");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(file + ":" + line + ": obligations[2].rule.every: 'biennially' is not");
  }

  @Test
  void aMissingFileAndNoArgumentsAreReported() {
    assertThat(run(dir.resolve("none.yaml").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
    assertThat(run()).isEqualTo(2);
  }
}
