package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.entente.definition.Definitions;
import org.entente.identity.Role;
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
 * Issue 19: a dialogue platform the parties establish in the application has its name and purpose
 * in any language of its charter and in no other; the forms have a field per language; a plain
 * string is still the text in the charter's text language.
 */
@EntenteTest
@CleanAfterEachTest
class PlatformLanguagesTest {

  static final String UK = "/api/charters/en-uk-test/dialogue-platforms";
  static final String AZ = "/api/charters/az-us-2026/dialogue-platforms";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Definitions definitions;

  String taToken;
  String azToken;

  @BeforeEach
  void charterAndOfficials() {
    EnglishUkrainianCharter.load(definitions);
    taToken = people.person("ta.coord").party("TA").role(Role.COORDINATOR).create();
    azToken = people.person("az.coord").party("AZ").role(Role.COORDINATOR).create();
  }

  private MockHttpServletResponse as(String token, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  @Test
  void aNameAndPurposeInUkrainianAreAcceptedOnTheEnglishUkrainianCharterAndChangeable()
      throws Exception {
    MockHttpServletResponse made =
        as(
            taToken,
            post(UK)
                .content(
                    """
                    {"key":"river-talks","name":{"en":"River talks","uk":"Річкові переговори"},
                     "purpose":{"uk":"Спільні річки"}}
                    """));
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(201);
    assertThat(JsonPath.<String>read(made.getContentAsString(), "$.name.uk"))
        .isEqualTo("Річкові переговори");
    assertThat(JsonPath.<String>read(made.getContentAsString(), "$.purpose.uk"))
        .isEqualTo("Спільні річки");
    MockHttpServletResponse changed =
        as(
            taToken,
            put(UK + "/river-talks")
                .content("{\"name\":{\"uk\":\"Переговори про річки\"},\"version\":1}"));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(changed.getContentAsString(), "$.name.uk"))
        .isEqualTo("Переговори про річки");
  }

  @Test
  void aNameInALanguageOutsideTheCharterIsRefusedNamingTheField() throws Exception {
    MockHttpServletResponse refused =
        as(
            azToken,
            post(AZ)
                .content("{\"key\":\"river-talks\",\"name\":{\"en\":\"Rivers\",\"uk\":\"Ріки\"}}"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("name");
    assertThat(refused.getContentAsString()).contains("'uk' is not a language of this charter");
    MockHttpServletResponse purpose =
        as(
            taToken,
            post(UK)
                .content(
                    "{\"key\":\"river-az\",\"name\":\"Rivers\",\"purpose\":{\"az\":\"Çaylar\"}}"));
    assertThat(purpose.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<String>read(purpose.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("purpose");
  }

  @Test
  void theFormHasANameFieldPerLanguageOfTheCharterAndTakesBoth() throws Exception {
    Cookie session = People.session(mvc, "az.coord");
    String month =
        mvc.perform(get("/charters/az-us-2026/meetings").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(month)
        .containsPattern("id=\"platform-name-az\" name=\"name_az\"[^>]*lang=\"az-Latn\"")
        .contains("id=\"platform-name-en\"")
        .doesNotContain("name_uk");
    MockHttpServletResponse made =
        mvc.perform(
                post("/charters/az-us-2026/dialogue-platforms")
                    .cookie(session)
                    .with(csrf())
                    .param("key", "river-talks")
                    .param("name_en", "River talks")
                    .param("name_az", "Çay danışıqları")
                    .param("classification", "bilateral"))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
    String platform = as(azToken, get(AZ.replace("/dialogue-platforms", ""))).getContentAsString();
    assertThat(platform).contains("Çay danışıqları");
  }
}
