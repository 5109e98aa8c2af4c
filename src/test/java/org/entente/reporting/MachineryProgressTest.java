package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.Role;
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
 * The commitments the charter's own machinery serves progress as its obligations are met (issue
 * 18). The commitment "project lists and roadmaps" (clause 8.2) is served by two obligations of
 * that clause, a project list and a roadmap, for each of the four working groups: eight parts, all
 * overdue and unmet on 2026-11-28. When the energy group's co-chairs agree its project list, one of
 * the eight is met: 1/8 = 0.125 for them; for the public, only once both parties published it.
 */
@EntenteTest
@CleanAfterEachTest
class MachineryProgressTest {

  static final String CHARTER = People.CHARTER;
  static final String ENERGY = "wg-energy";
  static final String GROUP = "/api/charters/az-us-2026/working-groups/" + ENERGY;
  static final String COMMITMENT =
      "/api/charters/az-us-2026/progress/commitments/project-lists-roadmaps";

  @Autowired People people;
  @Autowired MockMvc mvc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void coChairs() {
    for (String party : List.of("US", "AZ")) {
      token.put(
          party,
          people
              .person(party.toLowerCase(java.util.Locale.ROOT) + ".energy")
              .party(party)
              .role(Role.CO_CHAIR)
              .chairs(CHARTER, ENERGY)
              .create());
    }
  }

  @Test
  void aProjectListBothCoChairsAgreedMovesTheCommitmentItServesAndItsArea() throws Exception {
    int version = agreedProjectList();

    String figure = ok("US", get(COMMITMENT)).getContentAsString();
    assertThat(value(figure, "$.value")).isCloseTo(0.125, within(1e-9));
    assertThat(value(figure, "$.parts[?(@.key == 'wg-project-list/wg-energy')].value"))
        .isEqualTo(1.0);
    List<String> kinds = JsonPath.read(figure, "$.parts[*].kind");
    assertThat(kinds).hasSize(8).containsOnly("obligation");

    // it rolls up: the energy area is the mean of its commitments, this one among them
    String area =
        ok("US", get("/api/charters/az-us-2026/progress/areas/energy")).getContentAsString();
    List<Object> commitments = JsonPath.read(area, "$.parts[*]");
    assertThat(value(area, "$.parts[?(@.key == 'project-lists-roadmaps')].value"))
        .isCloseTo(0.125, within(1e-9));
    double energy = value(area, "$.value");
    assertThat(energy).isCloseTo(0.125 / commitments.size(), within(1e-9));
    String dashboard = ok("US", get("/api/dashboard/az-us-2026")).getContentAsString();
    assertThat(value(dashboard, "$.areas[?(@.key == 'energy')].value"))
        .isCloseTo(energy, within(1e-9));
    String report =
        ok("US", get("/api/charters/az-us-2026/report?year=2026&version=internal"))
            .getContentAsString();
    assertThat(value(report, "$.areas[?(@.key == 'energy')].value"))
        .isCloseTo(energy, within(1e-9));

    // the public may not know of an agreement not published: nothing has moved, for them
    String unpublished = anonymous(get(COMMITMENT));
    assertThat(value(unpublished, "$.value")).isZero();
    assertThat(value(anonymous(get("/api/charters/az-us-2026/progress/areas/energy")), "$.value"))
        .isZero();

    publish(version);
    String published = anonymous(get(COMMITMENT));
    assertThat(value(published, "$.value")).isCloseTo(0.125, within(1e-9));
    String publicReport =
        anonymous(get("/api/charters/az-us-2026/report?year=2026&version=public"));
    assertThat(value(publicReport, "$.areas[?(@.key == 'energy')].value")).isPositive();

    // the progress page gives such a commitment its rule, not "no project serves it yet"
    String page = anonymous(get("/charters/az-us-2026/progress"));
    java.util.regex.Matcher summary =
        java.util.regex.Pattern.compile(
                "Project lists and implementation roadmaps</span>.*?<span class=\"muted\">([^<]*)</span>",
                java.util.regex.Pattern.DOTALL)
            .matcher(page);
    assertThat(summary.find()).as("the commitment on the progress page").isTrue();
    assertThat(summary.group(1)).doesNotContain("no project").contains("obligations");
  }

  /** The energy group's co-chairs agree its project list, through the API: its version. */
  private int agreedProjectList() throws Exception {
    ok(
        "US",
        post(GROUP + "/projects")
            .content(
                """
                {"key":"caspian-interconnector","title":{"en":"Caspian power interconnector"},
                 "commitments":["oil-gas-electricity"],"leads":{"US":"Department of Energy"}}
                """));
    int version =
        JsonPath.read(
            ok("US", post(GROUP + "/project-list/submit")).getContentAsString(),
            "$.agreement.currentVersion");
    for (String who : List.of("US", "AZ")) {
      ok(who, post(GROUP + "/project-list/approve").content("{\"version\":" + version + "}"));
    }
    return version;
  }

  private void publish(int version) throws Exception {
    ok("AZ", post(GROUP + "/project-list/publish").content("{\"version\":" + version + "}"));
    for (String who : List.of("US", "AZ")) {
      ok(
          who,
          post(GROUP + "/project-list/approve-publication")
              .content("{\"version\":" + version + "}"));
    }
  }

  /** A number at a path; a filter's single match is taken from its list. */
  private static double value(String json, String path) {
    Object read = JsonPath.read(json, path);
    if (read instanceof List<?> list) {
      assertThat(list).as(path).hasSize(1);
      read = list.get(0);
    }
    return ((Number) read).doubleValue();
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
