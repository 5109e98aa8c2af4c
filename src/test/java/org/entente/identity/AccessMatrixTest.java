package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.audit.Audit;
import org.entente.identity.AccessRules.Access;
import org.entente.identity.AccessTokens.Scope;
import org.entente.shared.Paging;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The route level of the access matrix: every rule of {@link AccessRules}, called by every kind of
 * caller, is let through or refused as its access says, stated here a second time. A refusal is
 * recognized by the {@code request.denied} event it appends (an anonymous page request by the
 * redirect to the login page), whatever the handler then answers. Which record a caller may see or
 * change (party, membership, clearance) is decided after this, by the visibility policy; {@code
 * NeedToKnowTest} covers that level.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  static final String PASSWORD = "correct horse battery";
  static final String OPERATOR = "test-operator-token-0123456789abcdef";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Audit audit;

  /** API callers: the Authorization header each sends, none for the anonymous one. */
  final Map<String, String> apiCallers = new LinkedHashMap<>();

  /** Page callers: the session cookie of each, none for the anonymous one. */
  final Map<String, Cookie> pageCallers = new LinkedHashMap<>();

  @BeforeAll
  void people() throws Exception {
    accounts.createFirstAdministrator(
        accounts.issueSetupToken().orElseThrow(),
        new Accounts.NewAccount(
            "admin", "Admin", null, null, EnumSet.of(Role.ADMINISTRATOR), false, PASSWORD));
    accounts.create(
        new Accounts.NewAccount(
            "coordinator",
            "Coordinator",
            "AZ",
            null,
            EnumSet.of(Role.COORDINATOR),
            false,
            PASSWORD));
    accounts.create(
        new Accounts.NewAccount(
            "member", "Member", "US", null, EnumSet.of(Role.MEMBER), false, PASSWORD));
    accounts.create(
        new Accounts.NewAccount(
            "security",
            "Security officer",
            "AZ",
            null,
            EnumSet.of(Role.SECURITY_OFFICER),
            false,
            PASSWORD));
    apiCallers.put("anonymous", null);
    apiCallers.put("member-read", bearer("member", Scope.READ));
    apiCallers.put("member-write", bearer("member", Scope.WRITE));
    apiCallers.put("coordinator-read", bearer("coordinator", Scope.READ));
    apiCallers.put("coordinator-write", bearer("coordinator", Scope.WRITE));
    apiCallers.put("security-read", bearer("security", Scope.READ));
    apiCallers.put("security-write", bearer("security", Scope.WRITE));
    apiCallers.put("admin-read", bearer("admin", Scope.READ));
    apiCallers.put("admin-write", bearer("admin", Scope.WRITE));
    apiCallers.put("operator", "Bearer " + OPERATOR);
    pageCallers.put("anonymous", null);
    for (String who : List.of("member", "coordinator", "security", "admin")) {
      pageCallers.put(
          who,
          mvc.perform(
                  request(HttpMethod.POST, "/login")
                      .param("username", who)
                      .param("password", PASSWORD)
                      .with(csrf()))
              .andReturn()
              .getResponse()
              .getCookie("SESSION"));
    }
  }

  private String bearer(String username, Scope scope) {
    return "Bearer " + tokens.create(username, scope.name(), scope, 30).secret();
  }

  /** The access each rule names, stated again: who gets through on the API. */
  static boolean apiAllows(Access access, HttpMethod method, String caller) {
    boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD;
    boolean token = !caller.equals("anonymous") && !caller.equals("operator");
    return switch (access) {
      case ANYONE -> true;
      case SIGNED_IN -> token;
      case ADMINISTRATOR -> caller.startsWith("admin-") && (!write || caller.endsWith("-write"));
      case ACCOUNT_MANAGER ->
          (caller.startsWith("admin-")
                  || caller.startsWith("coordinator-")
                  || caller.startsWith("security-"))
              && (!write || caller.endsWith("-write"));
      case TOKEN_WRITE -> caller.endsWith("-write") || caller.equals("operator");
      case OPERATOR -> caller.equals("operator");
    };
  }

  /** The access each rule names, stated again: who gets through on the pages. */
  static boolean pageAllows(Access access, String caller) {
    return switch (access) {
      case ANYONE -> true;
      case SIGNED_IN -> !caller.equals("anonymous");
      case ADMINISTRATOR -> caller.equals("admin");
      case ACCOUNT_MANAGER ->
          caller.equals("admin") || caller.equals("coordinator") || caller.equals("security");
      case TOKEN_WRITE, OPERATOR -> false;
    };
  }

  /** A concrete path a rule's pattern matches. */
  static String sample(String pattern) {
    return pattern.replace("/**", "/az-us-2026").replace("*", "az-us-2026");
  }

  private boolean deniedEventAppended(long seqBefore) {
    long appended = audit.head().seq() - seqBefore;
    if (appended == 0) {
      return false;
    }
    // newest first: the events appended since are the first ones
    return audit
        .events(null, null, null, new Paging(0, (int) Math.min(100, appended)))
        .items()
        .stream()
        .anyMatch(e -> e.seq() > seqBefore && e.action().equals("request.denied"));
  }

  @Test
  void everyApiRuleLetsThroughExactlyTheCallersItsAccessNames() throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (AccessRules.Rule rule : AccessRules.API) {
      for (var caller : apiCallers.entrySet()) {
        MockHttpServletRequestBuilder request =
            request(rule.method(), sample(rule.pattern()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        if (caller.getValue() != null) {
          request.header("Authorization", caller.getValue());
        }
        long before = audit.head().seq();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        boolean denied = deniedEventAppended(before);
        boolean expected = apiAllows(rule.access(), rule.method(), caller.getKey());
        if (denied == expected) {
          wrong.add(
              rule
                  + " as "
                  + caller.getKey()
                  + ": "
                  + (denied ? "refused" : "let through")
                  + " ("
                  + response.getStatus()
                  + ")");
        }
        if (denied) {
          assertThat(response.getStatus()).as(rule + " as " + caller.getKey()).isIn(401, 404);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(AccessRules.API.size() * apiCallers.size());
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyPageRuleLetsThroughExactlyTheCallersItsAccessNames() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (AccessRules.Rule rule : AccessRules.PAGES) {
      for (var caller : pageCallers.entrySet()) {
        MockHttpServletRequestBuilder request =
            request(rule.method(), sample(rule.pattern())).accept(MediaType.TEXT_HTML).with(csrf());
        if (caller.getValue() != null) {
          request.cookie(caller.getValue());
        }
        long before = audit.head().seq();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        boolean toLogin =
            caller.getValue() == null
                && response.getStatus() == 302
                && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
        boolean denied = deniedEventAppended(before) || toLogin;
        boolean expected = pageAllows(rule.access(), caller.getKey());
        if (denied == expected) {
          wrong.add(
              rule
                  + " as "
                  + caller.getKey()
                  + ": "
                  + (denied ? "refused" : "let through")
                  + " ("
                  + response.getStatus()
                  + ")");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void whatNoRuleNamesIsRefusedForEveryone() throws Exception {
    Map<String, List<HttpMethod>> unnamed = new LinkedHashMap<>();
    unnamed.put("/api/nothing-here", List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE));
    unnamed.put("/api/charters/az-us-2026", List.of(HttpMethod.PUT, HttpMethod.DELETE));
    unnamed.put("/api/charters/az-us-2026/commitments", List.of(HttpMethod.POST));
    for (var entry : unnamed.entrySet()) {
      String path = entry.getKey();
      for (HttpMethod method : entry.getValue()) {
        for (var caller : apiCallers.entrySet()) {
          MockHttpServletRequestBuilder request = request(method, path);
          if (caller.getValue() != null) {
            request.header("Authorization", caller.getValue());
          }
          long before = audit.head().seq();
          MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
          assertThat(deniedEventAppended(before))
              .as(method + " " + path + " as " + caller.getKey())
              .isTrue();
          assertThat(response.getStatus()).isEqualTo(404);
        }
      }
    }
  }

  /** The rows of calendars and reminders, stated again: who may call each of their routes. */
  static final Map<String, Access> CALENDAR_ROWS =
      Map.ofEntries(
          Map.entry("GET /calendars/*.ics", Access.ANYONE),
          Map.entry("GET /account/calendars", Access.SIGNED_IN),
          Map.entry("POST /account/calendars", Access.SIGNED_IN),
          Map.entry("POST /account/calendars/*/revoke", Access.SIGNED_IN),
          Map.entry("GET /account/reminders", Access.SIGNED_IN),
          Map.entry("POST /account/reminders", Access.SIGNED_IN),
          Map.entry("GET /account/notifications", Access.SIGNED_IN),
          Map.entry("POST /account/notifications/*/read", Access.SIGNED_IN),
          Map.entry("GET /api/me/calendars", Access.SIGNED_IN),
          Map.entry("POST /api/me/calendars", Access.TOKEN_WRITE),
          Map.entry("DELETE /api/me/calendars/*", Access.TOKEN_WRITE),
          Map.entry("GET /api/me/reminders", Access.SIGNED_IN),
          Map.entry("PUT /api/me/reminders", Access.TOKEN_WRITE),
          Map.entry("GET /api/me/notifications", Access.SIGNED_IN),
          Map.entry("GET /api/me/notifications/*", Access.SIGNED_IN),
          Map.entry("POST /api/me/notifications/*/read", Access.TOKEN_WRITE),
          Map.entry("POST /api/reminders/run", Access.OPERATOR));

  /** The rows of the dashboards, stated again: for people signed in, page and API alike. */
  static final Map<String, Access> DASHBOARD_ROWS =
      Map.ofEntries(
          Map.entry("GET /dashboard", Access.SIGNED_IN),
          Map.entry("HEAD /dashboard", Access.SIGNED_IN),
          Map.entry("GET /dashboard/*", Access.SIGNED_IN),
          Map.entry("HEAD /dashboard/*", Access.SIGNED_IN),
          Map.entry("GET /api/dashboard/*", Access.SIGNED_IN),
          Map.entry("HEAD /api/dashboard/*", Access.SIGNED_IN));

  /** The rows of the annual report, stated again: anyone may ask for it, page, PDF or JSON. */
  static final Map<String, Access> REPORT_ROWS =
      Map.ofEntries(
          Map.entry("GET /charters/*/report", Access.ANYONE),
          Map.entry("GET /charters/*/report.pdf", Access.ANYONE),
          Map.entry("GET /api/charters/*/report", Access.ANYONE),
          Map.entry("GET /api/charters/*/report.pdf", Access.ANYONE));

  /** The rows of open data, stated again: who may call each of its routes. */
  static final Map<String, Access> OPEN_DATA_ROWS =
      Map.ofEntries(
          Map.entry("GET /charters/**", Access.ANYONE),
          Map.entry("GET /api/charters/**", Access.ANYONE),
          Map.entry("POST /api/import", Access.TOKEN_WRITE));

  /** The rows of recorded events, stated again: the forms as the API (issue 18). */
  static final Map<String, Access> EVENT_ROWS =
      Map.ofEntries(
          Map.entry("GET /charters/*/events/new", Access.SIGNED_IN),
          Map.entry("POST /charters/*/events", Access.SIGNED_IN),
          Map.entry("POST /charters/*/events/*", Access.SIGNED_IN),
          Map.entry("POST /api/charters/*/events", Access.TOKEN_WRITE),
          Map.entry("PATCH /api/charters/*/events/*", Access.TOKEN_WRITE));

  /** The rows of a project's edit and stage forms, stated again: for people signed in. */
  static final Map<String, Access> PROJECT_EDIT_ROWS =
      Map.ofEntries(
          Map.entry("GET /projects/*/edit", Access.SIGNED_IN),
          Map.entry("POST /projects/*/edit", Access.SIGNED_IN),
          Map.entry("POST /projects/*/stage", Access.SIGNED_IN),
          Map.entry("PATCH /api/projects/*", Access.TOKEN_WRITE),
          Map.entry("POST /api/projects/*/stage", Access.TOKEN_WRITE));

  /**
   * The rows of the directory of organizations, stated again: people signed in read it (never the
   * public), tokens that may write change it (the service then admits coordinators only).
   */
  static final Map<String, Access> DIRECTORY_ROWS =
      Map.ofEntries(
          Map.entry("GET /charters/*/organizations", Access.SIGNED_IN),
          Map.entry("GET /charters/*/organizations/*", Access.SIGNED_IN),
          Map.entry("POST /charters/*/organizations", Access.SIGNED_IN),
          Map.entry("POST /charters/*/organizations/*", Access.SIGNED_IN),
          Map.entry("GET /api/charters/*/organizations", Access.SIGNED_IN),
          Map.entry("GET /api/charters/*/organizations/*", Access.SIGNED_IN),
          Map.entry("POST /api/charters/*/organizations", Access.TOKEN_WRITE),
          Map.entry("PUT /api/charters/*/organizations/*", Access.TOKEN_WRITE));

  /** The rows stated again above, each against the one rule its method and pattern name. */
  Stream<Arguments> statedRows() {
    return Stream.of(
            CALENDAR_ROWS,
            DASHBOARD_ROWS,
            REPORT_ROWS,
            OPEN_DATA_ROWS,
            EVENT_ROWS,
            PROJECT_EDIT_ROWS,
            DIRECTORY_ROWS)
        .flatMap(rows -> rows.entrySet().stream())
        .map(row -> Arguments.of(row.getKey(), row.getValue()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("statedRows")
  void statedRoutesHaveTheAccessTheirRowsName(String route, Access access) {
    List<AccessRules.Rule> all = new ArrayList<>(AccessRules.API);
    all.addAll(AccessRules.PAGES);
    String[] parts = route.split(" ");
    assertThat(all)
        .as(route)
        .filteredOn(r -> r.method().name().equals(parts[0]) && r.pattern().equals(parts[1]))
        .singleElement()
        .extracting(AccessRules.Rule::access)
        .isEqualTo(access);
  }
}
