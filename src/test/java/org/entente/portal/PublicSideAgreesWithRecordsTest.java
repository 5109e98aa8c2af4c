package org.entente.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.Obligations;
import org.entente.shared.CharterKey;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public side says what the agreed and published records say: the energy group's co-chairs
 * agree and publish its project list, hold its annual meeting and publish the meeting's joint
 * statement, through the API as each would; the public deadlines, the internal deadlines and the
 * public report then agree with each other and with what is published.
 */
@EntenteTest
@CleanAfterEachTest
class PublicSideAgreesWithRecordsTest {

  static final String CHARTER = People.CHARTER;
  static final String ENERGY = "wg-energy";
  static final String GROUP = "/api/charters/az-us-2026/working-groups/" + ENERGY;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Obligations obligations;
  @Autowired Portal portal;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void coChairs() {
    token.put(
        "us",
        people
            .person("us.energy")
            .party("US")
            .role(Role.CO_CHAIR)
            .chairs(CHARTER, ENERGY)
            .create());
    token.put(
        "az",
        people
            .person("az.energy")
            .party("AZ")
            .role(Role.CO_CHAIR)
            .chairs(CHARTER, ENERGY)
            .create());
  }

  @Test
  void aProjectListAgreedAndPublishedShowsMetOnTheAgreementsDayOnEveryDeadlineList()
      throws Exception {
    ok(
        "us",
        post(GROUP + "/projects")
            .content(
                """
                {"key":"caspian-interconnector","title":{"en":"Caspian power interconnector"},
                 "commitments":["oil-gas-electricity"],"leads":{"US":"Department of Energy"}}
                """));
    int version =
        JsonPath.read(
            ok("us", post(GROUP + "/project-list/submit")).getContentAsString(),
            "$.agreement.currentVersion");
    ok("us", post(GROUP + "/project-list/approve").content("{\"version\":" + version + "}"));
    ok("az", post(GROUP + "/project-list/approve").content("{\"version\":" + version + "}"));
    ok("az", post(GROUP + "/project-list/publish").content("{\"version\":" + version + "}"));
    for (String who : List.of("us", "az")) {
      ok(
          who,
          post(GROUP + "/project-list/approve-publication")
              .content("{\"version\":" + version + "}"));
    }

    ObligationStatus internal = internal("wg-project-list");
    assertThat(internal.metOn()).as("the co-chairs' own deadlines").isEqualTo(TODAY);
    ObligationStatus shown = shown("wg-project-list");
    assertThat(shown.status()).isEqualTo("met-late");
    assertThat(shown.metOn()).isEqualTo(TODAY);

    String row = energyRow(anonymous(get("/public/charters/az-us-2026/deadlines")), "Project list");
    assertThat(row).contains("Met late").contains("28 November 2026").doesNotContain("Not yet");

    String report = anonymous(get("/api/charters/az-us-2026/report?year=2026&version=public"));
    List<Map<String, Object>> rows =
        JsonPath.read(
            report, "$.deadlines[?(@.rule == 'wg-project-list' && @.subject == 'wg-energy')]");
    assertThat(rows)
        .singleElement()
        .satisfies(r -> assertThat(r.get("metOn")).isEqualTo("2026-11-28"));
  }

  @Test
  void aHeldMeetingWhoseStatementIsPublicMeetsTheAnnualMeetingOnThePublicDeadlines()
      throws Exception {
    heldMeetingWithPublishedStatement();

    ObligationStatus internal = internal("wg-meeting");
    assertThat(internal.lastMetOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    ObligationStatus shown = shown("wg-meeting");
    assertThat(shown.lastMetOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(shown.dueOn()).isEqualTo(internal.dueOn()).isEqualTo(LocalDate.of(2027, 11, 20));

    String row =
        energyRow(anonymous(get("/public/charters/az-us-2026/deadlines")), "Meeting of each");
    assertThat(row).contains("20 November 2026").contains("2027-11-20").doesNotContain("Not yet");
  }

  @Test
  void aMeetingHeldInThePeriodWhoseStatementThePublicReportListsCountsAsHeld() throws Exception {
    heldMeetingWithPublishedStatement();

    String report = anonymous(get("/api/charters/az-us-2026/report?year=2026&version=public"));
    List<String> statements = JsonPath.read(report, "$.statements[*].meetingTitle.en");
    assertThat(statements).containsExactly("Energy working group, annual meeting");
    assertThat((Integer) JsonPath.read(report, "$.summary.meetingsHeld")).isEqualTo(1);
    assertThat((Integer) JsonPath.read(report, "$.summary.meetings")).isEqualTo(1);
    List<String> groupMeetings =
        JsonPath.read(report, "$.workingGroups[?(@.key == 'wg-energy')].meetings[*].title.en");
    assertThat(groupMeetings).containsExactly("Energy working group, annual meeting");
  }

  /** The energy group meets on 2026-11-20, marks it held and publishes its joint statement. */
  private void heldMeetingWithPublishedStatement() throws Exception {
    MockHttpServletResponse scheduled =
        ok(
            "az",
            post("/api/charters/az-us-2026/meetings")
                .content(
                    """
                    {"body":"working-group","bodyKey":"wg-energy",
                     "title":"Energy working group, annual meeting",
                     "startsAt":"2026-11-20T10:00","endsAt":"2026-11-20T13:00",
                     "timeZone":"Asia/Baku","place":"Baku",
                     "participants":[{"party":"AZ","organization":"Azerbaijan"},
                                     {"party":"US","organization":"United States"}]}
                    """));
    String meeting = JsonPath.read(scheduled.getContentAsString(), "$.id");
    Number version = JsonPath.read(scheduled.getContentAsString(), "$.version");
    ok(
        "az",
        patch("/api/meetings/" + meeting)
            .content("{\"status\":\"held\",\"version\":" + version + "}"));
    ok(
        "az",
        put("/api/meetings/" + meeting + "/statement")
            .content(
                "{\"text\":{\"en\":\"The energy group reviewed its projects.\","
                    + "\"az\":\"Enerji qrupu layihələrini nəzərdən keçirdi.\"},\"publish\":true}"));
    ok("az", post("/api/meetings/" + meeting + "/statement/submit"));
    for (String who : List.of("az", "us")) {
      ok(who, post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":1}"));
    }
    assertThat(mvc.perform(get("/api/meetings/" + meeting + "/statement")).andReturn())
        .satisfies(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
  }

  /** The energy group's status of a rule as its US co-chair reads it through the API. */
  private ObligationStatus internal(String rule) throws Exception {
    String json =
        ok("us", get("/api/charters/az-us-2026/obligations").param("subject", ENERGY))
            .getContentAsString();
    List<Map<String, Object>> rows = JsonPath.read(json, "$.items[?(@.rule == '" + rule + "')]");
    assertThat(rows).hasSize(1);
    Map<String, Object> r = rows.get(0);
    return new ObligationStatus(
        rule,
        null,
        null,
        null,
        null,
        ENERGY,
        null,
        null,
        null,
        (String) r.get("status"),
        null,
        date(r.get("dueOn")),
        date(r.get("metOn")),
        0,
        0,
        date(r.get("lastMetOn")),
        List.of(),
        null);
  }

  /** The energy group's status of a rule as the public sees it: the portal's and the service's. */
  private ObligationStatus shown(String rule) {
    List<ObligationStatus> fromPortal =
        portal.deadlines(CharterKey.of(CHARTER)).obligations().stream()
            .filter(o -> o.rule().equals(rule) && o.subject().equals(ENERGY))
            .toList();
    List<ObligationStatus> fromService =
        obligations
            .deadlines(CharterKey.of(CHARTER), null, ENERGY, "due", Viewer.ANONYMOUS)
            .obligations()
            .stream()
            .filter(o -> o.rule().equals(rule))
            .toList();
    assertThat(fromPortal).hasSize(1).isEqualTo(fromService);
    return fromPortal.get(0);
  }

  private static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse((String) value);
  }

  /** The row of the public deadlines table for the energy group's obligation with this title. */
  private static String energyRow(String html, String title) {
    for (String row : html.split("<tr")) {
      if (row.contains(title) && row.contains("Working Group on Energy")) {
        return row;
      }
    }
    throw new AssertionError("no row for " + title + " of the energy group");
  }

  private String anonymous(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  private MockHttpServletResponse ok(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    request.header("Authorization", "Bearer " + token.get(who));
    MockHttpServletResponse response =
        mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 201);
    return response;
  }
}
