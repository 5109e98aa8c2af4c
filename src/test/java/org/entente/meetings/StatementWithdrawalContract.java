package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
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
 * Either party withdraws a published joint statement alone and at once (issue 18, item 5): its text
 * leaves the public statement page, the statements lists and the portal, a correction notice stands
 * in its place, and publishing it again needs both parties again.
 */
@CleanAfterEachTest
abstract class StatementWithdrawalContract {

  static final String GROUP = "wg-economy-trade";
  static final String TEXT = "Both parties agree to open the trade corridor by spring.";
  static final String TEXT_AZ = "Hər iki tərəf ticarət dəhlizini yazda açmağa razıdır.";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    person("az.chair", "AZ", Role.CO_CHAIR, true);
    person("us.chair", "US", Role.CO_CHAIR, true);
    person("az.writer", "AZ", Role.MEMBER, false);
  }

  private void person(String username, String party, Role role, boolean chair) {
    token.put(
        username,
        people
            .person(username)
            .party(party)
            .role(role)
            .organization("Ministry of Economy")
            .memberOf(People.CHARTER, GROUP, chair)
            .create());
  }

  MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request) throws Exception {
    request.header("Authorization", "Bearer " + token.get(who));
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  MockHttpServletResponse ok(String who, MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse r = as(who, request);
    assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
    return r;
  }

  String anonymous(String url) throws Exception {
    MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
    return r.getStatus() + " " + r.getContentAsString();
  }

  /** A meeting of the group whose statement both co-chairs agreed to publish. */
  String publishedStatement() throws Exception {
    String meeting =
        JsonPath.read(
            ok(
                    "az.writer",
                    post("/api/charters/az-us-2026/meetings")
                        .content(
                            """
                            {"body":"working-group","bodyKey":"%s","title":"Trade corridor talks",
                             "startsAt":"2026-11-24T10:00","endsAt":"2026-11-24T12:00",
                             "timeZone":"Asia/Baku","place":"Baku"}
                            """
                                .formatted(GROUP)))
                .getContentAsString(),
            "$.id");
    ok(
        "az.writer",
        put("/api/meetings/" + meeting + "/statement")
            .content(
                "{\"text\":{\"en\":\""
                    + TEXT
                    + "\",\"az\":\""
                    + TEXT_AZ
                    + "\"},\"publish\":true}"));
    ok("az.writer", post("/api/meetings/" + meeting + "/statement/submit"));
    for (String who : List.of("az.chair", "us.chair")) {
      ok(who, post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":1}"));
    }
    return meeting;
  }

  @Test
  void oneCoChairWithdrawsAPublishedStatementAtOnceAndOnlyBothPublishItAgain() throws Exception {
    String meeting = publishedStatement();
    assertThat(anonymous("/statements/" + meeting)).startsWith("200").contains(TEXT);
    assertThat(anonymous("/public/charters/az-us-2026/statements")).contains(TEXT);
    assertThat(anonymous("/charters/az-us-2026/statements")).contains("Trade corridor talks");

    MockHttpServletResponse withdrawn =
        ok(
            "us.chair",
            post("/api/charters/az-us-2026/agreements/joint-statement/" + meeting + "/withdraw")
                .content("{\"reason\":\"signed off with the wrong date\"}"));
    assertThat(withdrawn.getContentAsString()).doesNotContain("\"publishedAt\":\"");

    String page = anonymous("/statements/" + meeting);
    assertThat(page)
        .startsWith("200")
        .doesNotContain(TEXT)
        .contains("was withdrawn by the US party");
    assertThat(anonymous("/api/meetings/" + meeting + "/statement")).startsWith("404");
    assertThat(anonymous("/api/charters/az-us-2026/statements")).doesNotContain(TEXT);
    assertThat(anonymous("/charters/az-us-2026/statements"))
        .doesNotContain("Trade corridor talks")
        .contains("was withdrawn by the US party");
    String portal = anonymous("/public/charters/az-us-2026/statements");
    assertThat(portal).doesNotContain(TEXT).contains("was withdrawn by the US party");
    assertThat(portal).doesNotContain("us.chair").doesNotContain("wrong date");
    assertThat(audited("agreement.withdrawn")).isEqualTo(1);
    assertThat(audited("joint-statement.withdrawn")).isEqualTo(1);

    // the withdrawal is no version to approve, and the meeting page offers no approval of it
    String approve = "action=\"/meetings/" + meeting + "/statement/approve\"";
    assertThat(meetingPage("az.chair", meeting)).doesNotContain(approve);
    assertThat(
            as(
                    "az.chair",
                    post("/api/meetings/" + meeting + "/statement/approve")
                        .content("{\"version\":2}"))
                .getStatus())
        .isEqualTo(403);
    ok("az.writer", post("/api/meetings/" + meeting + "/statement/submit"));
    // submitted again, the statement is a version to approve; both approving it publishes it
    assertThat(meetingPage("az.chair", meeting)).contains(approve);
    ok(
        "az.chair",
        post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":3}"));
    assertThat(anonymous("/statements/" + meeting)).doesNotContain(TEXT);
    assertThat(anonymous("/public/charters/az-us-2026/statements")).doesNotContain(TEXT);
    ok(
        "us.chair",
        post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":3}"));
    assertThat(anonymous("/statements/" + meeting)).contains(TEXT).doesNotContain("was withdrawn");
    assertThat(anonymous("/public/charters/az-us-2026/statements"))
        .contains(TEXT)
        .doesNotContain("was withdrawn by");
  }

  /** The meeting's page as someone signed in sees it. */
  private String meetingPage(String who, String meeting) throws Exception {
    jakarta.servlet.http.Cookie session = People.session(mvc, who);
    return mvc.perform(get("/meetings/" + meeting).cookie(session))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aWithdrawalIsRefusedWhenNothingIsPublishedOrTheViewerMayNotActOrGivesNoReason()
      throws Exception {
    String meeting = publishedStatement();
    String withdraw = "/api/meetings/" + meeting + "/statement/withdraw";
    assertThat(as("az.writer", post(withdraw).content("{\"reason\":\"no\"}")).getStatus())
        .isEqualTo(403);
    MockHttpServletResponse noReason = as("az.chair", post(withdraw).content("{}"));
    assertThat(noReason.getStatus()).isEqualTo(400);
    assertThat(noReason.getContentAsString()).contains("reason");
    assertThat(anonymous("/statements/" + meeting)).contains(TEXT);

    ok("az.chair", post(withdraw).content("{\"reason\":\"a mistake\"}"));
    MockHttpServletResponse twice =
        as("us.chair", post(withdraw).content("{\"reason\":\"again\"}"));
    assertThat(twice.getStatus()).isEqualTo(409);
    assertThat(audited("agreement.withdrawn")).isEqualTo(1);
  }

  @Test
  void theMeetingPageFormWithdrawsWithARequiredReason() throws Exception {
    String meeting = publishedStatement();
    jakarta.servlet.http.Cookie session = People.session(mvc, "az.chair");
    String action = "/meetings/" + meeting + "/statement/withdraw";
    assertThat(
            mvc.perform(get("/meetings/" + meeting).cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("action=\"" + action + "\"")
        .contains("<label for=\"statement-withdraw-reason\"");
    MockHttpServletResponse blank =
        mvc.perform(post(action).param("reason", " ").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(blank.getStatus()).isEqualTo(400);
    assertThat(anonymous("/statements/" + meeting)).contains(TEXT);
    MockHttpServletResponse done =
        mvc.perform(post(action).param("reason", "a mistake").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(done.getStatus()).isEqualTo(302);
    assertThat(anonymous("/statements/" + meeting))
        .doesNotContain(TEXT)
        .contains("was withdrawn by the AZ party");
  }

  private int audited(String action) {
    return jdbc.sql("select count(*) from audit_event where action = ?")
        .param(action)
        .query(Integer.class)
        .single();
  }
}
