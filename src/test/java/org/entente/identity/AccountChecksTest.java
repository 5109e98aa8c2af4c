package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Accounts.AccountChange;
import org.entente.identity.Accounts.AccountView;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Accounts.MembershipView;
import org.entente.identity.Accounts.NewAccount;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/** Who may create and change which account, without a database (decision 0021). */
class AccountChecksTest {

  private static final UUID ENERGY = UUID.randomUUID();
  private static final UUID SECRET = UUID.randomUUID();

  private static final GroupDirectory.Group ENERGY_GROUP =
      new GroupDirectory.Group(
          ENERGY,
          "az-us",
          "wg-energy",
          GroupDirectory.Kind.WORKING_GROUP,
          LocalizedText.of("en", "Energy"),
          false);
  private static final GroupDirectory.Group SECRET_GROUP =
      new GroupDirectory.Group(
          SECRET,
          "az-us",
          "wg-security",
          GroupDirectory.Kind.WORKING_GROUP,
          LocalizedText.of("en", "Security"),
          true);

  private static final GroupDirectory.Group US_INTERNAL =
      new GroupDirectory.Group(
          UUID.randomUUID(),
          "az-us",
          "us-only",
          GroupDirectory.Kind.DIALOGUE_PLATFORM,
          LocalizedText.of("en", "U.S. internal"),
          false,
          Classification.PARTY_INTERNAL,
          "US");

  private final AccountChecks checks =
      new AccountChecks(() -> List.of(ENERGY_GROUP, SECRET_GROUP, US_INTERNAL));

  private static Viewer actor(String username, String party, Role role, Set<UUID> groups) {
    return new Viewer(username, party, false, EnumSet.of(role), groups, groups, Set.of(), false);
  }

  private static AccountView stored(boolean clearance, List<MembershipView> memberships) {
    return new AccountView(
        UUID.randomUUID(),
        "leyla",
        "Leyla",
        "AZ",
        null,
        EnumSet.of(Role.MEMBER),
        clearance,
        true,
        1,
        memberships,
        null);
  }

  private static MembershipView member(GroupDirectory.Group g) {
    return new MembershipView(
        g.id(), g.charter(), g.key(), g.kind(), g.name(), g.restricted(), false);
  }

  @Test
  void aCoordinatorCreatesAccountsOnlyOfTheirOwnParty() {
    Viewer coordinator = actor("az.coord", "AZ", Role.COORDINATOR, Set.of(ENERGY));
    NewAccount american =
        new NewAccount("john", "John", "US", null, EnumSet.of(Role.MEMBER), false, "x");

    assertThatThrownBy(() -> checks.create(american, coordinator))
        .isInstanceOfSatisfying(
            ForbiddenException.class, e -> assertThat(e.field()).isEqualTo("party"));
    assertThatCode(
            () ->
                checks.create(
                    new NewAccount(
                        "leyla",
                        "Leyla",
                        "AZ",
                        null,
                        EnumSet.of(Role.MEMBER),
                        false,
                        "x",
                        List.of(new MembershipInput("az-us", "wg-energy", false))),
                    coordinator))
        .doesNotThrowAnyException();
  }

  @Test
  void aMembershipOfAGroupTheActorCannotSeeIsRefusedLikeAnUnknownGroup() {
    Viewer coordinator = actor("az.coord", "AZ", Role.COORDINATOR, Set.of(ENERGY));
    NewAccount account =
        new NewAccount(
            "leyla",
            "Leyla",
            "AZ",
            null,
            EnumSet.of(Role.MEMBER),
            false,
            "x",
            List.of(new MembershipInput("az-us", "wg-nowhere", false)));

    assertThatThrownBy(() -> checks.create(account, coordinator))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("memberships"));
  }

  @Test
  void aSecurityOfficerChangesOnlyTheClearance() {
    Viewer officer = actor("az.sec", "AZ", Role.SECURITY_OFFICER, Set.of());
    AccountView leyla = stored(false, List.of());

    assertThatThrownBy(
            () ->
                checks.change(
                    leyla,
                    leyla,
                    new AccountChange("Leyla H.", null, null, null, null, null, 1L),
                    officer))
        .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.field()).isNull());
    assertThatCode(
            () ->
                checks.change(
                    leyla,
                    leyla,
                    new AccountChange(null, null, null, null, true, null, 1L),
                    officer))
        .doesNotThrowAnyException();
  }

  @Test
  void nobodyChangesTheirOwnRoles() {
    Viewer admin = actor("leyla", null, Role.ADMINISTRATOR, Set.of());
    AccountView leyla = stored(false, List.of());

    assertThatThrownBy(
            () ->
                checks.change(
                    leyla,
                    leyla,
                    new AccountChange(null, null, null, EnumSet.of(Role.OBSERVER), null, null, 1L),
                    admin))
        .isInstanceOfSatisfying(
            ForbiddenException.class, e -> assertThat(e.field()).isEqualTo("roles"));
  }

  @Test
  void aClearedPersonKeepsTheirParty() {
    Viewer admin = actor("admin", null, Role.ADMINISTRATOR, Set.of());
    AccountView cleared = stored(true, List.of());

    assertThatThrownBy(
            () ->
                checks.change(
                    cleared,
                    cleared,
                    new AccountChange(null, null, "US", null, null, null, 1L),
                    admin))
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.getMessage()).contains("keeps their party"));
  }

  @Test
  void aChangeOfMembershipsKeepsThoseOfGroupsTheActorCannotSee() {
    AccountView stored = stored(true, List.of(member(ENERGY_GROUP), member(SECRET_GROUP)));
    AccountView shown = stored(true, List.of(member(ENERGY_GROUP)));

    AccountChange applied =
        AccountChecks.keepingUnseen(
            stored, shown, new AccountChange(null, null, null, null, null, null, 1L, List.of()));

    assertThat(applied.memberships())
        .containsExactly(new MembershipInput("az-us", "wg-security", false));
  }

  @Test
  void anAccountIsShownWithoutTheMembershipsOfGroupsTheViewerCannotSee() {
    AccountView account = stored(true, List.of(member(ENERGY_GROUP), member(US_INTERNAL)));
    Viewer member = actor("john", "AZ", Role.MEMBER, Set.of(ENERGY));

    assertThat(checks.seenBy(account, member).memberships())
        .extracting(MembershipView::key)
        .containsExactly("wg-energy");
  }
}
