package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A charter with records of every kind and classification, for the open data tests: public ones
 * (made public through the database, as a fixture: publishing goes through both parties' agreement,
 * which these tests are not about), and canaries that only some may see.
 */
final class OpenDataFixtures {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "fd-sy-2025";
  static final String OPERATOR = "test-operator-token-0123456789abcdef";

  /** In records of Freedonia only (party-internal, river commission). */
  static final String PARTY_CANARY = "CANARY-PI-0d4a61";

  /** In records of the restricted security group. */
  static final String SECURITY_CANARY = "CANARY-SD-8e21c9";

  /** In a project both parties agreed but did not publish; also in its key. */
  static final String AGREED_CANARY = "canary-ag-77c1d2";

  /** In a joint statement drafted and not published. */
  static final String DRAFT_CANARY = "CANARY-DR-3b9f05";

  /** In a party-internal commitment and a bilateral working group of the charter's definition. */
  static final String DEFINITION_CANARY = "CANARY-DF-6c0e44";

  /** Every canary, for sweeps. */
  static final List<String> CANARIES =
      List.of(PARTY_CANARY, SECURITY_CANARY, AGREED_CANARY, DRAFT_CANARY, DEFINITION_CANARY);

  /** The published joint statement's text. */
  static final String PUBLISHED_STATEMENT = "Both parties welcome the river survey.";

  final MockMvc mvc;
  final Accounts accounts;
  final AccessTokens tokens;
  final Definitions definitions;
  final JdbcClient jdbc;

  /** Write tokens by user name. */
  final Map<String, String> token = new LinkedHashMap<>();

  String publicProject;
  String publicMilestone;
  String publicIndicator;
  String publicMeeting;

  OpenDataFixtures(
      MockMvc mvc,
      Accounts accounts,
      AccessTokens tokens,
      Definitions definitions,
      JdbcClient jdbc) {
    this.mvc = mvc;
    this.accounts = accounts;
    this.tokens = tokens;
    this.definitions = definitions;
    this.jdbc = jdbc;
  }

  /** The charter with a restricted security group; people; records. */
  OpenDataFixtures create() throws Exception {
    charter(definitions);
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
    token.put("admin", tokens.create("admin", "t", Scope.WRITE, 30).secret());
    person("fd.member", "FD", Role.MEMBER, false, "river-commission");
    person("sy.member", "SY", Role.MEMBER, false, "river-commission");
    person("fd.cleared", "FD", Role.MEMBER, true, "border-security");
    person("fd.coord", "FD", Role.COORDINATOR, true);

    // public: a project with financing, partners, a text in both languages, and its milestone
    publicProject =
        project(
            "fd.member",
            "river-commission",
            "river-survey",
            "{\"en\":\"River survey\",\"fr\":\"Étude des rivières\"}",
            "bilateral");
    publicMilestone =
        milestone(
            "fd.member",
            "river-commission",
            "survey-done",
            "Survey done",
            "river-survey",
            "bilateral");
    publicIndicator =
        indicator("fd.member", "river-commission", "river-flow", "River flow", "bilateral");
    publicMeeting = meeting("fd.member", "river-commission", "Commission meeting", "bilateral");
    publish("project", publicProject);
    publish("milestone", publicMilestone);
    publish("indicator", publicIndicator);
    publish("meeting", publicMeeting);
    statement(publicMeeting, PUBLISHED_STATEMENT, true);

    // agreed by both parties, not published: stage agreed, still bilateral
    String agreed =
        project(
            "fd.member",
            "river-commission",
            AGREED_CANARY,
            "{\"en\":\"Dam " + AGREED_CANARY + "\"}",
            "bilateral");
    jdbc.sql("update project set stage = 'AGREED' where id = ?")
        .param(UUID.fromString(agreed))
        .update();
    // a public milestone of the unpublished project: the project must not be named through it
    publish(
        "milestone",
        milestone(
            "fd.member",
            "river-commission",
            "dam-prep",
            "Dam preparation",
            AGREED_CANARY,
            "bilateral"));
    // a bilateral meeting's statement, drafted and not published
    statement(
        meeting("fd.member", "river-commission", "Working session", "bilateral"),
        "Draft " + DRAFT_CANARY,
        false);

    // party-internal (Freedonia) in the river commission
    project(
        "fd.member",
        "river-commission",
        "pi-study",
        "{\"en\":\"Study " + PARTY_CANARY + "\"}",
        "party-internal");
    milestone(
        "fd.member",
        "river-commission",
        "pi-step",
        "Step " + PARTY_CANARY,
        "pi-study",
        "party-internal");
    indicator(
        "fd.member", "river-commission", "pi-gauge", "Gauge " + PARTY_CANARY, "party-internal");
    String caucus =
        meeting("fd.member", "river-commission", "Caucus " + PARTY_CANARY, "party-internal");
    statement(caucus, "Position " + PARTY_CANARY, false);

    // the restricted security group
    project(
        "fd.cleared",
        "border-security",
        "border-post",
        "{\"en\":\"Post " + SECURITY_CANARY + "\"}",
        "bilateral");
    milestone(
        "fd.cleared",
        "border-security",
        "patrol",
        "Patrol " + SECURITY_CANARY,
        "border-post",
        "bilateral");
    indicator(
        "fd.cleared", "border-security", "crossings", "Crossings " + SECURITY_CANARY, "bilateral");
    meeting("fd.cleared", "border-security", "Review " + SECURITY_CANARY, "bilateral");
    return this;
  }

  /** The test charter, with a restricted security group. */
  static void charter(Definitions definitions) {
    String text =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "working-groups:\n",
                """
                  - key: secret-dam
                    title: Dam project %1$s
                    action: Build the dam quietly %1$s.
                    clause: c-1-1
                    areas: [water]
                    classification: party-internal
                working-groups:
                  - key: border-security
                    name: Border security group
                    areas: [water]
                    co-chairs: { FD: Minister of Defence, SY: Minister of Defence }
                    restricted: true
                """
                    .formatted(DEFINITION_CANARY))
            .replace(
                "history:\n",
                """
                  - key: inner-circle
                    name: Inner circle %1$s
                    areas: [water]
                    co-chairs: { FD: Adviser %1$s, SY: Adviser }
                    classification: bilateral
                history:
                """
                    .formatted(DEFINITION_CANARY));
    assertThat(definitions.load("fs-open-data.yaml", text).loaded()).isTrue();
  }

  void publish(String table, String id) {
    assertThat(List.of("project", "milestone", "indicator", "meeting")).contains(table);
    int n =
        jdbc.sql("update " + table + " set classification = 'PUBLIC' where id = ?")
            .param(UUID.fromString(id))
            .update();
    assertThat(n).isEqualTo(1);
  }

  void statement(String meetingId, String text, boolean published) {
    jdbc.sql(
            "insert into joint_statement (meeting_id, text, publish, published_at, created_at,"
                + " updated_at) values (?, ?, true, "
                + (published ? "timestamp with time zone '2026-11-20 10:00:00+00'" : "null")
                + ", current_timestamp, current_timestamp)")
        .params(
            UUID.fromString(meetingId), org.entente.shared.LocalizedText.of("en", text).toJson())
        .update();
  }

  void person(String username, String party, Role role, boolean cleared, String... groups) {
    List<MembershipInput> memberships = new ArrayList<>();
    for (String g : groups) {
      memberships.add(new MembershipInput(CHARTER, g, false));
    }
    accounts.create(
        new Accounts.NewAccount(
            username,
            username,
            party,
            "Organization of " + username,
            EnumSet.of(role),
            cleared,
            PASSWORD,
            memberships));
    token.put(username, tokens.create(username, "t", Scope.WRITE, 30).secret());
  }

  private String created(String username, String url, String body) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post(url)
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(url + ": " + response.getContentAsString()).isIn(200, 201);
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  String project(String username, String group, String key, String title, String classification)
      throws Exception {
    return created(
        username,
        "/api/charters/" + CHARTER + "/working-groups/" + group + "/projects",
        "{\"key\":\""
            + key
            + "\",\"title\":"
            + title
            + ",\"description\":{\"en\":\"Surveys the shared rivers.\",\"fr\":\"Étudie les rivières partagées.\"}"
            + ",\"commitments\":[\"shared-rivers\"],\"leads\":{\"FD\":\"Ministry of Water\","
            + "\"SY\":\"Environment Agency\"},\"partners\":[{\"name\":\"River Bank\","
            + "\"kind\":\"development-bank\",\"role\":\"FUNDING\"},{\"name\":\"Survey Co\","
            + "\"kind\":\"company\",\"role\":\"IMPLEMENTING\"}],\"financing\":["
            + "{\"amount\":1000000,\"currency\":\"USD\",\"source\":\"River Bank\",\"status\":\"COMMITTED\"},"
            + "{\"amount\":250000.5,\"currency\":\"USD\",\"source\":\"River Bank\",\"status\":\"DISBURSED\","
            + "\"date\":\"2026-10-15\"},"
            + "{\"amount\":50000,\"currency\":\"EUR\",\"source\":\"Friends fund\",\"status\":\"PLEDGED\"}],"
            + "\"location\":{\"place\":\"Fredville\",\"latitude\":45.1,\"longitude\":12.5},"
            + "\"classification\":\""
            + classification
            + "\"}");
  }

  String milestone(
      String username,
      String group,
      String key,
      String title,
      String project,
      String classification)
      throws Exception {
    return created(
        username,
        "/api/charters/" + CHARTER + "/working-groups/" + group + "/roadmap/milestones",
        "{\"key\":\""
            + key
            + "\",\"title\":{\"en\":\""
            + title
            + "\"},\"plannedStart\":\"2026-12-01\",\"plannedEnd\":\"2027-06-30\","
            + "\"project\":\""
            + project
            + "\",\"classification\":\""
            + classification
            + "\"}");
  }

  String indicator(String username, String group, String key, String name, String classification)
      throws Exception {
    String id =
        created(
            username,
            "/api/charters/" + CHARTER + "/indicators",
            "{\"key\":\""
                + key
                + "\",\"name\":{\"en\":\""
                + name
                + "\"},\"unit\":\"cubic metres\",\"direction\":\"higher\","
                + "\"commitments\":[\"shared-rivers\"],\"workingGroup\":\""
                + group
                + "\",\"classification\":\""
                + classification
                + "\"}");
    for (String value :
        List.of(
            "{\"kind\":\"baseline\",\"year\":2025,\"value\":\"12\"",
            "{\"kind\":\"target\",\"year\":2030,\"value\":\"20\"",
            "{\"kind\":\"actual\",\"year\":2026,\"value\":\"14\"")) {
      MockHttpServletResponse response =
          mvc.perform(
                  post("/api/indicators/" + id + "/values")
                      .header("Authorization", "Bearer " + token.get(username))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          value
                              + ",\"unit\":\"cubic metres\",\"publisher\":\"Gauge office\","
                              + "\"note\":\""
                              + name
                              + "\"}"))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    }
    return id;
  }

  String meeting(String username, String group, String title, String classification)
      throws Exception {
    String id =
        created(
            username,
            "/api/charters/" + CHARTER + "/meetings",
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
                + "\"}]}");
    MockHttpServletResponse decision =
        mvc.perform(
                post("/api/meetings/" + id + "/decisions")
                    .header("Authorization", "Bearer " + token.get(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\":\"Decided: " + title + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(decision.getStatus()).as(decision.getContentAsString()).isEqualTo(200);
    return id;
  }
}
