package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectInput;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.entente.testing.StatementCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Statements per request: each endpoint bench/scale/measure.sh measures, and the pages that rose
 * during the restructuring of issue 17, runs no more SQL statements than it did before issue 17,
 * and no more with 30 projects, milestones and action items than with 3 (an N+1 shows as growth).
 * Each request is made once to fill what is kept, then counted on the test's thread.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementsPerRequestTest {

  /**
   * The statements each request ran at commit e1ebf2a, before issue 17, measured by this same test
   * (the same counter, data and requests, with 3 records) on that commit's code. A request may run
   * fewer, never more.
   */
  static final Map<String, Long> BUDGET_AT_E1EBF2A =
      Map.ofEntries(
          Map.entry("portal-overview", 1L),
          Map.entry("commitment-page", 8L),
          Map.entry("projects-page", 10L),
          Map.entry("audit-page", 2L),
          Map.entry("commitments-filtered", 6L),
          Map.entry("audit-filtered", 2L),
          Map.entry("deadlines", 9L),
          Map.entry("dashboard", 6L),
          Map.entry("search", 18L),
          Map.entry("meeting-page", 53L),
          Map.entry("meeting-page-chair", 53L),
          Map.entry("meeting-api", 24L),
          Map.entry("workspace", 191L),
          Map.entry("workspace-chair", 191L),
          Map.entry("action-items", 11L),
          Map.entry("action-items-api", 8L),
          Map.entry("calendar-feed", 7L),
          Map.entry("calendar-feed-person", 14L));

  /**
   * The requests whose count grows with the records, before issue 17 as now: the meeting reads each
   * agenda item's commitment, project, milestone and charter one by one (4 statements an item).
   */
  static final java.util.Set<String> GROWING_SINCE_BEFORE_ISSUE_17 =
      java.util.Set.of("meeting-page", "meeting-page-chair", "meeting-api");

  /** STATEMENTS_SQL=true in the environment prints each statement a counted request ran. */
  static final boolean SHOW_SQL = "true".equals(System.getenv("STATEMENTS_SQL"));

  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-connectivity-digital";
  static final String COMMITMENT = "middle-corridor";
  static final String PASSWORD = "correct horse battery";
  static final String OPERATOR = "test-operator-token-0123456789abcdef";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Viewers viewers;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Meetings meetings;
  @Autowired MutableClock clock;

  String memberToken;
  Cookie memberSession;
  Cookie chairSession;
  String meetingId;
  String firstProjectId;
  String groupFeed;
  String personFeed;
  int records;

  @BeforeAll
  void aGroupWithAMeetingAndAMember() throws Exception {
    clock.set(FixedClockConfiguration.TODAY);
    person("stmt.chair", "US", Role.CO_CHAIR, true);
    person("stmt.member", "US", Role.MEMBER, false);
    memberToken = tokens.create("stmt.member", "t", Scope.WRITE, 30).secret();
    Viewer chair = viewers.of("stmt.chair").orElseThrow();
    LocalDateTime start = LocalDateTime.of(2026, 12, 10, 10, 0);
    meetingId =
        meetings
            .schedule(
                CharterKey.of(CHARTER),
                new MeetingInput(
                    "working-group",
                    GROUP,
                    "Corridor talks",
                    start,
                    start.plusHours(2),
                    "Asia/Baku",
                    "Baku",
                    false,
                    null,
                    List.of()),
                chair)
            .id()
            .toString();
    UUID meeting = UUID.fromString(meetingId);
    meetings.addParticipant(
        meeting, new ParticipantInput("US", "Organization of stmt.chair", "A. Smith", null), chair);
    meetings.addParticipant(
        meeting,
        new ParticipantInput("US", "Organization of stmt.member", "B. Jones", null),
        chair);
    meetings.addDecision(meeting, new DecisionInput("A decision of the meeting", null), chair);
    meetings.draftStatement(
        meeting, new StatementDraft("The co-chairs met in Baku.", false, null), chair);
    grow(3);
    firstProjectId = JsonPath.read(read(projectsPage()), "$.items[0].id");
    memberSession = login("stmt.member");
    chairSession = login("stmt.chair");
    groupFeed =
        subscribe(
            "{\"kind\":\"group\",\"charter\":\"" + CHARTER + "\",\"group\":\"" + GROUP + "\"}");
    personFeed = subscribe("{\"kind\":\"person\"}");
  }

  @Test
  void noRequestRunsMoreStatementsThanBeforeIssue17NorMoreWithMoreRecords() throws Exception {
    Map<String, Long> withThree = countAll();
    grow(30);
    Map<String, Long> withThirty = countAll();
    System.out.println("Statements per request (budget at e1ebf2a / 3 records / 30 records):");
    withThree.forEach(
        (name, count) ->
            System.out.printf(
                "  %-22s %4d %4d %4d%n",
                name, BUDGET_AT_E1EBF2A.get(name), count, withThirty.get(name)));
    SoftAssertions soft = new SoftAssertions();
    withThree.forEach(
        (name, count) -> {
          soft.assertThat(count).as(name + " with 3 records").isLessThanOrEqualTo(budget(name));
          if (!GROWING_SINCE_BEFORE_ISSUE_17.contains(name)) {
            soft.assertThat(withThirty.get(name)).as(name + " with 30 records").isEqualTo(count);
          }
        });
    soft.assertAll();
  }

  private long budget(String name) {
    assertThat(BUDGET_AT_E1EBF2A).as("a budget for " + name).containsKey(name);
    return BUDGET_AT_E1EBF2A.get(name);
  }

  /** The requests, by the name bench/scale/measure.sh gives them (and the pages added here). */
  private Map<String, Supplier<MockHttpServletRequestBuilder>> endpoints() {
    String charter = "/api/charters/" + CHARTER;
    Map<String, Supplier<MockHttpServletRequestBuilder>> all = new LinkedHashMap<>();
    all.put("portal-overview", () -> page("/public/charters/" + CHARTER, null));
    all.put(
        "commitment-page", () -> page("/charters/" + CHARTER + "/commitments/" + COMMITMENT, null));
    all.put("projects-page", () -> api(projectsPage(), memberToken));
    all.put("audit-page", () -> api("/api/audit/events?page=0&size=50", OPERATOR));
    all.put(
        "commitments-filtered",
        () -> api(charter + "/commitments?workingGroup=" + GROUP + "&page=0&size=20", memberToken));
    all.put(
        "audit-filtered",
        () ->
            api(
                "/api/audit/events?recordType=project&recordId="
                    + firstProjectId
                    + "&page=0&size=20",
                OPERATOR));
    all.put(
        "deadlines",
        () -> api(charter + "/obligations?status=overdue&page=0&size=20", memberToken));
    all.put("dashboard", () -> api("/api/dashboard/" + CHARTER, memberToken));
    all.put("search", () -> api(charter + "/search?q=corridor&page=0&size=20", memberToken));
    all.put("meeting-page", () -> page("/meetings/" + meetingId, memberSession));
    all.put("meeting-page-chair", () -> page("/meetings/" + meetingId, chairSession));
    all.put("meeting-api", () -> api("/api/meetings/" + meetingId, memberToken));
    all.put(
        "workspace",
        () ->
            page(
                "/charters/" + CHARTER + "/working-groups/" + GROUP + "/workspace", memberSession));
    all.put(
        "workspace-chair",
        () ->
            page("/charters/" + CHARTER + "/working-groups/" + GROUP + "/workspace", chairSession));
    all.put("action-items", () -> page("/account/action-items", memberSession));
    all.put("action-items-api", () -> api("/api/me/action-items", memberToken));
    all.put("calendar-feed", () -> get(groupFeed));
    all.put("calendar-feed-person", () -> get(personFeed));
    return all;
  }

  private Map<String, Long> countAll() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (var endpoint : endpoints().entrySet()) {
      MockHttpServletResponse warm =
          mvc.perform(endpoint.getValue().get()).andReturn().getResponse();
      assertThat(warm.getStatus()).as(endpoint.getKey()).isEqualTo(200);
      var counted =
          StatementCount.of(
              () -> mvc.perform(endpoint.getValue().get()).andReturn().getResponse(), SHOW_SQL);
      counted.sql().forEach(sql -> System.out.println(endpoint.getKey() + ": " + sql));
      assertThat(counted.result().getStatus()).as(endpoint.getKey()).isEqualTo(200);
      counts.put(endpoint.getKey(), counted.statements());
    }
    return counts;
  }

  /** Projects, milestones due in the coming weeks and action items, up to n of each. */
  private void grow(int n) {
    Viewer chair = viewers.of("stmt.chair").orElseThrow();
    for (int i = records + 1; i <= n; i++) {
      String key = "stmt-project-" + i;
      UUID project =
          projects
              .create(
                  CharterKey.of(CHARTER),
                  GROUP,
                  new ProjectInput(
                      key,
                      Map.of("en", "Corridor project " + i),
                      null,
                      List.of(COMMITMENT),
                      Map.of("US", "Department of State"),
                      null,
                      null,
                      null,
                      null),
                  chair)
              .id();
      LocalDate due = FixedClockConfiguration.TODAY.plusDays(i);
      UUID milestone =
          roadmaps
              .add(
                  CharterKey.of(CHARTER),
                  GROUP,
                  new MilestoneInput(
                      "stmt-milestone-" + i,
                      Map.of("en", "Corridor milestone " + i),
                      "Ministry of Digital Development",
                      due.minusDays(30),
                      due,
                      null,
                      null,
                      null,
                      key,
                      List.of(),
                      null,
                      null),
                  chair)
              .id();
      UUID meeting = UUID.fromString(meetingId);
      meetings.addAgendaItem(
          meeting, new AgendaItemInput("Item " + i, COMMITMENT, project, milestone), chair);
      meetings.addDecision(meeting, new DecisionInput("Decision " + i, null), chair);
      UUID action =
          meetings
              .addActionItem(
                  meeting,
                  new ActionItemInput("Corridor action " + i, null, "stmt.member", due),
                  chair)
              .id();
      if (i % 2 == 1) {
        meetings.makeMilestone(action, "stmt-from-action-" + i, chair);
      }
    }
    records = n;
  }

  private void person(String username, String party, Role role, boolean chair) {
    accounts.create(
        new Accounts.NewAccount(
            username,
            username,
            party,
            "Organization of " + username,
            EnumSet.of(role),
            false,
            PASSWORD,
            new ArrayList<>(List.of(new MembershipInput(CHARTER, GROUP, chair)))));
  }

  private String projectsPage() {
    return "/api/charters/" + CHARTER + "/working-groups/" + GROUP + "/projects?page=0&size=20";
  }

  private static MockHttpServletRequestBuilder api(String path, String token) {
    return get(path).header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON);
  }

  private static MockHttpServletRequestBuilder page(String path, Cookie session) {
    MockHttpServletRequestBuilder request = get(path).accept(MediaType.TEXT_HTML);
    return session == null ? request : request.cookie(session);
  }

  private String read(String path) throws Exception {
    return mvc.perform(api(path, memberToken)).andReturn().getResponse().getContentAsString();
  }

  private Cookie login(String username) throws Exception {
    return mvc.perform(
            post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  private String subscribe(String body) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/me/calendars")
                    .header("Authorization", "Bearer " + memberToken)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    String url = JsonPath.read(response.getContentAsString(), "$.url");
    return url.substring("http://localhost".length());
  }
}
