package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import jakarta.servlet.http.Cookie;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A co-chair delegates their party's approval in a group to a member of their party on a page, and
 * takes it back, through the same rules and audit events as the API; the form never lists the other
 * party's accounts, and a refusal shows the page again with nothing changed.
 */
@EntenteTest
@CleanAfterEachTest
class DelegationPagesTest {

  static final String GROUP = "wg-economy-trade";
  static final String PAGE = "/charters/az-us-2026/working-groups/" + GROUP + "/delegates";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void people() {
    people
        .person("az.chair")
        .party("AZ")
        .role(Role.CO_CHAIR)
        .chairs(People.CHARTER, GROUP)
        .create();
    people
        .person("az.deputy")
        .displayName("Deputy of AZ")
        .party("AZ")
        .role(Role.MEMBER)
        .memberOf(People.CHARTER, GROUP)
        .create();
    people
        .person("us.deputy")
        .displayName("Deputy of US")
        .party("US")
        .role(Role.MEMBER)
        .memberOf(People.CHARTER, GROUP)
        .create();
  }

  @Test
  void aCoChairDelegatesToAMemberOfTheirPartyAndTakesItBackOnThePage() throws Exception {
    Cookie session = login("az.chair");
    String page =
        mvc.perform(get(PAGE).cookie(session)).andReturn().getResponse().getContentAsString();
    assertThat(page)
        .contains("<option value=\"az.deputy\"")
        .doesNotContain("us.deputy")
        .doesNotContain("Deputy of US");

    MockHttpServletResponse delegated =
        mvc.perform(post(PAGE).param("username", "az.deputy").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(delegated.getStatus()).isEqualTo(302);
    assertThat(approves("az.deputy")).isTrue();
    assertThat(audited("membership.delegated")).isEqualTo(1);
    String after =
        mvc.perform(get(delegated.getRedirectedUrl()).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(after).contains("action=\"" + PAGE + "/az.deputy/revoke\"");

    MockHttpServletResponse revoked =
        mvc.perform(post(PAGE + "/az.deputy/revoke").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(revoked.getStatus()).isEqualTo(302);
    assertThat(approves("az.deputy")).isFalse();
    assertThat(audited("membership.undelegated")).isEqualTo(1);
  }

  @Test
  void aRefusedDelegationShowsThePageAgainWithTheReasonAndChangesNothing() throws Exception {
    Cookie session = login("az.chair");
    MockHttpServletResponse otherParty =
        mvc.perform(post(PAGE).param("username", "us.deputy").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(otherParty.getStatus()).isEqualTo(403);
    assertThat(otherParty.getContentAsString())
        .contains("only to a member of their own party")
        .contains("<select id=\"delegate-username\"");
    assertThat(approves("us.deputy")).isFalse();

    MockHttpServletResponse none =
        mvc.perform(post(PAGE).param("username", "").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(none.getStatus()).isEqualTo(400);
    assertThat(audited("membership.delegated")).isZero();

    Cookie member = login("az.deputy");
    assertThat(mvc.perform(get(PAGE).cookie(member)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    MockHttpServletResponse byMember =
        mvc.perform(post(PAGE).param("username", "az.deputy").cookie(member).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(byMember.getStatus()).isEqualTo(403);
    assertThat(approves("az.deputy")).isFalse();
  }

  @Test
  void theDelegationPageMakesTheSameChangeAsTheApiWithTheSameAuditEvent() throws Exception {
    String token = people.token("az.chair");
    String api = "/api" + PAGE + "/az.deputy";
    assertThat(
            mvc.perform(put(api).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus())
        .isBetween(200, 204);
    boolean byApi = approves("az.deputy");
    String apiEvent = lastEvent();
    mvc.perform(delete(api).header("Authorization", "Bearer " + token));
    String apiRevoke = lastEvent();
    assertThat(approves("az.deputy")).isFalse();

    Cookie session = login("az.chair");
    mvc.perform(post(PAGE).param("username", "az.deputy").cookie(session).with(csrf()));
    assertThat(approves("az.deputy")).isEqualTo(byApi).isTrue();
    assertThat(lastEvent()).isEqualTo(apiEvent);
    mvc.perform(post(PAGE + "/az.deputy/revoke").cookie(session).with(csrf()));
    assertThat(approves("az.deputy")).isFalse();
    assertThat(lastEvent()).isEqualTo(apiRevoke);
  }

  /** The last audit event of a delegation: who, what, on which record, with which details. */
  private String lastEvent() {
    return jdbc.sql(
            "select actor || ' ' || action || ' ' || record_type || ' ' || record_id || ' '"
                + " || outcome || ' ' || details from audit_event"
                + " where action like 'membership.%' order by seq desc limit 1")
        .query(String.class)
        .single();
  }

  private Cookie login(String username) throws Exception {
    return People.session(mvc, username);
  }

  private boolean approves(String username) {
    return jdbc.sql(
            "select m.approves from membership m join account a on a.id = m.account_id"
                + " where a.username = ?")
        .param(username)
        .query(Boolean.class)
        .single();
  }

  private int audited(String action) {
    return jdbc.sql("select count(*) from audit_event where action = ?")
        .param(action)
        .query(Integer.class)
        .single();
  }
}
