package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.audit.Audit;
import org.entente.identity.Role;
import org.entente.shared.Csv;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
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
 * Issue 18, item 1: a financing line's date (the day it was pledged, committed or disbursed), the
 * same through the API, the edit and create pages, the project page and the CSV export and import;
 * a date a line cannot have is refused naming it, and changes nothing.
 */
@EntenteTest
@CleanAfterEachTest
class FinancingDateTest {

  static final String GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final LocalDate TODAY = FixedClockConfiguration.TODAY;

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Audit audit;
  @Autowired JdbcClient jdbc;

  String token;

  @BeforeEach
  void member() {
    token =
        people
            .person("us.member")
            .party("US")
            .role(Role.CO_CHAIR)
            .memberOf(People.CHARTER, "wg-connectivity-digital", true)
            .create();
  }

  private MockHttpServletResponse api(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse csv(String body) throws Exception {
    return mvc.perform(
            post("/api" + GROUP + "/projects/import")
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content(body))
        .andReturn()
        .getResponse();
  }

  /** Adds a project through the API with these financing lines (JSON), and its id. */
  private String add(String key, String financing) throws Exception {
    MockHttpServletResponse r =
        api(
            post("/api" + GROUP + "/projects")
                .content(
                    """
                    {"key":"%s","title":{"en":"Fibre link"},"commitments":["middle-corridor"],
                     "financing":%s}
                    """
                        .formatted(key, financing)));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private String json(String id) throws Exception {
    MockHttpServletResponse r = api(get("/api/projects/" + id));
    assertThat(r.getStatus()).isEqualTo(200);
    return r.getContentAsString();
  }

  private List<LocalDate> stored(String id) {
    return jdbc.sql(
            "select dated_on from project_financing where project_id = cast(? as uuid)"
                + " order by position")
        .param(id)
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .list();
  }

  private Cookie login() throws Exception {
    return People.session(mvc, "us.member");
  }

  private MockHttpServletResponse form(
      String path, Map<String, List<String>> fields, Cookie session) throws Exception {
    MockHttpServletRequestBuilder request = post(path).cookie(session).with(csrf());
    fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void theApiStoresAndReturnsADatedLineAndAnUndatedOneWithoutADate() throws Exception {
    String id =
        add(
            "dated-api",
            """
            [{"amount":100,"currency":"USD","status":"COMMITTED","date":"2026-03-15"},
             {"amount":5,"currency":"AZN","status":"PLEDGED"}]
            """);

    String read = json(id);
    assertThat((String) JsonPath.read(read, "$.financing[0].date")).isEqualTo("2026-03-15");
    assertThat((Map<String, Object>) JsonPath.read(read, "$.financing[1]"))
        .doesNotContainKey("date");
    assertThat(stored(id)).containsExactly(LocalDate.of(2026, 3, 15), null);

    MockHttpServletResponse patched =
        api(
            patch("/api/projects/" + id)
                .content(
                    """
                    {"version":0,"financing":[
                      {"amount":100,"currency":"USD","status":"DISBURSED","date":"%s"},
                      {"amount":5,"currency":"AZN","status":"PLEDGED","date":null}]}
                    """
                        .formatted(TODAY)));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(json(id), "$.financing[0].date")).isEqualTo(TODAY.toString());
    assertThat(stored(id)).containsExactly(TODAY, null);
  }

  @Test
  void aDateALineCannotHaveIsRefusedWith400NamingItAndChangesNothing() throws Exception {
    String id =
        add(
            "dated-bad",
            "[{\"amount\":1,\"currency\":\"USD\",\"status\":\"PLEDGED\",\"date\":\"2026-01-05\"}]");
    String before = json(id);
    long seq = audit.head().seq();
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put(
        "[{\"amount\":1,\"currency\":\"USD\",\"status\":\"DISBURSED\",\"date\":\"%s\"}]"
            .formatted(TODAY.plusDays(1)),
        "financing[0].date");
    refused.put(
        "[{\"amount\":1,\"currency\":\"USD\",\"status\":\"PLEDGED\"},"
            + "{\"amount\":2,\"currency\":\"USD\",\"status\":\"PLEDGED\",\"date\":\"1989-12-31\"}]",
        "financing[1].date");
    refused.put(
        "[{\"amount\":1,\"currency\":\"USD\",\"status\":\"COMMITTED\",\"date\":\"%s\"}]"
            .formatted(TODAY.plusYears(10).plusDays(1)),
        "financing[0].date");
    refused.put(
        "[{\"amount\":1,\"currency\":\"USD\",\"date\":\"2026-02-30\"}]", "financing[0].date");
    for (Map.Entry<String, String> bad : refused.entrySet()) {
      MockHttpServletResponse r =
          api(
              patch("/api/projects/" + id)
                  .content("{\"version\":0,\"financing\":" + bad.getKey() + "}"));
      assertThat(r.getStatus()).as(bad.getKey() + ": " + r.getContentAsString()).isEqualTo(400);
      assertThat(r.getContentType()).startsWith("application/problem+json");
      assertThat((String) JsonPath.read(r.getContentAsString(), "$.errors[0].field"))
          .as(bad.getKey())
          .isEqualTo(bad.getValue());

      MockHttpServletResponse created =
          api(
              post("/api" + GROUP + "/projects")
                  .content(
                      "{\"key\":\"dated-new\",\"title\":{\"en\":\"New\"},"
                          + "\"commitments\":[\"middle-corridor\"],\"financing\":"
                          + bad.getKey()
                          + "}"));
      assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(400);
      assertThat((String) JsonPath.read(created.getContentAsString(), "$.errors[0].field"))
          .isEqualTo(bad.getValue());
    }
    assertThat(json(id)).isEqualTo(before);
    assertThat(stored(id)).containsExactly(LocalDate.of(2026, 1, 5));
    assertThat(audit.head().seq()).isEqualTo(seq);
    assertThat(
            jdbc.sql("select count(*) from project where code = 'dated-new'")
                .query(Long.class)
                .single())
        .isZero();
  }

  /** The edit form with these financing rows, as a person sends it. */
  private static Map<String, List<String>> editForm(List<List<String>> rows) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("titleEn", List.of("Fibre link"));
    form.put("commitments", List.of("middle-corridor"));
    form.put("version", List.of("0"));
    List<String> names =
        List.of(
            "financingAmount",
            "financingCurrency",
            "financingSource",
            "financingStatus",
            "financingDate");
    for (int i = 0; i < names.size(); i++) {
      int column = i;
      form.put(names.get(i), rows.stream().map(r -> r.get(column)).toList());
    }
    return form;
  }

  @Test
  void theEditPageSavesADatedLineAsPatchDoesAndThePagesShowIt() throws Exception {
    String throughApi = add("dated-by-api", "[]");
    String throughPage = add("dated-by-page", "[]");
    MockHttpServletResponse patched =
        api(
            patch("/api/projects/" + throughApi)
                .content(
                    """
                    {"version":0,"financing":[
                      {"amount":1500000,"currency":"USD","source":"DFC","status":"COMMITTED",
                       "date":"2026-03-15"},
                      {"amount":250000.50,"currency":"AZN","status":"DISBURSED"}]}
                    """));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);

    MockHttpServletResponse saved =
        form(
            "/projects/" + throughPage + "/edit",
            editForm(
                List.of(
                    List.of("1,500,000", "usd", "DFC", "COMMITTED", "2026-03-15"),
                    List.of("250000.50", "AZN", "", "DISBURSED", ""),
                    List.of("", "", "", "PLEDGED", ""))),
            login());
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);

    assertThat(stored(throughPage))
        .isEqualTo(stored(throughApi))
        .containsExactly(LocalDate.of(2026, 3, 15), null);
    assertThat((Object) JsonPath.read(json(throughPage), "$.financing"))
        .isEqualTo(JsonPath.read(json(throughApi), "$.financing"));

    Cookie session = login();
    String edit =
        mvc.perform(get("/projects/" + throughPage + "/edit").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(edit)
        .containsPattern("<label for=\"financing-date-0\">")
        .containsPattern(
            "<input type=\"date\" name=\"financingDate\"[^>]*id=\"financing-date-0\""
                + "[^>]*value=\"2026-03-15\"")
        .contains("id=\"financing-date-2\"");
    String page =
        mvc.perform(get("/projects/" + throughPage).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("<time datetime=\"2026-03-15\">15 March 2026</time>");
  }

  @Test
  void theProjectPageWritesAmountsAndDatesInTheReadersLanguageKeepingIsoForMachines()
      throws Exception {
    String id =
        add(
            "dated-lang",
            """
            [{"amount":1500000.5,"currency":"USD","status":"COMMITTED","date":"2026-03-15"},
             {"amount":2000,"currency":"AZN","status":"PLEDGED"}]""");
    Cookie session = login();
    String az =
        mvc.perform(get("/projects/" + id).queryParam("lang", "az").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(az)
        .contains("<time datetime=\"2026-03-15\">15 mart 2026</time>")
        .contains("<td>1.500.000,50</td>")
        .contains("<td>2.000</td>")
        .doesNotContain("1,500,000");
    String en =
        mvc.perform(get("/projects/" + id).queryParam("lang", "en").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(en)
        .contains("<time datetime=\"2026-03-15\">15 March 2026</time>")
        .contains("<td>1,500,000.50</td>")
        .contains("<td>2,000</td>");
    assertThat((Object) JsonPath.read(json(id), "$.financing[0].date")).isEqualTo("2026-03-15");
  }

  @Test
  void aDateTheLineCannotHaveShowsTheEditFormAgainWith400KeepingWhatWasTyped() throws Exception {
    String id =
        add("dated-form-bad", "[{\"amount\":3,\"currency\":\"EUR\",\"status\":\"PLEDGED\"}]");
    String before = json(id);
    Cookie session = login();
    long seq = audit.head().seq();

    // a blank row between two lines: the second line is the form's third row
    String tomorrow = TODAY.plusDays(1).toString();
    MockHttpServletResponse refused =
        form(
            "/projects/" + id + "/edit",
            editForm(
                List.of(
                    List.of("100", "USD", "", "PLEDGED", "2026-01-05"),
                    List.of("", "", "", "PLEDGED", ""),
                    List.of("7", "EUR", "", "DISBURSED", tomorrow))),
            session);

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("money is not disbursed in the future")
        .contains("value=\"2026-01-05\"")
        .contains("value=\"" + tomorrow + "\"")
        .containsPattern("id=\"financing-date-2\"[^>]*aria-invalid=\"true\"")
        .doesNotContainPattern("id=\"financing-date-0\"[^>]*aria-invalid=\"true\"");
    assertThat(json(id)).isEqualTo(before);
    assertThat(audit.head().seq()).isEqualTo(seq);
  }

  @Test
  void theCreateFormSavesItsLinesDateAndShowsARefusedOneAgain() throws Exception {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("key", List.of("dated-create"));
    fields.put("titleEn", List.of("Created with a dated line"));
    fields.put("commitments", List.of("middle-corridor"));
    fields.put("amount", List.of("42"));
    fields.put("currency", List.of("USD"));
    fields.put("financingStatus", List.of("DISBURSED"));
    fields.put("financingDate", List.of(TODAY.plusDays(3).toString()));
    fields.put("classification", List.of("bilateral"));
    Cookie session = login();

    MockHttpServletResponse refused = form(GROUP + "/projects", fields, session);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .containsPattern(
            "id=\"financingDate\"[^>]*value=\""
                + TODAY.plusDays(3)
                + "\"[^>]*aria-invalid=\"true\"");

    fields.put("financingDate", List.of("2026-02-10"));
    MockHttpServletResponse created = form(GROUP + "/projects", fields, session);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "select f.dated_on from project_financing f join project p"
                        + " on p.id = f.project_id where p.code = 'dated-create'")
                .query(LocalDate.class)
                .list())
        .containsExactly(LocalDate.of(2026, 2, 10));
  }

  /** The file without its financing lines' date columns, as the release before wrote it. */
  private static String withoutDates(String file) throws Exception {
    try (CSVParser parser = Csv.read(new StringReader(file))) {
      List<String> header =
          parser.getHeaderNames().stream().filter(c -> !c.matches("financing_\\d+_date")).toList();
      Csv.Writer out = Csv.writer(header);
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>();
        header.forEach(c -> cells.add(record.get(c)));
        out.row(cells);
      }
      return out.toString();
    }
  }

  @Test
  void aCsvImportSetsAndChecksDatesAndAFileWithoutDateColumnsKeepsThem() throws Exception {
    String id =
        add(
            "dated-csv",
            "[{\"amount\":100,\"currency\":\"USD\",\"status\":\"COMMITTED\",\"date\":\"2026-03-15\"}]");
    String export =
        mvc.perform(
                get("/api" + GROUP + "/projects.csv").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(export).contains("financing_1_date").contains(",2026-03-15");

    MockHttpServletResponse moved = csv(export.replace(",2026-03-15", ",2026-04-20"));
    assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(moved.getContentAsString(), "$.updated")).isEqualTo(1);
    assertThat(stored(id)).containsExactly(LocalDate.of(2026, 4, 20));

    long seq = audit.head().seq();
    MockHttpServletResponse early = csv(export.replace(",2026-03-15", ",1985-01-01"));
    assertThat(early.getStatus()).isEqualTo(400);
    assertThat(early.getContentAsString()).contains("financing_1_date");
    MockHttpServletResponse notADate = csv(export.replace(",2026-03-15", ",15/03/2026"));
    assertThat(notADate.getStatus()).isEqualTo(400);
    assertThat(notADate.getContentAsString()).contains("financing_1_date");
    assertThat(stored(id)).containsExactly(LocalDate.of(2026, 4, 20));
    assertThat(audit.head().seq()).isEqualTo(seq);

    MockHttpServletResponse older = csv(withoutDates(export));
    assertThat(older.getStatus()).as(older.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(older.getContentAsString(), "$.updated")).isZero();
    assertThat(stored(id)).containsExactly(LocalDate.of(2026, 4, 20));
  }

  private boolean changedSinceAgreed() throws Exception {
    MockHttpServletResponse list = api(get("/api" + GROUP + "/project-list"));
    assertThat(list.getStatus()).as(list.getContentAsString()).isEqualTo(200);
    return JsonPath.read(list.getContentAsString(), "$.changedSinceVersion");
  }

  @Test
  void aListAgreedWithUndatedLinesIsUnchangedUntilALineGetsADate() throws Exception {
    String id = add("dated-list", "[{\"amount\":9,\"currency\":\"USD\",\"status\":\"PLEDGED\"}]");
    MockHttpServletResponse submitted = api(post("/api" + GROUP + "/project-list/submit"));
    assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
    assertThat(changedSinceAgreed()).isFalse();

    String line = "{\"amount\":9,\"currency\":\"USD\",\"status\":\"PLEDGED\"%s}";
    assertThat(
            api(patch("/api/projects/" + id)
                    .content(
                        "{\"version\":0,\"financing\":["
                            + line.formatted(",\"date\":\"2026-05-01\"")
                            + "]}"))
                .getStatus())
        .isEqualTo(200);
    assertThat(changedSinceAgreed()).isTrue();

    assertThat(
            api(patch("/api/projects/" + id)
                    .content("{\"version\":1,\"financing\":[" + line.formatted("") + "]}"))
                .getStatus())
        .isEqualTo(200);
    assertThat(changedSinceAgreed()).isFalse();
  }
}
