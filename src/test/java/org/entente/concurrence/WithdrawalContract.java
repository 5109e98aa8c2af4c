package org.entente.concurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Either party withdraws a published project list alone and at once: its projects leave every
 * public list, page and open-data output, a correction notice stands in their place, and publishing
 * it again needs both parties again.
 */
@CleanAfterEachTest
abstract class WithdrawalContract {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String PAGE = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String PUBLIC_GROUPS = "/public/charters/az-us-2026/working-groups";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    person("us.cochair", "US", Role.CO_CHAIR, true);
    person("az.cochair", "AZ", Role.CO_CHAIR, true);
    person("az.member", "AZ", Role.MEMBER, false);
  }

  private void person(String username, String party, Role role, boolean chair) {
    token.put(
        username,
        people
            .person(username)
            .party(party)
            .role(role)
            .memberOf(People.CHARTER, "wg-connectivity-digital", chair)
            .create());
  }

  MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request) throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  MockHttpServletResponse ok(String who, MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse r = as(who, request);
    assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
    return r;
  }

  String project(String key) throws Exception {
    return JsonPath.read(
        ok(
                "us.cochair",
                post(GROUP + "/projects")
                    .content(
                        """
                        {"key":"%s","title":{"az":"Layihə %s","en":"Project %s"},
                         "commitments":["tripp"],"leads":{"US":"Department of State"},
                         "partners":[],"financing":[],"classification":"bilateral"}
                        """
                            .formatted(key, key, key)))
            .getContentAsString(),
        "$.id");
  }

  /** Agrees version 1 of the list and has both parties approve publishing it. */
  void publishList() throws Exception {
    ok("us.cochair", post(GROUP + "/project-list/submit"));
    for (String who : List.of("us.cochair", "az.cochair")) {
      ok(who, post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    }
    ok("us.cochair", post(GROUP + "/project-list/publish").content("{\"version\":1}"));
    for (String who : List.of("us.cochair", "az.cochair")) {
      ok(who, post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    }
  }

  String anonymous(String url) throws Exception {
    MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
    return r.getStatus() + " " + r.getContentAsString();
  }

  @Test
  void oneCoChairWithdrawsAPublishedListAtOnceAndOnlyBothPublishItAgain() throws Exception {
    String port = project("alat-port");
    publishList();
    assertThat(anonymous("/api/projects/" + port)).startsWith("200");
    assertThat(anonymous(PUBLIC_GROUPS)).contains("Project alat-port");
    assertThat(anonymous("/api/charters/az-us-2026/open-data.json")).contains("alat-port");

    MockHttpServletResponse withdrawn =
        ok(
            "az.cochair",
            post("/api/charters/az-us-2026/agreements/project-list/wg-connectivity-digital/withdraw")
                .content("{\"reason\":\"published with a wrong amount\"}"));
    assertThat(JsonPath.<Object>read(withdrawn.getContentAsString(), "$.publishedVersion"))
        .isNull();

    assertThat(anonymous("/api/projects/" + port)).startsWith("404");
    assertThat(anonymous("/api/charters/az-us-2026/open-data.json")).doesNotContain("alat-port");
    assertThat(anonymous("/api/charters/az-us-2026/open-data/projects.csv"))
        .doesNotContain("alat-port");
    String page = anonymous(PUBLIC_GROUPS);
    assertThat(page).doesNotContain("Project alat-port");
    assertThat(page).contains("was withdrawn by the AZ party on");
    assertThat(page).doesNotContain("az.cochair");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'agreement.withdrawn'"
                        + " and details like '%published with a wrong amount%'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // one approval of a new proposal does not publish it again; the second one does
    ok("us.cochair", post(GROUP + "/project-list/publish").content("{\"version\":1}"));
    ok("us.cochair", post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    assertThat(anonymous("/api/projects/" + port)).startsWith("404");
    assertThat(anonymous(PUBLIC_GROUPS)).doesNotContain("Project alat-port");
    ok("az.cochair", post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    assertThat(anonymous("/api/projects/" + port)).startsWith("200");
    assertThat(anonymous(PUBLIC_GROUPS))
        .contains("Project alat-port")
        .doesNotContain("was withdrawn by");
  }

  @Test
  void aWithdrawalIsRefusedWhenNothingIsPublishedOrTheViewerMayNotActOrGivesNoReason()
      throws Exception {
    project("alat-port");
    MockHttpServletResponse nothing =
        as(
            "us.cochair",
            post(GROUP + "/project-list/withdraw").content("{\"reason\":\"a mistake\"}"));
    assertThat(nothing.getStatus()).isEqualTo(409);
    assertThat(nothing.getContentAsString()).contains("is not published");

    publishList();
    MockHttpServletResponse member =
        as("az.member", post(GROUP + "/project-list/withdraw").content("{\"reason\":\"no\"}"));
    assertThat(member.getStatus()).isEqualTo(403);
    MockHttpServletResponse noReason =
        as("us.cochair", post(GROUP + "/project-list/withdraw").content("{}"));
    assertThat(noReason.getStatus()).isEqualTo(400);
    assertThat(noReason.getContentAsString()).contains("reason");
    assertThat(anonymous(PUBLIC_GROUPS)).contains("Project alat-port");

    ok("us.cochair", post(GROUP + "/project-list/withdraw").content("{\"reason\":\"a mistake\"}"));
    MockHttpServletResponse twice =
        as("az.cochair", post(GROUP + "/project-list/withdraw").content("{\"reason\":\"again\"}"));
    assertThat(twice.getStatus()).isEqualTo(409);
  }

  @Test
  void theWorkspaceFormWithdrawsWithARequiredReason() throws Exception {
    project("alat-port");
    publishList();
    Cookie session = People.session(mvc, "us.cochair");
    String workspace =
        mvc.perform(get(PAGE + "/workspace").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(workspace)
        .contains("action=\"" + PAGE + "/project-list/withdraw\"")
        .contains("<label for=\"project-list-withdraw-reason\"");

    MockHttpServletResponse blank =
        mvc.perform(
                post(PAGE + "/project-list/withdraw")
                    .param("reason", " ")
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(blank.getStatus()).isEqualTo(400);
    assertThat(anonymous(PUBLIC_GROUPS)).contains("Project alat-port");

    MockHttpServletResponse done =
        mvc.perform(
                post(PAGE + "/project-list/withdraw")
                    .param("reason", "a mistake")
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(done.getStatus()).isEqualTo(302);
    assertThat(
            mvc.perform(get(done.getRedirectedUrl()).cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("the workspace says what was done")
        .contains("The project list is withdrawn from the public");
    assertThat(anonymous(PUBLIC_GROUPS))
        .doesNotContain("Project alat-port")
        .contains("was withdrawn by the US party on");
  }

  @Test
  void aWithdrawnRoadmapsMilestonesLeaveThePublicSideWithANoticeInTheirPlace() throws Exception {
    String roadmap = GROUP + "/roadmap";
    // One more audited change than the other tests make before their first public page: the
    // public pages kept for a record change number outlive the cleaning between tests, and the
    // same number of changes would be answered with another test's kept page.
    person("us.observer", "US", Role.MEMBER, false);
    ok(
        "us.cochair",
        post(roadmap + "/milestones")
            .content(
                """
                {"key":"wd-survey","title":{"en":"Survey of the corridor"},
                 "plannedStart":"2026-12-01","plannedEnd":"2027-03-01","dependsOn":[],
                 "classification":"bilateral"}
                """));
    ok("us.cochair", post(roadmap + "/submit"));
    for (String who : List.of("us.cochair", "az.cochair")) {
      ok(who, post(roadmap + "/approve").content("{\"version\":1}"));
    }
    ok("az.cochair", post(roadmap + "/publish").content("{\"version\":1}"));
    for (String who : List.of("us.cochair", "az.cochair")) {
      ok(who, post(roadmap + "/approve-publication").content("{\"version\":1}"));
    }
    assertThat(anonymous(roadmap)).contains("wd-survey");
    assertThat(anonymous(PUBLIC_GROUPS)).contains("Survey of the corridor");

    ok("us.cochair", post(roadmap + "/withdraw").content("{\"reason\":\"wrong dates\"}"));

    assertThat(anonymous(roadmap)).doesNotContain("wd-survey");
    assertThat(anonymous("/api/charters/az-us-2026/open-data.json")).doesNotContain("wd-survey");
    assertThat(anonymous(PUBLIC_GROUPS))
        .doesNotContain("Survey of the corridor")
        .contains("the roadmap published earlier was withdrawn by the US party on");
  }
}
