package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.MutableClock;
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
 * A project's title and description in the translation workflow (decision 0037): a translation goes
 * out of date when its English source is edited through PATCH, the per-language queue lists only
 * the projects its reader may see, a translation saved against a stale version is a 409 and changes
 * nothing, a saved one is audited. Runs on H2 ({@link ProjectTranslationsTest}) and PostgreSQL
 * ({@link ProjectTranslationsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class ProjectTranslationsContract {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String EN = "Fibre link to Aktau";
  static final String EN_EDITED = "Fibre link to Aktau and Kuryk";
  static final String AZ = "Aktauya fiber xətti";
  static final LocalDate EDITED_ON = LocalDate.of(2026, 11, 24);

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  String az;
  String us;

  @BeforeEach
  void members() {
    az =
        people
            .person("az.member")
            .party("AZ")
            .memberOf(People.CHARTER, "wg-connectivity-digital")
            .create();
    us =
        people
            .person("us.member")
            .party("US")
            .memberOf(People.CHARTER, "wg-connectivity-digital")
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

  private String project(String token, String key, String title, String classification)
      throws Exception {
    MockHttpServletResponse created =
        as(
            token,
            post(GROUP + "/projects")
                .content(
                    """
                    {"key":"%s","title":%s,"description":{"en":"A cable under the Caspian."},
                     "commitments":["middle-corridor"],"classification":"%s"}
                    """
                        .formatted(key, title, classification)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return JsonPath.read(created.getContentAsString(), "$.id");
  }

  private long version(String id) {
    return jdbc.sql("select version from project where id = ?")
        .param(UUID.fromString(id))
        .query(Long.class)
        .single();
  }

  private String translation(String token, String id, String language) throws Exception {
    MockHttpServletResponse read =
        as(token, get("/api/translations/project-title/" + id + "/" + language));
    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    return read.getContentAsString();
  }

  private MockHttpServletResponse save(String id, String text, long version) throws Exception {
    return as(
        az,
        put("/api/translations/project-title/" + id + "/az")
            .content("{\"text\":\"%s\",\"version\":%d}".formatted(text, version)));
  }

  @Test
  void editingTheEnglishTitleThroughPatchPutsTheAzerbaijaniTitleOutOfDateSinceThatDay()
      throws Exception {
    String id =
        project(us, "fibre-aktau", "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(EN, AZ), "bilateral");
    assertThat((String) JsonPath.read(translation(az, id, "az"), "$.status")).isEqualTo("current");

    clock.set(EDITED_ON);
    MockHttpServletResponse patched =
        as(
            us,
            patch("/api/projects/" + id)
                .content(
                    "{\"title\":{\"en\":\"%s\",\"az\":\"%s\"},\"version\":%d}"
                        .formatted(EN_EDITED, AZ, version(id))));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);

    String outOfDate = translation(az, id, "az");
    assertThat((String) JsonPath.read(outOfDate, "$.status")).isEqualTo("out-of-date");
    assertThat((String) JsonPath.read(outOfDate, "$.since")).startsWith("2026-11-24");
    assertThat((String) JsonPath.read(outOfDate, "$.sourceText")).isEqualTo(EN_EDITED);
    assertThat((String) JsonPath.read(outOfDate, "$.text")).isEqualTo(AZ);
    String page =
        mvc.perform(get("/projects/" + id).cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .containsPattern(
            "id=\"translation-project-title-az\" class=\"translation-out-of-date\">\\s*"
                + "Azərbaycanca: out of date since the English text changed on")
        .contains("href=\"/translations/project-title/" + id + "/az\"")
        .containsPattern("id=\"translation-project-description-az\" class=\"translation-missing\">")
        .contains("href=\"/translations/project-description/" + id + "/az\"");
    String editor =
        mvc.perform(
                get("/translations/project-title/" + id + "/az")
                    .cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(editor).contains(EN_EDITED).contains(AZ).contains("Project title");
  }

  @Test
  void theQueueListsTheProjectsAwaitingTheLanguageOnlyAsFarAsItsReaderMaySee() throws Exception {
    String shared = project(us, "fibre-shared", "{\"en\":\"Shared fibre\"}", "bilateral");
    String internal =
        project(us, "fibre-internal", "{\"en\":\"US fibre caucus\"}", "party-internal");

    String forAz = as(az, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forAz, "$.items[?(@.subject=='project-title')].key"))
        .contains(shared)
        .doesNotContain(internal);
    assertThat(forAz).doesNotContain("US fibre caucus");
    assertThat(as(az, get("/api/translations/project-title/" + internal + "/az")).getStatus())
        .isEqualTo(404);

    String forUs = as(us, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forUs, "$.items[?(@.subject=='project-title')].key"))
        .contains(shared, internal);
    assertThat(
            (List<String>) JsonPath.read(forUs, "$.items[?(@.subject=='project-description')].key"))
        .contains(shared, internal);
  }

  @Test
  void aTranslationSavedAgainstAStaleVersionIsAConflictAndChangesNothing() throws Exception {
    String id = project(us, "fibre-stale", "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    long read = version(id);
    MockHttpServletResponse patched =
        as(
            us,
            patch("/api/projects/" + id)
                .content("{\"title\":{\"en\":\"%s\"},\"version\":%d}".formatted(EN_EDITED, read)));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);

    MockHttpServletResponse stale = save(id, AZ, read);

    assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
    assertThat(version(id)).isEqualTo(read + 1);
    assertThat((String) JsonPath.read(translation(az, id, "az"), "$.status")).isEqualTo("missing");
    assertThat(events(id)).isZero();
  }

  @Test
  void aSavedTranslationIsCurrentCountsAsAChangeOfTheProjectAndIsAudited() throws Exception {
    String id = project(us, "fibre-saved", "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    long read = version(id);

    MockHttpServletResponse saved = save(id, AZ, read);

    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(saved.getContentAsString(), "$.status")).isEqualTo("current");
    assertThat(version(id)).isEqualTo(read + 1);
    String project = as(az, get("/api/projects/" + id)).getContentAsString();
    assertThat((String) JsonPath.read(project, "$.title.az")).isEqualTo(AZ);
    assertThat((String) JsonPath.read(project, "$.title.en")).isEqualTo(EN);
    assertThat(events(id)).isEqualTo(1);
    assertThat(save(id, "Başqa", read + 1).getStatus()).isEqualTo(200);
    MockHttpServletResponse source =
        as(
            az,
            put("/api/translations/project-title/" + id + "/en")
                .content("{\"text\":\"x\",\"version\":%d}".formatted(read + 2)));
    assertThat(source.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(source.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("language");
  }

  @Test
  void anImportThatRenamesAProjectInEnglishPutsItsAzerbaijaniTitleOutOfDate() throws Exception {
    MockHttpServletResponse first =
        importFile(
            "key,title_en,title_az,description_en,description_az,commitments\n"
                + "fibre-csv,Fibre line,Fiber xətti,A line,Bir xətt,middle-corridor\n");
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
    String id =
        jdbc.sql("select cast(id as varchar(36)) from project where code = 'fibre-csv'")
            .query(String.class)
            .single();
    assertThat((String) JsonPath.read(translation(az, id, "az"), "$.status")).isEqualTo("current");

    clock.set(EDITED_ON);
    MockHttpServletResponse renamed =
        importFile("key,title_en,commitments\nfibre-csv,Fibre line renamed,middle-corridor\n");
    assertThat(renamed.getStatus()).as(renamed.getContentAsString()).isEqualTo(200);

    String outOfDate = translation(az, id, "az");
    assertThat((String) JsonPath.read(outOfDate, "$.status")).isEqualTo("out-of-date");
    assertThat((String) JsonPath.read(outOfDate, "$.since")).startsWith("2026-11-24");
    assertThat(
            (String)
                JsonPath.read(
                    as(az, get("/api/translations/project-description/" + id + "/az"))
                        .getContentAsString(),
                    "$.status"))
        .isEqualTo("current");
  }

  private MockHttpServletResponse importFile(String csv) throws Exception {
    return mvc.perform(
            post(GROUP + "/projects/import")
                .header("Authorization", "Bearer " + us)
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private long events(String id) {
    return jdbc.sql(
            "select count(*) from audit_event where action = 'project.translated' and record_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
