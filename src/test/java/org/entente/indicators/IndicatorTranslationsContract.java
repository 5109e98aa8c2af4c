package org.entente.indicators;

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
 * An indicator's name, unit and definition in the translation workflow (decisions 0037, 0041): a
 * new indicator's texts know their source, a missing translation is in the per-language queue only
 * for those who may see the indicator, a translation saved against a stale version is a 409 and
 * changes nothing, a saved one is current, changes the indicator under its version and is audited,
 * and the indicator's page shows where each text stands. Runs on H2 ({@link
 * IndicatorTranslationsTest}) and PostgreSQL ({@link IndicatorTranslationsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class IndicatorTranslationsContract {

  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-connectivity-digital";
  static final String UNIT_AZ = "qatar";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  String az;
  String us;

  @BeforeEach
  void members() {
    az = people.person("az.member").party("AZ").memberOf(People.CHARTER, GROUP).create();
    us = people.person("us.member").party("US").memberOf(People.CHARTER, GROUP).create();
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

  private String indicator(String token, String key, String classification) throws Exception {
    MockHttpServletResponse created =
        as(
            token,
            post("/api/charters/" + CHARTER + "/indicators")
                .content(
                    """
                    {"key":"%s","name":{"en":"Container trains %s","az":"Konteyner qatarları"},
                     "unit":{"en":"block trains"},"definition":"Trains a year through Baku",
                     "direction":"higher","workingGroup":"%s","classification":"%s"}
                    """
                        .formatted(key, key, GROUP, classification)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return JsonPath.read(created.getContentAsString(), "$.id");
  }

  private long version(String id) {
    return jdbc.sql("select version from indicator where id = ?")
        .param(UUID.fromString(id))
        .query(Long.class)
        .single();
  }

  private long events(String id) {
    return jdbc.sql(
            "select count(*) from audit_event where action = 'indicator.translated'"
                + " and record_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private String translation(String token, String subject, String id, String language)
      throws Exception {
    MockHttpServletResponse read =
        as(token, get("/api/translations/" + subject + "/" + id + "/" + language));
    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    return read.getContentAsString();
  }

  private MockHttpServletResponse save(String subject, String id, String text, long version)
      throws Exception {
    return as(
        az,
        put("/api/translations/" + subject + "/" + id + "/az")
            .content("{\"text\":\"%s\",\"version\":%d}".formatted(text, version)));
  }

  @Test
  void aNewIndicatorsTextsKnowTheirSourceAndThePageSaysWhereEachStands() throws Exception {
    String id = indicator(us, "trains-status", "bilateral");

    String name = translation(az, "indicator-name", id, "az");
    assertThat((String) JsonPath.read(name, "$.sourceLanguage")).isEqualTo("en");
    assertThat((String) JsonPath.read(name, "$.status")).isEqualTo("current");
    String unit = translation(az, "indicator-unit", id, "az");
    assertThat((String) JsonPath.read(unit, "$.status")).isEqualTo("missing");
    assertThat((String) JsonPath.read(unit, "$.sourceText")).isEqualTo("block trains");
    String definition = translation(az, "indicator-definition", id, "en");
    assertThat((String) JsonPath.read(definition, "$.status")).isEqualTo("source");
    assertThat((String) JsonPath.read(definition, "$.text"))
        .isEqualTo("Trains a year through Baku");

    String page =
        mvc.perform(get("/indicators/" + id).cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .containsPattern("id=\"translation-indicator-name-az\" class=\"translation-current\">")
        .containsPattern("id=\"translation-indicator-unit-az\" class=\"translation-missing\">")
        .contains("href=\"/translations/indicator-unit/" + id + "/az\"")
        .containsPattern(
            "id=\"translation-indicator-definition-az\" class=\"translation-missing\">")
        .contains("id=\"indicator-official\"");
  }

  @Test
  void theQueueListsTheIndicatorsAwaitingTheLanguageOnlyAsFarAsItsReaderMaySee() throws Exception {
    String shared = indicator(us, "trains-shared", "bilateral");
    String internal = indicator(us, "trains-internal", "party-internal");

    String forAz =
        as(az, get("/api/charters/" + CHARTER + "/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forAz, "$.items[?(@.subject=='indicator-unit')].key"))
        .contains(shared)
        .doesNotContain(internal);
    assertThat(forAz).doesNotContain("Container trains trains-internal");
    String reference =
        jdbc.sql("select cast(id as varchar(36)) from indicator where code = ?")
            .param("titr-container-trains")
            .query(String.class)
            .single();
    assertThat((List<String>) JsonPath.read(forAz, "$.items[?(@.subject=='indicator-unit')].key"))
        .as("a unit the reference catalogue translates is not asked for")
        .doesNotContain(reference);
    assertThat(as(az, get("/api/translations/indicator-unit/" + internal + "/az")).getStatus())
        .isEqualTo(404);

    String forUs =
        as(us, get("/api/charters/" + CHARTER + "/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forUs, "$.items[?(@.subject=='indicator-unit')].key"))
        .contains(shared, internal);
    assertThat(
            (List<String>)
                JsonPath.read(forUs, "$.items[?(@.subject=='indicator-definition')].key"))
        .contains(shared, internal);
    assertThat((List<String>) JsonPath.read(forUs, "$.items[?(@.subject=='indicator-name')].key"))
        .as("a name already in Azerbaijani awaits nothing")
        .doesNotContain(shared, internal);
  }

  @Test
  void aTranslationSavedAgainstAStaleVersionIsAConflictAndChangesNothing() throws Exception {
    String id = indicator(us, "trains-stale", "bilateral");
    long read = version(id);
    MockHttpServletResponse added =
        as(
            us,
            post("/api/indicators/" + id + "/values")
                .content(
                    """
                    {"kind":"actual","year":2025,"value":"12","unit":"block trains","publisher":"ADY"}
                    """));
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);

    MockHttpServletResponse stale = save("indicator-unit", id, UNIT_AZ, read);

    assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
    assertThat(version(id)).isEqualTo(read + 1);
    assertThat((String) JsonPath.read(translation(az, "indicator-unit", id, "az"), "$.status"))
        .isEqualTo("missing");
    assertThat(events(id)).isZero();
  }

  @Test
  void aSavedTranslationIsCurrentChangesTheIndicatorAndIsAudited() throws Exception {
    String id = indicator(us, "trains-saved", "bilateral");
    long read = version(id);

    MockHttpServletResponse saved = save("indicator-unit", id, UNIT_AZ, read);

    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(saved.getContentAsString(), "$.status")).isEqualTo("current");
    assertThat(version(id)).isEqualTo(read + 1);
    String indicator = as(az, get("/api/indicators/" + id)).getContentAsString();
    assertThat((String) JsonPath.read(indicator, "$.unit.az")).isEqualTo(UNIT_AZ);
    assertThat((String) JsonPath.read(indicator, "$.unit.en")).isEqualTo("block trains");
    assertThat(events(id)).isEqualTo(1);
    // a value may now be given in either language's unit
    MockHttpServletResponse inAzerbaijani =
        as(
            us,
            post("/api/indicators/" + id + "/values")
                .content(
                    """
                    {"kind":"actual","year":2025,"value":"12","unit":"qatar","publisher":"ADY"}
                    """));
    assertThat(inAzerbaijani.getStatus()).as(inAzerbaijani.getContentAsString()).isEqualTo(201);

    MockHttpServletResponse source =
        as(
            az,
            put("/api/translations/indicator-unit/" + id + "/en")
                .content("{\"text\":\"x\",\"version\":%d}".formatted(version(id))));
    assertThat(source.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(source.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("language");
  }

  @Test
  void whoMayNotWriteWhereTheIndicatorIsKeptMayNotSaveItsTranslation() throws Exception {
    String id = indicator(us, "trains-outsider", "bilateral");
    String outsider =
        people.person("az.outsider").party("AZ").memberOf(People.CHARTER, "wg-energy").create();
    assertThat(as(outsider, get("/api/translations/indicator-unit/" + id + "/az")).getStatus())
        .as("a working group's indicator is its members' to see")
        .isEqualTo(404);

    String reference =
        jdbc.sql("select cast(id as varchar(36)) from indicator where code = ?")
            .param("titr-container-trains")
            .query(String.class)
            .single();
    String observer = people.person("az.observer").party("AZ").role(Role.OBSERVER).create();
    String read = translation(observer, "indicator-unit", reference, "az");
    assertThat((Boolean) JsonPath.read(read, "$.writable")).isFalse();
    long before = version(reference);
    MockHttpServletResponse refused =
        as(
            observer,
            put("/api/translations/indicator-unit/" + reference + "/az")
                .content("{\"text\":\"qatar\",\"version\":%d}".formatted(before)));
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(version(reference)).isEqualTo(before);
    assertThat(events(reference)).isZero();
  }
}
