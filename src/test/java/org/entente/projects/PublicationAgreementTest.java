package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
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
 * Publishing an agreed project list and roadmap goes through concurrence: both parties' co-chairs
 * approve the publication of the same version; only then do its projects and milestones become
 * public, and never a party-internal one or one of the restricted group.
 */
@EntenteTest
@CleanAfterEachTest
class PublicationAgreementTest {

  static final String PASSWORD = "correct horse battery";
  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String SECURITY = "/api/charters/az-us-2026/working-groups/wg-security-defense";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    person("us.cochair", "US", Role.CO_CHAIR, "wg-connectivity-digital", true, false);
    person("az.cochair", "AZ", Role.CO_CHAIR, "wg-connectivity-digital", true, false);
    person("az.member", "AZ", Role.MEMBER, "wg-connectivity-digital", false, false);
    person("us.sec", "US", Role.CO_CHAIR, "wg-security-defense", true, true);
    person("az.sec", "AZ", Role.CO_CHAIR, "wg-security-defense", true, true);
  }

  private void person(
      String username, String party, Role role, String group, boolean chair, boolean cleared) {
    token.put(
        username,
        people
            .person(username)
            .party(party)
            .role(role)
            .cleared(cleared)
            .memberOf(People.CHARTER, group, chair)
            .create());
  }

  MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request) throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  String project(String who, String group, String key, String classification) throws Exception {
    MockHttpServletResponse response =
        as(
            who,
            post(group + "/projects")
                .content(
                    """
                    {"key":"%s","title":{"az":"Layihə %s","en":"Project %s"},
                     "commitments":["%s"],"leads":{"US":"Department of State"},
                     "partners":[],"financing":[],"classification":"%s"}
                    """
                        .formatted(
                            key,
                            key,
                            key,
                            group.equals(SECURITY) ? "defense-security-cooperation" : "tripp",
                            classification)));
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  /** Submits the list and has both co-chairs approve it: version {@code version} is agreed. */
  void agreeList(String group, String us, String az, int version) throws Exception {
    assertThat(as(us, post(group + "/project-list/submit")).getStatus()).isEqualTo(200);
    for (String who : List.of(us, az)) {
      MockHttpServletResponse r =
          as(who, post(group + "/project-list/approve").content("{\"version\":" + version + "}"));
      assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    }
  }

  int anonymous(String url) throws Exception {
    return as(null, get(url)).getStatus();
  }

  @Test
  void bothPartiesApprovingPublicationOfTheSameVersionMakesItsProjectsPublic() throws Exception {
    String port = project("us.cochair", GROUP, "alat-port", "bilateral");
    String internal = project("az.cochair", GROUP, "az-internal-note", "party-internal");
    agreeList(GROUP, "us.cochair", "az.cochair", 1);
    assertThat(anonymous("/api/projects/" + port)).isEqualTo(404);

    MockHttpServletResponse proposed =
        as("us.cochair", post(GROUP + "/project-list/publish").content("{\"version\":1}"));
    assertThat(proposed.getStatus()).as(proposed.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(proposed.getContentAsString(), "$.proposedVersion"))
        .isEqualTo(1);
    MockHttpServletResponse one =
        as(
            "us.cochair",
            post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    assertThat(one.getStatus()).as(one.getContentAsString()).isEqualTo(200);
    assertThat(anonymous("/api/projects/" + port)).as("one approval is not enough").isEqualTo(404);

    MockHttpServletResponse both =
        as(
            "az.cochair",
            post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    assertThat(both.getStatus()).as(both.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(both.getContentAsString(), "$.publishedVersion"))
        .isEqualTo(1);
    assertThat(anonymous("/api/projects/" + port)).isEqualTo(200);
    assertThat(anonymous("/api/projects/" + internal)).isEqualTo(404);
    assertThat(as("us.cochair", get("/api/projects/" + internal)).getStatus()).isEqualTo(404);
  }

  @Test
  void approvingPublicationOfAnotherVersionThanProposedIsRefused() throws Exception {
    String first = project("us.cochair", GROUP, "alat-port", "bilateral");
    agreeList(GROUP, "us.cochair", "az.cochair", 1);
    as("us.cochair", post(GROUP + "/project-list/reopen"));
    String second = project("us.cochair", GROUP, "rail-link", "bilateral");
    agreeList(GROUP, "us.cochair", "az.cochair", 2);

    assertThat(
            as("us.cochair", post(GROUP + "/project-list/publish").content("{\"version\":1}"))
                .getStatus())
        .isEqualTo(200);
    MockHttpServletResponse other =
        as(
            "az.cochair",
            post(GROUP + "/project-list/approve-publication").content("{\"version\":2}"));
    assertThat(other.getStatus()).isEqualTo(403);
    assertThat(other.getContentAsString()).contains("version 1");
    as("us.cochair", post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    assertThat(anonymous("/api/projects/" + first)).isEqualTo(404);

    // the AZ co-chair proposes version 2 instead: the US approval of version 1 is withdrawn
    assertThat(
            as("az.cochair", post(GROUP + "/project-list/publish").content("{\"version\":2}"))
                .getStatus())
        .isEqualTo(200);
    as("az.cochair", post(GROUP + "/project-list/approve-publication").content("{\"version\":2}"));
    assertThat(anonymous("/api/projects/" + second)).isEqualTo(404);
    as("us.cochair", post(GROUP + "/project-list/approve-publication").content("{\"version\":2}"));
    assertThat(anonymous("/api/projects/" + first)).isEqualTo(200);
    assertThat(anonymous("/api/projects/" + second)).isEqualTo(200);
  }

  @Test
  void onlyAnAgreedVersionCanBeProposedAndOnlyByACoChair() throws Exception {
    project("us.cochair", GROUP, "alat-port", "bilateral");
    as("us.cochair", post(GROUP + "/project-list/submit"));
    assertThat(
            as("us.cochair", post(GROUP + "/project-list/publish").content("{\"version\":1}"))
                .getStatus())
        .isEqualTo(403);
    as("us.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    as("az.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    assertThat(
            as("az.member", post(GROUP + "/project-list/publish").content("{\"version\":1}"))
                .getStatus())
        .isEqualTo(403);
    assertThat(
            as(null, post(GROUP + "/project-list/publish").content("{\"version\":1}")).getStatus())
        .isIn(401, 403, 404);
    assertThat(as("us.cochair", post(GROUP + "/project-list/publish").content("{}")).getStatus())
        .isEqualTo(400);
  }

  @Test
  void theRestrictedGroupsListIsNeverPublished() throws Exception {
    String secret = project("us.sec", SECURITY, "border-radar", "bilateral");
    agreeList(SECURITY, "us.sec", "az.sec", 1);
    MockHttpServletResponse refused =
        as("us.sec", post(SECURITY + "/project-list/publish").content("{\"version\":1}"));
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("restricted");
    assertThat(anonymous("/api/projects/" + secret)).isEqualTo(404);
  }

  @Test
  void aListChangedSinceTheAgreedVersionIsNotPublished() throws Exception {
    String port = project("us.cochair", GROUP, "alat-port", "bilateral");
    agreeList(GROUP, "us.cochair", "az.cochair", 1);
    as("us.cochair", post(GROUP + "/project-list/publish").content("{\"version\":1}"));
    as("us.cochair", post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    project("us.cochair", GROUP, "late-addition", "bilateral");
    MockHttpServletResponse refused =
        as(
            "az.cochair",
            post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("changed since version 1");
    assertThat(anonymous("/api/projects/" + port)).isEqualTo(404);
  }

  @Test
  void anAgreedRoadmapIsPublishedByBothCoChairsAndItsPlanThenStays() throws Exception {
    String base = GROUP + "/roadmap";
    MockHttpServletResponse added =
        as(
            "us.cochair",
            post(base + "/milestones")
                .content(
                    """
                    {"key":"survey","title":{"en":"Survey done","az":"Tədqiqat bitdi"},
                     "plannedStart":"2026-12-01","plannedEnd":"2027-03-01"}
                    """));
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(added.getContentAsString(), "$.id");
    as("us.cochair", post(base + "/submit"));
    as("us.cochair", post(base + "/approve").content("{\"version\":1}"));
    as("az.cochair", post(base + "/approve").content("{\"version\":1}"));
    as("az.cochair", post(base + "/publish").content("{\"version\":1}"));
    as("az.cochair", post(base + "/approve-publication").content("{\"version\":1}"));
    assertThat(
            jdbc.sql("select classification from milestone where id = ?")
                .param(java.util.UUID.fromString(id))
                .query(String.class)
                .single())
        .isEqualTo("BILATERAL");
    MockHttpServletResponse both =
        as("us.cochair", post(base + "/approve-publication").content("{\"version\":1}"));
    assertThat(both.getStatus()).as(both.getContentAsString()).isEqualTo(200);
    assertThat(
            jdbc.sql("select classification from milestone where id = ?")
                .param(java.util.UUID.fromString(id))
                .query(String.class)
                .single())
        .isEqualTo("PUBLIC");
    long version =
        jdbc.sql("select version from milestone where id = ?")
            .param(java.util.UUID.fromString(id))
            .query(Long.class)
            .single();
    MockHttpServletResponse replanned =
        as(
            "us.cochair",
            put("/api/milestones/" + id)
                .content(
                    """
                    {"title":{"en":"Survey done","az":"Tədqiqat bitdi"},
                     "plannedStart":"2026-12-01","plannedEnd":"2027-09-01","version":%d}
                    """
                        .formatted(version)));
    assertThat(replanned.getStatus()).isEqualTo(403);
  }

  private jakarta.servlet.http.Cookie login(String username) throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", username)
                .param("password", PASSWORD)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  @Test
  void coChairsPublishThroughTheWorkspaceForms() throws Exception {
    String port = project("us.cochair", GROUP, "alat-port", "bilateral");
    agreeList(GROUP, "us.cochair", "az.cochair", 1);
    String workspace = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
    for (String who : List.of("us.cochair", "az.cochair")) {
      jakarta.servlet.http.Cookie session = login(who);
      String page =
          mvc.perform(get(workspace + "/workspace").cookie(session))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains("Not published to the public.");
      String action =
          who.startsWith("us") ? "/project-list/publish" : "/project-list/approve-publication";
      if (who.startsWith("us")) {
        assertThat(page).contains("Propose publishing version 1");
        mvc.perform(
            post(workspace + action)
                .param("version", "1")
                .cookie(session)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()));
        action = "/project-list/approve-publication";
      } else {
        assertThat(page).contains("Approve publishing version 1");
      }
      var done =
          mvc.perform(
                  post(workspace + action)
                      .param("version", "1")
                      .cookie(session)
                      .with(
                          org.springframework.security.test.web.servlet.request
                              .SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      assertThat(done.getRedirectedUrl()).contains("/workspace?done=");
    }
    assertThat(anonymous("/api/projects/" + port)).isEqualTo(200);
    assertThat(
            mvc.perform(get(workspace + "/workspace").cookie(login("az.cochair")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Published to the public: version 1.");
  }
}
