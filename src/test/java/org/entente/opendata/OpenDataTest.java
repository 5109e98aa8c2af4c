package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The open data files: the JSON dump's shape, each CSV's header and rows, the IATI file valid
 * against the IATI 2.03 schema with what a project carries, the page listing them, and a clear 4xx
 * for an unknown type or charter.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataTest {

  static final String API = "/api/charters/" + OpenDataFixtures.CHARTER;

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;

  OpenDataFixtures fixtures;

  @BeforeAll
  void records() throws Exception {
    fixtures = new OpenDataFixtures(mvc, accounts, tokens, definitions, jdbc).create();
  }

  private MockHttpServletResponse get200(String url) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
    assertThat(response.getStatus()).as(url + ": " + response.getContentAsString()).isEqualTo(200);
    return response;
  }

  @Test
  void theDumpHoldsEveryPublicRecordTypeWithTextsByLanguage() throws Exception {
    String json = get200(API + "/open-data.json").getContentAsString();
    assertThat((String) JsonPath.read(json, "$.format")).isEqualTo("entente-open-data/1");
    assertThat((String) JsonPath.read(json, "$.charter.key")).isEqualTo("fd-sy-2025");
    for (String type : OpenData.types()) {
      assertThat((Object) JsonPath.read(json, "$['" + type + "']"))
          .as(type)
          .isInstanceOf(List.class);
    }
    assertThat((List<String>) JsonPath.read(json, "$.projects[*].key"))
        .containsExactly("river-survey");
    assertThat((String) JsonPath.read(json, "$.projects[0].title.fr"))
        .isEqualTo("Étude des rivières");
    assertThat((List<String>) JsonPath.read(json, "$.milestones[*].key"))
        .containsExactlyInAnyOrder("survey-done", "dam-prep");
    assertThat((List<String>) JsonPath.read(json, "$.financing[*].currency"))
        .containsExactly("USD", "USD", "EUR");
    assertThat((List<String>) JsonPath.read(json, "$.statements[*].text.en"))
        .containsExactly(OpenDataFixtures.PUBLISHED_STATEMENT);
    assertThat((List<String>) JsonPath.read(json, "$.indicators[*].key"))
        .containsExactly("river-flow");
    assertThat((List<String>) JsonPath.read(json, "$['indicator-values'][*].kind"))
        .containsExactlyInAnyOrder("baseline", "target", "actual");
    assertThat((List<String>) JsonPath.read(json, "$['working-groups'][*].key"))
        .contains("river-commission", "border-security");
    assertThat((List<String>) JsonPath.read(json, "$.areas[*].key")).contains("water", "trade");
  }

  @Test
  void eachCsvHasItsHeaderAndOneRowPerRecord() throws Exception {
    MockHttpServletResponse response = get200(API + "/open-data/projects.csv");
    assertThat(response.getContentType()).startsWith("text/csv");
    List<CSVRecord> rows = parse(response.getContentAsString());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).toMap())
        .containsEntry("key", "river-survey")
        .containsEntry("title_en", "River survey")
        .containsEntry("title_fr", "Étude des rivières")
        .containsEntry("workingGroup", "river-commission")
        .containsEntry("commitments", "shared-rivers")
        .containsEntry("partners", "River Bank (funding); Survey Co (implementing)");
    assertThat(header(API + "/open-data/projects.csv"))
        .startsWith("id", "key", "workingGroup", "title_en", "title_fr", "description_en")
        .noneMatch(column -> column.endsWith("_az"));

    List<CSVRecord> financing =
        parse(get200(API + "/open-data/financing.csv").getContentAsString());
    assertThat(financing)
        .extracting(r -> r.get("amount"))
        .containsExactly("1000000.00", "250000.50", "50000.00");
    assertThat(financing)
        .extracting(r -> r.get("status"))
        .containsExactly("committed", "disbursed", "pledged");
    assertThat(financing).extracting(r -> r.get("date")).containsExactly("", "2026-10-15", "");

    List<CSVRecord> milestones =
        parse(get200(API + "/open-data/milestones.csv").getContentAsString());
    assertThat(milestones)
        .extracting(r -> r.get("key"))
        .containsExactlyInAnyOrder("survey-done", "dam-prep");
    assertThat(header(API + "/open-data/indicator-values.csv"))
        .containsExactly(
            "indicator",
            "id",
            "kind",
            "year",
            "date",
            "value",
            "unit_en",
            "unit_fr",
            "publisher",
            "sourceUrl",
            "note_en",
            "note_fr",
            "official",
            "used");
    for (String type : OpenData.types()) {
      assertThat(header(API + "/open-data/" + type + ".csv")).as(type).isNotEmpty();
    }
  }

  private List<String> header(String url) throws Exception {
    String csv = get200(url).getContentAsString();
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getHeaderNames();
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  @Test
  void anUnknownTypeOrCharterIsAClearProblem() throws Exception {
    MockHttpServletResponse unknown =
        mvc.perform(get(API + "/open-data/secrets.csv")).andReturn().getResponse();
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(unknown.getContentType()).startsWith("application/problem+json");
    assertThat(unknown.getContentAsString()).contains("secrets").contains("projects");
    MockHttpServletResponse asCsv =
        mvc.perform(
                get(API + "/open-data/secrets.csv").accept(MediaType.parseMediaType("text/csv")))
            .andReturn()
            .getResponse();
    assertThat(asCsv.getStatus()).isEqualTo(400);
    for (String url :
        List.of(
            "/api/charters/no-such/open-data.json",
            "/api/charters/no-such/open-data/projects.csv",
            "/api/charters/no-such/iati.xml",
            "/api/charters/no-such/export.json")) {
      MockHttpServletResponse missing = mvc.perform(get(url)).andReturn().getResponse();
      assertThat(missing.getStatus()).as(url).isEqualTo(404);
      assertThat(missing.getContentType()).as(url).startsWith("application/problem+json");
    }
    assertThat(
            mvc.perform(get("/charters/no-such/open-data").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void theIatiFileIsValidAgainstTheIati203Schema() throws Exception {
    MockHttpServletResponse response = get200(API + "/iati.xml");
    assertThat(response.getContentType()).startsWith("application/xml");
    String xml = response.getContentAsString();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Schema schema =
        factory.newSchema(getClass().getResource("/iati-2.03/iati-activities-schema.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));

    assertThat(xml)
        .contains("<iati-activities version=\"2.03\"")
        .contains("<iati-identifier>XX-ENTENTE-fd-sy-2025-river-survey</iati-identifier>")
        .contains("<reporting-org ref=\"XX-ENTENTE\" type=\"10\">")
        .contains("<narrative xml:lang=\"fr\">Étude des rivières</narrative>")
        .contains("<participating-org role=\"1\"><narrative xml:lang=\"en\">River Bank</narrative>")
        .contains("<participating-org role=\"4\"><narrative xml:lang=\"en\">Survey Co</narrative>")
        .contains(
            "<participating-org role=\"2\"><narrative xml:lang=\"en\">Ministry of Water</narrative>")
        .contains("<activity-status code=\"1\"/>")
        .contains("<activity-date type=\"1\" iso-date=\"2026-12-01\"/>")
        .contains("<activity-date type=\"3\" iso-date=\"2027-06-30\"/>")
        .contains("<sector vocabulary=\"98\" code=\"water\" percentage=\"100\">")
        .contains("<value currency=\"USD\" value-date=\"2026-12-01\">1250000.50</value>")
        .contains("<transaction-type code=\"2\"/>")
        .contains("<transaction-type code=\"3\"/>")
        // a disbursement dated by its line; a committed line without a date by the project's start
        .contains("<transaction-date iso-date=\"2026-10-15\"/>")
        .contains("<transaction-date iso-date=\"2026-12-01\"/>")
        .contains("<baseline year=\"2025\" value=\"12\"/>")
        .contains(
            "<period><period-start iso-date=\"2030-01-01\"/><period-end iso-date=\"2030-12-31\"/><target value=\"20\"/></period>")
        .contains("<actual value=\"14\"/>");
    assertThat(xml.split("<iati-activity ", -1)).hasSize(2);
  }

  @Test
  void thePageListsEveryDownloadWithItsFormat() throws Exception {
    MockHttpServletResponse page =
        mvc.perform(get("/charters/fd-sy-2025/open-data").accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html)
        .contains("href=\"/api/charters/fd-sy-2025/open-data.json\"")
        .contains("href=\"/api/charters/fd-sy-2025/iati.xml\"")
        .contains("href=\"/api/charters/fd-sy-2025/export.json\"")
        .contains("<h1>Open data</h1>");
    for (String type : OpenData.types()) {
      assertThat(html).contains("href=\"/api/charters/fd-sy-2025/open-data/" + type + ".csv\"");
    }
    String az =
        mvc.perform(
                get("/charters/fd-sy-2025/open-data")
                    .accept(MediaType.TEXT_HTML)
                    .locale(java.util.Locale.forLanguageTag("az")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(az).contains("Açıq məlumatlar");
  }

  @Test
  void theDumpIsTheSameWhoeverAsks() throws Exception {
    String anonymous = get200(API + "/open-data.json").getContentAsString();
    String official =
        mvc.perform(
                get(API + "/open-data.json")
                    .header("Authorization", "Bearer " + fixtures.token.get("fd.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Map<String, Object> a = JsonPath.read(anonymous, "$");
    Map<String, Object> o = JsonPath.read(official, "$");
    a.remove("generatedAt");
    o.remove("generatedAt");
    assertThat(o).isEqualTo(a);
  }
}
