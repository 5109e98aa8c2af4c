package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectInput;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The canary sweep of the annual report: a party-internal record (Freedonia's, in the river
 * commission), a record of the restricted security group and a bilateral group's own name, of every
 * kind the report shows (project, milestone, meeting, decision, joint statement), never appear in
 * the public version, nor in the internal version of anyone not entitled, neither in the page, the
 * PDF's text nor the JSON; and the figures do not count them. Each canary does appear in the
 * internal version of someone entitled, so the sweep looks where they would be.
 *
 * <p>The canaries have no hyphen or space: the PDF breaks lines there, and its text is searched
 * with all white space removed.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportNeedToKnowTest {

  static final String CHARTER = "fd-sy-2025";
  static final String PASSWORD = "correct horse battery";
  static final String PARTY_CANARY = "CanaryPartyInternal5d1e0a";
  static final String SECURITY_CANARY = "CanaryRestricted91bc7f";
  static final String GROUP_CANARY = "CanaryInnerCircle42aa3b";
  static final String COMMITMENT_CANARY = "CanaryCommitment0c77e2";
  static final List<String> CANARIES =
      List.of(PARTY_CANARY, SECURITY_CANARY, GROUP_CANARY, COMMITMENT_CANARY);

  /** Who may see which canary in the internal version. */
  static final Map<String, Set<String>> ENTITLED =
      Map.of(
          "anonymous", Set.of(),
          "fd.member", Set.of(PARTY_CANARY),
          "fd.coord", Set.of(PARTY_CANARY, GROUP_CANARY),
          "sy.member", Set.of(GROUP_CANARY),
          "company", Set.of(),
          "fd.cleared", Set.of(SECURITY_CANARY),
          "fd.uncleared", Set.of());

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Definitions definitions;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Viewers viewers;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Meetings meetings;

  final Map<String, String> token = new LinkedHashMap<>();
  final Map<String, Cookie> session = new LinkedHashMap<>();

  @BeforeAll
  void charterPeopleAndCanaries() throws Exception {
    String text =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "working-groups:\n",
                """
                  - key: secret-dam
                    title: Dam project %2$s
                    action: Build the dam quietly %2$s.
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
                    name: Inner circle %1$s
                    areas: [trade]
                    co-chairs: { FD: Adviser, SY: Adviser }
                    classification: bilateral
                """
                    .formatted(GROUP_CANARY, COMMITMENT_CANARY));
    assertThat(definitions.load("fs-report-canaries.yaml", text).loaded()).isTrue();
    person("fd.member", "FD", Role.MEMBER, false, "river-commission");
    person("fd.coord", "FD", Role.COORDINATOR, false);
    person("sy.member", "SY", Role.MEMBER, false, "river-commission", "inner-circle");
    person("company", null, Role.CONTRIBUTOR, false, "river-commission");
    person("fd.cleared", "FD", Role.MEMBER, true, "border-security");
    person("fd.uncleared", "FD", Role.MEMBER, false, "border-security");

    // one bilateral meeting of the river commission, that its members of both parties see
    meeting("fd.member", "river-commission", "bilateral", "River session", "2026-04-01");

    records("fd.member", "river-commission", "party-internal", PARTY_CANARY, "2026-06-10");
    records("fd.cleared", "border-security", "bilateral", SECURITY_CANARY, "2026-07-10");
    records("sy.member", "inner-circle", "bilateral", GROUP_CANARY, "2026-08-10");

    for (String who : ENTITLED.keySet()) {
      if (who.equals("anonymous")) {
        continue;
      }
      token.put(who, tokens.create(who, "t", Scope.READ, 30).secret());
      session.put(
          who,
          mvc.perform(
                  post("/login").param("username", who).param("password", PASSWORD).with(csrf()))
              .andReturn()
              .getResponse()
              .getCookie("SESSION"));
    }
  }

  private void person(String username, String party, Role role, boolean cleared, String... groups) {
    People.Person person =
        people.person(username).party(party).organization("Organization of " + username);
    for (String g : groups) {
      person.memberOf(CHARTER, g);
    }
    person.role(role).cleared(cleared).createAccount();
  }

  private Viewer viewer(String username) {
    return viewers.of(username).orElseThrow();
  }

  /** A project, a done milestone, and a meeting with a decision and a draft statement. */
  private void records(
      String username, String group, String classification, String canary, String day) {
    Viewer v = viewer(username);
    projects.create(
        CharterKey.of(CHARTER),
        group,
        new ProjectInput(
            group + "-project",
            Map.of("en", "Project " + canary),
            null,
            List.of("shared-rivers"),
            null,
            null,
            null,
            null,
            classification),
        v);
    roadmaps.add(
        CharterKey.of(CHARTER),
        group,
        new MilestoneInput(
            group + "-milestone",
            Map.of("en", "Milestone " + canary),
            null,
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-02-01"),
            null,
            LocalDate.parse("2026-02-01"),
            "done",
            group + "-project",
            List.of(),
            classification,
            null),
        v);
    UUID meeting = meeting(username, group, classification, "Meeting " + canary, day);
    meetings.addDecision(meeting, new DecisionInput("Decision " + canary, null), v);
    meetings.draftStatement(meeting, new StatementDraft("Statement " + canary, true, null), v);
  }

  private UUID meeting(
      String username, String group, String classification, String title, String day) {
    return meetings
        .schedule(
            CharterKey.of(CHARTER),
            new MeetingInput(
                "working-group",
                group,
                title,
                LocalDateTime.parse(day + "T10:00"),
                LocalDateTime.parse(day + "T12:00"),
                "UTC",
                null,
                true,
                classification,
                List.of()),
            viewer(username))
        .id();
  }

  /** A report as a caller asks for it: with a token on the API, with a session on the pages. */
  private MockHttpServletResponse call(String who, String url, String language) throws Exception {
    MockHttpServletRequestBuilder request = get(url).header("Accept-Language", language);
    if (url.contains(".pdf")) {
      request.accept(MediaType.APPLICATION_PDF);
    } else {
      request.accept(url.startsWith("/api/") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
    }
    if (!who.equals("anonymous")) {
      if (url.startsWith("/api/")) {
        request.header("Authorization", "Bearer " + token.get(who));
      } else {
        request.cookie(session.get(who));
      }
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(url + " as " + who).isEqualTo(200);
    return response;
  }

  /** Everything each format of the report says to a caller, white space removed for the PDF. */
  private Map<String, String> everyFormat(String who, String version) throws Exception {
    Map<String, String> said = new LinkedHashMap<>();
    String query = "?year=2026&version=" + version;
    said.put(
        "page", call(who, "/charters/" + CHARTER + "/report" + query, "en").getContentAsString());
    said.put(
        "json",
        call(who, "/api/charters/" + CHARTER + "/report" + query, "en").getContentAsString());
    said.put(
        "page pdf",
        AnnualReportTest.text(
                call(who, "/charters/" + CHARTER + "/report.pdf" + query, "en")
                    .getContentAsByteArray())
            .replaceAll("\\s", ""));
    said.put(
        "api pdf",
        AnnualReportTest.text(
                call(who, "/api/charters/" + CHARTER + "/report.pdf" + query, "az")
                    .getContentAsByteArray())
            .replaceAll("\\s", ""));
    return said;
  }

  @Test
  void thePublicVersionHasNoCanaryForAnyone() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String who : ENTITLED.keySet()) {
      for (var format : everyFormat(who, "public").entrySet()) {
        for (String canary : CANARIES) {
          if (format.getValue().contains(canary)) {
            leaks.add(canary + " in the public " + format.getKey() + " for " + who);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theInternalVersionHasExactlyTheCanariesEachViewerIsEntitledTo() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (var viewer : ENTITLED.entrySet()) {
      for (var format : everyFormat(viewer.getKey(), "internal").entrySet()) {
        for (String canary : CANARIES) {
          boolean shown = format.getValue().contains(canary);
          if (shown != viewer.getValue().contains(canary)) {
            wrong.add(
                canary
                    + (shown ? " shown" : " missing")
                    + " in the internal "
                    + format.getKey()
                    + " for "
                    + viewer.getKey());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFiguresDoNotCountWhatTheViewerMayNotSee() throws Exception {
    Map<String, Integer> meetingsSeen =
        Map.of(
            "anonymous", 0,
            "company", 1,
            "sy.member", 2,
            "fd.member", 2,
            "fd.cleared", 1,
            "fd.uncleared", 0);
    for (var expected : meetingsSeen.entrySet()) {
      String json =
          call(
                  expected.getKey(),
                  "/api/charters/" + CHARTER + "/report?year=2026&version=internal",
                  "en")
              .getContentAsString();
      int meetingCount = JsonPath.read(json, "$.summary.meetings");
      int decisions = JsonPath.read(json, "$.summary.decisions");
      int statements = JsonPath.read(json, "$.summary.statements");
      int milestonesDone = JsonPath.read(json, "$.summary.milestonesDone");
      assertThat(meetingCount).as(expected.getKey()).isEqualTo(expected.getValue());
      // the party-internal commitment of the definition has no origin party: nobody sees it
      assertThat((List<Integer>) JsonPath.read(json, "$.areas[?(@.key == 'water')].commitments"))
          .as(expected.getKey())
          .containsExactly(1);
      // every meeting but the plain river session carries one decision, one statement, one
      // milestone done
      int withRecords =
          expected.getValue() - (meetingCount > 0 && seesRiver(expected.getKey()) ? 1 : 0);
      assertThat(decisions).as(expected.getKey()).isEqualTo(withRecords);
      assertThat(statements).as(expected.getKey()).isEqualTo(withRecords);
      assertThat(milestonesDone).as(expected.getKey()).isEqualTo(withRecords);
    }
    String publicJson =
        call("fd.cleared", "/api/charters/" + CHARTER + "/report?year=2026&version=public", "en")
            .getContentAsString();
    assertThat((Integer) JsonPath.read(publicJson, "$.summary.meetings")).isZero();
    assertThat((Integer) JsonPath.read(publicJson, "$.summary.projects")).isZero();
    assertThat((Integer) JsonPath.read(publicJson, "$.summary.statements")).isZero();
  }

  private static boolean seesRiver(String who) {
    return Set.of("company", "sy.member", "fd.member").contains(who);
  }
}
