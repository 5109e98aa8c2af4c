package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.identity.GrantWorld.CHARTER;
import static org.entente.identity.GrantWorld.INTERNAL_PLATFORM;
import static org.entente.identity.GrantWorld.PUBLIC_GROUP;
import static org.entente.identity.GrantWorld.RESTRICTED_GROUP;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.entente.audit.Audit;
import org.entente.charter.Charters;
import org.entente.definition.Definitions;
import org.entente.identity.Accounts.AccountView;
import org.entente.identity.Accounts.MembershipView;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grant sweep (issue 16, decision 0021): for each kind of caller, every attempt to give a role,
 * membership, co-chair seat, clearance, delegation or calendar subscription beyond what the caller
 * holds or may see is refused, on the API and on the pages, recorded as a denied request, and
 * changes nothing. The attempts are data: a new role needs a caller here, and a new kind of grant
 * needs attempts, or {@link #everyRoleAndEveryKindOfGrantIsSwept()} fails.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantSweepTest {

  /** What can be given. */
  enum Kind {
    ROLE,
    MEMBERSHIP,
    CO_CHAIR,
    CLEARANCE,
    DELEGATION,
    CALENDAR
  }

  /** Where it is asked for. */
  enum Channel {
    API,
    PAGE
  }

  /** Who asks: one caller of each role, each coordinator's party, and nobody logged in. */
  static final List<String> CALLERS =
      List.of(
          "admin",
          "fd.coord",
          "sy.coord",
          "fd.security",
          "fd.chair",
          "fd.member",
          "company",
          "fd.observer",
          "anonymous");

  /** Stands for the caller's own account (for nobody logged in: someone else's). */
  static final String SELF = "<self>";

  /**
   * One attempt to give something.
   *
   * @param operation CREATE (a new account), UPDATE (an account), DELEGATE or SUBSCRIBE
   * @param target the account changed, {@link #SELF}, or for DELEGATE/SUBSCRIBE the group's key
   * @param roles the roles the account is to have, or null to leave them
   * @param add memberships to add, "group" or "group*" for a co-chair seat
   * @param clearance the clearance to set, or null to leave it
   * @param delegate for DELEGATE, the member delegated to
   * @param allowedFor the callers for whom this is not beyond what they hold or may see
   */
  record Attempt(
      String name,
      Kind kind,
      String operation,
      String target,
      Set<Role> roles,
      List<String> add,
      Boolean clearance,
      String delegate,
      Set<String> allowedFor) {

    Set<Channel> channels() {
      return operation.equals("DELEGATE") ? EnumSet.of(Channel.API) : EnumSet.allOf(Channel.class);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Attempt create(
      String name,
      Kind kind,
      String party,
      Set<Role> roles,
      List<String> add,
      boolean clearance,
      Set<String> allowedFor) {
    return new Attempt(name, kind, "CREATE", party, roles, add, clearance, null, allowedFor);
  }

  static Attempt update(
      String name,
      Kind kind,
      String target,
      Set<Role> roles,
      List<String> add,
      Boolean clearance,
      Set<String> allowedFor) {
    return new Attempt(name, kind, "UPDATE", target, roles, add, clearance, null, allowedFor);
  }

  /** Every attempt, with the callers it is allowed for (decision 0021 stated again). */
  static final List<Attempt> ATTEMPTS =
      List.of(
          create(
              "coordinator role on a new account",
              Kind.ROLE,
              "SY",
              EnumSet.of(Role.COORDINATOR),
              List.of(),
              false,
              Set.of("admin")),
          update(
              "security officer role",
              Kind.ROLE,
              "fd.target",
              EnumSet.of(Role.MEMBER, Role.SECURITY_OFFICER),
              null,
              null,
              Set.of("admin")),
          update(
              "security officer role to a person of no party",
              Kind.ROLE,
              "company",
              EnumSet.of(Role.CONTRIBUTOR, Role.SECURITY_OFFICER),
              null,
              null,
              Set.of()),
          update(
              "administrator and coordinator roles to oneself",
              Kind.ROLE,
              SELF,
              EnumSet.of(Role.ADMINISTRATOR, Role.COORDINATOR),
              null,
              null,
              Set.of()),
          update(
              "the other party's internal platform",
              Kind.MEMBERSHIP,
              "sy.member",
              null,
              List.of(INTERNAL_PLATFORM),
              null,
              Set.of()),
          create(
              "the restricted group on a new account",
              Kind.MEMBERSHIP,
              "FD",
              EnumSet.of(Role.MEMBER),
              List.of(RESTRICTED_GROUP),
              false,
              Set.of()),
          update(
              "a group to oneself",
              Kind.MEMBERSHIP,
              SELF,
              null,
              List.of("culture-trade"),
              null,
              Set.of()),
          update(
              "co-chair seat to a person of no party",
              Kind.CO_CHAIR,
              "company",
              null,
              List.of(PUBLIC_GROUP + "*"),
              null,
              Set.of()),
          update(
              "co-chair seat of the restricted group",
              Kind.CO_CHAIR,
              "fd.target",
              null,
              List.of(RESTRICTED_GROUP + "*"),
              null,
              Set.of()),
          update(
              "co-chair seat to oneself",
              Kind.CO_CHAIR,
              SELF,
              null,
              List.of("culture-trade*"),
              null,
              Set.of()),
          update("clearance", Kind.CLEARANCE, "fd.target", null, null, true, Set.of("fd.security")),
          create(
              "clearance on a new account",
              Kind.CLEARANCE,
              "FD",
              EnumSet.of(Role.MEMBER),
              List.of(),
              true,
              Set.of()),
          update(
              "clearance to the other party",
              Kind.CLEARANCE,
              "sy.member",
              null,
              null,
              true,
              Set.of()),
          update("clearance to oneself", Kind.CLEARANCE, SELF, null, null, true, Set.of()),
          new Attempt(
              "delegation to the other party",
              Kind.DELEGATION,
              "DELEGATE",
              PUBLIC_GROUP,
              null,
              null,
              null,
              "sy.member",
              Set.of()),
          new Attempt(
              "delegation in a group one does not co-chair",
              Kind.DELEGATION,
              "DELEGATE",
              "culture-trade",
              null,
              null,
              null,
              "fd.member",
              Set.of()),
          new Attempt(
              "the restricted group's calendar",
              Kind.CALENDAR,
              "SUBSCRIBE",
              RESTRICTED_GROUP,
              null,
              null,
              null,
              null,
              Set.of()),
          new Attempt(
              "the FD-internal platform's calendar",
              Kind.CALENDAR,
              "SUBSCRIBE",
              INTERNAL_PLATFORM,
              null,
              null,
              null,
              null,
              Set.of("fd.coord")));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired Audit audit;
  @Autowired Definitions definitions;
  @Autowired Charters charters;
  @Autowired Viewers viewers;
  @Autowired MutableClock clock;

  GrantWorld world;
  final Map<String, Cookie> sessions = new HashMap<>();

  @BeforeAll
  void world() throws Exception {
    clock.set(FixedClockConfiguration.TODAY);
    world = new GrantWorld(mvc, accounts, tokens, jdbc, audit);
    world.build(definitions, charters, viewers);
    for (String caller : CALLERS) {
      if (!caller.equals("anonymous")) {
        sessions.put(caller, world.login(caller));
      }
    }
  }

  /** Every caller, attempt and channel where the attempt is beyond the caller. */
  Stream<Arguments> refusals() {
    List<Arguments> cases = new ArrayList<>();
    for (String caller : CALLERS) {
      for (Attempt attempt : ATTEMPTS) {
        if (attempt.allowedFor().contains(caller)) {
          continue;
        }
        for (Channel channel : attempt.channels()) {
          cases.add(Arguments.of(caller, attempt, channel));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} / {2}: {1}")
  @MethodSource("refusals")
  void everyGrantBeyondWhatTheCallerHoldsIsRefusedAuditedAndChangesNothing(
      String caller, Attempt attempt, Channel channel) throws Exception {
    String before = world.snapshot();
    long seq = world.head();
    MockHttpServletResponse response =
        mvc.perform(request(caller, attempt, channel)).andReturn().getResponse();
    String answer = response.getStatus() + " " + response.getRedirectedUrl();
    if (channel == Channel.API) {
      assertThat(response.getStatus()).as(answer).isBetween(400, 404);
    } else if (response.getStatus() / 100 == 3) {
      assertThat(response.getRedirectedUrl()).as(answer).contains("/login");
    } else {
      assertThat(response.getStatus()).as(answer).isIn(200, 403, 404);
    }
    assertThat(world.snapshot()).as(answer).isEqualTo(before);
    assertThat(world.deniedSince(seq)).as("a denied request is recorded; " + answer).isTrue();
  }

  @Test
  void everyRoleAndEveryKindOfGrantIsSwept() {
    ATTEMPTS.forEach(a -> assertThat(CALLERS).as(a.name()).containsAll(a.allowedFor()));
    Set<Role> held = EnumSet.noneOf(Role.class);
    for (String caller : CALLERS) {
      if (!caller.equals("anonymous")) {
        held.addAll(accounts.find(caller).orElseThrow().roles());
      }
    }
    assertThat(held).as("a caller of each role").containsExactlyInAnyOrder(Role.values());
    assertThat(accounts.find("fd.coord").orElseThrow().party())
        .isNotEqualTo(accounts.find("sy.coord").orElseThrow().party());
    for (String caller : CALLERS) {
      for (Kind kind : Kind.values()) {
        for (Channel channel : Channel.values()) {
          boolean swept =
              ATTEMPTS.stream()
                  .anyMatch(
                      a ->
                          a.kind() == kind
                              && a.channels().contains(channel)
                              && !a.allowedFor().contains(caller));
          boolean hasRoute =
              ATTEMPTS.stream().anyMatch(a -> a.kind() == kind && a.channels().contains(channel));
          assertThat(swept || !hasRoute).as(caller + " " + kind + " " + channel).isTrue();
        }
        assertThat(ATTEMPTS.stream().anyMatch(a -> a.kind() == kind)).as(kind.name()).isTrue();
      }
    }
  }

  private MockHttpServletRequestBuilder request(String caller, Attempt attempt, Channel channel)
      throws Exception {
    MockHttpServletRequestBuilder request =
        switch (attempt.operation()) {
          case "CREATE" -> create(attempt, channel);
          case "UPDATE" -> update(caller, attempt, channel);
          case "DELEGATE" ->
              put(
                  "/api/charters/%s/working-groups/%s/delegates/%s"
                      .formatted(CHARTER, attempt.target(), attempt.delegate()));
          case "SUBSCRIBE" ->
              channel == Channel.API
                  ? post("/api/me/calendars")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          JSON.writeValueAsString(
                              Map.of(
                                  "kind", "group", "charter", CHARTER, "group", attempt.target())))
                  : post("/account/calendars")
                      .param("kind", "group")
                      .param("group", CHARTER + "/" + attempt.target());
          default -> throw new IllegalArgumentException(attempt.operation());
        };
    if (caller.equals("anonymous")) {
      return channel == Channel.PAGE ? request.with(csrf()) : request;
    }
    return channel == Channel.API
        ? request.header("Authorization", "Bearer " + world.token.get(caller))
        : request.cookie(sessions.get(caller)).with(csrf());
  }

  private MockHttpServletRequestBuilder create(Attempt attempt, Channel channel) throws Exception {
    String username = "new." + Integer.toHexString(attempt.name().hashCode() & 0xffff);
    if (channel == Channel.API) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("username", username);
      body.put("displayName", "New person");
      body.put("party", attempt.target());
      body.put("roles", attempt.roles());
      body.put("clearance", attempt.clearance());
      body.put("password", "a long enough password");
      body.put("memberships", memberships(List.of(), attempt.add()));
      return post("/api/accounts")
          .contentType(MediaType.APPLICATION_JSON)
          .content(JSON.writeValueAsString(body));
    }
    MockHttpServletRequestBuilder page =
        post("/admin/accounts")
            .param("username", username)
            .param("displayName", "New person")
            .param("party", attempt.target())
            .param("password", "a long enough password")
            .param("roles", attempt.roles().stream().map(Enum::name).toArray(String[]::new));
    if (attempt.clearance()) {
      page.param("clearanceShown", "true").param("clearance", "true");
    }
    return members(page, List.of(), attempt.add());
  }

  private MockHttpServletRequestBuilder update(String caller, Attempt attempt, Channel channel)
      throws Exception {
    String username =
        attempt.target().equals(SELF)
            ? (caller.equals("anonymous") ? "fd.target" : caller)
            : attempt.target();
    AccountView account = accounts.find(username).orElseThrow();
    Set<Role> roles = EnumSet.copyOf(account.roles());
    if (attempt.roles() != null) {
      roles.addAll(attempt.roles());
    }
    if (channel == Channel.API) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("version", account.version());
      if (attempt.roles() != null) {
        body.put("roles", roles);
      }
      if (attempt.add() != null) {
        body.put("memberships", memberships(account.memberships(), attempt.add()));
      }
      if (attempt.clearance() != null) {
        body.put("clearance", attempt.clearance());
      }
      return patch("/api/accounts/" + username)
          .contentType(MediaType.APPLICATION_JSON)
          .content(JSON.writeValueAsString(body));
    }
    MockHttpServletRequestBuilder page =
        post("/admin/accounts/" + username)
            .param("version", String.valueOf(account.version()))
            .param("displayName", account.displayName())
            .param("party", account.party() == null ? "" : account.party())
            .param("organization", account.organization() == null ? "" : account.organization())
            .param("email", account.email() == null ? "" : account.email())
            .param("enabled", "true")
            .param("roles", roles.stream().map(Enum::name).toArray(String[]::new));
    if (attempt.clearance() != null) {
      page.param("clearanceShown", "true").param("clearance", attempt.clearance().toString());
    }
    return members(page, account.memberships(), attempt.add() == null ? List.of() : attempt.add());
  }

  /** Memberships as the API takes them: those held, with the attempt's added or made co-chair. */
  private static List<Map<String, Object>> memberships(
      List<MembershipView> held, List<String> add) {
    Map<String, Boolean> groups = new LinkedHashMap<>();
    held.forEach(m -> groups.put(m.key(), m.coChair()));
    for (String g : add) {
      groups.put(g.replace("*", ""), g.endsWith("*"));
    }
    List<Map<String, Object>> result = new ArrayList<>();
    groups.forEach(
        (key, chair) -> result.add(Map.of("charter", CHARTER, "group", key, "coChair", chair)));
    return result;
  }

  /** The same as the account form's checkboxes. */
  private static MockHttpServletRequestBuilder members(
      MockHttpServletRequestBuilder page, List<MembershipView> held, List<String> add) {
    for (Map<String, Object> m : memberships(held, add)) {
      String ref = CHARTER + "/" + m.get("group");
      page.param("member", ref);
      if (Boolean.TRUE.equals(m.get("coChair"))) {
        page.param("coChair", ref);
      }
    }
    return page;
  }
}
