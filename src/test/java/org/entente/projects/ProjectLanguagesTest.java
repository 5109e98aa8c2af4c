package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.testing.CleanAfterEachTest;
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
 * Issue 19: a project's title and description may be in any language its charter declares, and in
 * no other; its forms have a field per language of the charter.
 */
@EntenteTest
@CleanAfterEachTest
class ProjectLanguagesTest {

  static final String UK_GROUP = "/charters/en-uk-test/working-groups/bridges-group";
  static final String AZ_GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Definitions definitions;

  String ukToken;
  String azToken;

  @BeforeEach
  void charterAndMembers() {
    Definitions.LoadResult loaded =
        definitions.load(
            "english-ukrainian.yaml",
            DefinitionFixtures.resource("/definitions/english-ukrainian.yaml"));
    assertThat(loaded.loaded()).as(loaded.problems().toString()).isTrue();
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

  private static String project(String key, String commitment, String title) {
    return """
        {"key":"%s","title":%s,"commitments":["%s"],"classification":"bilateral"}
        """
        .formatted(key, title, commitment);
  }

  @Test
  void aTitleInALanguageOfTheCharterIsAccepted() throws Exception {
    MockHttpServletResponse created =
        api(
            ukToken,
            post("/api" + UK_GROUP + "/projects")
                .content(
                    project(
                        "bridge-one",
                        "bridges",
                        "{\"en\":\"First bridge\",\"uk\":\"Перший міст\"}")));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    assertThat((String) JsonPath.read(created.getContentAsString(), "$.title.uk"))
        .isEqualTo("Перший міст");
  }

  @Test
  void aTitleInALanguageTheCharterDoesNotDeclareIsRefusedNamingTheField() throws Exception {
    MockHttpServletResponse refused =
        api(
            azToken,
            post("/api" + AZ_GROUP + "/projects")
                .content(
                    project(
                        "fibre-uk", "middle-corridor", "{\"en\":\"Fibre\",\"uk\":\"Волокно\"}")));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("title");
    assertThat(refused.getContentAsString()).contains("'uk' is not a language of this charter");
    MockHttpServletResponse azInUkCharter =
        api(
            ukToken,
            post("/api" + UK_GROUP + "/projects")
                .content(project("bridge-az", "bridges", "{\"az\":\"Körpü\"}")));
    assertThat(azInUkCharter.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(azInUkCharter.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("title");
  }

  @Test
  void aChangeCannotAddALanguageTheCharterDoesNotDeclare() throws Exception {
    MockHttpServletResponse created =
        api(
            azToken,
            post("/api" + AZ_GROUP + "/projects")
                .content(project("fibre", "middle-corridor", "{\"en\":\"Fibre\"}")));
    String id = JsonPath.read(created.getContentAsString(), "$.id");
    MockHttpServletResponse refused =
        api(
            azToken,
            patch("/api/projects/" + id)
                .content("{\"version\":0,\"description\":{\"uk\":\"Волокно\"}}"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("description");
  }

  @Test
  void theNewProjectFormHasATitleFieldPerLanguageOfTheCharter() throws Exception {
    Cookie session = People.session(mvc, "ta.member");
    String form =
        mvc.perform(get(UK_GROUP + "/projects/new").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("<label for=\"titleUk\">Title in Українська")
        .contains("id=\"titleUk\" name=\"titleUk\" type=\"text\" lang=\"uk\"")
        .contains("id=\"titleEn\"")
        .doesNotContain("titleAz");
    String azForm =
        mvc.perform(get(AZ_GROUP + "/projects/new").cookie(People.session(mvc, "us.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(azForm)
        .contains("id=\"titleAz\"")
        .contains("lang=\"az-Latn\"")
        .doesNotContain("titleUk");
  }

  @Test
  void aProjectMadeOnThePageKeepsItsUkrainianTitleAndItsEditFormShowsIt() throws Exception {
    Cookie session = People.session(mvc, "ta.member");
    MockHttpServletResponse made =
        mvc.perform(
                post(UK_GROUP + "/projects")
                    .cookie(session)
                    .with(csrf())
                    .param("key", "bridge-two")
                    .param("titleUk", "Другий міст")
                    .param("commitments", "bridges"))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
    String list = api(ukToken, get("/api" + UK_GROUP + "/projects")).getContentAsString();
    assertThat(list).contains("\"uk\":\"Другий міст\"");
    String id = JsonPath.read(list, "$.items[0].id");
    String edit =
        mvc.perform(get("/projects/" + id + "/edit").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(edit)
        .contains(
            "name=\"titleUk\" type=\"text\" lang=\"uk\" maxlength=\"500\" value=\"Другий міст\"")
        .contains("name=\"descriptionUk\"")
        .doesNotContain("descriptionAz");
  }
}
