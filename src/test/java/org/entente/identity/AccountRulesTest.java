package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Accounts.AccountChange;
import org.entente.identity.Accounts.AccountView;
import org.entente.identity.Accounts.NewAccount;
import org.entente.shared.BadRequestException;
import org.junit.jupiter.api.Test;

/** The rules of an account's own fields, without a database. */
class AccountRulesTest {

  private static final String PASSWORD = "Kq7-vinyl-harbour-29";

  private static final AccountView STORED =
      new AccountView(
          UUID.randomUUID(),
          "leyla",
          "Leyla",
          "AZ",
          "Ministry",
          EnumSet.of(Role.MEMBER),
          false,
          true,
          3,
          List.of(),
          "leyla@example.org");

  private static NewAccount account(String username, String party, String email) {
    return new NewAccount(
        username,
        " Leyla ",
        party,
        " Ministry ",
        EnumSet.of(Role.MEMBER),
        false,
        PASSWORD,
        List.of(),
        email);
  }

  @Test
  void aNewAccountKeepsItsFieldsStrippedAndItsRoles() {
    AccountRules.Fields fields = AccountRules.newAccount(account("leyla", "AZ", " "));

    assertThat(fields.displayName()).isEqualTo("Leyla");
    assertThat(fields.organization()).isEqualTo("Ministry");
    assertThat(fields.email()).isNull();
    assertThat(fields.rolesText()).isEqualTo("MEMBER");
    assertThat(fields.enabled()).isTrue();
  }

  @Test
  void aUserNameIsLowercaseLettersDigitsDotsHyphensOrUnderscores() {
    assertThat(AccountRules.username("  Leyla.H ")).isEqualTo("leyla.h");
    assertThatThrownBy(() -> AccountRules.newAccount(account("le", "AZ", null)))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("username"));
    assertThatThrownBy(() -> AccountRules.username("leyla h"))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void aPartyIsGivenByItsKey() {
    assertThatThrownBy(() -> AccountRules.newAccount(account("leyla", "Azerbaijan", null)))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("party"));
  }

  @Test
  void anEmailAddressLooksLikeOne() {
    assertThat(AccountRules.email(" leyla@example.org ")).isEqualTo("leyla@example.org");
    assertThatThrownBy(() -> AccountRules.email("leyla at example"))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Test
  void aChangeKeepsWhatItDoesNotGiveAndRemovesABlankEmail() {
    AccountRules.Fields fields =
        AccountRules.changed(
            STORED, new AccountChange(null, null, null, null, null, false, 3L, null, ""));

    assertThat(fields.displayName()).isEqualTo("Leyla");
    assertThat(fields.party()).isEqualTo("AZ");
    assertThat(fields.roles()).containsExactly(Role.MEMBER);
    assertThat(fields.enabled()).isFalse();
    assertThat(fields.email()).isNull();
  }

  @Test
  void aChangeRefusesAnEmptyDisplayNameAndNoRoles() {
    assertThatThrownBy(
            () ->
                AccountRules.changed(
                    STORED, new AccountChange("  ", null, null, null, null, null, 3L)))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
    assertThatThrownBy(
            () ->
                AccountRules.changed(
                    STORED, new AccountChange(null, null, null, Set.of(), null, null, 3L)))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("roles"));
  }

  @Test
  void rolesAreStoredAsSortedNamesAndReadBack() {
    Set<Role> roles = EnumSet.of(Role.OBSERVER, Role.COORDINATOR);
    String text = AccountRules.rolesText(roles);

    assertThat(text).isEqualTo("COORDINATOR,OBSERVER");
    assertThat(AccountRules.roles(text)).isEqualTo(roles);
    assertThat(AccountRules.roles("")).isEmpty();
  }
}
