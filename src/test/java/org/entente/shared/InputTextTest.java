package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for text that comes in: NFC, line breaks as LF, no control characters. */
class InputTextTest {

  @Test
  void keepsTextInNormalizationFormC() {
    assertThat(InputText.normalise("title", "Gu\u0308ney")).isEqualTo("G\u00fcney");
  }

  @Test
  void turnsCrlfAndLoneCrIntoLf() {
    assertThat(InputText.normalise("minutes", "one\r\ntwo\rthree\nfour"))
        .isEqualTo("one\ntwo\nthree\nfour");
  }

  @Test
  void keepsTabsLineBreaksAndCharactersOutsideTheBasicPlane() {
    assertThat(InputText.normalise("note", "a\tb\nc \uD83C\uDDE6\uD83C\uDDFF"))
        .isEqualTo("a\tb\nc \uD83C\uDDE6\uD83C\uDDFF");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u0000", "\u0001", "\u0007", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f",
        "\uD800", "\uDFFF", "\uFFFE", "\uFFFF"
      })
  void refusesControlCharactersLoneSurrogatesAndNoncharactersNamingTheField(String character) {
    assertThatThrownBy(() -> InputText.normalise("title", "a" + character + "b"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.field()).isEqualTo("title");
              assertThat(Problems.status(e).value()).isEqualTo(400);
              assertThat(e.getMessage()).startsWith("title: ").contains("position 2");
            });
  }

  @Test
  void refusesTextLongerThanAnyFieldHolds() {
    assertThatThrownBy(() -> InputText.normalise("note", "x".repeat(InputText.MAX_LENGTH + 1)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("note");
    assertThat(InputText.normalise("note", "x".repeat(InputText.MAX_LENGTH))).hasSize(100_000);
  }

  @Test
  void leavesNullAsNull() {
    assertThat(InputText.normalise("note", null)).isNull();
  }
}
