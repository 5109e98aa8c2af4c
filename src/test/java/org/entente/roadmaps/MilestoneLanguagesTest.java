package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.entente.definition.Definitions;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EnglishUkrainianCharter;
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
 * Issue 19: a milestone's title is in any language of its charter and in no other; its forms have a
 * title field per language of the charter, each with its lang attribute.
 */
@EntenteTest
@CleanAfterEachTest
class MilestoneLanguagesTest {

  static final String UK_GROUP = "/charters/en-uk-test/working-groups/bridges-group";
  static final String AZ_GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Definitions definitions;

  String ukToken;
  String azToken;

  @BeforeEach
  void charterAndMembers() {
    EnglishUkrainianCharter.load(definitions);
    ukToken =
        people.person("ta.member").party("TA").memberOf("en-uk-test", "bridges-group").create();
    azToken =
        people
            .person("us.member")
            .party("US")
            .memberOf(People.CHARTER, "wg-connectivity-digital")
            .create();
  }

  private MockHttpServletResponse api(String token, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private static String milestone(String key, String title) {
    return """
        {"key":"%s","title":%s,"plannedStart":"2027-01-01","plannedEnd":"2027-03-31"}
        """
        .formatted(key, title);
  }

  @Test
  void aUkrainianTitleIsAcceptedOnTheEnglishUkrainianCharterAndShown() throws Exception {
    MockHttpServletResponse created =
        api(
            ukToken,
            post("/api" + UK_GROUP + "/roadmap/milestones")
                .content(milestone("span-one", "{\"uk\":\"Перший проліт\"}")));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    assertThat((String) JsonPath.read(created.getContentAsString(), "$.title.uk"))
        .isEqualTo("Перший проліт");
    String workspace =
        mvc.perform(
                get(UK_GROUP + "/workspace")
                    .param("lang", "uk")
                    .cookie(People.session(mvc, "ta.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(workspace).containsPattern("lang=\"uk\"[^>]*>Перший проліт<");
  }

  @Test
  void aTitleInALanguageOutsideTheCharterIsRefusedNamingTheField() throws Exception {
    MockHttpServletResponse refused =
        api(
            azToken,
            post("/api" + AZ_GROUP + "/roadmap/milestones")
                .content(milestone("span-uk", "{\"en\":\"Span\",\"uk\":\"Проліт\"}")));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("title");
    assertThat(refused.getContentAsString()).contains("'uk' is not a language of this charter");
    MockHttpServletResponse azOnUk =
        api(
            ukToken,
            post("/api" + UK_GROUP + "/roadmap/milestones")
                .content(milestone("span-az", "{\"az\":\"Aşırım\"}")));
    assertThat(azOnUk.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(azOnUk.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("title");
  }

  @Test
  void aChangeCannotAddALanguageTheCharterDoesNotDeclare() throws Exception {
    String id =
        JsonPath.read(
            api(
                    ukToken,
                    post("/api" + UK_GROUP + "/roadmap/milestones")
                        .content(milestone("span-two", "{\"en\":\"Second span\"}")))
                .getContentAsString(),
            "$.id");
    MockHttpServletResponse refused =
        api(
            ukToken,
            put("/api/milestones/" + id)
                .content(
                    """
                    {"title":{"en":"Second span","fr":"Deuxième travée"},
                     "plannedStart":"2027-01-01","plannedEnd":"2027-03-31","version":0}
                    """));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("title");
    MockHttpServletResponse accepted =
        api(
            ukToken,
            put("/api/milestones/" + id)
                .content(
                    """
                    {"title":{"en":"Second span","uk":"Другий проліт"},
                     "plannedStart":"2027-01-01","plannedEnd":"2027-03-31","version":0}
                    """));
    assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(accepted.getContentAsString(), "$.title.uk"))
        .isEqualTo("Другий проліт");
  }

  @Test
  void theAddFormHasATitleFieldPerLanguageOfTheCharterAndKeepsAUkrainianTitle() throws Exception {
    Cookie session = People.session(mvc, "ta.member");
    String form =
        mvc.perform(get(UK_GROUP + "/roadmap/milestones/new").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("id=\"title-uk\" name=\"title_uk\"")
        .containsPattern("name=\"title_uk\"[^>]*lang=\"uk\"")
        .contains("id=\"title-en\"")
        .doesNotContain("title_az");
    MockHttpServletResponse made =
        mvc.perform(
                post(UK_GROUP + "/roadmap/milestones")
                    .cookie(session)
                    .with(csrf())
                    .param("key", "span-three")
                    .param("title_uk", "Третій проліт")
                    .param("plannedStart", "2027-01-01")
                    .param("plannedEnd", "2027-02-01"))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
    String roadmap = api(ukToken, get("/api" + UK_GROUP + "/roadmap")).getContentAsString();
    assertThat(roadmap).contains("\"uk\":\"Третій проліт\"");
    String id = JsonPath.read(roadmap, "$.milestones[0].id");
    String edit =
        mvc.perform(get(UK_GROUP + "/roadmap/milestones/" + id).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(edit)
        .containsPattern("name=\"title_uk\"[^>]*lang=\"uk\"[^>]*value=\"Третій проліт\"")
        .doesNotContain("title_az");
  }

  @Test
  void theFormRefusesATitleInALanguageOutsideTheCharterKeepingWhatWasTyped() throws Exception {
    MockHttpServletResponse refused =
        mvc.perform(
                post(AZ_GROUP + "/roadmap/milestones")
                    .cookie(People.session(mvc, "us.member"))
                    .with(csrf())
                    .param("key", "span-four")
                    .param("title_en", "Fourth span")
                    .param("title_uk", "Четвертий проліт")
                    .param("plannedStart", "2027-01-01")
                    .param("plannedEnd", "2027-02-01"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("&#39;uk&#39; is not a language of this charter")
        .containsPattern("name=\"title_en\"[^>]*value=\"Fourth span\"");
  }
}
