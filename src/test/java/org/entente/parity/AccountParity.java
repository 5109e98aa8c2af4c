package org.entente.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.entente.parity.ParityScenarios.World;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The walks of accounts and of what is a person's own: calendar subscriptions, reminder settings
 * and notifications (issue 18's parity test). What is a person's own is changed through the API by
 * the person and through the form by their twin, so that both start from the same state.
 */
final class AccountParity {

  private static final String C = ParityScenarios.C;
  private static final String GROUP = ParityScenarios.GROUP;
  private static final String OPERATOR = "test-operator-token-0123456789abcdef";

  private AccountParity() {}

  static void createAccount(Parity p, World world) throws Exception {
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/accounts",
            """
            {"username":"zx.api","displayName":"Leyla Mammadova","party":"US",
             "organization":"United States","email":"leyla@example.org",
             "roles":["MEMBER"],"clearance":false,"password":"a long enough password 1",
             "memberships":[{"charter":"%s","group":"%s","coChair":false}]}
            """
                .formatted(C, GROUP));
    Parity.Call form =
        p.form(
            "/admin/accounts",
            "username",
            "zx.form",
            "displayName",
            "Leyla Mammadova",
            "party",
            "US",
            "organization",
            "United States",
            "email",
            "leyla@example.org",
            "roles",
            "MEMBER",
            "password",
            "a long enough password 1",
            "member",
            C + "/" + GROUP);
    p.alias("zx.api", "zx.form");
    p.sameRecord(p.read("/api/accounts/zx.api"), p.read("/api/accounts/zx.form"));
    p.sameEvents(api, form);
  }

  static void changeAccount(Parity p, World world) throws Exception {
    for (String username : List.of("zx.api", "zx.form")) {
      world
          .people()
          .person(username)
          .party("US")
          .organization("United States")
          .role(org.entente.identity.Role.MEMBER)
          .memberOf(C, GROUP)
          .create();
    }
    p.alias("zx.api", "zx.form");
    long version = ((Number) p.read("/api/accounts/zx.api").get("version")).longValue();
    Parity.Call api =
        p.api(
            HttpMethod.PATCH,
            "/api/accounts/zx.api",
            """
            {"displayName":"Leyla M.","organization":"United States","party":"US",
             "roles":["MEMBER","CONTRIBUTOR"],"clearance":false,"enabled":true,"version":%d,
             "email":"leyla.m@example.org",
             "memberships":[{"charter":"%s","group":"%s","coChair":false},
                            {"charter":"%s","group":"%s","coChair":false}]}
            """
                .formatted(version, C, GROUP, C, ParityScenarios.OTHER_GROUP));
    Parity.Call form =
        p.form(
            MockMvcRequestBuilders.post("/admin/accounts/zx.form")
                .param("displayName", "Leyla M.")
                .param("organization", "United States")
                .param("party", "US")
                .param("roles", "MEMBER", "CONTRIBUTOR")
                .param("clearanceShown", "true")
                .param("enabled", "true")
                .param("version", Long.toString(version))
                .param("email", "leyla.m@example.org")
                .param("member", C + "/" + GROUP, C + "/" + ParityScenarios.OTHER_GROUP),
            "form /admin/accounts/zx.form");
    Map<String, Object> changed = p.read("/api/accounts/zx.form");
    assertThat(changed).containsEntry("displayName", "Leyla M.");
    p.sameRecord(p.read("/api/accounts/zx.api"), changed);
    p.sameEvents(api, form);
  }

  static void subscribe(Parity p, World world) throws Exception {
    Parity twin = world.twin();
    Parity.Call api = p.api(HttpMethod.POST, "/api/me/calendars", "{\"kind\":\"person\"}");
    Parity.Call form = twin.form("/account/calendars", "kind", "person");
    p.alias("us.official", "us.twin");
    p.sameRecord(p.readAny("/api/me/calendars"), twin.readAny("/api/me/calendars"));
    p.sameEvents(api, form);
  }

  static void revoke(Parity p, World world) throws Exception {
    Parity twin = world.twin();
    String mine =
        JsonPath.read(
            p.api(HttpMethod.POST, "/api/me/calendars", "{\"kind\":\"person\"}").body(),
            "$.feed.id");
    String theirs =
        JsonPath.read(
            twin.api(HttpMethod.POST, "/api/me/calendars", "{\"kind\":\"person\"}").body(),
            "$.feed.id");
    Parity.Call api = p.api(HttpMethod.DELETE, "/api/me/calendars/" + mine, null);
    Parity.Call form = twin.form("/account/calendars/" + theirs + "/revoke");
    p.alias("us.official", "us.twin");
    p.sameRecord(p.readAny("/api/me/calendars"), twin.readAny("/api/me/calendars"));
    p.sameEvents(api, form);
  }

  static void reminders(Parity p, World world) throws Exception {
    Parity twin = world.twin();
    Parity.Call api =
        p.api(
            HttpMethod.PUT,
            "/api/me/reminders",
            "{\"daysAhead\":21,\"byEmail\":true,\"enabled\":true,\"version\":0}");
    Parity.Call form =
        twin.form(
            "/account/reminders",
            "daysAhead",
            "21",
            "byEmail",
            "true",
            "enabled",
            "true",
            "version",
            "0");
    p.alias("us.official", "us.twin");
    Map<String, Object> changed = twin.read("/api/me/reminders");
    assertThat(changed).containsEntry("daysAhead", 21);
    p.sameRecord(p.read("/api/me/reminders"), changed);
    p.sameEvents(api, form);
  }

  static void readNotification(Parity p, World world) throws Exception {
    Parity twin = world.twin();
    String meeting = MeetingParity.meeting(p);
    for (String owner : List.of("us.official", "us.twin")) {
      p.api(
          HttpMethod.POST,
          "/api/meetings/" + meeting + "/action-items",
          """
          {"title":"Send the survey","ownerUsername":"%s","dueOn":"2026-12-01"}
          """
              .formatted(owner));
    }
    org.springframework.mock.web.MockHttpServletResponse run =
        world
            .mvc()
            .perform(
                MockMvcRequestBuilders.post("/api/reminders/run")
                    .header("Authorization", "Bearer " + OPERATOR))
            .andReturn()
            .getResponse();
    assertThat(run.getStatus()).as(run.getContentAsString()).isEqualTo(200);
    String mine = JsonPath.read(p.readText("/api/me/notifications"), "$[0].id");
    String theirs = JsonPath.read(twin.readText("/api/me/notifications"), "$[0].id");
    Parity.Call api = p.api(HttpMethod.POST, "/api/me/notifications/" + mine + "/read", null);
    Parity.Call form = twin.form("/account/notifications/" + theirs + "/read");
    p.alias("us.official", "us.twin");
    p.sameRecord(
        p.read("/api/me/notifications/" + mine), twin.read("/api/me/notifications/" + theirs));
    p.sameEvents(api, form);
  }
}
