package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
 * A milestone's title in the translation workflow (decision 0037): a translation goes out of date
 * when its English source is edited through PUT or a CSV import, the per-language queue lists only
 * the milestones its reader may see, a translation saved against a stale version is a 409 and
 * changes nothing, a saved one is audited, and the milestone's page shows where each language
 * stands. Runs on H2 ({@link MilestoneTranslationsTest}) and PostgreSQL ({@link
 * MilestoneTranslationsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class MilestoneTranslationsContract {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String PAGE = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String EN = "Cable landing at Aktau";
  static final String EN_EDITED = "Cable landing at Aktau and Kuryk";
  static final String AZ = "Aktauda kabelin sahilə çıxışı";
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

  private String milestone(String token, String key, String title, String classification)
      throws Exception {
    MockHttpServletResponse created =
        as(
            token,
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

  private MockHttpServletResponse rename(String token, String id, String title) throws Exception {
    return as(
        token,
        put("/api/milestones/" + id)
            .content(
                """
                {"title":%s,"plannedStart":"2027-01-01","plannedEnd":"2027-03-31","version":%d}
                """
                    .formatted(title, version(id))));
  }

  private long version(String id) {
    return jdbc.sql("select version from milestone where id = ?")
        .param(UUID.fromString(id))
        .query(Long.class)
        .single();
  }

  private String translation(String token, String id, String language) throws Exception {
    MockHttpServletResponse read =
        as(token, get("/api/translations/milestone-title/" + id + "/" + language));
    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    return read.getContentAsString();
  }

  private MockHttpServletResponse save(String id, String text, long version) throws Exception {
    return as(
        az,
        put("/api/translations/milestone-title/" + id + "/az")
            .content("{\"text\":\"%s\",\"version\":%d}".formatted(text, version)));
  }

  @Test
  void editingTheEnglishTitleThroughPutPutsTheAzerbaijaniTitleOutOfDateSinceThatDay()
      throws Exception {
    String id =
        milestone(
            us, "cable-aktau", "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(EN, AZ), "bilateral");
    assertThat((String) JsonPath.read(translation(az, id, "az"), "$.status")).isEqualTo("current");

    clock.set(EDITED_ON);
    MockHttpServletResponse renamed =
        rename(us, id, "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(EN_EDITED, AZ));
    assertThat(renamed.getStatus()).as(renamed.getContentAsString()).isEqualTo(200);

    String outOfDate = translation(az, id, "az");
    assertThat((String) JsonPath.read(outOfDate, "$.status")).isEqualTo("out-of-date");
    assertThat((String) JsonPath.read(outOfDate, "$.since")).startsWith("2026-11-24");
    assertThat((String) JsonPath.read(outOfDate, "$.sourceLanguage")).isEqualTo("en");
    assertThat((String) JsonPath.read(outOfDate, "$.sourceText")).isEqualTo(EN_EDITED);
    assertThat((String) JsonPath.read(outOfDate, "$.text")).isEqualTo(AZ);
    String page =
        mvc.perform(
                get(PAGE + "/roadmap/milestones/" + id).cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .containsPattern(
            "id=\"translation-milestone-title-az\" class=\"translation-out-of-date\">\\s*"
                + "Azərbaycanca: out of date since the English text changed on")
        .contains("href=\"/translations/milestone-title/" + id + "/az\"");
  }

  @Test
  void editingTheEnglishTitleOnTheMilestonesFormPutsTheAzerbaijaniTitleOutOfDate()
      throws Exception {
    String id =
        milestone(us, "cable-form", "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(EN, AZ), "bilateral");
    clock.set(EDITED_ON);

    MockHttpServletResponse saved =
        mvc.perform(
                post(PAGE + "/roadmap/milestones/" + id)
                    .cookie(People.session(mvc, "us.member"))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("title_en", EN_EDITED)
                    .param("title_az", AZ)
                    .param("plannedStart", "2027-01-01")
                    .param("plannedEnd", "2027-03-31")
                    .param("status", "not-started")
                    .param("version", Long.toString(version(id))))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);

    String outOfDate = translation(az, id, "az");
    assertThat((String) JsonPath.read(outOfDate, "$.status")).isEqualTo("out-of-date");
    assertThat((String) JsonPath.read(outOfDate, "$.since")).startsWith("2026-11-24");
    assertThat((String) JsonPath.read(outOfDate, "$.sourceText")).isEqualTo(EN_EDITED);
  }

  @Test
  void anImportThatRenamesAMilestoneInEnglishPutsItsAzerbaijaniTitleOutOfDate() throws Exception {
    MockHttpServletResponse first =
        importFile(
            "key,title_en,title_az,planned_start,planned_end\n"
                + "cable-csv,Cable line,Kabel xətti,2027-01-01,2027-02-01\n");
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
    String id =
        jdbc.sql("select cast(id as varchar(36)) from milestone where code = 'cable-csv'")
            .query(String.class)
            .single();
    assertThat((String) JsonPath.read(translation(az, id, "az"), "$.status")).isEqualTo("current");

    clock.set(EDITED_ON);
    MockHttpServletResponse renamed =
        importFile(
            "key,title_en,planned_start,planned_end\n"
                + "cable-csv,Cable line renamed,2027-01-01,2027-02-01\n");
    assertThat(renamed.getStatus()).as(renamed.getContentAsString()).isEqualTo(200);

    String outOfDate = translation(az, id, "az");
    assertThat((String) JsonPath.read(outOfDate, "$.status")).isEqualTo("out-of-date");
    assertThat((String) JsonPath.read(outOfDate, "$.since")).startsWith("2026-11-24");
    assertThat((String) JsonPath.read(outOfDate, "$.text")).isEqualTo("Kabel xətti");
  }

  @Test
  void theQueueListsTheMilestonesAwaitingTheLanguageOnlyAsFarAsItsReaderMaySee() throws Exception {
    String shared = milestone(us, "cable-shared", "{\"en\":\"Shared cable\"}", "bilateral");
    String internal =
        milestone(us, "cable-internal", "{\"en\":\"US cable caucus\"}", "party-internal");

    String forAz = as(az, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forAz, "$.items[?(@.subject=='milestone-title')].key"))
        .contains(shared)
        .doesNotContain(internal);
    assertThat(forAz).doesNotContain("US cable caucus");
    assertThat(as(az, get("/api/translations/milestone-title/" + internal + "/az")).getStatus())
        .isEqualTo(404);
    assertThat(save(internal, AZ, 0).getStatus()).isEqualTo(404);

    String forUs = as(us, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forUs, "$.items[?(@.subject=='milestone-title')].key"))
        .contains(shared, internal);
    String en = as(us, get("/api/charters/az-us-2026/translations/en")).getContentAsString();
    assertThat((List<String>) JsonPath.read(en, "$.items[?(@.subject=='milestone-title')].key"))
        .as("never a translation into a title's own source language")
        .doesNotContain(shared, internal);
  }

  @Test
  void aTranslationSavedAgainstAStaleVersionIsAConflictAndChangesNothing() throws Exception {
    String id = milestone(us, "cable-stale", "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    long read = version(id);
    MockHttpServletResponse renamed = rename(us, id, "{\"en\":\"%s\"}".formatted(EN_EDITED));
    assertThat(renamed.getStatus()).as(renamed.getContentAsString()).isEqualTo(200);

    MockHttpServletResponse stale = save(id, AZ, read);

    assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
    assertThat(version(id)).isEqualTo(read + 1);
    assertThat((String) JsonPath.read(translation(az, id, "az"), "$.status")).isEqualTo("missing");
    assertThat(events(id)).isZero();
  }

  @Test
  void aSavedTranslationIsCurrentCountsAsAChangeOfTheMilestoneAndIsAudited() throws Exception {
    String id = milestone(us, "cable-saved", "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    long read = version(id);

    MockHttpServletResponse saved = save(id, AZ, read);

    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(saved.getContentAsString(), "$.status")).isEqualTo("current");
    assertThat(version(id)).isEqualTo(read + 1);
    String roadmap = as(az, get(GROUP + "/roadmap")).getContentAsString();
    assertThat(
            (List<String>) JsonPath.read(roadmap, "$.milestones[?(@.key=='cable-saved')].title.az"))
        .containsExactly(AZ);
    assertThat(
            (List<String>) JsonPath.read(roadmap, "$.milestones[?(@.key=='cable-saved')].title.en"))
        .containsExactly(EN);
    assertThat(events(id)).isEqualTo(1);
    MockHttpServletResponse source =
        as(
            az,
            put("/api/translations/milestone-title/" + id + "/en")
                .content("{\"text\":\"x\",\"version\":%d}".formatted(read + 1)));
    assertThat(source.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(source.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("language");
    MockHttpServletResponse tooLong = save(id, "ə".repeat(501), read + 1);
    assertThat(tooLong.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(tooLong.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("text");
    assertThat(version(id)).isEqualTo(read + 1);
    assertThat(events(id)).isEqualTo(1);
  }

  @Test
  void aPublishedMilestonesTitleIsNotQueuedAndItsTranslationIsRefusedUnchanged() throws Exception {
    String id = milestone(us, "cable-public", "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    // as both parties' agreement to publish the roadmap leaves it (RoadmapSubject)
    jdbc.sql("update milestone set classification = 'PUBLIC' where id = ?")
        .param(UUID.fromString(id))
        .update();
    long read = version(id);

    String queue = as(az, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(queue, "$.items[?(@.subject=='milestone-title')].key"))
        .doesNotContain(id);
    assertThat((Boolean) JsonPath.read(translation(az, id, "az"), "$.writable")).isFalse();
    MockHttpServletResponse refused = save(id, AZ, read);

    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(403);
    assertThat(version(id)).isEqualTo(read);
    assertThat((String) JsonPath.read(translation(az, id, "az"), "$.status")).isEqualTo("missing");
    assertThat(events(id)).isZero();
  }

  @Test
  void theTitlesTranslationStateTravelsWithTheMilestoneInTheChartersExport() throws Exception {
    String id =
        milestone(
            us, "cable-export", "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(EN, AZ), "bilateral");

    MockHttpServletResponse exported = as(az, get("/api/charters/az-us-2026/export.json"));

    assertThat(exported.getStatus()).as(exported.getContentAsString()).isEqualTo(200);
    List<String> states =
        JsonPath.read(
            exported.getContentAsString(),
            "$.tables.milestone[?(@.id=='" + id + "')].translation_sources");
    assertThat(states).hasSize(1);
    assertThat(states.get(0))
        .contains("\"source\":\"en\"")
        .contains(
            "\"madeFrom\":{\"az\":\""
                + org.entente.translations.TranslationState.digest(EN)
                + "\"}");
  }

  private MockHttpServletResponse importFile(String csv) throws Exception {
    return mvc.perform(
            post(GROUP + "/roadmap/import")
                .header("Authorization", "Bearer " + us)
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private long events(String id) {
    return jdbc.sql(
            "select count(*) from audit_event where action = 'milestone.translated'"
                + " and record_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
