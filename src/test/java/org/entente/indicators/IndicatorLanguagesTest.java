package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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

/**
 * Issue 19: an indicator's name is in any language of its charter and in no other; the form that
 * creates one has a name field per language of the charter, each with its lang attribute.
 */
@EntenteTest
@CleanAfterEachTest
class IndicatorLanguagesTest {

  static final String UK = "en-uk-test";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Definitions definitions;

  String ukToken;
  String azToken;

  @BeforeEach
  void charterAndMembers() {
    EnglishUkrainianCharter.load(definitions);
    ukToken = people.person("ta.member").party("TA").memberOf(UK, "bridges-group").create();
    azToken =
        people
            .person("us.member")
            .party("US")
            .memberOf(People.CHARTER, "wg-connectivity-digital")
            .create();
  }

  private MockHttpServletResponse create(String token, String charter, String group, String name)
      throws Exception {
    return mvc.perform(
            post("/api/charters/" + charter + "/indicators")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"key":"spans-built","name":%s,"unit":"spans","direction":"higher",
                     "workingGroup":"%s","classification":"bilateral"}
                    """
                        .formatted(name, group)))
        .andReturn()
        .getResponse();
  }

  @Test
  void aUkrainianNameIsAcceptedOnTheEnglishUkrainianCharterAndShown() throws Exception {
    MockHttpServletResponse created = create(ukToken, UK, "bridges-group", "{\"uk\":\"Прольоти\"}");
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(created.getContentAsString(), "$.id");
    assertThat((String) JsonPath.read(created.getContentAsString(), "$.name.uk"))
        .isEqualTo("Прольоти");
    String page =
        mvc.perform(
                get("/indicators/" + id)
                    .param("lang", "uk")
                    .cookie(People.session(mvc, "ta.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).containsPattern("lang=\"uk\"[^>]*>Прольоти<");
  }

  @Test
  void aNameInALanguageOutsideTheCharterIsRefusedNamingTheField() throws Exception {
    MockHttpServletResponse refused =
        create(
            azToken,
            People.CHARTER,
            "wg-connectivity-digital",
            "{\"en\":\"Spans\",\"uk\":\"Прольоти\"}");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("name");
    assertThat(refused.getContentAsString()).contains("'uk' is not a language of this charter");
    MockHttpServletResponse azOnUk = create(ukToken, UK, "bridges-group", "{\"az\":\"Aşırımlar\"}");
    assertThat(azOnUk.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(azOnUk.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("name");
  }

  @Test
  void theFormHasANameFieldPerLanguageOfTheCharterAndTakesAUkrainianName() throws Exception {
    Cookie session = People.session(mvc, "ta.member");
    String form =
        mvc.perform(get("/charters/" + UK + "/indicators").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .containsPattern("id=\"name-uk\" name=\"name_uk\"[^>]*lang=\"uk\"")
        .contains("id=\"name-en\"")
        .doesNotContain("name_az");
    MockHttpServletResponse made =
        mvc.perform(
                post("/charters/" + UK + "/indicators")
                    .cookie(session)
                    .with(csrf())
                    .param("key", "spans-typed")
                    .param("name_uk", "Прольоти")
                    .param("unit_en", "spans")
                    .param("direction", "higher")
                    .param("workingGroup", "bridges-group")
                    .param("classification", "bilateral"))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
    String list =
        mvc.perform(
                get("/api/charters/" + UK + "/indicators")
                    .header("Authorization", "Bearer " + ukToken))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("\"uk\":\"Прольоти\"");
  }
}
