package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A dialogue platform is a joint matter (issue 18, item 7): one party alone only proposes it; it is
 * established when both parties approve the same version, and takes no meetings before.
 */
@EntenteTest
@CleanAfterEachTest
class PlatformsByAgreementTest {

  static final String CHARTER = "/api/charters/az-us-2026";
  static final String APPROVE = CHARTER + "/agreements/dialogue-platform/water-dialogue/approve";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    token.put("az.coord", people.person("az.coord").party("AZ").role(Role.COORDINATOR).create());
    token.put("us.coord", people.person("us.coord").party("US").role(Role.COORDINATOR).create());
    token.put("us.member", people.person("us.member").party("US").role(Role.MEMBER).create());
  }

  @Test
  void onePartyAloneOnlyProposesAPlatformBothApprovingTheSameVersionEstablishIt() throws Exception {
    MockHttpServletResponse proposed =
        as(
            "az.coord",
            post(CHARTER + "/dialogue-platforms")
                .content("{\"key\":\"water-dialogue\",\"name\":\"Water dialogue\"}"));
    assertThat(proposed.getStatus()).as(proposed.getContentAsString()).isEqualTo(201);
    assertThat(JsonPath.<String>read(proposed.getContentAsString(), "$.status"))
        .isEqualTo("proposed");
    assertThat(JsonPath.<String>read(proposed.getContentAsString(), "$.note"))
        .contains("awaiting the other party's approval");
    assertThat(status()).isEqualTo("ENVISAGED");
    // both parties' officials see the proposal; the public does not
    assertThat(as("us.member", get(CHARTER)).getContentAsString()).contains("water-dialogue");
    assertThat(mvc.perform(get(CHARTER)).andReturn().getResponse().getContentAsString())
        .doesNotContain("water-dialogue");

    // one party's approval, even twice, establishes nothing; a member does not act for a party
    assertThat(as("az.coord", post(APPROVE).content("{\"version\":1}")).getStatus()).isEqualTo(200);
    assertThat(as("az.coord", post(APPROVE).content("{\"version\":1}")).getStatus()).isEqualTo(403);
    assertThat(as("us.member", post(APPROVE).content("{\"version\":1}")).getStatus())
        .isEqualTo(403);
    assertThat(as("us.coord", post(APPROVE).content("{\"version\":2}")).getStatus()).isEqualTo(403);
    assertThat(status()).isEqualTo("ENVISAGED");
    assertThat(audited("dialogue-platform.established")).isZero();

    MockHttpServletResponse agreed = as("us.coord", post(APPROVE).content("{\"version\":1}"));
    assertThat(agreed.getStatus()).as(agreed.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(agreed.getContentAsString(), "$.status"))
        .isEqualTo("established");
    assertThat(status()).isEqualTo("ESTABLISHED");
    assertThat(audited("dialogue-platform.established")).isEqualTo(1);
  }

  @Test
  void changingAProposalMakesANewVersionThatBothApproveAgainAndAStaleChangeIsRefused()
      throws Exception {
    as(
        "az.coord",
        post(CHARTER + "/dialogue-platforms")
            .content("{\"key\":\"water-dialogue\",\"name\":\"Water dialogue\"}"));
    as("us.coord", post(APPROVE).content("{\"version\":1}"));
    MockHttpServletResponse changed =
        as(
            "az.coord",
            put(CHARTER + "/dialogue-platforms/water-dialogue")
                .content("{\"name\":\"Water and rivers dialogue\",\"version\":1}"));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(changed.getContentAsString(), "$.agreement.currentVersion"))
        .isEqualTo(2);
    assertThat(JsonPath.<java.util.List<String>>read(changed.getContentAsString(), "$.awaiting"))
        .containsExactlyInAnyOrder("AZ", "US");
    MockHttpServletResponse stale =
        as(
            "us.coord",
            put(CHARTER + "/dialogue-platforms/water-dialogue")
                .content("{\"name\":\"Another name\",\"version\":1}"));
    assertThat(stale.getStatus()).isEqualTo(409);
    // the earlier approval counts no more: one approval of version 2 establishes nothing
    as("az.coord", post(APPROVE).content("{\"version\":2}"));
    assertThat(status()).isEqualTo("ENVISAGED");
    as("us.coord", post(APPROVE).content("{\"version\":2}"));
    assertThat(status()).isEqualTo("ESTABLISHED");
    assertThat(
            jdbc.sql("select name from dialogue_platform where code = 'water-dialogue'")
                .query(String.class)
                .single())
        .contains("Water and rivers dialogue");
    assertThat(
            as(
                    "az.coord",
                    put(CHARTER + "/dialogue-platforms/water-dialogue")
                        .content("{\"name\":\"Too late\",\"version\":2}"))
                .getStatus())
        .isEqualTo(409);
  }

  @Test
  void aProposedPlatformTakesNoMeetingsUntilBothPartiesApproveIt() throws Exception {
    as(
        "az.coord",
        post(CHARTER + "/dialogue-platforms")
            .content("{\"key\":\"water-dialogue\",\"name\":\"Water dialogue\"}"));
    token.put(
        "az.platform",
        people
            .person("az.platform")
            .party("AZ")
            .role(Role.MEMBER)
            .organization("Ministry of Ecology")
            .memberOf(People.CHARTER, "water-dialogue")
            .create());
    String meeting =
        """
        {"body":"dialogue-platform","bodyKey":"water-dialogue","title":"First session",
         "startsAt":"2027-02-15T09:00","endsAt":"2027-02-15T11:00","timeZone":"Asia/Baku",
         "online":true}
        """;
    MockHttpServletResponse refused =
        as("az.platform", post(CHARTER + "/meetings").content(meeting));
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(409);
    assertThat(refused.getContentAsString()).contains("proposed");
    assertThat(jdbc.sql("select count(*) from meeting").query(Integer.class).single()).isZero();

    as("az.coord", post(APPROVE).content("{\"version\":1}"));
    as("us.coord", post(APPROVE).content("{\"version\":1}"));
    MockHttpServletResponse scheduled =
        as("az.platform", post(CHARTER + "/meetings").content(meeting));
    assertThat(scheduled.getStatus()).as(scheduled.getContentAsString()).isEqualTo(201);
  }

  @Test
  void theMeetingsPageProposesAPlatformAndApprovesItForAParty() throws Exception {
    Cookie session = login("az.coord");
    MockHttpServletResponse blank =
        mvc.perform(
                post("/charters/az-us-2026/dialogue-platforms")
                    .param("key", "water-dialogue")
                    .param("name_en", "")
                    .param("purpose_en", "Rivers we share")
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(blank.getStatus()).isEqualTo(400);
    assertThat(blank.getContentAsString())
        .contains("name must have")
        .contains("value=\"water-dialogue\"")
        .contains("value=\"Rivers we share\"");
    assertThat(
            jdbc.sql("select count(*) from dialogue_platform where code = 'water-dialogue'")
                .query(Integer.class)
                .single())
        .isZero();

    MockHttpServletResponse done =
        mvc.perform(
                post("/charters/az-us-2026/dialogue-platforms")
                    .param("key", "water-dialogue")
                    .param("name_en", "Water dialogue")
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(done.getStatus()).isEqualTo(302);
    String page =
        mvc.perform(get(done.getRedirectedUrl()).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("proposed — awaiting the other party&#39;s approval")
        .contains("action=\"/charters/az-us-2026/dialogue-platforms/water-dialogue/approve\"");

    MockHttpServletResponse approved =
        mvc.perform(
                post("/charters/az-us-2026/dialogue-platforms/water-dialogue/approve")
                    .param("version", "1")
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(approved.getStatus()).isEqualTo(302);
    assertThat(status()).isEqualTo("ENVISAGED");
    MockHttpServletResponse again =
        mvc.perform(
                post("/charters/az-us-2026/dialogue-platforms/water-dialogue/approve")
                    .param("version", "1")
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(again.getStatus()).isEqualTo(403);
    assertThat(again.getContentAsString()).contains("role=\"alert\"");

    assertThat(again.getContentAsString())
        .contains("action=\"/charters/az-us-2026/dialogue-platforms/water-dialogue/edit\"");
    MockHttpServletResponse changed = edit(session, "Water and rivers dialogue", "1");
    assertThat(changed.getStatus()).isEqualTo(302);
    assertThat(
            jdbc.sql("select name from dialogue_platform where code = 'water-dialogue'")
                .query(String.class)
                .single())
        .contains("Water and rivers dialogue");
    MockHttpServletResponse stale = edit(session, "Stale name", "1");
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(stale.getContentAsString()).contains("role=\"alert\"");
  }

  private MockHttpServletResponse edit(Cookie session, String name, String version)
      throws Exception {
    return mvc.perform(
            post("/charters/az-us-2026/dialogue-platforms/water-dialogue/edit")
                .param("name", name)
                .param("version", version)
                .cookie(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  @Test
  void theMeetingsPageChangesAProposalAsTheApiDoesWithTheSameAuditEvents() throws Exception {
    List<String> seen = new java.util.ArrayList<>();
    for (String key : List.of("api-dialogue", "page-dialogue")) {
      as(
          "az.coord",
          post(CHARTER + "/dialogue-platforms")
              .content("{\"key\":\"" + key + "\",\"name\":\"Water dialogue\"}"));
      long before = jdbc.sql("select max(seq) from audit_event").query(Long.class).single();
      if (key.startsWith("api")) {
        as(
            "az.coord",
            put(CHARTER + "/dialogue-platforms/" + key)
                .content("{\"name\":\"Rivers\",\"purpose\":\"Shared rivers\",\"version\":1}"));
      } else {
        mvc.perform(
            post("/charters/az-us-2026/dialogue-platforms/" + key + "/edit")
                .param("name", "Rivers")
                .param("purpose", "Shared rivers")
                .param("version", "1")
                .cookie(login("az.coord"))
                .with(csrf()));
      }
      String row =
          jdbc.sql(
                  "select name || ' ' || purpose || ' ' || status || ' ' || version"
                      + " from dialogue_platform where code = ?")
              .param(key)
              .query(String.class)
              .single();
      String events =
          String.join(
              "; ",
              jdbc.sql(
                      "select actor || ' ' || action || ' ' || record_type || ' ' || outcome"
                          + " || ' ' || details from audit_event where seq > ? and action"
                          + " not like 'request.%' and action not like 'session.%'"
                          + " and action not like 'login.%' order by seq")
                  .param(before)
                  .query(String.class)
                  .list());
      seen.add((row + " | " + events).replace(key, "KEY").replaceAll("[0-9a-f]{64}", "FP"));
    }
    assertThat(seen.get(1)).isEqualTo(seen.get(0));
    assertThat(seen.get(0))
        .contains("Rivers")
        .contains("dialogue-platform.revised")
        .contains("agreement.revised");
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    request.header("Authorization", "Bearer " + token.get(who));
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private Cookie login(String username) throws Exception {
    return People.session(mvc, username);
  }

  private String status() {
    return jdbc.sql("select status from dialogue_platform where code = 'water-dialogue'")
        .query(String.class)
        .single();
  }

  private int audited(String action) {
    return jdbc.sql("select count(*) from audit_event where action = ?")
        .param(action)
        .query(Integer.class)
        .single();
  }
}
