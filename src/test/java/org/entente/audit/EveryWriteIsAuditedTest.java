package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.shared.Paging;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every write through a page or the API, every login, logout and refusal appends exactly one event
 * to the audit trail, naming what happened.
 */
@EntenteTest
class EveryWriteIsAuditedTest {

  static final String PASSWORD = "correct horse battery";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Audit audit;

  private MockHttpServletResponse expectOneEvent(
      String action, int status, MockHttpServletRequestBuilder request) throws Exception {
    long before = audit.head().seq();
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus())
        .as(action + ": " + response.getContentAsString())
        .isEqualTo(status);
    assertThat(audit.head().seq()).as(action).isEqualTo(before + 1);
    assertThat(audit.events(null, null, null, new Paging(0, 1)).items().get(0).action())
        .isEqualTo(action);
    return response;
  }

  @Test
  void eachWriteLoginLogoutAndRefusalAppendsOneEvent() throws Exception {
    String setup = accounts.issueSetupToken().orElseThrow();
    expectOneEvent(
        "account.created",
        302,
        post("/setup")
            .with(csrf())
            .param("token", setup)
            .param("username", "admin")
            .param("displayName", "Admin")
            .param("password", PASSWORD)
            .param("confirmPassword", PASSWORD));
    expectOneEvent(
        "login.failed",
        302,
        post("/login")
            .with(csrf())
            .param("username", "admin")
            .param("password", "wrong password!"));
    Cookie session =
        expectOneEvent(
                "login.succeeded",
                302,
                post("/login").with(csrf()).param("username", "admin").param("password", PASSWORD))
            .getCookie("SESSION");
    MockHttpServletResponse token =
        expectOneEvent(
            "token.created",
            200,
            post("/account/tokens")
                .cookie(session)
                .with(csrf())
                .param("name", "laptop")
                .param("scope", "WRITE")
                .param("days", "30"));
    String secret = tokens.create("admin", "api", AccessTokens.Scope.WRITE, 30).secret();
    String id =
        tokens.list("admin").stream()
            .filter(t -> t.name().equals("laptop"))
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    assertThat(token.getContentAsString()).contains("ent_");
    expectOneEvent(
        "token.revoked",
        302,
        post("/account/tokens/" + id + "/revoke").cookie(session).with(csrf()));
    expectOneEvent(
        "account.created",
        302,
        post("/admin/accounts")
            .cookie(session)
            .with(csrf())
            .param("username", "az.member")
            .param("displayName", "AZ member")
            .param("party", "AZ")
            .param("roles", "MEMBER")
            .param("member", "az-us-2026/wg-energy")
            .param("password", PASSWORD));
    expectOneEvent(
        "account.updated",
        302,
        post("/admin/accounts/az.member")
            .cookie(session)
            .with(csrf())
            .param("displayName", "AZ member, energy")
            .param("party", "AZ")
            .param("roles", "MEMBER")
            .param("member", "az-us-2026/wg-energy")
            .param("enabled", "true")
            .param("version", String.valueOf(accounts.find("az.member").orElseThrow().version())));
    expectOneEvent(
        "account.created",
        201,
        post("/api/accounts")
            .header("Authorization", "Bearer " + secret)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"username\":\"us.member\",\"displayName\":\"US member\",\"party\":\"US\","
                    + "\"roles\":[\"MEMBER\"],\"password\":\""
                    + PASSWORD
                    + "\",\"memberships\":[{\"charter\":\"az-us-2026\",\"group\":\"wg-energy\"}]}"));
    expectOneEvent(
        "account.updated",
        200,
        patch("/api/accounts/us.member")
            .header("Authorization", "Bearer " + secret)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"organization\":\"Department of Energy\",\"version\":0}"));
    String member = tokens.create("us.member", "api", AccessTokens.Scope.WRITE, 30).secret();
    MockHttpServletResponse recorded =
        expectOneEvent(
            "event.recorded",
            201,
            post("/api/charters/az-us-2026/events")
                .header("Authorization", "Bearer " + member)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"meeting-held\",\"subject\":\"wg-energy\",\"occurredOn\":\"2026-10-01\"}"));
    String event = JsonPath.read(recorded.getContentAsString(), "$.id");
    expectOneEvent(
        "event.updated",
        200,
        patch("/api/charters/az-us-2026/events/" + event)
            .header("Authorization", "Bearer " + member)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"First meeting of the energy group\",\"version\":0}"));
    // the translation workflow (issue 19): a statement's translation saved through the API, then
    // through the side-by-side editor's form
    MockHttpServletResponse meeting =
        mvc.perform(
                post("/api/charters/az-us-2026/meetings")
                    .header("Authorization", "Bearer " + member)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"body\":\"working-group\",\"bodyKey\":\"wg-energy\",\"title\":\"Grid"
                            + " review\",\"startsAt\":\"2026-12-10T10:00\",\"endsAt\":"
                            + "\"2026-12-10T12:00\",\"timeZone\":\"Asia/Baku\"}"))
            .andReturn()
            .getResponse();
    String meetingId = JsonPath.read(meeting.getContentAsString(), "$.id");
    mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/meetings/" + meetingId + "/statement")
            .header("Authorization", "Bearer " + member)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"text\":{\"en\":\"The grid link is agreed.\"}}"));
    expectOneEvent(
        "joint-statement.translated",
        200,
        translationByApi("joint-statement", meetingId, member, "Şəbəkə xətti razılaşdırılıb.", 0));
    Cookie memberSession =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .param("username", "us.member")
                    .param("password", PASSWORD))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    expectOneEvent(
        "joint-statement.translated",
        302,
        translationByForm(
            "joint-statement",
            meetingId,
            memberSession,
            "Şəbəkə xətti barədə razılığa gəlinib.",
            1));
    // a meeting's title translated through the API, then a decision of it through the editor's
    // form, and an action item's title through the API
    expectOneEvent(
        "meeting.translated",
        200,
        translationByApi("meeting-title", meetingId, member, "Şəbəkənin icmalı", 0));
    MockHttpServletResponse decided =
        mvc.perform(
                post("/api/meetings/" + meetingId + "/decisions")
                    .header("Authorization", "Bearer " + member)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\":\"The grid link is reviewed.\"}"))
            .andReturn()
            .getResponse();
    String decisionId = JsonPath.read(decided.getContentAsString(), "$.decisions[0].id");
    expectOneEvent(
        "meeting.translated",
        302,
        translationByForm(
            "meeting-decision", decisionId, memberSession, "Şəbəkə xətti nəzərdən keçirildi.", 1));
    MockHttpServletResponse action =
        mvc.perform(
                post("/api/meetings/" + meetingId + "/action-items")
                    .header("Authorization", "Bearer " + member)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\":\"Send the grid data\",\"ownerUsername\":\"us.member\","
                            + "\"dueOn\":\"2026-12-20\"}"))
            .andReturn()
            .getResponse();
    assertThat(action.getStatus()).as(action.getContentAsString()).isEqualTo(201);
    expectOneEvent(
        "action-item.translated",
        200,
        translationByApi(
            "meeting-action-item",
            JsonPath.read(action.getContentAsString(), "$.id"),
            member,
            "Şəbəkə məlumatlarını göndərmək",
            0));
    // a project's title translated through the API, then its description through the editor's form
    MockHttpServletResponse project =
        mvc.perform(
                post("/api/charters/az-us-2026/working-groups/wg-energy/projects")
                    .header("Authorization", "Bearer " + member)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\"grid-audit\",\"title\":{\"en\":\"Grid audit\"},"
                            + "\"description\":{\"en\":\"An audit of the grid.\"},"
                            + "\"commitments\":[\"middle-corridor\"]}"))
            .andReturn()
            .getResponse();
    assertThat(project.getStatus()).as(project.getContentAsString()).isEqualTo(201);
    String projectId = JsonPath.read(project.getContentAsString(), "$.id");
    expectOneEvent(
        "project.translated",
        200,
        translationByApi("project-title", projectId, member, "Şəbəkə auditi", 0));
    expectOneEvent(
        "project.translated",
        302,
        translationByForm("project-description", projectId, memberSession, "Şəbəkənin auditi.", 1));
    // a milestone's title translated through the API, then again through the editor's form
    MockHttpServletResponse milestone =
        mvc.perform(
                post("/api/charters/az-us-2026/working-groups/wg-energy/roadmap/milestones")
                    .header("Authorization", "Bearer " + member)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\"grid-audit-done\",\"title\":{\"en\":\"Grid audit done\"},"
                            + "\"plannedStart\":\"2027-01-01\",\"plannedEnd\":\"2027-02-01\"}"))
            .andReturn()
            .getResponse();
    assertThat(milestone.getStatus()).as(milestone.getContentAsString()).isEqualTo(201);
    String milestoneId = JsonPath.read(milestone.getContentAsString(), "$.id");
    expectOneEvent(
        "milestone.translated",
        200,
        translationByApi("milestone-title", milestoneId, member, "Şəbəkə auditi başa çatıb", 0));
    expectOneEvent(
        "milestone.translated",
        302,
        translationByForm(
            "milestone-title", milestoneId, memberSession, "Şəbəkənin auditi başa çatıb", 1));
    // an indicator's unit translated through the API, then its definition through the editor's form
    MockHttpServletResponse indicator =
        mvc.perform(
                post("/api/charters/az-us-2026/indicators")
                    .header("Authorization", "Bearer " + member)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\"grid-losses\",\"name\":{\"en\":\"Grid losses\"},"
                            + "\"unit\":{\"en\":\"per cent\"},\"definition\":\"Losses in the grid\","
                            + "\"direction\":\"lower\",\"workingGroup\":\"wg-energy\"}"))
            .andReturn()
            .getResponse();
    assertThat(indicator.getStatus()).as(indicator.getContentAsString()).isEqualTo(201);
    String indicatorId = JsonPath.read(indicator.getContentAsString(), "$.id");
    expectOneEvent(
        "indicator.translated",
        200,
        translationByApi("indicator-unit", indicatorId, member, "faiz", 0));
    expectOneEvent(
        "indicator.translated",
        302,
        translationByForm(
            "indicator-definition", indicatorId, memberSession, "Şəbəkədə itkilər", 1));
    // a proposed dialogue platform's name translated through the API, then its purpose through the
    // editor's form
    MockHttpServletResponse platform =
        mvc.perform(
                post("/api/charters/az-us-2026/dialogue-platforms")
                    .header("Authorization", "Bearer " + member)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\"grid-dialogue\",\"name\":{\"en\":\"Grid dialogue\"},"
                            + "\"purpose\":{\"en\":\"The grid link\"}}"))
            .andReturn()
            .getResponse();
    assertThat(platform.getStatus()).as(platform.getContentAsString()).isEqualTo(201);
    String queue =
        mvc.perform(
                get("/api/charters/az-us-2026/translations/az")
                    .header("Authorization", "Bearer " + member))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String platformId =
        JsonPath.<java.util.List<String>>read(queue, "$.items[?(@.subject=='platform-name')].key")
            .get(0);
    // a saved translation changes the proposal, so its agreement gets a new version too: two
    // events,
    // the translation's and the agreement's, as a revision of the proposal appends
    for (MockHttpServletRequestBuilder translation :
        List.of(
            translationByApi("platform-name", platformId, member, "Şəbəkə dialoqu", 1),
            translationByForm("platform-purpose", platformId, memberSession, "Şəbəkə xətti", 2))) {
      long before = audit.head().seq();
      MockHttpServletResponse saved = mvc.perform(translation).andReturn().getResponse();
      assertThat(saved.getStatus()).as(saved.getContentAsString()).isIn(200, 302);
      assertThat(audit.head().seq()).isEqualTo(before + 2);
      assertThat(
              audit.events(null, null, null, new Paging(0, 2)).items().stream()
                  .map(e -> e.action())
                  .toList())
          .containsExactlyInAnyOrder("dialogue-platform.translated", "agreement.revised");
    }
    // calendars and reminders
    MockHttpServletResponse calendar =
        expectOneEvent(
            "calendar.created",
            201,
            post("/api/me/calendars")
                .header("Authorization", "Bearer " + member)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"person\"}"));
    expectOneEvent(
        "calendar.revoked",
        204,
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                "/api/me/calendars/" + JsonPath.read(calendar.getContentAsString(), "$.feed.id"))
            .header("Authorization", "Bearer " + member));
    expectOneEvent(
        "reminder.preferences",
        200,
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/me/reminders")
            .header("Authorization", "Bearer " + member)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"daysAhead\":30}"));
    long beforeRun = audit.head().seq();
    MockHttpServletResponse run =
        mvc.perform(
                post("/api/reminders/run")
                    .header("Authorization", "Bearer test-operator-token-0123456789abcdef"))
            .andReturn()
            .getResponse();
    int made = JsonPath.read(run.getContentAsString(), "$.made");
    assertThat(made).isPositive();
    assertThat(audit.head().seq()).as("one event per digest").isEqualTo(beforeRun + made);
    String digest =
        JsonPath.read(
            mvc.perform(get("/api/me/notifications").header("Authorization", "Bearer " + member))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$[0].id");
    expectOneEvent(
        "notification.read",
        200,
        post("/api/me/notifications/" + digest + "/read")
            .header("Authorization", "Bearer " + member));
    // the directory of organizations: a coordinator adds one (API) and changes it (API, page)
    accounts.create(
        new Accounts.NewAccount(
            "az.coord",
            "AZ coordinator",
            "AZ",
            null,
            java.util.EnumSet.of(org.entente.identity.Role.COORDINATOR),
            false,
            PASSWORD));
    String coordinator = tokens.create("az.coord", "api", AccessTokens.Scope.WRITE, 30).secret();
    MockHttpServletResponse organization =
        expectOneEvent(
            "organization.created",
            201,
            post("/api/charters/az-us-2026/organizations")
                .header("Authorization", "Bearer " + coordinator)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Azerenerji\",\"party\":\"AZ\",\"type\":\"15\"}"));
    String organizationId = JsonPath.read(organization.getContentAsString(), "$.id");
    expectOneEvent(
        "organization.updated",
        200,
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/charters/az-us-2026/organizations/" + organizationId)
            .header("Authorization", "Bearer " + coordinator)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"name\":\"Azerenerji OJSC\",\"party\":\"AZ\",\"type\":\"15\",\"version\":0}"));
    Cookie coordinatorSession =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .param("username", "az.coord")
                    .param("password", PASSWORD))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    expectOneEvent(
        "organization.updated",
        302,
        post("/charters/az-us-2026/organizations/" + organizationId)
            .cookie(coordinatorSession)
            .with(csrf())
            .param("name", "Azerenerji")
            .param("party", "AZ")
            .param("type", "15")
            .param("identifier", "AZ-VOEN-9900000031")
            .param("version", "1"));
    expectOneEvent(
        "request.denied", 404, get("/api/accounts").header("Authorization", "Bearer " + member));
    expectOneEvent("logout", 302, post("/logout").cookie(session).with(csrf()));
  }

  /** Saving a translation into Azerbaijani through the API, as the holder of this token. */
  private static MockHttpServletRequestBuilder translationByApi(
      String subject, Object key, String token, String text, long version) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
            "/api/translations/" + subject + "/" + key + "/az")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"text\":\"" + text + "\",\"version\":" + version + "}");
  }

  /** Saving a translation into Azerbaijani through the editor's form, in this session. */
  private static MockHttpServletRequestBuilder translationByForm(
      String subject, Object key, Cookie session, String text, long version) {
    return post("/translations/" + subject + "/" + key + "/az")
        .cookie(session)
        .with(csrf())
        .param("text", text)
        .param("version", String.valueOf(version));
  }
}
