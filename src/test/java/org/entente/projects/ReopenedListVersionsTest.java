package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.concurrence.Concurrence;
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
 * Reopening an agreed project list opens the next version as a draft that is never the agreed one,
 * and the first change submitted after it keeps that number: the versions both parties see are
 * consecutive, for the list and for the agreement on its publication; what was agreed stays as it
 * was.
 */
@EntenteTest
@CleanAfterEachTest
class ReopenedListVersionsTest {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    for (String party : List.of("US", "AZ")) {
      token.put(
          party,
          people
              .person(party.toLowerCase() + ".chair")
              .party(party)
              .role(Role.CO_CHAIR)
              .memberOf(People.CHARTER, "wg-connectivity-digital", true)
              .create());
    }
  }

  private MockHttpServletResponse as(String party, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token.get(party))
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private String step(String party, String action, String body) throws Exception {
    MockHttpServletResponse r =
        as(party, post(GROUP + "/project-list/" + action).content(body == null ? "" : body));
    assertThat(r.getStatus()).as(action + ": " + r.getContentAsString()).isEqualTo(200);
    return r.getContentAsString();
  }

  private void project(String key) throws Exception {
    MockHttpServletResponse r =
        as(
            "US",
            post(GROUP + "/projects")
                .content(
                    """
                    {"key":"%s","title":{"az":"Layihə %s","en":"Project %s"},
                     "commitments":["tripp"],"leads":{"US":"Department of State"},
                     "partners":[],"financing":[],"classification":"bilateral"}
                    """
                        .formatted(key, key, key)));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
  }

  private void agree(int version) throws Exception {
    for (String party : List.of("US", "AZ")) {
      step(party, "approve", "{\"version\":" + version + "}");
    }
  }

  private Object agreement(String path) throws Exception {
    return JsonPath.read(as("US", get(GROUP + "/project-list")).getContentAsString(), path);
  }

  private Map<Integer, String> storedFingerprints(String subjectType) {
    Map<Integer, String> byNumber = new java.util.TreeMap<>();
    jdbc.sql(
            "select c.number, c.fingerprint, c.content from agreement_content c join agreement a"
                + " on a.id = c.agreement_id where a.subject_type = ?")
        .param(subjectType)
        .query(
            rs -> {
              assertThat(Concurrence.fingerprint(rs.getString("content")))
                  .isEqualTo(rs.getString("fingerprint"));
              byNumber.put(rs.getInt("number"), rs.getString("fingerprint"));
            });
    return byNumber;
  }

  @Test
  void theFirstChangeAfterReopeningAnAgreedListIsTheNextVersionNotTheOneAfter() throws Exception {
    project("baku-port-rail");
    step("US", "submit", null);
    agree(1);
    String agreedFingerprint = (String) agreement("$.agreement.agreedVersions[0].fingerprint");

    step("AZ", "reopen", null);
    assertThat(agreement("$.agreement.state")).isEqualTo("DRAFT");
    assertThat(agreement("$.agreement.currentVersion"))
        .as("the reopened draft is not the agreed version 1")
        .isEqualTo(2);

    project("ganja-rail-yard");
    String submitted = step("US", "submit", null);
    assertThat((Integer) JsonPath.read(submitted, "$.agreement.currentVersion"))
        .as("no version number is skipped")
        .isEqualTo(2);
    String changed = (String) JsonPath.read(submitted, "$.agreement.fingerprint");
    assertThat(changed).isNotEqualTo(agreedFingerprint);
    assertThat(storedFingerprints("project-list")).containsEntry(2, changed);

    agree(2);
    assertThat((List<Integer>) agreement("$.agreement.agreedVersions[*].version"))
        .containsExactly(1, 2);
    assertThat((List<String>) agreement("$.agreement.agreedVersions[*].fingerprint"))
        .containsExactly(agreedFingerprint, changed);
    assertThat(storedFingerprints("project-list"))
        .containsOnlyKeys(1, 2)
        .containsEntry(1, agreedFingerprint);
    assertThat((List<Object>) agreement("$.agreement.approvals[?(@.version == 1)].withdrawnAt"))
        .as("the agreed version's approvals stay as they were")
        .containsOnlyNulls();
  }

  @Test
  void proposingToPublishALaterVersionKeepsThePublicationVersionsConsecutive() throws Exception {
    project("baku-port-rail");
    step("US", "submit", null);
    agree(1);
    step("US", "publish", "{\"version\":1}");
    for (String party : List.of("US", "AZ")) {
      step(party, "approve-publication", "{\"version\":1}");
    }
    step("US", "reopen", null);
    project("ganja-rail-yard");
    step("US", "submit", null);
    agree(2);
    step("AZ", "publish", "{\"version\":2}");
    assertThat(storedFingerprints(Concurrence.publicationOf("project-list")))
        .as("the publication agreement's versions: the first proposal, then the second")
        .containsOnlyKeys(1, 2);
    for (String party : List.of("US", "AZ")) {
      step(party, "approve-publication", "{\"version\":2}");
    }
    String publication = as("US", get(GROUP + "/project-list/publication")).getContentAsString();
    assertThat((Integer) JsonPath.read(publication, "$.publishedVersion")).isEqualTo(2);
  }
}
