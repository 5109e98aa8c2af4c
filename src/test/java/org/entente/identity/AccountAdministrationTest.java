package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.EnumSet;
import org.entente.audit.Audit;
import org.entente.identity.AccessTokens.Scope;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.entente.testing.StatementCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@EntenteTest
@CleanAfterEachTest
class AccountAdministrationTest {

  static final String PASSWORD = "correct horse battery";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired MutableClock clock;
  @Autowired Audit audit;

  String adminWrite;
  String adminRead;
  String memberToken;

  @BeforeEach
  void people() {
    clock.set(FixedClockConfiguration.TODAY);
    accounts.createFirstAdministrator(
        accounts.issueSetupToken().orElseThrow(),
        new Accounts.NewAccount(
            "admin",
            "Admin",
            null,
            "Secretariat",
            EnumSet.of(Role.ADMINISTRATOR),
            false,
            PASSWORD));
    accounts.create(
        new Accounts.NewAccount(
            "us.cochair",
            "U.S. co-chair",
            "US",
            "Department of State",
            EnumSet.of(Role.CO_CHAIR),
            false,
            PASSWORD));
    accounts.create(
        new Accounts.NewAccount(
            "az.member",
            "AZ member",
            "AZ",
            "Ministry of Digital Development",
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD));
    adminWrite = tokens.create("admin", "admin write", Scope.WRITE, 30).secret();
    adminRead = tokens.create("admin", "admin read", Scope.READ, 30).secret();
    memberToken = tokens.create("az.member", "member", Scope.WRITE, 30).secret();
  }

  @Test
  void anAdministratorWithAWriteTokenManagesAccountsAndOthersCannot() throws Exception {
    String body =
        """
        {"username":"new.person","displayName":"New Person","party":"AZ","organization":"Ministry of Energy",
         "roles":["MEMBER"],"clearance":false,"password":"a long enough password"}""";
    mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", "Bearer " + memberToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", "Bearer " + adminRead)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isNotFound());
    assertThat(accounts.find("new.person")).isEmpty();

    mvc.perform(
            post("/api/accounts")
                .header("Authorization", "Bearer " + adminWrite)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.username").value("new.person"))
        .andExpect(jsonPath("$.passwordHash").doesNotExist());
    mvc.perform(get("/api/accounts").header("Authorization", "Bearer " + adminRead))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(4));
    mvc.perform(get("/api/accounts").header("Authorization", "Bearer " + memberToken))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + memberToken))
        .andExpect(jsonPath("$.party").value("AZ"));
  }

  @Test
  void anAccountWithoutItsMembershipsIsItsOtherFieldsReadInOneStatement() throws Exception {
    accounts.create(
        new Accounts.NewAccount(
            "az.grouped",
            "AZ grouped",
            "AZ",
            "Ministry of Economy",
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD,
            java.util.List.of(
                new Accounts.MembershipInput("az-us-2026", "wg-connectivity-digital", false))));
    Accounts.AccountView full = accounts.find("az.grouped").orElseThrow();
    assertThat(full.memberships()).hasSize(1);
    var light = StatementCount.of(() -> accounts.withoutMemberships("AZ.Grouped"));
    assertThat(light.statements()).isEqualTo(1);
    assertThat(light.result())
        .contains(
            new Accounts.AccountView(
                full.id(),
                full.username(),
                full.displayName(),
                full.party(),
                full.organization(),
                full.roles(),
                full.clearance(),
                full.enabled(),
                full.version(),
                java.util.List.of(),
                full.email()));
    assertThat(accounts.withoutMemberships("nobody.here")).isEmpty();
  }

  @Test
  void aStaleVersionIsAConflictAndUnknownFieldsAreRefusedChangingNothing() throws Exception {
    long version = accounts.find("az.member").orElseThrow().version();
    mvc.perform(
            patch("/api/accounts/az.member")
                .header("Authorization", "Bearer " + adminWrite)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"organization\":\"Ministry of Energy\",\"version\":" + version + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.organization").value("Ministry of Energy"));
    mvc.perform(
            patch("/api/accounts/az.member")
                .header("Authorization", "Bearer " + adminWrite)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"party\":\"US\",\"version\":" + version + "}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.currentVersion").value(version + 1));
    for (String sneaky :
        new String[] {
          "{\"passwordHash\":\"x\",\"version\":" + (version + 1) + "}",
          "{\"username\":\"root\",\"version\":" + (version + 1) + "}",
          "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"version\":" + (version + 1) + "}"
        }) {
      mvc.perform(
              patch("/api/accounts/az.member")
                  .header("Authorization", "Bearer " + adminWrite)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(sneaky))
          .andExpect(status().isBadRequest());
    }
    mvc.perform(
            patch("/api/accounts/az.member")
                .header("Authorization", "Bearer " + memberToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"ADMINISTRATOR\"],\"version\":" + (version + 1) + "}"))
        .andExpect(status().isNotFound());
    var member = accounts.find("az.member").orElseThrow();
    assertThat(member.party()).isEqualTo("AZ");
    assertThat(member.roles()).containsExactly(Role.MEMBER);
    assertThat(member.version()).isEqualTo(version + 1);
  }

  @Test
  void aTokenIsRecordedAsUsedAtMostOncePerMinuteSoThatReadsDoNotWriteEachTime() throws Exception {
    var token = tokens.create("az.member", "script", Scope.READ, 30);
    assertThat(lastUsed(token)).isNull();
    java.time.Instant first = clock.instant();
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isOk());
    assertThat(lastUsed(token)).isEqualTo(first);

    // Within the minute: still valid, and "last used" is not written again.
    clock.setInstant(first.plusSeconds(59));
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isOk());
    assertThat(lastUsed(token)).isEqualTo(first);

    // A minute later it is.
    java.time.Instant later = first.plusSeconds(60);
    clock.setInstant(later);
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isOk());
    assertThat(lastUsed(token)).isEqualTo(later);
  }

  private java.time.Instant lastUsed(AccessTokens.NewToken token) {
    return tokens.list("az.member").stream()
        .filter(t -> t.id().equals(token.token().id()))
        .findFirst()
        .orElseThrow()
        .lastUsedAt();
  }

  @Test
  void aRevokedOrExpiredTokenFailsOnItsNextUse() throws Exception {
    var token = tokens.create("az.member", "laptop", Scope.READ, 1);
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isOk());
    tokens.revoke("az.member", token.token().id());
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isUnauthorized());

    var shortLived = tokens.create("az.member", "short", Scope.READ, 1);
    clock.setInstant(clock.instant().plus(Duration.ofDays(1)).plusSeconds(1));
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + shortLived.secret()))
        .andExpect(status().isUnauthorized());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tokens.revoke("us.cochair", shortLived.token().id()))
        .isInstanceOf(org.entente.shared.NotFoundException.class);
  }

  @Test
  void disablingAnAccountOrRemovingARoleTakesEffectOnTheNextRequestOfAnOpenSession()
      throws Exception {
    Cookie admin = login("admin");
    Cookie member = login("az.member");
    mvc.perform(get("/").cookie(member))
        .andExpect(content().string(containsString("Signed in as")));
    mvc.perform(get("/admin/accounts").cookie(admin)).andExpect(status().isOk());

    long version = accounts.find("az.member").orElseThrow().version();
    accounts.update(
        "az.member", new Accounts.AccountChange(null, null, null, null, null, false, version));
    mvc.perform(get("/").cookie(member)).andExpect(content().string(containsString("Log in</a>")));

    accounts.create(
        new Accounts.NewAccount(
            "admin2", "Second admin", null, null, EnumSet.of(Role.ADMINISTRATOR), false, PASSWORD));
    long adminVersion = accounts.find("admin").orElseThrow().version();
    accounts.update(
        "admin",
        new Accounts.AccountChange(
            null, null, null, EnumSet.of(Role.OBSERVER), null, null, adminVersion));
    mvc.perform(get("/admin/accounts").cookie(admin)).andExpect(status().isNotFound());
  }

  @Test
  void theAdministratorCreatesAndEditsAccountsThroughThePages() throws Exception {
    Cookie admin = login("admin");
    mvc.perform(
            post("/admin/accounts")
                .cookie(admin)
                .with(csrf())
                .param("username", "us.member")
                .param("displayName", "U.S. member")
                .param("party", "US")
                .param("organization", "Department of Energy")
                .param("roles", "MEMBER", "CONTRIBUTOR")
                .param("password", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("at least 12 characters")));
    assertThat(accounts.find("us.member")).isEmpty();
    mvc.perform(
            post("/admin/accounts")
                .cookie(admin)
                .with(csrf())
                .param("username", "us.member")
                .param("displayName", "U.S. member")
                .param("party", "US")
                .param("roles", "MEMBER")
                .param("password", PASSWORD))
        .andExpect(redirectedUrl("/admin/accounts?created=us.member"));
    assertThat(accounts.find("us.member").orElseThrow().clearance()).isFalse();

    long version = accounts.find("us.member").orElseThrow().version();
    mvc.perform(
            post("/admin/accounts/us.member")
                .cookie(admin)
                .with(csrf())
                .param("displayName", "U.S. member")
                .param("party", "US")
                .param("roles", "CO_CHAIR")
                .param("enabled", "true")
                .param("version", String.valueOf(version - 1)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("changed by someone else")));
    assertThat(accounts.find("us.member").orElseThrow().roles()).containsExactly(Role.MEMBER);

    Cookie member = login("az.member");
    mvc.perform(get("/admin/accounts").cookie(member)).andExpect(status().isNotFound());
    mvc.perform(post("/admin/accounts").cookie(member).with(csrf()).param("username", "x"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/admin/accounts")).andExpect(status().is3xxRedirection());
  }

  @Test
  void everyAccountAndTokenChangeIsAudited() throws Exception {
    long before = audit.head().seq();
    var token = tokens.create("us.cochair", "ci", Scope.READ, 10);
    tokens.revoke("us.cochair", token.token().id());
    long version = accounts.find("us.cochair").orElseThrow().version();
    accounts.update(
        "us.cochair",
        new Accounts.AccountChange(
            "U.S. co-chair (energy)", null, null, null, null, null, version));
    assertThat(audit.head().seq()).isEqualTo(before + 3);
    assertThat(
            audit
                .events("account", null, null, new org.entente.shared.Paging(0, 5))
                .items()
                .get(0)
                .action())
        .isEqualTo("account.updated");
  }

  private Cookie login(String username) throws Exception {
    var response =
        mvc.perform(
                post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
            .andExpect(redirectedUrl("/"))
            .andReturn()
            .getResponse();
    return response.getCookie("SESSION");
  }
}
