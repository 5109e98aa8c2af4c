package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The connectivity group's roadmap: milestones, refusals, agreement, baseline variance. */
@EntenteTest
@CleanAfterEachTest
class RoadmapAgreementTest {

  static final String PASSWORD = "correct horse battery";
  static final String ROADMAP =
      "/api/charters/az-us-2026/working-groups/wg-connectivity-digital/roadmap";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void coChairs() {
    for (String[] p : new String[][] {{"us.cochair", "US"}, {"az.cochair", "AZ"}}) {
      accounts.create(
          new Accounts.NewAccount(
              p[0],
              p[0],
              p[1],
              null,
              EnumSet.of(Role.CO_CHAIR),
              false,
              PASSWORD,
              List.of(new MembershipInput("az-us-2026", "wg-connectivity-digital", true))));
      token.put(p[0], tokens.create(p[0], "t", Scope.WRITE, 30).secret());
    }
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token.get(who))
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse add(String key, String start, String end, String dependsOn)
      throws Exception {
    return as(
        "us.cochair",
        post(ROADMAP + "/milestones")
            .content(
                """
                {"key":"%s","title":{"en":"%s"},"owner":"Ministry of Digital Development",
                 "plannedStart":"%s","plannedEnd":"%s","dependsOn":%s}
                """
                    .formatted(key, key, start, end, dependsOn)));
  }

  private long milestones() {
    return jdbc.sql("select count(*) from milestone").query(Long.class).single();
  }

  @Test
  void aCycleAnEndBeforeItsStartAndAStaleVersionAreRefusedAndChangeNothing() throws Exception {
    assertThat(add("survey", "2026-12-01", "2026-12-31", "[]").getStatus()).isEqualTo(201);
    assertThat(add("design", "2027-01-01", "2027-02-28", "[\"survey\"]").getStatus())
        .isEqualTo(201);
    MockHttpServletResponse build = add("build", "2027-03-01", "2027-06-30", "[\"design\"]");
    assertThat(build.getStatus()).isEqualTo(201);

    MockHttpServletResponse backwards = add("launch", "2027-07-01", "2027-06-01", "[\"build\"]");
    assertThat(backwards.getStatus()).isEqualTo(400);
    assertThat(backwards.getContentAsString())
        .contains("planned end 2027-06-01 is before the planned start 2027-07-01");
    assertThat(milestones()).isEqualTo(3);

    String survey =
        jdbc.sql("select cast(id as varchar) from milestone where code = 'survey'")
            .query(String.class)
            .single();
    String before = as("us.cochair", get(ROADMAP)).getContentAsString();
    MockHttpServletResponse cycle =
        as(
            "az.cochair",
            put("/api/milestones/" + survey)
                .content(
                    """
                    {"title":{"en":"survey"},"plannedStart":"2026-12-01","plannedEnd":"2026-12-31",
                     "dependsOn":["build"],"version":0}
                    """));
    assertThat(cycle.getStatus()).isEqualTo(400);
    assertThat(cycle.getContentAsString())
        .contains("cycle")
        .contains("survey depends on build")
        .contains("build depends on design")
        .contains("design depends on survey");
    MockHttpServletResponse stale =
        as(
            "az.cochair",
            put("/api/milestones/" + survey)
                .content(
                    """
                    {"title":{"en":"Survey of the route"},"plannedStart":"2026-12-01","plannedEnd":"2026-12-31",
                     "dependsOn":[],"version":4}
                    """));
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(as("us.cochair", get(ROADMAP)).getContentAsString()).isEqualTo(before);
  }

  @Test
  void agreedByBothCoChairsItMeetsTheRoadmapObligationAndBecomesTheBaseline() throws Exception {
    add("survey", "2026-12-01", "2026-12-31", "[]");
    add("design", "2027-01-01", "2027-02-28", "[\"survey\"]");
    add("works", "2027-01-01", "2027-12-31", "[]");
    String roadmap = as("us.cochair", get(ROADMAP)).getContentAsString();
    assertThat((List<String>) JsonPath.read(roadmap, "$.criticalPath")).containsExactly("works");

    assertThat(as("us.cochair", post(ROADMAP + "/submit")).getStatus()).isEqualTo(200);
    as("us.cochair", post(ROADMAP + "/approve").content("{\"version\":1}"));
    MockHttpServletResponse agreed =
        as("az.cochair", post(ROADMAP + "/approve").content("{\"version\":1}"));
    assertThat((String) JsonPath.read(agreed.getContentAsString(), "$.agreement.state"))
        .isEqualTo("AGREED");

    String obligations =
        as(
                "us.cochair",
                get("/api/charters/az-us-2026/obligations?subject=wg-connectivity-digital"))
            .getContentAsString();
    List<Map<String, Object>> met =
        JsonPath.read(obligations, "$.items[?(@.rule == 'wg-roadmap')]");
    assertThat(met)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.get("status")).isEqualTo("met-late");
              assertThat(o.get("metOn")).isEqualTo(FixedClockConfiguration.TODAY.toString());
            });

    // the design slips by ten days: ten days of variance from the agreed baseline
    String design =
        jdbc.sql("select cast(id as varchar) from milestone where code = 'design'")
            .query(String.class)
            .single();
    MockHttpServletResponse slipped =
        as(
            "us.cochair",
            put("/api/milestones/" + design)
                .content(
                    """
                    {"title":{"en":"design"},"plannedStart":"2027-01-01","plannedEnd":"2027-03-10",
                     "dependsOn":["survey"],"version":0}
                    """));
    assertThat(slipped.getStatus()).as(slipped.getContentAsString()).isEqualTo(200);
    String after = as("az.cochair", get(ROADMAP)).getContentAsString();
    assertThat(
            (List<Integer>) JsonPath.read(after, "$.milestones[?(@.key == 'design')].varianceDays"))
        .containsExactly(10);
    assertThat((Boolean) JsonPath.read(after, "$.changedSinceVersion")).isTrue();
    assertThat((String) JsonPath.read(after, "$.agreement.state")).isEqualTo("AGREED");
  }
}
