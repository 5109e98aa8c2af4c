package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.shared.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy (ASVS V2.1.1, V2.1.2, V2.1.7): what it refuses, and what it lets through. */
class PasswordsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "passwordpassword",
        "PasswordPassword",
        "aaaaaaaaaaaa",
        "qwertyuiopasdfghjkl",
        "1q2w3e4r5t6y",
        "123456789012"
      })
  void refusesTheCommonPasswordsFoundInBreachesWhateverTheirCase(String password) {
    assertThatThrownBy(() -> Passwords.check("password", password, "someone"))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("password"));
  }

  @Test
  void theCommonPasswordListIsTheDocumentedSubsetLoadedWhole() {
    // 143,661 lines, fewer once folded to one case
    assertThat(CommonPasswords.size()).isBetween(130_000, 143_661);
    assertThat(CommonPasswords.contains("PASSWORDPASSWORD")).isTrue();
    assertThat(CommonPasswords.contains("a phrase nobody else has written down")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"aaaaaaaaaaaa", "ababababababab", "zzzzyyyyxxxxwwww", "            a"})
  void refusesAPasswordOfFewerThanFiveDistinctCharacters(String password) {
    assertThatThrownBy(() -> Passwords.check("password", password, "someone"))
        .isInstanceOf(BadRequestException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my az.cochair password", "xAZ.COCHAIRx2026", "Az.CoChair!2026"})
  void refusesAPasswordThatIsOrContainsTheUserNameWhateverTheCase(String password) {
    assertThatThrownBy(() -> Passwords.check("newPassword", password, "az.cochair"))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("newPassword"))
        .satisfies(
            e ->
                assertThat(((BadRequestException) e).getMessage())
                    .isEqualTo("the password cannot contain the user name"));
  }

  @Test
  void aUserNameEqualToThePasswordIsRefused() {
    assertThatThrownBy(() -> Passwords.check("password", "river.commission", "river.commission"))
        .satisfies(
            e ->
                assertThat(((BadRequestException) e).getMessage())
                    .isEqualTo("the password cannot contain the user name"));
  }

  @Test
  void keepsTheLengthRulesTwelveCharactersAtLeastAndSixtyFourAccepted() {
    assertThatThrownBy(() -> Passwords.check("password", "elevenchars", null))
        .isInstanceOf(BadRequestException.class);
    assertThatCode(() -> Passwords.check("password", "correct horse battery", "az.cochair"))
        .doesNotThrowAnyException();
    String sixtyFour = "Twelve quiet lanterns drift over the Kura river at dusk, 2026 AD";
    assertThat(sixtyFour).hasSize(64);
    assertThatCode(() -> Passwords.check("password", sixtyFour, "az.cochair"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> Passwords.check("password", "x".repeat(1025), null))
        .isInstanceOf(BadRequestException.class);
  }
}
