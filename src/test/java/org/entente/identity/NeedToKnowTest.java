package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens.Scope;
import org.entente.shared.Paging;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.entente.testing.People;
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
 * Need to know, record by record: a party-internal record, a record of the restricted security
 * group and a bilateral group are each seen by exactly those entitled, through every list, count,
 * page and error; asked for by id by anyone else, with any method, they answer 404 and nothing
 * changes; fields nobody may set are refused; and a removed membership denies the next request.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowTest {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "fd-sy-2025";
  static final String EVENTS = "/api/charters/" + CHARTER + "/events";
  static final String PARTY_CANARY = "CANARY-PI-5d1e0a";
  static final String SECURITY_CANARY = "CANARY-SD-91bc7f";
  static final String GROUP_CANARY = "CANARY-IC-42aa3b";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;
  @Autowired Audit audit;
  @Autowired MutableClock clock;

  /** Write tokens by user name; "anonymous" has none. */
  final Map<String, String> token = new LinkedHashMap<>();

  String partyInternal;
  String security;
  String bilateral;

  @BeforeAll
  void charterPeopleAndRecords() throws Exception {
    clock.set(FixedClockConfiguration.TODAY);
    String text =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "working-groups:\n",
                """
                  - key: secret-dam
                    title: Dam project
                    action: Build the dam quietly.
                    clause: c-1-1
                    areas: [water]
                    classification: party-internal
                working-groups:
                  - key: border-security
                    name: Border security group
                    areas: [water]
                    co-chairs: { FD: Minister of Defence, SY: Minister of Defence }
                    restricted: true
                  - key: inner-circle
                    name: Inner circle %s
                    areas: [trade]
                    co-chairs: { FD: Adviser, SY: Adviser }
                    classification: bilateral
                """
                    .formatted(GROUP_CANARY));
    assertThat(definitions.load("fs-need-to-know.yaml", text).loaded()).isTrue();

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
    person("fd.member", "FD", Role.MEMBER, false, "river-commission");
    person("fd.observer", "FD", Role.OBSERVER, false, "river-commission");
    person("sy.member", "SY", Role.MEMBER, false, "river-commission", "inner-circle");
    person("fd.cleared", "FD", Role.MEMBER, true, "border-security");
    person("fd.uncleared", "FD", Role.MEMBER, false, "border-security");
    person("company", null, Role.CONTRIBUTOR, false, "river-commission");
    person("fd.coord", "FD", Role.COORDINATOR, false);
    person("sy.coord", "SY", Role.COORDINATOR, false);
    token.put("admin", tokens.create("admin", "t", Scope.WRITE, 30).secret());

    partyInternal =
        record(
            "fd.member",
            "river-commission",
            "party-internal",
            "Internal note " + PARTY_CANARY,
            "Our position " + PARTY_CANARY);
    security =
        record(
            "fd.cleared", "border-security", "bilateral", "Patrol plan " + SECURITY_CANARY, null);
    bilateral = record("fd.member", "river-commission", "bilateral", "Bilateral minutes", null);
    internalProject =
        project("fd.member", "river-commission", "party-internal", "Dam study " + PARTY_CANARY);
    securityProject =
        project("fd.cleared", "border-security", "bilateral", "Border post " + SECURITY_CANARY);
    internalMilestone =
        milestone("fd.member", "river-commission", "party-internal", "Dam survey " + PARTY_CANARY);
    securityMilestone =
        milestone("fd.cleared", "border-security", "bilateral", "Patrol drill " + SECURITY_CANARY);
    internalMeeting =
        meeting("fd.member", "river-commission", "party-internal", "Caucus " + PARTY_CANARY);
    securityMeeting =
        meeting("fd.cleared", "border-security", "bilateral", "Patrol review " + SECURITY_CANARY);
    internalAction = actionItem("fd.member", internalMeeting, "Brief " + PARTY_CANARY);
    securityAction = actionItem("fd.cleared", securityMeeting, "Drill " + SECURITY_CANARY);
    internalIndicator =
        indicator("fd.member", "river-commission", "party-internal", "River flow " + PARTY_CANARY);
    securityIndicator =
        indicator("fd.cleared", "border-security", "bilateral", "Crossings " + SECURITY_CANARY);
    restrictedAgreements();
    calendarsAndDigests();
  }

  static final String AGREEMENTS = "/api/charters/" + CHARTER + "/agreements/";

  /** The restricted group's project list and roadmap, drafted: their agreements name the canary. */
  private void restrictedAgreements() throws Exception {
    for (String type : List.of("project-list", "roadmap")) {
      MockHttpServletResponse response =
          as("fd.cleared", post(AGREEMENTS + type + "/border-security/submit"));
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
      assertThat(response.getContentAsString()).contains(SECURITY_CANARY);
    }
  }

  String internalIndicator;
  String securityIndicator;

  /** An indicator of the group measuring shared-rivers, with a baseline whose note is the title. */
  private String indicator(String username, String group, String classification, String title)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/charters/" + CHARTER + "/indicators")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\""
                            + group
                            + "-indicator\",\"name\":{\"en\":\""
                            + title
                            + "\"},\"unit\":\"cubic metres\",\"direction\":\"higher\","
                            + "\"commitments\":[\"shared-rivers\"],\"workingGroup\":\""
                            + group
                            + "\",\"classification\":\""
                            + classification
                            + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(response.getContentAsString(), "$.id");
    MockHttpServletResponse value =
        mvc.perform(
                post("/api/indicators/" + id + "/values")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"kind\":\"baseline\",\"year\":2025,\"value\":\"12\","
                            + "\"unit\":\"cubic metres\",\"publisher\":\"Gauge\","
                            + "\"note\":\""
                            + title
                            + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(value.getStatus()).as(value.getContentAsString()).isEqualTo(201);
    return id;
  }

  String internalMeeting;
  String securityMeeting;
  String internalAction;
  String securityAction;

  private String meeting(String username, String group, String classification, String title)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/charters/" + CHARTER + "/meetings")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"body\":\"working-group\",\"bodyKey\":\""
                            + group
                            + "\",\"title\":\""
                            + title
                            + "\",\"startsAt\":\"2026-12-10T10:00\",\"endsAt\":\"2026-12-10T12:00\","
                            + "\"timeZone\":\"Asia/Baku\",\"classification\":\""
                            + classification
                            + "\",\"participants\":[{\"organization\":\"Organization of "
                            + username
                            + "\",\"personName\":\""
                            + title
                            + "\"}]}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(response.getContentAsString(), "$.id");
    MockHttpServletResponse decision =
        mvc.perform(
                post("/api/meetings/" + id + "/decisions")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\":\"Decided: " + title + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(decision.getStatus()).as(decision.getContentAsString()).isEqualTo(200);
    // a statement drafted in English only: it awaits its French translation (issue 19)
    MockHttpServletResponse statement =
        mvc.perform(
                put("/api/meetings/" + id + "/statement")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\":{\"en\":\"Stated: " + title + "\"}}"))
            .andReturn()
            .getResponse();
    assertThat(statement.getStatus()).as(statement.getContentAsString()).isEqualTo(200);
    return id;
  }

  /** The id of a meeting's (first) decision. */
  private String decisionOf(String meeting) {
    return jdbc.sql(
            "select cast(id as varchar(36)) from meeting_decision where meeting_id = ?"
                + " order by position")
        .param(UUID.fromString(meeting))
        .query(String.class)
        .list()
        .get(0);
  }

  private String actionItem(String username, String meeting, String title) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/meetings/" + meeting + "/action-items")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\":\""
                            + title
                            + "\",\"ownerUsername\":\""
                            + username
                            + "\",\"dueOn\":\"2026-12-20\"}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  /** Each person's calendar feed (its path, its id) and today's digest, due within 30 days. */
  final Map<String, String> feed = new LinkedHashMap<>();

  final Map<String, String> feedId = new LinkedHashMap<>();

  private void calendarsAndDigests() throws Exception {
    for (String who : EVERYONE) {
      if (who.equals("anonymous")) {
        continue;
      }
      MockHttpServletResponse settings =
          as(
              who,
              put("/api/me/reminders")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"daysAhead\":30}"));
      assertThat(settings.getStatus()).as(settings.getContentAsString()).isEqualTo(200);
      MockHttpServletResponse created =
          as(
              who,
              post("/api/me/calendars")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"kind\":\"person\"}"));
      assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
      String url = JsonPath.read(created.getContentAsString(), "$.url");
      feed.put(who, url.substring(url.indexOf("/calendars/")));
      feedId.put(who, JsonPath.read(created.getContentAsString(), "$.feed.id"));
    }
    MockHttpServletResponse run =
        mvc.perform(
                post("/api/reminders/run")
                    .header("Authorization", "Bearer test-operator-token-0123456789abcdef"))
            .andReturn()
            .getResponse();
    assertThat(run.getStatus()).as(run.getContentAsString()).isEqualTo(200);
  }

  String internalMilestone;
  String securityMilestone;

  private String milestone(String username, String group, String classification, String title)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/charters/"
                        + CHARTER
                        + "/working-groups/"
                        + group
                        + "/roadmap/milestones")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\""
                            + group
                            + "-milestone\",\"title\":{\"en\":\""
                            + title
                            + "\"},\"plannedStart\":\"2026-12-01\",\"plannedEnd\":\"2026-12-20\","
                            + "\"project\":\""
                            + group
                            + "-project\",\"classification\":\""
                            + classification
                            + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  String internalProject;
  String securityProject;

  private String project(String username, String group, String classification, String title)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/charters/" + CHARTER + "/working-groups/" + group + "/projects")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\""
                            + group
                            + "-project\",\"title\":{\"en\":\""
                            + title
                            + "\"},\"commitments\":[\"shared-rivers\"],\"classification\":\""
                            + classification
                            + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  private void person(String username, String party, Role role, boolean cleared, String... groups) {
    People.Person person =
        people.person(username).party(party).organization("Organization of " + username);
    for (String g : groups) {
      person.memberOf(CHARTER, g);
    }
    token.put(username, person.role(role).cleared(cleared).create());
  }

  private String record(
      String username, String group, String classification, String title, String note)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "meeting-held");
    body.put("subject", group);
    body.put("occurredOn", "2026-10-01");
    body.put("title", title);
    body.put("note", note);
    body.put("classification", classification);
    MockHttpServletResponse response =
        mvc.perform(
                post(EVENTS)
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(body)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request)
      throws Exception {
    if (!username.equals("anonymous")) {
      request.header("Authorization", "Bearer " + token.get(username));
    }
    return mvc.perform(request.accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  /** A list or an export, asked for in its own format. */
  private MockHttpServletResponse list(String username, String url) throws Exception {
    MockHttpServletRequestBuilder request = get(url);
    if (!username.equals("anonymous")) {
      request.header("Authorization", "Bearer " + token.get(username));
    }
    request.accept(
        url.contains(".csv") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON);
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(url + " as " + username).isIn(200, 404);
    return response;
  }

  private Cookie login(String username) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).isEqualTo("/");
    return response.getCookie("SESSION");
  }

  private MockHttpServletResponse page(Cookie session, String url) throws Exception {
    MockHttpServletRequestBuilder request = get(url).accept(MediaType.TEXT_HTML);
    if (session != null) {
      request.cookie(session);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  /** Everything a write could touch, as text: equal before and after means nothing changed. */
  private String snapshot() {
    StringBuilder all = new StringBuilder();
    for (String table :
        List.of(
            "obligation_event",
            "project",
            "project_financing",
            "milestone",
            "milestone_dependency",
            "meeting",
            "meeting_participant",
            "agenda_item",
            "meeting_decision",
            "action_item",
            "joint_statement",
            "agreement",
            "account",
            "membership",
            "personal_access_token",
            "commitment",
            "working_group",
            "charter",
            "calendar_feed",
            "notification",
            "reminder_preference",
            "indicator",
            "indicator_commitment",
            "indicator_value")) {
      all.append(table).append('\n');
      jdbc.sql("select * from " + table + " order by 1, 2")
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> {
                    int columns = rs.getMetaData().getColumnCount();
                    for (int i = 1; i <= columns; i++) {
                      if (!rs.getMetaData().getColumnName(i).equalsIgnoreCase("last_used_at")) {
                        all.append(rs.getString(i)).append('|');
                      }
                    }
                    all.append('\n');
                  });
    }
    return all.toString();
  }

  static final List<String> API_LISTS =
      List.of(
          "/api/charters",
          "/api/charters/" + CHARTER,
          "/api/charters/" + CHARTER + "/areas",
          "/api/charters/" + CHARTER + "/commitments?size=100",
          "/api/charters/" + CHARTER + "/commitments?area=water",
          "/api/charters/" + CHARTER + "/working-groups?size=100",
          "/api/charters/" + CHARTER + "/working-groups?area=water",
          "/api/charters/" + CHARTER + "/working-groups/river-commission",
          "/api/charters/" + CHARTER + "/working-groups/border-security",
          "/api/charters/" + CHARTER + "/obligations?size=100",
          "/api/charters/" + CHARTER + "/obligations?subject=border-security",
          "/api/charters/" + CHARTER + "/obligations?subject=inner-circle",
          EVENTS + "?size=100",
          "/api/charters/" + CHARTER + "/working-groups/river-commission/projects",
          "/api/charters/" + CHARTER + "/working-groups/border-security/projects",
          "/api/charters/" + CHARTER + "/working-groups/inner-circle/projects",
          "/api/charters/" + CHARTER + "/working-groups/river-commission/project-list",
          "/api/charters/" + CHARTER + "/working-groups/border-security/project-list",
          "/api/charters/" + CHARTER + "/working-groups/river-commission/roadmap",
          "/api/charters/" + CHARTER + "/working-groups/border-security/roadmap",
          "/api/charters/" + CHARTER + "/working-groups/inner-circle/roadmap",
          AGREEMENTS + "project-list/border-security",
          AGREEMENTS + "project-list/border-security/publication",
          AGREEMENTS + "roadmap/border-security",
          AGREEMENTS + "roadmap/border-security/publication",
          AGREEMENTS + "project-list/inner-circle",
          AGREEMENTS + "roadmap/inner-circle/publication",
          "/api/charters/" + CHARTER + "/working-groups/river-commission/projects.csv",
          "/api/charters/" + CHARTER + "/working-groups/border-security/projects.csv",
          "/api/charters/" + CHARTER + "/working-groups/river-commission/roadmap/milestones.csv",
          "/api/charters/" + CHARTER + "/working-groups/border-security/roadmap/milestones.csv",
          "/api/charters/" + CHARTER + "/progress",
          "/api/charters/" + CHARTER + "/progress/areas/water",
          "/api/charters/" + CHARTER + "/progress/commitments/shared-rivers",
          "/api/charters/" + CHARTER + "/meetings?from=2026-01-01&to=2028-01-01",
          "/api/charters/" + CHARTER + "/meetings",
          "/api/charters/" + CHARTER + "/statements",
          "/api/charters/" + CHARTER + "/translations/fr",
          "/api/charters/" + CHARTER + "/indicators",
          "/api/me/action-items",
          "/api/charters/" + CHARTER + "/search?q=canary&size=100",
          "/api/charters/" + CHARTER + "/search?q=%22canary%22&type=meeting",
          "/api/me",
          "/api/me/calendars",
          "/api/me/notifications",
          "/api/me/reminders",
          "/api/accounts?size=100",
          "/v3/api-docs");

  static final List<String> PAGES =
      List.of(
          "/",
          "/charters",
          "/charters/" + CHARTER,
          "/charters/" + CHARTER + "/working-groups/river-commission",
          "/charters/" + CHARTER + "/working-groups/border-security",
          "/charters/" + CHARTER + "/commitments/shared-rivers",
          "/charters/" + CHARTER + "/deadlines",
          "/charters/" + CHARTER + "/deadlines?sort=subject",
          "/charters/" + CHARTER + "/working-groups/river-commission/workspace",
          "/charters/" + CHARTER + "/working-groups/border-security/workspace",
          "/charters/" + CHARTER + "/working-groups/river-commission/import/projects.csv",
          "/charters/" + CHARTER + "/working-groups/border-security/import/projects.csv",
          "/charters/" + CHARTER + "/working-groups/river-commission/import/milestones.csv",
          "/charters/" + CHARTER + "/working-groups/border-security/import/milestones.csv",
          "/charters/" + CHARTER + "/progress",
          "/charters/" + CHARTER + "/meetings?month=2026-12",
          "/charters/" + CHARTER + "/meetings/new",
          "/charters/" + CHARTER + "/statements",
          "/charters/" + CHARTER + "/workspace/translations/fr",
          "/charters/" + CHARTER + "/indicators",
          "/account/action-items",
          "/charters/" + CHARTER + "/search?q=canary",
          "/admin/accounts",
          "/account/tokens",
          "/account/calendars",
          "/account/notifications",
          "/account/reminders");

  /** Who may see each canary; everyone else never does. */
  static final Map<String, Set<String>> ENTITLED =
      Map.of(
          PARTY_CANARY, Set.of("fd.member", "fd.observer", "fd.coord"),
          SECURITY_CANARY, Set.of("fd.cleared"),
          // administrators see group names where they give memberships (account management)
          GROUP_CANARY, Set.of("sy.member", "fd.coord", "sy.coord", "admin"));

  static final List<String> EVERYONE =
      List.of(
          "anonymous",
          "admin",
          "fd.member",
          "fd.observer",
          "sy.member",
          "fd.cleared",
          "fd.uncleared",
          "company",
          "fd.coord",
          "sy.coord");

  @Test
  void eachCanaryIsSeenByExactlyThoseEntitledInEveryListPageAndError() throws Exception {
    for (String who : EVERYONE) {
      Cookie session = who.equals("anonymous") ? null : login(who);
      StringBuilder seen = new StringBuilder();
      for (String url : API_LISTS) {
        seen.append(list(who, url).getContentAsString());
      }
      for (String id : List.of(internalProject, securityProject)) {
        seen.append(as(who, get("/api/projects/" + id)).getContentAsString());
        seen.append(as(who, get("/api/projects/" + id + "/progress")).getContentAsString());
        // a project's page (with its stage form) and its edit form, with the session
        seen.append(page(session, "/projects/" + id).getContentAsString());
        seen.append(page(session, "/projects/" + id + "/edit").getContentAsString());
        // its title and description in the translation editor, API and page (issue 19)
        for (String text : List.of("project-title", "project-description")) {
          seen.append(
              as(who, get("/api/translations/" + text + "/" + id + "/fr")).getContentAsString());
          seen.append(
              page(session, "/translations/" + text + "/" + id + "/fr").getContentAsString());
        }
      }
      for (String id : List.of(partyInternal, security, bilateral)) {
        seen.append(as(who, get(EVENTS + "/" + id)).getContentAsString());
        seen.append(
            as(
                    who,
                    patch(EVENTS + "/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":99}"))
                .getContentAsString());
      }
      // an indicator's page (with its value form) and its values' CSV, with the session
      for (String id : List.of(internalIndicator, securityIndicator)) {
        seen.append(page(session, "/indicators/" + id).getContentAsString());
        seen.append(page(session, "/indicators/" + id + "/values.csv").getContentAsString());
        // its name, unit and definition in the translation editor, API and page (issue 19)
        for (String text : List.of("indicator-name", "indicator-unit", "indicator-definition")) {
          seen.append(
              as(who, get("/api/translations/" + text + "/" + id + "/fr")).getContentAsString());
          seen.append(
              page(session, "/translations/" + text + "/" + id + "/fr").getContentAsString());
        }
      }
      for (String id : List.of(internalMeeting, securityMeeting)) {
        seen.append(as(who, get("/api/meetings/" + id)).getContentAsString());
        seen.append(as(who, get("/api/meetings/" + id + "/statement")).getContentAsString());
        seen.append(as(who, get(AGREEMENTS + "joint-statement/" + id)).getContentAsString());
        seen.append(page(session, "/meetings/" + id).getContentAsString());
        seen.append(page(session, "/statements/" + id).getContentAsString());
        seen.append(
            as(who, get("/api/translations/joint-statement/" + id + "/fr")).getContentAsString());
        seen.append(
            page(session, "/translations/joint-statement/" + id + "/fr").getContentAsString());
        // its title, minutes and decision in the translation editor, API and page (issue 19)
        Map<String, String> texts =
            Map.of("meeting-title", id, "meeting-minutes", id, "meeting-decision", decisionOf(id));
        for (var text : texts.entrySet()) {
          String path = "/translations/" + text.getKey() + "/" + text.getValue() + "/fr";
          seen.append(as(who, get("/api" + path)).getContentAsString());
          seen.append(page(session, path).getContentAsString());
        }
      }
      for (String id : List.of(internalAction, securityAction)) {
        seen.append(as(who, get("/api/action-items/" + id)).getContentAsString());
        seen.append(
            as(who, get("/api/translations/meeting-action-item/" + id + "/fr"))
                .getContentAsString());
        seen.append(
            page(session, "/translations/meeting-action-item/" + id + "/fr").getContentAsString());
      }
      for (String url : PAGES) {
        seen.append(page(session, url).getContentAsString());
      }
      // a milestone's edit form, for the group's members only
      seen.append(
          page(
                  session,
                  "/charters/"
                      + CHARTER
                      + "/working-groups/river-commission/roadmap/milestones/"
                      + internalMilestone)
              .getContentAsString());
      seen.append(
          page(
                  session,
                  "/charters/"
                      + CHARTER
                      + "/working-groups/border-security/roadmap/milestones/"
                      + securityMilestone)
              .getContentAsString());
      // a milestone's title in the translation editor, API and page (issue 19)
      for (String id : List.of(internalMilestone, securityMilestone)) {
        seen.append(
            as(who, get("/api/translations/milestone-title/" + id + "/fr")).getContentAsString());
        seen.append(
            page(session, "/translations/milestone-title/" + id + "/fr").getContentAsString());
      }
      seen.append(
          page(session, "/charters/" + CHARTER + "/working-groups/inner-circle")
              .getContentAsString());
      if (feed.containsKey(who)) {
        // the calendar feed, fetched as a calendar program does: no login, the secret is the key
        MockHttpServletResponse calendar =
            mvc.perform(get(feed.get(who))).andReturn().getResponse();
        assertThat(calendar.getStatus()).as("feed of " + who).isEqualTo(200);
        seen.append(calendar.getContentAsString());
        // the restricted milestones are due within the feed's reach: shown to exactly those
        // entitled, on their own channel too
        String digests = as(who, get("/api/me/notifications")).getContentAsString();
        for (String canary : List.of(PARTY_CANARY, SECURITY_CANARY)) {
          boolean entitled = ENTITLED.get(canary).contains(who);
          assertThat(calendar.getContentAsString().contains(canary))
              .as("feed of %s shows %s", who, canary)
              .isEqualTo(entitled);
          assertThat(digests.contains(canary))
              .as("digest of %s shows %s", who, canary)
              .isEqualTo(entitled);
        }
      }
      for (var canary : ENTITLED.entrySet()) {
        if (canary.getValue().contains(who)) {
          assertThat(seen).as("%s sees %s", who, canary.getKey()).contains(canary.getKey());
        } else {
          assertThat(seen)
              .as("%s never sees %s", who, canary.getKey())
              .doesNotContain(canary.getKey());
        }
      }
    }
  }

  @Test
  void countsIncludeOnlyWhatTheViewerMaySee() throws Exception {
    // the definition's history gives one public event; then PI, SD and BI
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("anonymous", 1);
    expected.put("admin", 1);
    expected.put("fd.member", 3);
    expected.put("fd.observer", 3);
    expected.put("fd.coord", 3);
    expected.put("sy.member", 2);
    expected.put("company", 2);
    expected.put("sy.coord", 2);
    expected.put("fd.cleared", 2);
    expected.put("fd.uncleared", 1);
    for (var e : expected.entrySet()) {
      String body = as(e.getKey(), get(EVENTS)).getContentAsString();
      assertThat((Integer) JsonPath.read(body, "$.totalItems"))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    Map<String, Integer> groups =
        Map.of("anonymous", 3, "fd.member", 3, "sy.member", 4, "fd.coord", 4);
    for (var e : groups.entrySet()) {
      String body =
          as(e.getKey(), get("/api/charters/" + CHARTER + "/working-groups")).getContentAsString();
      assertThat((Integer) JsonPath.read(body, "$.totalItems"))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void aRestrictedGroupsAgreementIsActedOnAndPublishedByNobodyWhoMayNotAndShowsThemNothing()
      throws Exception {
    String before = snapshot();
    for (String who : EVERYONE) {
      Cookie session = who.equals("anonymous") ? null : login(who);
      List<String> actions =
          who.equals("fd.cleared")
              ? List.of("publish", "approve-publication")
              : List.of("submit", "approve", "dispute", "reopen", "publish", "approve-publication");
      for (String type : List.of("project-list", "roadmap")) {
        for (String action : actions) {
          String api = AGREEMENTS + type + "/border-security/" + action;
          MockHttpServletResponse answer =
              as(
                  who,
                  post(api)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"version\":1,\"reason\":\"x\"}"));
          assertThat(answer.getStatus()).as("%s as %s", api, who).isBetween(400, 499);
          String unseen = who.equals("fd.cleared") ? GROUP_CANARY : SECURITY_CANARY;
          assertThat(answer.getContentAsString()).as(api).doesNotContain(unseen);
          String form =
              "/charters/" + CHARTER + "/working-groups/border-security/" + type + "/" + action;
          MockHttpServletRequestBuilder request =
              post(form).param("version", "1").param("reason", "x").with(csrf());
          if (session != null) {
            request.cookie(session);
          }
          MockHttpServletResponse page = mvc.perform(request).andReturn().getResponse();
          assertThat(page.getStatus()).as("%s as %s", form, who).isNotEqualTo(200);
          assertThat(page.getContentAsString()).as("%s as %s", form, who).doesNotContain(unseen);
        }
      }
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void byIdWithAnyMethodAnInvisibleRecordAnswers404AndNothingChanges() throws Exception {
    String guessedUuid = "00000000-0000-0000-0000-000000000001";
    String randomUuid = java.util.UUID.randomUUID().toString();
    // record -> callers who may not see it
    Map<String, List<String>> sweep = new LinkedHashMap<>();
    sweep.put(
        EVENTS + "/" + partyInternal,
        List.of("sy.member", "company", "fd.cleared", "sy.coord", "admin", "anonymous"));
    sweep.put(
        EVENTS + "/" + security,
        List.of("fd.member", "fd.uncleared", "fd.coord", "sy.member", "company", "anonymous"));
    sweep.put(
        "/api/projects/" + internalProject,
        List.of("sy.member", "company", "fd.cleared", "sy.coord", "admin", "anonymous"));
    sweep.put(
        "/api/projects/" + securityProject,
        List.of("fd.member", "fd.uncleared", "fd.coord", "sy.member", "company", "anonymous"));
    sweep.put("/api/projects/" + guessedUuid, EVERYONE);
    sweep.put(
        "/api/projects/" + internalProject + "/progress",
        List.of("sy.member", "company", "fd.cleared", "anonymous"));
    sweep.put(
        "/api/milestones/" + internalMilestone,
        List.of("sy.member", "company", "fd.cleared", "sy.coord", "admin", "anonymous"));
    sweep.put(
        "/api/milestones/" + securityMilestone,
        List.of("fd.member", "fd.uncleared", "fd.coord", "sy.member", "company", "anonymous"));
    sweep.put("/api/milestones/" + guessedUuid, EVERYONE);
    sweep.put("/api/projects/1", EVERYONE);
    List<String> notInternal =
        List.of("sy.member", "company", "fd.cleared", "sy.coord", "admin", "anonymous");
    List<String> notSecurity =
        List.of("fd.member", "fd.uncleared", "fd.coord", "sy.member", "company", "anonymous");
    for (String sub :
        List.of(
            "",
            "/participants",
            "/agenda-items",
            "/decisions",
            "/action-items",
            "/attendance",
            "/statement",
            "/statement/submit",
            "/statement/approve")) {
      sweep.put("/api/meetings/" + internalMeeting + sub, notInternal);
      sweep.put("/api/meetings/" + securityMeeting + sub, notSecurity);
    }
    sweep.put("/api/meetings/" + guessedUuid, EVERYONE);
    sweep.put("/api/meetings/1", EVERYONE);
    // a statement's translation, read or saved by anyone who may not see its meeting (issue 19)
    sweep.put("/api/translations/joint-statement/" + internalMeeting + "/fr", notInternal);
    sweep.put("/api/translations/joint-statement/" + securityMeeting + "/fr", notSecurity);
    sweep.put("/api/translations/joint-statement/" + guessedUuid + "/fr", EVERYONE);
    // a project's title or description, read or saved by anyone who may not see it (issue 19)
    for (String text : List.of("project-title", "project-description")) {
      sweep.put(
          "/api/translations/" + text + "/" + internalProject + "/fr",
          List.of("sy.member", "company", "fd.cleared", "sy.coord", "admin", "anonymous"));
      sweep.put(
          "/api/translations/" + text + "/" + securityProject + "/fr",
          List.of("fd.member", "fd.uncleared", "fd.coord", "sy.member", "company", "anonymous"));
      sweep.put("/api/translations/" + text + "/" + guessedUuid + "/fr", EVERYONE);
    }
    // a milestone's title, read or saved by anyone who may not see it (issue 19)
    sweep.put("/api/translations/milestone-title/" + internalMilestone + "/fr", notInternal);
    sweep.put("/api/translations/milestone-title/" + securityMilestone + "/fr", notSecurity);
    sweep.put("/api/translations/milestone-title/" + guessedUuid + "/fr", EVERYONE);
    // a meeting's texts, read or saved by anyone who may not see the meeting (issue 19)
    for (String text : List.of("meeting-title", "meeting-minutes")) {
      sweep.put("/api/translations/" + text + "/" + internalMeeting + "/fr", notInternal);
      sweep.put("/api/translations/" + text + "/" + securityMeeting + "/fr", notSecurity);
    }
    sweep.put(
        "/api/translations/meeting-decision/" + decisionOf(internalMeeting) + "/fr", notInternal);
    sweep.put(
        "/api/translations/meeting-decision/" + decisionOf(securityMeeting) + "/fr", notSecurity);
    sweep.put("/api/translations/meeting-action-item/" + internalAction + "/fr", notInternal);
    sweep.put("/api/translations/meeting-action-item/" + securityAction + "/fr", notSecurity);
    for (String text :
        List.of(
            "meeting-title",
            "meeting-minutes",
            "meeting-agenda-item",
            "meeting-decision",
            "meeting-action-item")) {
      sweep.put("/api/translations/" + text + "/" + guessedUuid + "/fr", EVERYONE);
    }
    sweep.put("/api/action-items/" + internalAction, notInternal);
    sweep.put("/api/action-items/" + securityAction, notSecurity);
    sweep.put("/api/action-items/" + internalAction + "/milestone", notInternal);
    sweep.put("/api/action-items/" + guessedUuid, EVERYONE);
    for (String sub : List.of("", "/values", "/values.csv")) {
      sweep.put("/api/indicators/" + internalIndicator + sub, notInternal);
      sweep.put("/api/indicators/" + securityIndicator + sub, notSecurity);
      sweep.put("/api/indicators/" + guessedUuid + sub, EVERYONE);
    }
    sweep.put("/api/indicators/1", EVERYONE);
    // an indicator's texts, read or saved by anyone who may not see it (issue 19)
    for (String text : List.of("indicator-name", "indicator-unit", "indicator-definition")) {
      sweep.put("/api/translations/" + text + "/" + internalIndicator + "/fr", notInternal);
      sweep.put("/api/translations/" + text + "/" + securityIndicator + "/fr", notSecurity);
      sweep.put("/api/translations/" + text + "/" + guessedUuid + "/fr", EVERYONE);
    }
    sweep.put(EVENTS + "/" + guessedUuid, EVERYONE);
    sweep.put(EVENTS + "/" + randomUuid, EVERYONE);
    sweep.put(EVENTS + "/1", EVERYONE);
    sweep.put("/api/charters/" + CHARTER + "/commitments/secret-dam", EVERYONE);
    sweep.put(
        "/api/charters/" + CHARTER + "/working-groups/inner-circle",
        List.of("fd.member", "company", "fd.cleared", "admin", "anonymous"));
    sweep.put("/api/charters/no-such-charter/working-groups/river-commission", EVERYONE);
    sweep.put(
        "/api/accounts/fd.member",
        List.of("sy.coord", "fd.member", "sy.member", "company", "anonymous"));
    sweep.put("/api/accounts/nobody", EVERYONE);
    // someone else's calendar and notification, by id
    String fdNotification =
        jdbc.sql("select cast(id as varchar) from notification where username = 'fd.member'")
            .query(String.class)
            .single();
    List<String> othersThanFdMember =
        EVERYONE.stream().filter(w -> !w.equals("fd.member")).toList();
    sweep.put("/api/me/calendars/" + feedId.get("fd.member"), othersThanFdMember);
    sweep.put("/api/me/notifications/" + fdNotification, othersThanFdMember);
    sweep.put("/api/me/notifications/" + fdNotification + "/read", othersThanFdMember);
    sweep.put("/api/me/calendars/" + guessedUuid, EVERYONE);
    sweep.put("/api/me/notifications/" + guessedUuid, EVERYONE);
    String before = snapshot();
    long auditBefore = audit.head().seq();
    // an import of values, as CSV, into an indicator the caller may not see
    for (var e :
        Map.of(
                internalIndicator, notInternal,
                securityIndicator, notSecurity,
                guessedUuid, EVERYONE)
            .entrySet()) {
      for (String who : e.getValue()) {
        MockHttpServletResponse response =
            as(
                who,
                post("/api/indicators/" + e.getKey() + "/values/import")
                    .contentType("text/csv")
                    .content("kind,year,value,unit,publisher\nactual,2026,1,cubic metres,x\n"));
        assertThat(response.getStatus()).as("import into %s as %s", e.getKey(), who).isEqualTo(404);
        assertThat(response.getContentAsString())
            .doesNotContain(PARTY_CANARY, SECURITY_CANARY, GROUP_CANARY);
      }
    }
    // a meeting's joint statement through the agreement URLs: read, or a step, as one who may not
    // see the meeting
    for (var e : Map.of(internalMeeting, notInternal, securityMeeting, notSecurity).entrySet()) {
      for (String who : e.getValue()) {
        String statement = AGREEMENTS + "joint-statement/" + e.getKey();
        List<MockHttpServletRequestBuilder> requests = new java.util.ArrayList<>();
        requests.add(get(statement));
        for (String action : List.of("submit", "approve", "dispute", "reopen")) {
          requests.add(
              post(statement + "/" + action)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"version\":1,\"reason\":\"x\"}"));
        }
        for (MockHttpServletRequestBuilder request : requests) {
          MockHttpServletResponse response = as(who, request);
          assertThat(response.getStatus()).as("%s as %s", statement, who).isEqualTo(404);
          assertThat(response.getContentAsString())
              .doesNotContain(PARTY_CANARY, SECURITY_CANARY, GROUP_CANARY);
        }
      }
    }
    for (var e : sweep.entrySet()) {
      for (String who : e.getValue()) {
        // a body the endpoint accepts, so that only the record decides the answer
        String body =
            e.getKey().contains("/meetings/")
                    || e.getKey().contains("/translations/")
                    || e.getKey().contains("/action-items/")
                    || e.getKey().contains("/indicators/")
                ? "{}"
                : e.getKey().contains("/accounts/")
                    ? "{\"displayName\":\"x\",\"version\":0}"
                    : e.getKey().contains("/projects/")
                        ? "{\"title\":{\"en\":\"x\"},\"version\":0}"
                        : e.getKey().contains("/milestones/")
                            ? "{\"title\":{\"en\":\"x\"},\"plannedStart\":\"2026-12-01\","
                                + "\"plannedEnd\":\"2026-12-02\",\"version\":0}"
                            : "{\"title\":\"x\",\"version\":0}";
        Map<String, MockHttpServletRequestBuilder> requests = new LinkedHashMap<>();
        requests.put("GET", get(e.getKey()));
        requests.put(
            "POST", post(e.getKey()).contentType(MediaType.APPLICATION_JSON).content(body));
        requests.put("PUT", put(e.getKey()).contentType(MediaType.APPLICATION_JSON).content(body));
        requests.put(
            "PATCH", patch(e.getKey()).contentType(MediaType.APPLICATION_JSON).content(body));
        requests.put("DELETE", delete(e.getKey()));
        for (var request : requests.entrySet()) {
          MockHttpServletResponse response = as(who, request.getValue());
          assertThat(response.getStatus())
              .as("%s %s as %s", request.getKey(), e.getKey(), who)
              .isEqualTo(404);
          assertThat(response.getContentAsString())
              .doesNotContain(PARTY_CANARY, SECURITY_CANARY, GROUP_CANARY);
        }
      }
    }
    // pages: the same records and the account forms, with a session
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put(
        "/charters/" + CHARTER + "/commitments/secret-dam",
        List.of("fd.member", "fd.coord", "anonymous"));
    pages.put(
        "/charters/" + CHARTER + "/working-groups/inner-circle",
        List.of("fd.member", "company", "anonymous"));
    pages.put("/admin/accounts/fd.member", List.of("sy.coord", "fd.member"));
    pages.put("/meetings/" + internalMeeting, List.of("sy.member", "company", "anonymous"));
    pages.put("/meetings/" + securityMeeting, List.of("fd.member", "fd.uncleared", "anonymous"));
    pages.put("/statements/" + internalMeeting, EVERYONE);
    pages.put("/meetings/" + guessedUuid, EVERYONE);
    // a recorded event's page and its correction form (issue 18), as its API
    pages.put(
        "/charters/" + CHARTER + "/events/" + partyInternal,
        List.of("sy.member", "company", "fd.cleared", "sy.coord", "admin", "anonymous"));
    pages.put(
        "/charters/" + CHARTER + "/events/" + security,
        List.of("fd.member", "fd.uncleared", "fd.coord", "sy.member", "company", "anonymous"));
    pages.put("/charters/" + CHARTER + "/events/" + guessedUuid, EVERYONE);
    pages.put("/indicators/" + internalIndicator, List.of("sy.member", "company", "anonymous"));
    pages.put(
        "/indicators/" + securityIndicator, List.of("fd.member", "fd.uncleared", "anonymous"));
    pages.put("/indicators/" + guessedUuid, EVERYONE);
    pages.put(
        "/indicators/" + internalIndicator + "/values.csv",
        List.of("sy.member", "company", "anonymous"));
    pages.put(
        "/indicators/" + securityIndicator + "/values.csv",
        List.of("fd.member", "fd.uncleared", "anonymous"));
    pages.put("/indicators/" + guessedUuid + "/values.csv", EVERYONE);
    pages.put(
        "/charters/" + CHARTER + "/indicators/river-commission-indicator",
        List.of("sy.member", "company", "anonymous"));
    for (var e : pages.entrySet()) {
      for (String who : e.getValue()) {
        MockHttpServletResponse response =
            page(who.equals("anonymous") ? null : login(who), e.getKey());
        assertThat(response.getStatus()).as("%s as %s", e.getKey(), who).isEqualTo(404);
      }
    }
    // the meeting's forms, posted by someone who may not see it
    Cookie outsider = login("sy.member");
    for (String url :
        List.of(
            "/meetings/" + internalMeeting + "/decisions",
            "/meetings/" + internalMeeting + "/minutes",
            "/meetings/" + internalMeeting + "/statement/approve",
            "/action-items/" + internalAction + "/status",
            "/action-items/" + internalAction + "/milestone",
            "/indicators/" + internalIndicator + "/values",
            "/indicators/" + internalIndicator + "/values/import")) {
      MockHttpServletResponse response =
          mvc.perform(
                  post(url)
                      .param("text", "x")
                      .param("version", "0")
                      .param("status", "done")
                      .cookie(outsider)
                      .with(csrf()))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(url).isEqualTo(404);
      assertThat(response.getContentAsString()).doesNotContain(PARTY_CANARY);
    }
    // someone else's access token cannot be revoked by guessing its id
    String fdToken =
        jdbc.sql(
                "select cast(t.id as varchar) from personal_access_token t join account a on a.id = t.account_id where a.username = 'fd.member'")
            .query(String.class)
            .list()
            .get(0);
    Cookie other = login("sy.member");
    assertThat(
            mvc.perform(post("/account/tokens/" + fdToken + "/revoke").cookie(other).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    for (String who : othersThanFdMember) {
      MockHttpServletResponse read =
          as(who, post("/api/me/notifications/" + fdNotification + "/read"));
      assertThat(read.getStatus()).as("mark read as " + who).isEqualTo(404);
    }
    // nor someone else's calendar or notification, through the pages
    for (String url :
        List.of(
            "/account/calendars/" + feedId.get("fd.member") + "/revoke",
            "/account/notifications/" + fdNotification + "/read")) {
      assertThat(
              mvc.perform(post(url).cookie(other).with(csrf()))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .as(url)
          .isEqualTo(404);
    }
    assertThat(mvc.perform(get(feed.get("fd.member"))).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(audit.events(null, null, null, new Paging(0, 100)).items())
        .filteredOn(ev -> ev.seq() > auditBefore)
        .allMatch(
            ev -> !ev.outcome().name().equals("SUCCESS") || ev.action().startsWith("login."),
            "only refusals and logins were recorded");
  }

  @Test
  void fieldsNobodyMaySetAreRefusedAndChangeNothing() throws Exception {
    String url = EVENTS + "/" + bilateral;
    long version =
        ((Number) JsonPath.read(as("fd.member", get(url)).getContentAsString(), "$.version"))
            .longValue();
    String before = snapshot();
    Map<String, String[]> refused = new LinkedHashMap<>();
    refused.put(
        "{\"party\":\"SY\",\"version\":" + version + "}", new String[] {"fd.member", "403"});
    refused.put(
        "{\"originParty\":\"SY\",\"version\":" + version + "}", new String[] {"fd.member", "403"});
    refused.put(
        "{\"workingGroup\":\"culture-trade\",\"version\":" + version + "}",
        new String[] {"fd.member", "403"});
    refused.put(
        "{\"subject\":\"culture-trade\",\"version\":" + version + "}",
        new String[] {"fd.member", "403"});
    refused.put(
        "{\"classification\":\"public\",\"version\":" + version + "}",
        new String[] {"fd.member", "403"});
    refused.put(
        "{\"classification\":\"party-internal\",\"version\":" + version + "}",
        new String[] {"sy.member", "403"});
    refused.put(
        "{\"title\":\"Observed\",\"version\":" + version + "}",
        new String[] {"fd.observer", "403"});
    refused.put(
        "{\"title\":\"Stale\",\"version\":" + (version + 3) + "}",
        new String[] {"fd.member", "409"});
    refused.put("{\"title\":\"No version\"}", new String[] {"fd.member", "400"});
    refused.put(
        "{\"title\":\"Unknown field\",\"groupId\":\"x\",\"version\":" + version + "}",
        new String[] {"fd.member", "400"});
    for (var e : refused.entrySet()) {
      MockHttpServletResponse response =
          as(
              e.getValue()[0],
              patch(url).contentType(MediaType.APPLICATION_JSON).content(e.getKey()));
      assertThat(response.getStatus())
          .as(e.getKey() + " as " + e.getValue()[0] + ": " + response.getContentAsString())
          .isEqualTo(Integer.parseInt(e.getValue()[1]));
      assertThat(response.getContentType()).contains("problem+json");
    }
    // accounts: a coordinator stays in their party and gives only the roles they may
    long memberVersion = accounts.find("fd.member").orElseThrow().version();
    Map<String, String[]> accountChanges = new LinkedHashMap<>();
    accountChanges.put(
        "{\"party\":\"SY\",\"version\":" + memberVersion + "}", new String[] {"fd.coord", "403"});
    accountChanges.put(
        "{\"roles\":[\"ADMINISTRATOR\"],\"version\":" + memberVersion + "}",
        new String[] {"fd.coord", "403"});
    accountChanges.put(
        "{\"roles\":[\"COORDINATOR\"],\"version\":" + memberVersion + "}",
        new String[] {"fd.coord", "403"});
    accountChanges.put(
        "{\"clearance\":true,\"version\":" + memberVersion + "}", new String[] {"sy.coord", "404"});
    accountChanges.put(
        "{\"roles\":[\"ADMINISTRATOR\"],\"version\":" + memberVersion + "}",
        new String[] {"fd.member", "404"});
    for (var e : accountChanges.entrySet()) {
      MockHttpServletResponse response =
          as(
              e.getValue()[0],
              patch("/api/accounts/fd.member")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(e.getKey()));
      assertThat(response.getStatus())
          .as(e.getKey() + " as " + e.getValue()[0])
          .isEqualTo(Integer.parseInt(e.getValue()[1]));
    }
    MockHttpServletResponse otherParty =
        as(
            "fd.coord",
            post("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"sy.newcomer\",\"displayName\":\"Newcomer\",\"party\":\"SY\",\"roles\":[\"MEMBER\"],\"password\":\""
                        + PASSWORD
                        + "\"}"));
    assertThat(otherParty.getStatus()).isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);

    // what is allowed goes through, once, with one audit event each
    long seq = audit.head().seq();
    MockHttpServletResponse ok =
        as(
            "fd.member",
            patch(url)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"title\":\"Bilateral minutes, corrected\",\"version\":" + version + "}"));
    assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
    assertThat(audit.head().seq()).isEqualTo(seq + 1);
    MockHttpServletResponse again =
        as(
            "sy.member",
            patch(url)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Overwritten\",\"version\":" + version + "}"));
    assertThat(again.getStatus()).isEqualTo(409);
    MockHttpServletResponse coordinated =
        as(
            "fd.coord",
            patch("/api/accounts/fd.member")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"organization\":\"Ministry of Water\",\"version\":" + memberVersion + "}"));
    assertThat(coordinated.getStatus()).as(coordinated.getContentAsString()).isEqualTo(200);
    assertThat(audit.head().seq()).isEqualTo(seq + 2);
  }

  @Test
  void removingAMembershipDeniesTheNextRequestOfAnOpenSessionAndOfAToken() throws Exception {
    person("sy.temp", "SY", Role.MEMBER, false, "inner-circle", "river-commission");
    Cookie session = login("sy.temp");
    String groupPage = "/charters/" + CHARTER + "/working-groups/inner-circle";
    assertThat(page(session, groupPage).getStatus()).isEqualTo(200);
    assertThat(as("sy.temp", get(EVENTS + "/" + bilateral)).getStatus()).isEqualTo(200);

    long version = accounts.find("sy.temp").orElseThrow().version();
    accounts.update(
        "sy.temp",
        new Accounts.AccountChange(null, null, null, null, null, null, version, List.of()));

    assertThat(page(session, groupPage).getStatus()).isEqualTo(404);
    assertThat(as("sy.temp", get(EVENTS + "/" + bilateral)).getStatus()).isEqualTo(404);
    assertThat(page(session, "/account/tokens").getStatus()).as("still logged in").isEqualTo(200);
  }

  @Test
  void aReadOfARestrictedRecordIsAudited() throws Exception {
    long before =
        audit.events("obligation_event", security, "fd.cleared", new Paging(0, 100)).totalItems();
    assertThat(as("fd.cleared", get(EVENTS + "/" + security)).getStatus()).isEqualTo(200);
    var reads = audit.events("obligation_event", security, "fd.cleared", new Paging(0, 100));
    assertThat(reads.totalItems()).isEqualTo(before + 1);
    assertThat(reads.items().get(0).action()).isEqualTo("record.read");
    assertThat(reads.items().get(0).party()).isEqualTo("FD");

    // a list that shows it is a read of it too; a list that does not show it is not
    long seq = audit.head().seq();
    assertThat(as("fd.cleared", get(EVENTS)).getStatus()).isEqualTo(200);
    assertThat(audit.events("obligation_event", null, "fd.cleared", new Paging(0, 5)).items())
        .filteredOn(e -> e.seq() > seq && e.action().equals("record.read"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains(security));
    long after = audit.head().seq();
    assertThat(as("fd.member", get(EVENTS)).getStatus()).isEqualTo(200);
    assertThat(audit.head().seq()).isEqualTo(after);

    // a restricted group's meeting, read by itself and in a list
    long meetingReads =
        audit.events("meeting", securityMeeting, "fd.cleared", new Paging(0, 100)).totalItems();
    assertThat(as("fd.cleared", get("/api/meetings/" + securityMeeting)).getStatus())
        .isEqualTo(200);
    assertThat(audit.events("meeting", securityMeeting, "fd.cleared", new Paging(0, 100)).items())
        .hasSize((int) meetingReads + 1)
        .first()
        .satisfies(e -> assertThat(e.action()).isEqualTo("record.read"));
    long beforeList = audit.head().seq();
    assertThat(
            as("fd.cleared", get("/api/charters/" + CHARTER + "/meetings?from=2026-12-01"))
                .getStatus())
        .isEqualTo(200);
    assertThat(audit.events("meeting", null, "fd.cleared", new Paging(0, 5)).items())
        .filteredOn(e -> e.seq() > beforeList && e.action().equals("record.read"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains(securityMeeting));
  }

  @Test
  void aRestrictedGroupNeedsAClearanceEvenForItsMembersAndCoordinators() throws Exception {
    assertThat(as("fd.uncleared", get(EVENTS + "/" + security)).getStatus()).isEqualTo(404);
    assertThat(as("fd.coord", get(EVENTS + "/" + security)).getStatus()).isEqualTo(404);
    assertThat(as("fd.cleared", get(EVENTS + "/" + security)).getStatus()).isEqualTo(200);
    MockHttpServletResponse refused =
        as(
            "fd.uncleared",
            post(EVENTS)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"meeting-held\",\"subject\":\"border-security\",\"occurredOn\":\"2026-10-02\"}"));
    assertThat(refused.getStatus()).isEqualTo(403);
  }
}
