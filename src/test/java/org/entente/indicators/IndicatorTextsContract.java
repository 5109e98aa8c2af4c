package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
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
 * An indicator's unit, definition and data source and its values' notes are texts in the languages
 * of its charter (decision 0041), with the rules of its name: the API takes each as an object by
 * language or, for one release, a plain string (the text in the charter's text language); a
 * language the charter lacks is refused naming the field, nothing stored; the forms have a field
 * per language; read pages mark a text shown in another language; the values CSV and the open data
 * have a column per language. Runs on H2 ({@link IndicatorTextsTest}) and PostgreSQL ({@link
 * IndicatorTextsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class IndicatorTextsContract {

  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  String us;

  @BeforeEach
  void member() {
    us = people.person("us.member").party("US").memberOf(People.CHARTER, GROUP).create();
  }

  private MockHttpServletResponse as(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + us)).andReturn().getResponse();
  }

  private MockHttpServletResponse create(String key, String texts) throws Exception {
    return as(
        post("/api/charters/" + CHARTER + "/indicators")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"key":"%s","name":{"en":"Container trains"},%s,"direction":"higher",
                 "workingGroup":"%s","classification":"bilateral"}
                """
                    .formatted(key, texts, GROUP)));
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void theApiTakesEachTextByLanguageOrAsAPlainStringInTheChartersTextLanguage() throws Exception {
    MockHttpServletResponse created =
        create(
            "texts-api",
            """
            "unit":{"en":"trains","az":"qatar"},
            "definition":{"en":"Trains a year","az":"İldə qatarlar"},"dataSource":"ADY\"""");
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    String body = created.getContentAsString();
    assertThat((String) JsonPath.read(body, "$.unit.az")).isEqualTo("qatar");
    assertThat((String) JsonPath.read(body, "$.definition.az")).isEqualTo("İldə qatarlar");
    assertThat((String) JsonPath.read(body, "$.dataSource.en")).isEqualTo("ADY");
    String id = JsonPath.read(body, "$.id");
    String stored =
        jdbc.sql("select unit from indicator where id = ?")
            .param(UUID.fromString(id))
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo("{\"en\":\"trains\",\"az\":\"qatar\"}");

    MockHttpServletResponse value =
        as(
            post("/api/indicators/" + id + "/values")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind":"actual","year":2025,"value":"12","unit":"qatar","publisher":"ADY",
                     "note":{"en":"half year","az":"yarım il"}}
                    """));
    assertThat(value.getStatus()).as(value.getContentAsString()).isEqualTo(201);
    assertThat((String) JsonPath.read(value.getContentAsString(), "$.note.az"))
        .isEqualTo("yarım il");
    MockHttpServletResponse plain =
        as(
            post("/api/indicators/" + id + "/values")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind":"actual","year":2026,"value":"13","unit":"trains","publisher":"ADY",
                     "note":"estimate"}
                    """));
    assertThat(plain.getStatus()).as(plain.getContentAsString()).isEqualTo(201);
    assertThat((String) JsonPath.read(plain.getContentAsString(), "$.note.en"))
        .isEqualTo("estimate");
  }

  @Test
  void aTextInALanguageOutsideTheCharterIsRefusedNamingItsFieldAndNothingIsStored()
      throws Exception {
    long indicators = count("indicator");
    for (String[] refused :
        new String[][] {
          {"unit", "\"unit\":{\"uk\":\"поїзди\"}"},
          {
            "definition", "\"unit\":\"trains\",\"definition\":{\"en\":\"Trains\",\"uk\":\"Поїзди\"}"
          },
          {"dataSource", "\"unit\":\"trains\",\"dataSource\":{\"uk\":\"УЗ\"}"},
          {"unit", "\"unit\":{\"en\":\"\"}"},
          {"unit", "\"unit\":{\"en\":\"" + "x".repeat(101) + "\"}"},
          {"definition", "\"unit\":\"trains\",\"definition\":7"}
        }) {
      MockHttpServletResponse answer = create("texts-refused", refused[1]);
      assertThat(answer.getStatus()).as(refused[1]).isEqualTo(400);
      assertThat((String) JsonPath.read(answer.getContentAsString(), "$.errors[0].field"))
          .as(refused[1])
          .isEqualTo(refused[0]);
    }
    assertThat(count("indicator")).isEqualTo(indicators);

    String id =
        JsonPath.read(create("texts-note", "\"unit\":\"trains\"").getContentAsString(), "$.id");
    long values = count("indicator_value");
    MockHttpServletResponse note =
        as(
            post("/api/indicators/" + id + "/values")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind":"actual","year":2025,"value":"12","unit":"trains","publisher":"ADY",
                     "note":{"uk":"оцінка"}}
                    """));
    assertThat(note.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(note.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("note");
    assertThat(count("indicator_value")).isEqualTo(values);
  }

  @Test
  void theFormsHaveAFieldPerLanguageOfTheCharterForEachText() throws Exception {
    Cookie session = People.session(mvc, "us.member");
    String list =
        mvc.perform(get("/charters/" + CHARTER + "/indicators").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (String field : new String[] {"unit", "definition", "source"}) {
      assertThat(list)
          .containsPattern("id=\"" + field + "-en\" name=\"" + field + "_en\"[^>]*lang=\"en\"")
          .containsPattern(
              "id=\"" + field + "-az\" name=\"" + field + "_az\"[^>]*lang=\"az-Latn\"");
    }
    MockHttpServletResponse made =
        mvc.perform(
                post("/charters/" + CHARTER + "/indicators")
                    .cookie(session)
                    .with(csrf())
                    .param("key", "texts-form")
                    .param("name_en", "Container trains")
                    .param("unit_en", "trains")
                    .param("unit_az", "qatar")
                    .param("definition_az", "İldə qatarlar")
                    .param("source_en", "ADY")
                    .param("direction", "higher")
                    .param("workingGroup", GROUP)
                    .param("classification", "bilateral"))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
    String id = made.getRedirectedUrl().substring("/indicators/".length());
    String api = as(get("/api/indicators/" + id)).getContentAsString();
    assertThat((String) JsonPath.read(api, "$.unit.az")).isEqualTo("qatar");
    assertThat((String) JsonPath.read(api, "$.definition.az")).isEqualTo("İldə qatarlar");
    String page =
        mvc.perform(get("/indicators/" + id).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .containsPattern("id=\"note-en\" name=\"note_en\"")
        .containsPattern("id=\"note-az\" name=\"note_az\"");
  }

  @Test
  void readPagesShowEachTextInTheReadersLanguageOrMarkTheOneShown() throws Exception {
    String id =
        JsonPath.read(
            create(
                    "texts-read",
                    "\"unit\":{\"en\":\"trains\",\"az\":\"qatar\"},"
                        + "\"definition\":{\"en\":\"Trains a year\"}")
                .getContentAsString(),
            "$.id");
    Cookie session = People.session(mvc, "us.member");
    String az =
        mvc.perform(get("/indicators/" + id + "?lang=az").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(az)
        .contains("<dd><span lang=\"az-Latn\">qatar</span></dd>")
        .containsPattern(
            "<span lang=\"en\">Trains a year</span> <span class=\"fallback\">\\(ingiliscə\\)</span>");
    String en =
        mvc.perform(get("/indicators/" + id + "?lang=en").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(en)
        .contains("<dd><span lang=\"en\">trains</span></dd>")
        .contains("<span lang=\"en\">Trains a year</span>")
        .doesNotContain("class=\"fallback\"");
  }

  @Test
  void theValuesCsvAndTheOpenDataHaveAColumnPerLanguage() throws Exception {
    String id =
        JsonPath.read(create("texts-csv", "\"unit\":\"trains\"").getContentAsString(), "$.id");
    MockHttpServletResponse imported =
        as(
            post("/api/indicators/" + id + "/values/import")
                .contentType("text/csv")
                .content(
                    """
                    kind,year,date,value,unit,source_url,publisher,note_en,note_az,official,used
                    actual,2025,,12,trains,https://ady.az/a,ADY,half year,yarım il,true,true
                    """));
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    assertThat(
            (String)
                JsonPath.read(
                    as(get("/api/indicators/" + id)).getContentAsString(), "$.values[0].note.az"))
        .isEqualTo("yarım il");
    assertThat(as(get("/api/indicators/" + id + "/values.csv")).getContentAsString())
        .startsWith("kind,year,date,value,unit,source_url,publisher,note_en,note_az,official,used")
        .contains(",ADY,half year,yarım il,true,true");
    MockHttpServletResponse foreign =
        as(
            post("/api/indicators/" + id + "/values/import")
                .contentType("text/csv")
                .content(
                    """
                    kind,year,date,value,unit,source_url,publisher,note_uk,official,used
                    actual,2026,,13,trains,https://ady.az/b,ADY,оцінка,true,true
                    """));
    assertThat(foreign.getStatus()).isEqualTo(400);
    assertThat(foreign.getContentAsString()).contains("\"field\":\"note\"");

    String indicators =
        mvc.perform(get("/api/charters/" + CHARTER + "/open-data/indicators.csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(indicators.lines().findFirst().orElseThrow())
        .contains("unit_en,unit_az")
        .contains("definition_en,definition_az")
        .contains("dataSource_en,dataSource_az");
    String values =
        mvc.perform(get("/api/charters/" + CHARTER + "/open-data/indicator-values.csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(values.lines().findFirst().orElseThrow())
        .contains("unit_en,unit_az")
        .contains("note_en,note_az");
    assertThat(values).contains("million tonnes");
  }
}
