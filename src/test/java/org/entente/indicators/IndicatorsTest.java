package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Indicators after start-up, from the charter's reference data, and through the API: what is
 * loaded, what is refused (each refusal naming its field and changing nothing), CSV export and
 * import, and the pages.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest {

  static final String CHARTER = "az-us-2026";
  static final String PASSWORD = "correct horse battery";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired Indicators indicators;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeAll
  void people() {
    person("ind.us", "US", "U.S. Department of State", Role.CO_CHAIR, "wg-connectivity-digital");
    person("ind.az", "AZ", "Ministry of Digital Development", Role.MEMBER, "wg-energy");
  }

  private void person(String name, String party, String organization, Role role, String group) {
    token.put(
        name,
        people
            .person(name)
            .party(party)
            .organization(organization)
            .role(role)
            .chairs(CHARTER, group)
            .create());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse json(String who, String url, String body) throws Exception {
    return as(who, post(url).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private IndicatorView byKey(String key) {
    return indicators.list(CharterKey.of(CHARTER), Viewer.ANONYMOUS).stream()
        .filter(i -> i.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  private static List<ValueView> used(IndicatorView i, String kind) {
    return i.values().stream().filter(v -> v.kind().equals(kind) && v.used()).toList();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  // ---------------------------------------------------------------- reference data

  @Test
  void theMiddleCorridorIsMeasuredByCargoVolumeTheCapacityTargetAndTransitTime() {
    List<IndicatorView> measuring =
        indicators.measuring(CharterKey.of(CHARTER), "middle-corridor", Viewer.ANONYMOUS);
    assertThat(measuring)
        .extracting(IndicatorView::key)
        .contains(
            "titr-cargo-volume",
            "titr-throughput-capacity",
            "middle-corridor-transit-time-lower",
            "middle-corridor-transit-time-upper",
            "xian-baku-transit-time");

    IndicatorView cargo = byKey("titr-cargo-volume");
    assertThat(cargo.unit().text()).isEqualTo("million tonnes");
    assertThat(cargo.values().stream().filter(v -> !v.kind().equals("target")))
        .extracting(ValueView::year)
        .containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025);
    assertThat(used(cargo, "baseline"))
        .singleElement()
        .extracting(ValueView::value)
        .satisfies(v -> assertThat((BigDecimal) v).isEqualByComparingTo("4.119"));
    // 4.119 in 2025 against the plan of 5.2 for 2025: off track (decision 0012)
    assertThat(cargo.status().status()).isEqualTo("off-track");

    IndicatorView capacity = byKey("titr-throughput-capacity");
    assertThat(used(capacity, "target"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.year()).isEqualTo(2027);
              assertThat(t.value()).isEqualByComparingTo("10");
              assertThat(t.publisher()).isNotBlank();
              assertThat(t.sourceUrl()).startsWith("https://");
            });

    IndicatorView transit = byKey("middle-corridor-transit-time-upper");
    assertThat(transit.unit().text()).isEqualTo("days");
    assertThat(transit.direction()).isEqualTo("lower");
    assertThat(used(transit, "target")).singleElement().extracting(ValueView::year).isNull();
  }

  @Test
  void deminingShowsHectaresClearedEachYearAndThePlanFor2026() {
    assertThat(
            indicators.measuring(CharterKey.of(CHARTER), "humanitarian-demining", Viewer.ANONYMOUS))
        .extracting(IndicatorView::key)
        .contains("demining-hectares-annual", "demining-hectares-cumulative");
    IndicatorView annual = byKey("demining-hectares-annual");
    assertThat(annual.unit().text()).isEqualTo("hectares");
    assertThat(annual.values())
        .filteredOn(v -> !v.kind().equals("target"))
        .extracting(ValueView::year)
        .containsExactly(2022, 2023, 2024, 2025);
    assertThat(used(annual, "target"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.year()).isEqualTo(2026);
              assertThat(t.value()).isEqualByComparingTo("65000");
            });
  }

  @Test
  void everyCsvRowIsStoredAsItIsPublicWithItsPublisherAndSource() throws IOException {
    List<CSVRecord> rows;
    try (InputStream in =
        new ClassPathResource("charters/az-us-2026.indicators.csv").getInputStream()) {
      rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
              .getRecords();
    }
    assertThat(rows).hasSize(162);
    assertThat(
            jdbc.sql(
                    "select count(*) from indicator_value v join indicator i on i.id ="
                        + " v.indicator_id where i.origin_party is null and i.classification ="
                        + " 'PUBLIC' and v.superseded_by is null")
                .query(Long.class)
                .single())
        .isEqualTo(162);
    // a sample: every 7th row, stored with its figure, year, kind, publisher, source and note
    for (int n = 0; n < rows.size(); n += 7) {
      CSVRecord r = rows.get(n);
      String year = r.get("year");
      List<Map<String, Object>> stored =
          jdbc.sql(
                  "select v.amount, v.publisher, v.note, i.unit from indicator_value v join"
                      + " indicator i on i.id = v.indicator_id where v.kind = ? and v.source_url"
                      + " = ? and v.publisher = ? and "
                      + (year.isBlank() ? "v.period_year is null" : "v.period_year = " + year)
                      + " and v.amount = ?")
              .params(
                  r.get("kind").toUpperCase(),
                  r.get("source_url"),
                  r.get("publisher"),
                  new BigDecimal(r.get("value")))
              .query()
              .listOfRows();
      assertThat(stored)
          .as("line %d: %s", r.getRecordNumber() + 1, r.get("indicator"))
          .isNotEmpty();
    }
  }

  @Test
  void loadingTheReferenceDataAgainChangesNothing() throws IOException {
    long indicatorsBefore = count("indicator");
    long valuesBefore = count("indicator_value");
    Indicators.ReferenceReport again =
        indicators.loadReference(
            IndicatorReference.read(new ClassPathResource("charters/az-us-2026.indicators.yaml")));
    assertThat(again.created()).isZero();
    assertThat(again.corrected()).isZero();
    assertThat(again.values()).isEqualTo(162);
    assertThat(count("indicator")).isEqualTo(indicatorsBefore);
    assertThat(count("indicator_value")).isEqualTo(valuesBefore);
  }

  // ---------------------------------------------------------------- the API

  private String create(String key) throws Exception {
    MockHttpServletResponse created =
        json(
            "ind.us",
            "/api/charters/" + CHARTER + "/indicators",
            """
            {"key":"%s","name":{"en":"Container trains via Baku"},"unit":"trains",
             "direction":"higher","commitments":["middle-corridor"],"area":"connectivity"}
            """
                .formatted(key));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return JsonPath.read(created.getContentAsString(), "$.id");
  }

  private MockHttpServletResponse value(String id, String body) throws Exception {
    return json("ind.us", "/api/indicators/" + id + "/values", body);
  }

  @Test
  void anOfficialCreatesAnIndicatorAndAddsValuesWhoseStatusFollows() throws Exception {
    String id = create("trains-baku");
    assertThat(
            value(
                    id,
                    """
                    {"kind":"baseline","year":2025,"value":"100","unit":"trains",
                     "publisher":"ADY","sourceUrl":"https://ady.az/a"}
                    """)
                .getStatus())
        .isEqualTo(201);
    assertThat(
            value(
                    id,
                    """
                    {"kind":"target","year":2029,"value":200,"unit":"trains","publisher":"ADY"}
                    """)
                .getStatus())
        .isEqualTo(201);
    assertThat(
            value(
                    id,
                    """
                    {"kind":"actual","year":2027,"value":"149","unit":"trains","publisher":"ADY"}
                    """)
                .getStatus())
        .isEqualTo(201);
    // 149 in 2027 against 150 on the path from 100 (2025) to 200 (2029), tolerance 10
    MockHttpServletResponse read = as("ind.us", get("/api/indicators/" + id));
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat((String) JsonPath.read(read.getContentAsString(), "$.status.status"))
        .isEqualTo("on-track");
    assertThat((String) JsonPath.read(read.getContentAsString(), "$.classification"))
        .isEqualTo("BILATERAL");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a value in another unit   | unit  | {"kind":"actual","year":2024,"value":"5","unit":"tonnes","publisher":"ADY"}
          a value that is no number | value | {"kind":"actual","year":2024,"value":"five","unit":"trains","publisher":"ADY"}
          a duplicate period        | year  | {"kind":"baseline","year":2025,"value":"90","unit":"trains","publisher":"ADY","sourceUrl":"https://ady.az/a"}
          a target before the baseline | year | {"kind":"target","year":2024,"value":"150","unit":"trains","publisher":"ADY"}
          an unknown kind           | kind  | {"kind":"guess","year":2024,"value":"150","unit":"trains","publisher":"ADY"}
          no publisher              | publisher | {"kind":"actual","year":2024,"value":"150","unit":"trains"}
          """)
  void aValueIsRefusedNamingTheFieldAndNothingChanges(String what, String field, String body)
      throws Exception {
    String id = create("refused-" + Math.abs(what.hashCode()));
    assertThat(
            value(
                    id,
                    """
                    {"kind":"baseline","year":2025,"value":"100","unit":"trains",
                     "publisher":"ADY","sourceUrl":"https://ady.az/a"}
                    """)
                .getStatus())
        .isEqualTo(201);
    long before = count("indicator_value");
    MockHttpServletResponse refused = value(id, body);
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo(field);
    assertThat(count("indicator_value")).isEqualTo(before);
  }

  @Test
  void anUnknownCommitmentIsRefusedOnCreationAndNothingIsCreated() throws Exception {
    long before = count("indicator");
    MockHttpServletResponse refused =
        json(
            "ind.us",
            "/api/charters/" + CHARTER + "/indicators",
            """
            {"key":"nowhere","name":{"en":"Nowhere"},"unit":"km","direction":"higher",
             "commitments":["middle-corridor","no-such-commitment"]}
            """);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("commitments[1]");
    assertThat(count("indicator")).isEqualTo(before);
  }

  @Test
  void aSecondSourcesValueIsKeptNotUsedAndACorrectionKeepsTheEarlierAsHistory() throws Exception {
    String id = create("two-sources");
    String first =
        JsonPath.read(
            value(
                    id,
                    """
                    {"kind":"actual","year":2024,"value":"7.3","unit":"trains",
                     "publisher":"Port of Baku","sourceUrl":"https://port.az/2024"}
                    """)
                .getContentAsString(),
            "$.id");
    MockHttpServletResponse second =
        value(
            id,
            """
            {"kind":"actual","year":2024,"value":"7.4","unit":"trains",
             "publisher":"Cabinet of Ministers","sourceUrl":"https://cabmin.gov.az/r"}
            """);
    assertThat(second.getStatus()).isEqualTo(201);
    assertThat((Boolean) JsonPath.read(second.getContentAsString(), "$.used")).isFalse();
    MockHttpServletResponse correction =
        value(
            id,
            """
            {"kind":"actual","year":2024,"value":"7.35","unit":"trains",
             "publisher":"Port of Baku","sourceUrl":"https://port.az/2024","corrects":"%s"}
            """
                .formatted(first));
    assertThat(correction.getStatus()).as(correction.getContentAsString()).isEqualTo(201);
    assertThat((Boolean) JsonPath.read(correction.getContentAsString(), "$.used")).isTrue();
    String after = as("ind.us", get("/api/indicators/" + id)).getContentAsString();
    List<Object> history = JsonPath.read(after, "$.values[?(@.supersededBy != null)].value");
    assertThat(history).hasSize(1);
    List<Object> usedValues = JsonPath.read(after, "$.values[?(@.used == true)].value");
    assertThat(usedValues).hasSize(1);
    assertThat(usedValues.get(0).toString()).isEqualTo("7.35");
  }

  @Test
  void valuesExportAsCsvAndImportAllOrNothingIdempotently() throws Exception {
    String id = create("csv-trains");
    String csv =
        """
        kind,year,date,value,unit,source_url,publisher,note,official,used
        baseline,2025,,100,trains,https://ady.az/a,ADY,,true,true
        target,2029,,200,trains,https://ady.az/b,ADY,plan,true,true
        actual,2026,2026-06-30,130,trains,https://ady.az/c,ADY,half year,true,true
        """;
    MockHttpServletResponse imported =
        as(
            "ind.us",
            post("/api/indicators/" + id + "/values/import").contentType("text/csv").content(csv));
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(imported.getContentAsString(), "$.created")).isEqualTo(3);

    MockHttpServletResponse again =
        as(
            "ind.us",
            post("/api/indicators/" + id + "/values/import").contentType("text/csv").content(csv));
    assertThat((Integer) JsonPath.read(again.getContentAsString(), "$.created")).isZero();
    assertThat((Integer) JsonPath.read(again.getContentAsString(), "$.unchanged")).isEqualTo(3);

    long before = count("indicator_value");
    MockHttpServletResponse bad =
        as(
            "ind.us",
            post("/api/indicators/" + id + "/values/import")
                .contentType("text/csv")
                .content(
                    """
                    kind,year,date,value,unit,source_url,publisher,note,official,used
                    actual,2027,,150,trains,https://ady.az/d,ADY,,true,true
                    actual,2028,,lots,trains,https://ady.az/e,ADY,,true,true
                    target,2024,,90,trains,https://ady.az/f,ADY,,true,true
                    """));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("\"line\":3").contains("\"line\":4");
    assertThat(count("indicator_value")).isEqualTo(before);

    MockHttpServletResponse export = as("ind.us", get("/api/indicators/" + id + "/values.csv"));
    assertThat(export.getStatus()).isEqualTo(200);
    String exported = export.getContentAsString();
    assertThat(exported)
        .startsWith("kind,year,date,value,unit,source_url,publisher,note_en,note_az,official,used")
        .contains("actual,2026,2026-06-30,130,trains,https://ady.az/c,ADY,half year,,true,true");
    MockHttpServletResponse roundTrip =
        as(
            "ind.us",
            post("/api/indicators/" + id + "/values/import")
                .contentType("text/csv")
                .content(exported));
    assertThat(roundTrip.getStatus()).as(roundTrip.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(roundTrip.getContentAsString(), "$.created")).isZero();
  }

  @Test
  void aBilateralIndicatorIsNotFoundForThePublic() throws Exception {
    String id = create("bilateral-only");
    assertThat(as(null, get("/api/indicators/" + id)).getStatus()).isEqualTo(404);
    assertThat(as(null, get("/indicators/" + id)).getStatus()).isEqualTo(404);
    assertThat(as(null, get("/api/indicators/" + id + "/values.csv")).getStatus()).isEqualTo(404);
    assertThat(as("ind.us", get("/api/indicators/" + id)).getStatus()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- pages

  @Test
  void theIndicatorPageExplainsItsStatusInTheReadersLanguageAndTheApiKeepsItsEnglish()
      throws Exception {
    IndicatorView cargo = byKey("titr-cargo-volume");
    // 4.119 in 2025 against the plan, from the earliest actual: the API's sentence, in English
    String english = cargo.status().explanation();
    assertThat(english).startsWith("off track: 4.119 in 2025 against ");
    String en =
        as(
                null,
                get("/indicators/" + cargo.id())
                    .queryParam("lang", "en")
                    .accept(MediaType.TEXT_HTML))
            .getContentAsString();
    assertThat(en).contains(english);
    String az =
        as(
                null,
                get("/indicators/" + cargo.id())
                    .queryParam("lang", "az")
                    .accept(MediaType.TEXT_HTML))
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(az)
        .contains("plandan geri qalır: 2025 ilində faktiki dəyər 4,119, gözlənilən isə ")
        .contains(
            "yol ilk faktiki dəyərdən (2019; ondan əvvəl baza göstəricisi yoxdur) başlayır"
                + " və 2025 ili üçün 5,2 hədəfinə aparır")
        .doesNotContain(english);
  }

  @Test
  void theIndicatorPageDrawsTheChartAndListsEachValueWithItsSource() throws Exception {
    IndicatorView cargo = byKey("titr-cargo-volume");
    MockHttpServletResponse page =
        as(null, get("/indicators/" + cargo.id()).accept(MediaType.TEXT_HTML));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains("<svg role=\"img\" aria-labelledby=\"t d\"")
        .contains("<title id=\"t\"")
        .contains("<desc id=\"d\"")
        .contains("class=\"actual-line\"")
        .contains("class=\"target-path\"")
        .contains("<caption>")
        .contains("scope=\"col\"")
        .contains("https://report.az/en/infrastructure/container-traffic-on-trans-caucasian")
        .contains("Report.az citing Ministry of Transport of Kazakhstan")
        .doesNotContain("style=");

    MockHttpServletResponse byKey =
        as(
            null,
            get("/charters/" + CHARTER + "/indicators/titr-cargo-volume")
                .accept(MediaType.TEXT_HTML));
    assertThat(byKey.getStatus()).isEqualTo(200);
    assertThat(byKey.getContentAsString()).contains("Middle Corridor (TITR) cargo volume");

    MockHttpServletResponse list =
        as(null, get("/charters/" + CHARTER + "/indicators").accept(MediaType.TEXT_HTML));
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(list.getContentAsString())
        .contains("Middle Corridor (TITR) cargo volume")
        .contains("status-off-track")
        .contains("class=\"sparkline\"");

    MockHttpServletResponse commitment =
        as(
            null,
            get("/charters/" + CHARTER + "/commitments/middle-corridor")
                .accept(MediaType.TEXT_HTML));
    assertThat(commitment.getStatus()).isEqualTo(200);
    assertThat(commitment.getContentAsString())
        .contains("Indicators measuring this commitment")
        .contains("/indicators/" + cargo.id())
        .contains("class=\"sparkline\"");

    // the progress roll-up shows each commitment's indicators' status beside its milestones
    MockHttpServletResponse progress =
        as(null, get("/charters/" + CHARTER + "/progress").accept(MediaType.TEXT_HTML));
    assertThat(progress.getStatus()).isEqualTo(200);
    assertThat(progress.getContentAsString())
        .contains("class=\"indicator-statuses\"")
        .contains("/indicators/" + cargo.id())
        .contains("status-off-track");
  }
}
