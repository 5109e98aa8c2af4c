package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.entente.audit.Audit;
import org.entente.shared.Paging;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@EntenteTest
@CleanAfterEachTest
class LoginAndSessionsTest {

  private static final String PASSWORD = "correct horse battery";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired Audit audit;

  @BeforeEach
  void today() {
    clock.set(FixedClockConfiguration.TODAY);
  }

  @Test
  void thereIsNoDefaultAccountAndTheSetupLinkCreatesTheFirstAdministratorOnce() throws Exception {
    assertThat(accounts.count()).isZero();
    mvc.perform(get("/setup")).andExpect(status().isNotFound());
    mvc.perform(get("/setup").param("token", "guess")).andExpect(status().isNotFound());
    String token = accounts.issueSetupToken().orElseThrow();
    mvc.perform(get("/setup").param("token", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Create the first administrator")));

    createAdmin(token, "admin", PASSWORD).andExpect(redirectedUrl("/login?created"));
    assertThat(accounts.find("admin").orElseThrow().roles()).containsExactly(Role.ADMINISTRATOR);

    mvc.perform(get("/setup").param("token", token)).andExpect(status().isNotFound());
    createAdmin(token, "second", PASSWORD).andExpect(status().isNotFound());
    assertThat(accounts.count()).isEqualTo(1);
    assertThat(accounts.issueSetupToken()).isEmpty();
  }

  @Test
  void aShortPasswordIsAFormErrorAndCreatesNothingWhileALongPassphraseWorks() throws Exception {
    String token = accounts.issueSetupToken().orElseThrow();
    createAdmin(token, "admin", "elevenchars")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("at least 12 characters")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    assertThat(accounts.count()).isZero();

    String passphrase =
        "a passphrase much longer than seventy-two bytes, which bcrypt alone would cut short!!";
    assertThat(passphrase.length()).isGreaterThan(72);
    createAdmin(token, "admin", passphrase).andExpect(redirectedUrl("/login?created"));
    login("admin", passphrase).andExpect(redirectedUrl("/"));
    // a password equal to the first 72 characters is not the same password
    login("admin", passphrase.substring(0, 72)).andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void formsWithoutACsrfTokenAreRefused() throws Exception {
    String token = accounts.issueSetupToken().orElseThrow();
    mvc.perform(
            post("/setup")
                .param("token", token)
                .param("username", "admin")
                .param("displayName", "Admin")
                .param("password", PASSWORD)
                .param("confirmPassword", PASSWORD))
        .andExpect(status().isForbidden());
    assertThat(accounts.count()).isZero();
    mvc.perform(post("/login").param("username", "admin").param("password", PASSWORD))
        .andExpect(status().isForbidden());
  }

  @Test
  void loggingInGivesANewSessionKeptInTheDatabaseAndLoggingOutEndsIt() throws Exception {
    createAdmin(accounts.issueSetupToken().orElseThrow(), "admin", PASSWORD);
    MockHttpServletResponse anonymous = mvc.perform(get("/login")).andReturn().getResponse();
    Cookie before = anonymous.getCookie("SESSION");

    var request =
        post("/login").param("username", "admin").param("password", PASSWORD).with(csrf());
    if (before != null) {
      request.cookie(before);
    }
    MockHttpServletResponse loggedIn =
        mvc.perform(request).andExpect(redirectedUrl("/")).andReturn().getResponse();
    Cookie session = loggedIn.getCookie("SESSION");
    assertThat(session).isNotNull();
    if (before != null) {
      assertThat(session.getValue()).isNotEqualTo(before.getValue());
    }
    System.out.println(
        "SETCOOKIE "
            + loggedIn.getHeaders("Set-Cookie")
            + " before="
            + (before == null ? null : before.getValue())
            + " anon="
            + anonymous.getHeaders("Set-Cookie"));
    assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
    assertThat(session.getSecure()).as("Secure").isTrue();
    assertThat(session.getAttribute("SameSite")).isEqualTo("Lax");
    assertThat(
            jdbc.sql(
                    "select max_inactive_interval from spring_session where principal_name = 'admin'")
                .query(Integer.class)
                .single())
        .isEqualTo(1800);

    mvc.perform(get("/").cookie(session))
        .andExpect(content().string(containsString("Signed in as <span>admin</span>")));

    mvc.perform(post("/logout").cookie(session).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"));
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = 'admin'")
                .query(Long.class)
                .single())
        .isZero();
    mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("Log in</a>")));
  }

  @Test
  void repeatedFailuresSlowTheAccountDownEvenForTheRightPassword() throws Exception {
    createAdmin(accounts.issueSetupToken().orElseThrow(), "admin", PASSWORD);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      login("admin", "wrong password " + i).andExpect(redirectedUrl("/login?error"));
    }
    login("admin", PASSWORD).andExpect(redirectedUrl("/login?wait=30"));
    mvc.perform(get("/login").param("wait", "30"))
        .andExpect(content().string(containsString("Try again in <span>30</span> seconds")));

    clock.setInstant(clock.instant().plusSeconds(31));
    login("admin", PASSWORD).andExpect(redirectedUrl("/"));

    assertThat(audit.events("account", null, null, new Paging(0, 20)).items())
        .extracting(e -> e.action())
        .containsSubsequence("login.succeeded", "login.throttled", "login.failed");
    assertThat(audit.events("account", null, "admin", new Paging(0, 20)).totalItems())
        .isEqualTo(1 + LoginThrottle.FREE_FAILURES + 1 + 1);
  }

  @Test
  void anUnknownUserFailsLikeAWrongPassword() throws Exception {
    createAdmin(accounts.issueSetupToken().orElseThrow(), "admin", PASSWORD);
    login("nobody", PASSWORD).andExpect(redirectedUrl("/login?error"));
    login("admin", "not the password").andExpect(redirectedUrl("/login?error"));
  }

  private org.springframework.test.web.servlet.ResultActions createAdmin(
      String token, String username, String password) throws Exception {
    return mvc.perform(
        post("/setup")
            .with(csrf())
            .param("token", token)
            .param("username", username)
            .param("displayName", "The Administrator")
            .param("organization", "Secretariat")
            .param("password", password)
            .param("confirmPassword", password));
  }

  private org.springframework.test.web.servlet.ResultActions login(String username, String password)
      throws Exception {
    return mvc.perform(
        post("/login").param("username", username).param("password", password).with(csrf()));
  }
}
