package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.List;
import org.entente.audit.Audit;
import org.entente.identity.AccessTokens.Scope;
import org.entente.shared.Paging;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, finding 5: common passwords, passwords of one repeated character and passwords holding
 * the user name are refused wherever a password is set, and a signed-in person can change their own
 * password (ASVS V2.1.5–V2.1.7, V3.3.3).
 */
@EntenteTest
@CleanAfterEachTest
class OwnPasswordTest {

  static final String PASSWORD = "correct horse battery";
  static final String NEW_PASSWORD = "seven lanterns over the Kura";
  static final String USERNAME = "river.commission";
  static final List<String> WEAK = List.of("passwordpassword", "aaaaaaaaaaaa", USERNAME);

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired Audit audit;

  void member() {
    accounts.create(
        new Accounts.NewAccount(
            USERNAME,
            "River commission",
            "AZ",
            null,
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD,
            List.of()));
  }

  Cookie login(String password) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/login").param("username", USERNAME).param("password", password).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).isEqualTo("/");
    return response.getCookie("SESSION");
  }

  String hash() {
    return jdbc.sql("select password_hash from account where username = ?")
        .param(USERNAME)
        .query(String.class)
        .single();
  }

  MockHttpServletResponse change(Cookie session, String current, String next, String confirm)
      throws Exception {
    return mvc.perform(
            post("/account/password")
                .cookie(session)
                .with(csrf())
                .param("currentPassword", current)
                .param("newPassword", next)
                .param("confirmPassword", confirm))
        .andReturn()
        .getResponse();
  }

  String lastAction() {
    return audit.events(null, null, null, new Paging(0, 1)).items().get(0).action();
  }

  @Test
  void aSignedInPersonChangesTheirPasswordThisSessionStaysAndTheOthersEnd() throws Exception {
    member();
    Cookie here = login(PASSWORD);
    Cookie elsewhere = login(PASSWORD);
    String page =
        mvc.perform(get("/account/password").cookie(here))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Change your password")
        .contains("href=\"/account/password\"")
        .contains("name=\"_csrf\"")
        .contains("autocomplete=\"current-password\"");
    assertThat(
            mvc.perform(get("/account/password").cookie(here).header("Accept-Language", "az"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Parolunuzu dəyişin");

    long before = audit.head().seq();
    MockHttpServletResponse changed = change(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
    assertThat(changed.getRedirectedUrl()).isEqualTo("/account/password?changed");
    assertThat(audit.head().seq()).isEqualTo(before + 1);
    assertThat(lastAction()).isEqualTo("account.password-changed");

    Cookie renewed = changed.getCookie("SESSION") == null ? here : changed.getCookie("SESSION");
    assertThat(
            mvc.perform(get("/account/password?changed").cookie(renewed))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Your password was changed");
    assertThat(
            mvc.perform(get("/account/password").cookie(elsewhere))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .as("the other session ended")
        .endsWith("/login");

    assertThat(
            mvc.perform(
                    post("/login")
                        .param("username", USERNAME)
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/login?error");
    login(NEW_PASSWORD);
  }

  @Test
  void aWrongCurrentPasswordOrAWeakNewOneIsAFormErrorAndChangesNothing() throws Exception {
    member();
    Cookie session = login(PASSWORD);
    String stored = hash();

    long before = audit.head().seq();
    MockHttpServletResponse wrong = change(session, "not my password", NEW_PASSWORD, NEW_PASSWORD);
    assertThat(wrong.getStatus()).isEqualTo(200);
    assertThat(wrong.getContentAsString())
        .contains("the current password is wrong")
        .contains("aria-invalid=\"true\"")
        .doesNotContain(NEW_PASSWORD);
    assertThat(audit.head().seq()).as("the failure is audited").isEqualTo(before + 1);
    assertThat(lastAction()).isEqualTo("account.password-change");

    for (String weak : WEAK) {
      MockHttpServletResponse refused = change(session, PASSWORD, weak, weak);
      assertThat(refused.getStatus()).as(weak).isEqualTo(200);
      assertThat(refused.getContentAsString())
          .as(weak)
          .contains("id=\"password-error\"")
          .contains("id=\"newPassword\"")
          .containsPattern("id=\"newPassword\"[^>]*aria-invalid=\"true\"");
    }
    assertThat(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!").getContentAsString())
        .contains("the two new passwords differ");
    assertThat(change(session, PASSWORD, PASSWORD, PASSWORD).getContentAsString())
        .contains("must differ from the current one");
    assertThat(hash()).isEqualTo(stored);
    login(PASSWORD);
  }

  @Test
  void theThreeWeakPasswordsAreRefusedWhereverAnAccountIsMade() throws Exception {
    String setup = accounts.issueSetupToken().orElseThrow();
    for (String weak : WEAK) {
      MockHttpServletResponse page =
          mvc.perform(
                  post("/setup")
                      .with(csrf())
                      .param("token", setup)
                      .param("username", USERNAME)
                      .param("displayName", "Admin")
                      .param("password", weak)
                      .param("confirmPassword", weak))
              .andReturn()
              .getResponse();
      assertThat(page.getStatus()).as(weak).isEqualTo(200);
      assertThat(page.getContentAsString()).contains("id=\"setup-error\"");
    }
    assertThat(accounts.count()).isZero();

    mvc.perform(
        post("/setup")
            .with(csrf())
            .param("token", setup)
            .param("username", "admin")
            .param("displayName", "Admin")
            .param("password", PASSWORD)
            .param("confirmPassword", PASSWORD));
    Cookie admin =
        mvc.perform(
                post("/login").param("username", "admin").param("password", PASSWORD).with(csrf()))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    String token = tokens.create("admin", "t", Scope.WRITE, 30).secret();
    for (String weak : WEAK) {
      MockHttpServletResponse form =
          mvc.perform(
                  post("/admin/accounts")
                      .cookie(admin)
                      .with(csrf())
                      .param("username", USERNAME)
                      .param("displayName", "River commission")
                      .param("party", "AZ")
                      .param("roles", "MEMBER")
                      .param("password", weak))
              .andReturn()
              .getResponse();
      assertThat(form.getStatus()).as(weak).isEqualTo(200);
      assertThat(form.getContentAsString()).as(weak).contains("River commission");

      MockHttpServletResponse api =
          mvc.perform(
                  post("/api/accounts")
                      .header("Authorization", "Bearer " + token)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          "{\"username\":\""
                              + USERNAME
                              + "\",\"displayName\":\"River commission\",\"party\":\"AZ\","
                              + "\"roles\":[\"MEMBER\"],\"password\":\""
                              + weak
                              + "\"}"))
              .andReturn()
              .getResponse();
      assertThat(api.getStatus()).as(weak).isEqualTo(400);
      assertThat(api.getContentType()).isEqualTo("application/problem+json");
      assertThat(api.getContentAsString()).contains("\"field\":\"password\"");
    }
    assertThat(accounts.find(USERNAME)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> accounts.resetPassword("admin", "passwordpassword"))
        .isInstanceOf(org.entente.shared.BadRequestException.class);
  }

  @Test
  void anApiTokenCannotChangeThePassword() throws Exception {
    member();
    String token = tokens.create(USERNAME, "t", Scope.WRITE, 30).secret();
    String stored = hash();
    for (String path :
        new String[] {"/api/me/password", "/api/accounts/" + USERNAME + "/password"}) {
      assertThat(
              mvc.perform(
                      post(path)
                          .header("Authorization", "Bearer " + token)
                          .contentType(MediaType.APPLICATION_JSON)
                          .content(
                              "{\"currentPassword\":\""
                                  + PASSWORD
                                  + "\",\"newPassword\":\""
                                  + NEW_PASSWORD
                                  + "\"}"))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(404);
    }
    MockHttpServletResponse page =
        mvc.perform(
                post("/account/password")
                    .header("Authorization", "Bearer " + token)
                    .with(csrf())
                    .param("currentPassword", PASSWORD)
                    .param("newPassword", NEW_PASSWORD)
                    .param("confirmPassword", NEW_PASSWORD))
            .andReturn()
            .getResponse();
    assertThat(page.getRedirectedUrl()).as("the page chain takes sessions only").endsWith("/login");
    assertThat(hash()).isEqualTo(stored);
  }
}
