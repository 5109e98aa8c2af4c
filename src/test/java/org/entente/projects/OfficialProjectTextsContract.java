package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
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
 * "Official" per text (issue 19 item 3, decision 0040): a project's title and description in a
 * language are working texts until both parties agree a version of the group's project list that
 * holds exactly them; then official, in the API, on the page and in the editor; changing one
 * language's text afterwards makes that language working again and leaves the others official; a
 * party that may not see a project learns nothing of it. Runs on H2 ({@link
 * OfficialProjectTextsTest}) and PostgreSQL ({@link OfficialProjectTextsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class OfficialProjectTextsContract {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String AZ_TITLE = "Aktauya fiber xətti";
  static final String INTERNAL_TITLE = "US-only fibre caucus";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  String us;
  String az;

  @BeforeEach
  void coChairs() {
    us =
        people
            .person("us.cochair")
            .party("US")
            .role(Role.CO_CHAIR)
            .memberOf(People.CHARTER, "wg-connectivity-digital", true)
            .create();
    az =
        people
            .person("az.cochair")
            .party("AZ")
            .role(Role.CO_CHAIR)
            .memberOf(People.CHARTER, "wg-connectivity-digital", true)
            .create();
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

  private String project(String key, String title, String classification) throws Exception {
    MockHttpServletResponse created =
        as(
            us,
            post(GROUP + "/projects")
                .content(
                    """
                    {"key":"%s","title":%s,
                     "description":{"en":"A cable under the Caspian.","az":"Xəzərin altından kabel."},
                     "commitments":["middle-corridor"],"classification":"%s"}
                    """
                        .formatted(key, title, classification)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return JsonPath.read(created.getContentAsString(), "$.id");
  }

  private String read(String id) throws Exception {
    MockHttpServletResponse read = as(az, get("/api/projects/" + id));
    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    return read.getContentAsString();
  }

  private void agree() throws Exception {
    MockHttpServletResponse submitted = as(us, post(GROUP + "/project-list/submit"));
    assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
    int version = JsonPath.read(submitted.getContentAsString(), "$.agreement.currentVersion");
    for (String chair : new String[] {us, az}) {
      MockHttpServletResponse approved =
          as(
              chair,
              post(GROUP + "/project-list/approve").content("{\"version\":%d}".formatted(version)));
      assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
    }
  }

  private static String official(String project, String path) {
    return JsonPath.read(project, "$.official." + path);
  }

  @Test
  void everyTextIsWorkingUntilBothPartiesAgreeTheListThenOfficialUntilALanguageChanges()
      throws Exception {
    String id =
        project(
            "fibre-official",
            "{\"en\":\"Fibre to Aktau\",\"az\":\"%s\"}".formatted(AZ_TITLE),
            "bilateral");

    String before = read(id);
    assertThat(official(before, "title.en")).isEqualTo("working");
    assertThat(official(before, "title.az")).isEqualTo("working");
    assertThat(official(before, "description.az")).isEqualTo("working");

    agree();

    String agreed = read(id);
    assertThat(official(agreed, "title.en")).isEqualTo("official");
    assertThat(official(agreed, "title.az")).isEqualTo("official");
    assertThat(official(agreed, "description.en")).isEqualTo("official");
    assertThat(official(agreed, "description.az")).isEqualTo("official");
    assertThat(
            (String)
                JsonPath.read(
                    as(az, get("/api/translations/project-title/" + id + "/az"))
                        .getContentAsString(),
                    "$.official"))
        .isEqualTo("official");
    assertThat(page(id))
        .containsPattern(
            "id=\"translation-project-title-az\" class=\"translation-current\">\\s*"
                + "Azərbaycanca: translated from the English text as it is now\\s*"
                + "<strong class=\"translation-standing translation-official\">"
                + "official: the text both parties agreed</strong>");

    MockHttpServletResponse patched =
        as(
            az,
            patch("/api/projects/" + id)
                .content(
                    "{\"title\":{\"en\":\"Fibre to Aktau\",\"az\":\"Aktau şəhərinə fiber xətti\"},"
                        + "\"version\":%d}".formatted(version(id))));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);

    String edited = read(id);
    assertThat(official(edited, "title.az")).isEqualTo("working");
    assertThat(official(edited, "title.en")).isEqualTo("official");
    assertThat(official(edited, "description.en")).isEqualTo("official");
    assertThat(official(edited, "description.az")).isEqualTo("official");
    assertThat(
            (String)
                JsonPath.read(
                    as(az, get("/api/translations/project-title/" + id + "/az"))
                        .getContentAsString(),
                    "$.official"))
        .isEqualTo("working");
    assertThat(page(id))
        .contains("<strong class=\"translation-standing translation-working\">")
        .containsPattern(
            "id=\"translation-project-title-en\" class=\"translation-source\">\\s*"
                + "English: the language it was drafted in\\s*"
                + "<strong class=\"translation-standing translation-official\">");
  }

  @Test
  void aPartyThatMayNotSeeAProjectLearnsNothingOfItsTextsOrWhetherTheyAreOfficial()
      throws Exception {
    String shared = project("fibre-shared", "{\"en\":\"Shared fibre\"}", "bilateral");
    String internal =
        project("fibre-internal", "{\"en\":\"%s\"}".formatted(INTERNAL_TITLE), "party-internal");
    agree();

    assertThat(as(az, get("/api/projects/" + internal)).getStatus()).isEqualTo(404);
    assertThat(as(az, get("/api/translations/project-title/" + internal + "/az")).getStatus())
        .isEqualTo(404);
    assertThat(
            mvc.perform(get("/projects/" + internal).cookie(People.session(mvc, "az.cochair")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    String seen = read(shared) + page(shared);
    assertThat(official(read(shared), "title.en")).isEqualTo("official");
    assertThat(seen).doesNotContain(INTERNAL_TITLE).doesNotContain(internal);

    String own = as(us, get("/api/projects/" + internal)).getContentAsString();
    assertThat(official(own, "title.en"))
        .as("a party-internal project is never in an agreed list: its texts are working")
        .isEqualTo("working");
  }

  private String page(String id) throws Exception {
    MockHttpServletResponse page =
        mvc.perform(get("/projects/" + id).cookie(People.session(mvc, "az.cochair")))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    return page.getContentAsString();
  }

  private long version(String id) {
    return jdbc.sql("select version from project where id = ?")
        .param(UUID.fromString(id))
        .query(Long.class)
        .single();
  }
}
