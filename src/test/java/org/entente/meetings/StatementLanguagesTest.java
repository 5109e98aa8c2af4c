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
 * A joint statement has an authentic text in each language of the charter (az and en for the
 * default one): it is not submitted while one is missing, through the API or the meeting page, and
 * once both co-chairs approve its version both texts are published, each marked with its language.
 */
@EntenteTest
@CleanAfterEachTest
class StatementLanguagesTest {

  static final String GROUP = "wg-connectivity-digital";
  static final String EN = "The working group agreed to extend the fibre link to Aktau.";
  static final String AZ = "İşçi qrup fiber xəttini Aktauya qədər uzatmağa razılaşdı.";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    person("az.cochair", "AZ", Role.CO_CHAIR, true);
    person("us.cochair", "US", Role.CO_CHAIR, true);
    person("az.member", "AZ", Role.MEMBER, false);
  }

  private void person(String name, String party, Role role, boolean chair) {
    token.put(
        name,
        people
            .person(name)
            .party(party)
            .organization(party.equals("AZ") ? "Ministry of Digital Development" : "United States")
            .role(role)
            .memberOf(People.CHARTER, GROUP, chair)
            .create());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private String meeting() throws Exception {
    MockHttpServletResponse scheduled =
        as(
            "az.member",
            post("/api/charters/az-us-2026/meetings")
                .content(
                    """
                    {"body":"working-group","bodyKey":"%s","title":"Fibre link review",
                     "startsAt":"2026-11-24T10:00","endsAt":"2026-11-24T12:00",
                     "timeZone":"Asia/Baku","place":"Baku"}
                    """
                        .formatted(GROUP)));
    assertThat(scheduled.getStatus()).isEqualTo(201);
    return JsonPath.read(scheduled.getContentAsString(), "$.id");
  }

  private MockHttpServletResponse draft(String meeting, String textJson) throws Exception {
    return as(
        "az.member",
        put("/api/meetings/" + meeting + "/statement")
            .content("{\"text\":" + textJson + ",\"publish\":true}"));
  }

  /** The statement as stored, and the agreements and their versions on it. */
  private String state(String meeting) {
    return jdbc.sql("select * from joint_statement where meeting_id = ?")
            .param(java.util.UUID.fromString(meeting))
            .query()
            .listOfRows()
        + " "
        + jdbc.sql(
                "select count(*) from agreement_content c join agreement a on a.id = c.agreement_id"
                    + " where a.subject_key = ?")
            .param(meeting)
            .query(Long.class)
            .single();
  }

  private long agreements(String meeting) {
    return jdbc.sql("select count(*) from agreement where subject_key = ?")
        .param(meeting)
        .query(Long.class)
        .single();
  }

  @Test
  void theApiRefusesToSubmitAStatementWithoutItsAzerbaijaniTextAndChangesNothing()
      throws Exception {
    String meeting = meeting();
    assertThat(draft(meeting, "{\"en\":\"" + EN + "\"}").getStatus()).isEqualTo(200);
    MockHttpServletResponse drafted = as("az.member", get("/api/meetings/" + meeting));
    assertThat(
            (List<String>)
                JsonPath.read(drafted.getContentAsString(), "$.statement.missingLanguages"))
        .containsExactly("az");
    String before = state(meeting);

    MockHttpServletResponse refused =
        as("az.member", post("/api/meetings/" + meeting + "/statement/submit"));

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentType()).contains("application/problem+json");
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("text.az");
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].message"))
        .contains("az");
    assertThat(agreements(meeting)).isZero();
    assertThat(state(meeting)).isEqualTo(before);
  }

  @Test
  void theMeetingPageRefusesToSubmitAStatementWithoutItsAzerbaijaniTextAndChangesNothing()
      throws Exception {
    String meeting = meeting();
    Cookie session = People.session(mvc, "az.member");
    MockHttpServletResponse saved =
        mvc.perform(
                post("/meetings/" + meeting + "/statement")
                    .param("text.az", "")
                    .param("text.en", EN)
                    .param("publish", "on")
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).isEqualTo(302);
    String page =
        mvc.perform(get("/meetings/" + meeting).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"statement-text-az\"")
        .contains("name=\"text.az\"")
        .contains("lang=\"az\"")
        .contains("id=\"statement-text-en\"")
        .contains("Text in Azərbaycanca")
        .contains("id=\"statement-missing\"");
    String before = state(meeting);

    MockHttpServletResponse refused =
        mvc.perform(post("/meetings/" + meeting + "/statement/submit").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("the statement has no text in az")
        .containsPattern("id=\"statement-text-az\"[^>]*aria-invalid=\"true\"");
    assertThat(agreements(meeting)).isZero();
    assertThat(state(meeting)).isEqualTo(before);
  }

  @Test
  void bothCoChairsApproveBothTextsAtOnceAndThePortalShowsEachInItsLanguage() throws Exception {
    String meeting = meeting();
    assertThat(draft(meeting, "{\"en\":\"" + EN + "\"}").getStatus()).isEqualTo(200);
    long version =
        ((Number)
                JsonPath.read(
                    as("az.member", get("/api/meetings/" + meeting)).getContentAsString(),
                    "$.statement.version"))
            .longValue();
    assertThat(
            as(
                    "az.member",
                    put("/api/meetings/" + meeting + "/statement")
                        .content(
                            "{\"text\":{\"az\":\"%s\",\"en\":\"%s\"},\"publish\":true,\"version\":%d}"
                                .formatted(AZ, EN, version)))
                .getStatus())
        .isEqualTo(200);
    assertThat(as("az.member", post("/api/meetings/" + meeting + "/statement/submit")).getStatus())
        .isEqualTo(200);
    for (String chair : List.of("az.cochair", "us.cochair")) {
      assertThat(
              as(
                      chair,
                      post("/api/meetings/" + meeting + "/statement/approve")
                          .content("{\"version\":1}"))
                  .getStatus())
          .isEqualTo(200);
    }

    String published =
        as(null, get("/api/meetings/" + meeting + "/statement")).getContentAsString();
    assertThat((String) JsonPath.read(published, "$.text.az")).isEqualTo(AZ);
    assertThat((String) JsonPath.read(published, "$.text.en")).isEqualTo(EN);
    String portal =
        mvc.perform(get("/public/charters/az-us-2026/statements"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal)
        .containsPattern("lang=\"az\"[^>]*>" + AZ + "<")
        .containsPattern("lang=\"en\"[^>]*>" + EN + "<");
    String page =
        mvc.perform(get("/statements/" + meeting)).andReturn().getResponse().getContentAsString();
    assertThat(page)
        .containsPattern("id=\"statement-text-az\"[^>]*lang=\"az\"[^>]*>" + AZ + "<")
        .containsPattern("id=\"statement-text-en\"[^>]*lang=\"en\"[^>]*>" + EN + "<");
  }

  @Test
  void aPlainStringIsStillTakenAsTheTextInTheCharterTextLanguage() throws Exception {
    String meeting = meeting();
    assertThat(draft(meeting, "\"" + EN + "\"").getStatus()).isEqualTo(200);
    String read = as("az.member", get("/api/meetings/" + meeting)).getContentAsString();
    assertThat((Map<String, String>) JsonPath.read(read, "$.statement.text"))
        .containsExactly(Map.entry("en", EN));
  }

  @Test
  void aTextInALanguageTheCharterDoesNotDeclareIsRefusedNamingIt() throws Exception {
    String meeting = meeting();
    MockHttpServletResponse refused = draft(meeting, "{\"en\":\"" + EN + "\",\"fr\":\"Texte.\"}");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("text.fr");
    assertThat(
            jdbc.sql("select count(*) from joint_statement where meeting_id = ?")
                .param(java.util.UUID.fromString(meeting))
                .query(Long.class)
                .single())
        .isZero();
  }
}
