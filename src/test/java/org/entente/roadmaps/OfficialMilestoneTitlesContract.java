package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
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
 * "Official" per text (issue 19 item 3, decision 0040): a milestone's title in a language is a
 * working text until both parties agree a version of the group's roadmap that holds exactly it;
 * then official, in the API, on the milestone's page and in the editor; changing the Azerbaijani
 * title afterwards makes that language working again and leaves English official; a party that may
 * not see a milestone learns nothing of it. Runs on H2 ({@link OfficialMilestoneTitlesTest}) and
 * PostgreSQL ({@link OfficialMilestoneTitlesOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class OfficialMilestoneTitlesContract {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String PAGE = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String EN = "Cable landing at Aktau";
  static final String AZ = "Aktauda kabelin sahilə çıxışı";
  static final String INTERNAL_TITLE = "US-only cable caucus";

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

  private String milestone(String key, String title, String classification) throws Exception {
    MockHttpServletResponse created =
        as(
            us,
            post(GROUP + "/roadmap/milestones")
                .content(
                    """
                    {"key":"%s","title":%s,"plannedStart":"2027-01-01","plannedEnd":"2027-03-31",
                     "classification":"%s"}
                    """
                        .formatted(key, title, classification)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return JsonPath.read(created.getContentAsString(), "$.id");
  }

  /** Whether the milestone's title in a language is official, as the roadmap answers for AZ. */
  private String official(String key, String language) throws Exception {
    String roadmap = as(az, get(GROUP + "/roadmap")).getContentAsString();
    List<String> found =
        JsonPath.read(roadmap, "$.milestones[?(@.key=='" + key + "')].official.title." + language);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private String editor(String id, String language) throws Exception {
    MockHttpServletResponse read =
        as(az, get("/api/translations/milestone-title/" + id + "/" + language));
    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    return JsonPath.read(read.getContentAsString(), "$.official");
  }

  private void agree() throws Exception {
    MockHttpServletResponse submitted = as(us, post(GROUP + "/roadmap/submit"));
    assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
    int version = JsonPath.read(submitted.getContentAsString(), "$.agreement.currentVersion");
    for (String chair : new String[] {us, az}) {
      MockHttpServletResponse approved =
          as(
              chair,
              post(GROUP + "/roadmap/approve").content("{\"version\":%d}".formatted(version)));
      assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
    }
  }

  @Test
  void aTitleIsWorkingUntilBothPartiesAgreeTheRoadmapThenOfficialUntilItsLanguageChanges()
      throws Exception {
    String id =
        milestone("cable-official", "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(EN, AZ), "bilateral");
    assertThat(official("cable-official", "en")).isEqualTo("working");
    assertThat(official("cable-official", "az")).isEqualTo("working");
    assertThat(editor(id, "az")).isEqualTo("working");

    agree();

    assertThat(official("cable-official", "en")).isEqualTo("official");
    assertThat(official("cable-official", "az")).isEqualTo("official");
    assertThat(editor(id, "az")).isEqualTo("official");
    assertThat(
            mvc.perform(
                    get("/translations/milestone-title/" + id + "/az")
                        .cookie(People.session(mvc, "az.cochair")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .containsPattern(
            "id=\"translation-standing\"><strong class=\"translation-standing translation-official\">"
                + "official: the text both parties agreed</strong>");
    assertThat(page(id))
        .containsPattern(
            "id=\"translation-milestone-title-az\" class=\"translation-current\">\\s*"
                + "Azərbaycanca: translated from the English text as it is now\\s*"
                + "<strong class=\"translation-standing translation-official\">"
                + "official: the text both parties agreed</strong>");

    MockHttpServletResponse changed =
        as(
            az,
            put("/api/milestones/" + id)
                .content(
                    """
                    {"title":{"en":"%s","az":"Aktauda kabelin sahilə çıxarılması"},
                     "plannedStart":"2027-01-01","plannedEnd":"2027-03-31","version":%d}
                    """
                        .formatted(EN, version(id))));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(changed.getContentAsString(), "$.official.title.az"))
        .isEqualTo("working");

    assertThat(official("cable-official", "az")).isEqualTo("working");
    assertThat(official("cable-official", "en")).isEqualTo("official");
    assertThat(editor(id, "az")).isEqualTo("working");
    assertThat(editor(id, "en")).isEqualTo("official");
    assertThat(page(id))
        .containsPattern(
            "id=\"translation-milestone-title-az\" class=\"translation-[a-z-]+\">[^<]*"
                + "<strong class=\"translation-standing translation-working\">");
  }

  @Test
  void aPartyThatMayNotSeeAMilestoneLearnsNothingOfItsTitleOrWhetherItIsOfficial()
      throws Exception {
    milestone("cable-shared", "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    String internal =
        milestone("cable-internal", "{\"en\":\"%s\"}".formatted(INTERNAL_TITLE), "party-internal");
    agree();

    String roadmap = as(az, get(GROUP + "/roadmap")).getContentAsString();
    assertThat(roadmap).doesNotContain(INTERNAL_TITLE).doesNotContain(internal);
    assertThat(official("cable-shared", "en")).isEqualTo("official");
    assertThat(as(az, get("/api/translations/milestone-title/" + internal + "/en")).getStatus())
        .isEqualTo(404);
    assertThat(
            mvc.perform(
                    get(PAGE + "/roadmap/milestones/" + internal)
                        .cookie(People.session(mvc, "az.cochair")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);

    String own = as(us, get(GROUP + "/roadmap")).getContentAsString();
    assertThat(
            (List<String>)
                JsonPath.read(own, "$.milestones[?(@.key=='cable-internal')].official.title.en"))
        .as("a party-internal milestone is never in an agreed roadmap: its title is working")
        .containsExactly("working");
  }

  private String page(String id) throws Exception {
    MockHttpServletResponse page =
        mvc.perform(
                get(PAGE + "/roadmap/milestones/" + id).cookie(People.session(mvc, "az.cochair")))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    return page.getContentAsString();
  }

  private long version(String id) {
    return jdbc.sql("select version from milestone where id = ?")
        .param(UUID.fromString(id))
        .query(Long.class)
        .single();
  }
}
