package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.identity.GrantWorld.CHARTER;
import static org.entente.identity.GrantWorld.INTERNAL_PLATFORM;
import static org.entente.identity.GrantWorld.PLATFORM_CANARY;
import static org.entente.identity.GrantWorld.PUBLIC_GROUP;
import static org.entente.identity.GrantWorld.RESTRICTED_GROUP;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.charter.Charters;
import org.entente.definition.Definitions;
import org.entente.shared.Paging;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Finding 2 of issue 16, as reproduced: a coordinator was given every group (the other party's
 * internal platform to subscribe to, see and give), and could give clearance; and finding 3's
 * account with no role. Decision 0021 says who may give what.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoMayGrantTest {

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

  @BeforeAll
  void world() {
    clock.set(FixedClockConfiguration.TODAY);
    world = new GrantWorld(mvc, accounts, tokens, jdbc, audit);
    world.build(definitions, charters, viewers);
  }

  private MockHttpServletResponse api(
      MockHttpServletRequestBuilder request, String who, String json) throws Exception {
    request.header("Authorization", "Bearer " + world.token.get(who));
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private long version(String username) {
    return accounts.find(username).orElseThrow().version();
  }

  @Test
  void aCoordinatorCannotSubscribeToTheOtherPartysInternalPlatformAndTheAttemptIsAudited()
      throws Exception {
    String before = world.snapshot();
    long seq = world.head();
    MockHttpServletResponse response =
        api(
            post("/api/me/calendars"),
            "sy.coord",
            """
            {"kind":"group","charter":"%s","group":"%s"}"""
                .formatted(CHARTER, INTERNAL_PLATFORM));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).doesNotContain(PLATFORM_CANARY);
    assertThat(world.snapshot()).isEqualTo(before);
    assertThat(world.deniedSince(seq)).isTrue();
    // the coordinator of the platform's own party may
    assertThat(
            api(
                    post("/api/me/calendars"),
                    "fd.coord",
                    """
                    {"kind":"group","charter":"%s","group":"%s"}"""
                        .formatted(CHARTER, INTERNAL_PLATFORM))
                .getStatus())
        .isEqualTo(201);
  }

  @Test
  void theOtherPartysInternalPlatformIsNamedNowhereToACoordinatorOrToAMemberGivenItBeforeTheRule()
      throws Exception {
    // a membership given before the rule existed, as the finding left it
    UUID platform =
        jdbc.sql("select id from dialogue_platform where code = ?")
            .param(INTERNAL_PLATFORM)
            .query(UUID.class)
            .single();
    jdbc.sql(
            "insert into membership (account_id, group_id, group_kind, co_chair, approves,"
                + " created_at) values ((select id from account where username = 'sy.member'),"
                + " ?, 'DIALOGUE_PLATFORM', false, false, current_timestamp)")
        .param(platform)
        .update();
    try {
      Cookie coordinator = world.login("sy.coord");
      for (String page :
          List.of(
              "/admin/accounts",
              "/admin/accounts/new",
              "/admin/accounts/sy.member",
              "/account/calendars")) {
        assertThat(mvc.perform(get(page).cookie(coordinator)).andReturn().getResponse())
            .as(page)
            .satisfies(r -> assertThat(r.getStatus()).isEqualTo(200))
            .satisfies(r -> assertThat(r.getContentAsString()).doesNotContain(PLATFORM_CANARY));
      }
      for (String who : List.of("sy.coord", "sy.member")) {
        for (String path : List.of("/api/me", "/api/accounts", "/api/me/calendars")) {
          MockHttpServletResponse r = api(get(path), who, null);
          assertThat(r.getContentAsString()).as(who + " " + path).doesNotContain(PLATFORM_CANARY);
        }
      }
      assertThat(api(get("/api/accounts/sy.member"), "sy.coord", null).getContentAsString())
          .doesNotContain(PLATFORM_CANARY)
          .doesNotContain(INTERNAL_PLATFORM);
      // nor may the member so given subscribe to it
      assertThat(
              api(
                      post("/api/me/calendars"),
                      "sy.member",
                      """
                      {"kind":"group","charter":"%s","group":"%s"}"""
                          .formatted(CHARTER, INTERNAL_PLATFORM))
                  .getStatus())
          .isEqualTo(400);
    } finally {
      jdbc.sql("delete from membership where group_id = ?").param(platform).update();
    }
  }

  @Test
  void aCoordinatorCannotMakeTheirPartysAccountsMembersOfTheOtherPartysInternalPlatform()
      throws Exception {
    String before = world.snapshot();
    long seq = world.head();
    String create =
        """
        {"username":"sy.new","displayName":"SY new","party":"SY","roles":["MEMBER"],
         "password":"a long enough password",
         "memberships":[{"charter":"%s","group":"%s"}]}"""
            .formatted(CHARTER, INTERNAL_PLATFORM);
    assertThat(api(post("/api/accounts"), "sy.coord", create).getStatus()).isBetween(400, 404);
    String change =
        """
        {"version":%d,"memberships":[{"charter":"%s","group":"%s"},{"charter":"%s","group":"%s"}]}"""
            .formatted(version("sy.member"), CHARTER, PUBLIC_GROUP, CHARTER, INTERNAL_PLATFORM);
    assertThat(api(patch("/api/accounts/sy.member"), "sy.coord", change).getStatus())
        .isBetween(400, 404);
    // nor may an administrator, nor the platform's own coordinator give it to the other party
    assertThat(api(patch("/api/accounts/sy.member"), "admin", change).getStatus())
        .isBetween(400, 404);
    assertThat(api(patch("/api/accounts/sy.member"), "fd.coord", change).getStatus())
        .isEqualTo(404);
    Cookie coordinator = world.login("sy.coord");
    mvc.perform(
        post("/admin/accounts")
            .cookie(coordinator)
            .with(csrf())
            .param("username", "sy.new")
            .param("displayName", "SY new")
            .param("party", "SY")
            .param("roles", "MEMBER")
            .param("password", "a long enough password")
            .param("member", CHARTER + "/" + INTERNAL_PLATFORM));
    assertThat(world.snapshot()).isEqualTo(before);
    assertThat(world.deniedSince(seq)).isTrue();
  }

  @Test
  void aCoordinatorCannotGiveClearanceNorMakeACoChairOfTheRestrictedGroup() throws Exception {
    String before = world.snapshot();
    long seq = world.head();
    String cleared =
        """
        {"username":"fd.mole","displayName":"Mole","party":"FD","roles":["CO_CHAIR"],
         "clearance":true,"password":"a long enough password",
         "memberships":[{"charter":"%s","group":"%s","coChair":true}]}"""
            .formatted(CHARTER, RESTRICTED_GROUP);
    MockHttpServletResponse refused = api(post("/api/accounts"), "fd.coord", cleared);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("clearance");
    String uncleared = cleared.replace("\"clearance\":true", "\"clearance\":false");
    assertThat(api(post("/api/accounts"), "fd.coord", uncleared).getStatus()).isEqualTo(403);
    assertThat(api(post("/api/accounts"), "admin", cleared).getStatus()).isEqualTo(403);
    assertThat(api(post("/api/accounts"), "admin", uncleared).getStatus()).isEqualTo(403);
    for (String who : List.of("fd.coord", "admin")) {
      assertThat(
              api(
                      patch("/api/accounts/fd.target"),
                      who,
                      "{\"version\":%d,\"clearance\":true}".formatted(version("fd.target")))
                  .getStatus())
          .as(who)
          .isEqualTo(403);
    }
    Cookie admin = world.login("admin");
    mvc.perform(
        post("/admin/accounts")
            .cookie(admin)
            .with(csrf())
            .param("username", "fd.mole")
            .param("displayName", "Mole")
            .param("party", "FD")
            .param("roles", "CO_CHAIR")
            .param("clearance", "true")
            .param("password", "a long enough password"));
    assertThat(accounts.find("fd.mole")).isEmpty();
    assertThat(world.snapshot()).isEqualTo(before);
    assertThat(world.deniedSince(seq)).isTrue();
  }

  @Test
  void aSecurityOfficerGivesAndRemovesClearanceToTheirOwnPartyOnlyAndEachIsAudited()
      throws Exception {
    person("fd.analyst", "FD");
    person("sy.analyst", "SY");
    assertThat(
            api(
                    patch("/api/accounts/fd.analyst"),
                    "fd.security",
                    "{\"version\":%d,\"clearance\":true}".formatted(version("fd.analyst")))
                .getStatus())
        .isEqualTo(200);
    assertThat(accounts.find("fd.analyst").orElseThrow().clearance()).isTrue();
    assertThat(lastEvent("clearance.granted")).contains("fd.analyst").contains("fd.security");
    assertThat(
            api(
                    patch("/api/accounts/fd.analyst"),
                    "fd.security",
                    "{\"version\":%d,\"clearance\":false}".formatted(version("fd.analyst")))
                .getStatus())
        .isEqualTo(200);
    assertThat(accounts.find("fd.analyst").orElseThrow().clearance()).isFalse();
    assertThat(lastEvent("clearance.removed")).contains("fd.analyst").contains("fd.security");

    // not to the other party, not anything else, not themselves
    assertThat(
            api(
                    patch("/api/accounts/sy.analyst"),
                    "fd.security",
                    "{\"version\":%d,\"clearance\":true}".formatted(version("sy.analyst")))
                .getStatus())
        .isEqualTo(404);
    assertThat(
            api(
                    patch("/api/accounts/fd.analyst"),
                    "fd.security",
                    "{\"version\":%d,\"roles\":[\"COORDINATOR\"]}".formatted(version("fd.analyst")))
                .getStatus())
        .isEqualTo(403);
    assertThat(
            api(
                    patch("/api/accounts/fd.security"),
                    "fd.security",
                    "{\"version\":%d,\"clearance\":true}".formatted(version("fd.security")))
                .getStatus())
        .isEqualTo(403);
    assertThat(accounts.find("fd.security").orElseThrow().clearance()).isFalse();
    assertThat(accounts.find("sy.analyst").orElseThrow().clearance()).isFalse();
  }

  @Test
  void onlyAnAdministratorNamesASecurityOfficerAndNobodyChangesTheirOwnRoles() throws Exception {
    person("fd.officer", "FD");
    String officer =
        "{\"version\":%d,\"roles\":[\"MEMBER\",\"SECURITY_OFFICER\"]}"
            .formatted(version("fd.officer"));
    assertThat(api(patch("/api/accounts/fd.officer"), "fd.coord", officer).getStatus())
        .isEqualTo(403);
    assertThat(api(patch("/api/accounts/fd.officer"), "admin", officer).getStatus()).isEqualTo(200);
    assertThat(accounts.find("fd.officer").orElseThrow().roles()).contains(Role.SECURITY_OFFICER);
    assertThat(
            api(
                    patch("/api/accounts/admin"),
                    "admin",
                    "{\"version\":%d,\"roles\":[\"ADMINISTRATOR\",\"SECURITY_OFFICER\"]}"
                        .formatted(version("admin")))
                .getStatus())
        .isEqualTo(403);
    assertThat(accounts.find("admin").orElseThrow().roles()).containsExactly(Role.ADMINISTRATOR);
  }

  @Test
  void aCoChairDelegatesOnlyToAMemberOfTheirPartyWhoMayReadTheGroup() throws Exception {
    String before = world.snapshot();
    long seq = world.head();
    String path = "/api/charters/" + CHARTER + "/working-groups/" + PUBLIC_GROUP + "/delegates/";
    assertThat(api(put(path + "sy.member"), "fd.chair", null).getStatus()).isEqualTo(403);
    assertThat(api(put(path + "fd.target"), "fd.member", null).getStatus()).isEqualTo(403);
    assertThat(world.snapshot()).isEqualTo(before);
    assertThat(world.deniedSince(seq)).isTrue();
  }

  @Test
  void anAccountWithNoRoleIsA400NamingTheFieldOnTheApiAndAFormErrorOnThePage() throws Exception {
    String before = world.snapshot();
    for (String roles : List.of("", "\"roles\":[],", "\"roles\":null,")) {
      MockHttpServletResponse response =
          api(
              post("/api/accounts"),
              "admin",
              """
              {"username":"no.role","displayName":"No role","party":"FD",%s
               "password":"a long enough password"}"""
                  .formatted(roles));
      assertThat(response.getStatus()).as(roles).isEqualTo(400);
      assertThat(response.getContentType()).contains("application/problem+json");
      assertThat(response.getContentAsString()).contains("\"field\":\"roles\"");
    }
    Cookie admin = world.login("admin");
    for (String[] roles : List.of(new String[] {}, new String[] {""})) {
      var request =
          post("/admin/accounts")
              .cookie(admin)
              .with(csrf())
              .param("username", "no.role")
              .param("displayName", "Typed name")
              .param("party", "FD")
              .param("password", "a long enough password");
      if (roles.length > 0) {
        request.param("roles", roles);
      }
      MockHttpServletResponse page = mvc.perform(request).andReturn().getResponse();
      assertThat(page.getStatus()).isEqualTo(200);
      assertThat(page.getContentAsString()).contains("at least one role").contains("Typed name");
    }
    assertThat(world.snapshot()).isEqualTo(before);
  }

  private void person(String username, String party) {
    world.person(username, party, java.util.Set.of(Role.MEMBER), false);
  }

  private String lastEvent(String action) {
    return audit.events("account", null, null, new Paging(0, 20)).items().stream()
        .filter(e -> e.action().equals(action))
        .findFirst()
        .map(e -> e.actor() + " " + e.details())
        .orElse("");
  }
}
