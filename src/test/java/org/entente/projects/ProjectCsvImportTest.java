package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.List;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** CSV import of a group's projects: idempotent by key, all or nothing, bad lines named. */
@EntenteTest
@CleanAfterEachTest
class ProjectCsvImportTest {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String HEADER =
      "key,title_en,title_az,commitments,stage,leads,amount,currency,financing_status,financing_source,place,latitude,longitude\n";
  static final String FILE =
      HEADER
          + "middle-corridor-port,Port of Alat terminal,Ələt limanı,middle-corridor,identified,US=Department of State;AZ=Ministry of Digital Development and Transport,150000000,USD,pledged,ADB,Alat,39.94,49.41\n"
          + "tripp-rail-link,\"TRIPP rail link, phase 1\",,tripp;middle-corridor,under-study,,80000000.50,AZN,committed,,,,\n"
          + "data-centre,AI data centre,,ai-data-centers,,,,,,,,,\n";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  String token;

  @BeforeEach
  void member() {
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
  }

  private MockHttpServletResponse importFile(String csv) throws Exception {
    return mvc.perform(
            post(GROUP + "/projects/import")
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private String table() {
    StringBuilder all = new StringBuilder();
    for (String sql :
        List.of(
            "select code, title, leads, stage, place, latitude, longitude, version from project order by code",
            "select p.code, c.code, pc.position from project_commitment pc join project p on p.id = pc.project_id join commitment c on c.id = pc.commitment_id order by 1, 3",
            "select p.code, f.amount, f.currency, f.status from project_financing f join project p on p.id = f.project_id order by 1")) {
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

  @Test
  void theListIsPagedInTheDatabaseAndEachItemIsTheProjectAsReadAlone() throws Exception {
    assertThat(importFile(FILE).getStatus()).isEqualTo(200);
    String first =
        mvc.perform(
                get(GROUP + "/projects?page=0&size=2").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((Integer) JsonPath.read(first, "$.totalItems")).isEqualTo(3);
    assertThat((List<String>) JsonPath.read(first, "$.items[*].key"))
        .containsExactly("data-centre", "middle-corridor-port");
    String second =
        mvc.perform(
                get(GROUP + "/projects?page=1&size=2").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((Integer) JsonPath.read(second, "$.totalItems")).isEqualTo(3);
    assertThat((List<String>) JsonPath.read(second, "$.items[*].key"))
        .containsExactly("tripp-rail-link");
    // Commitments in their order and financing come from the batched reads; they must be what
    // the project's own page (read alone) shows.
    assertThat((List<String>) JsonPath.read(second, "$.items[0].commitments[*].key"))
        .containsExactly("tripp", "middle-corridor");
    String id = JsonPath.read(second, "$.items[0].id");
    String alone =
        mvc.perform(get("/api/projects/" + id).header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((Object) JsonPath.read(second, "$.items[0]")).isEqualTo(JsonPath.read(alone, "$"));
    String beyond =
        mvc.perform(
                get(GROUP + "/projects?page=5&size=2").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((List<String>) JsonPath.read(beyond, "$.items")).isEmpty();
    assertThat((Integer) JsonPath.read(beyond, "$.totalItems")).isEqualTo(3);
  }

  @Test
  void anImportCreatesByKeyAndAReplayChangesNothing() throws Exception {
    MockHttpServletResponse first = importFile(FILE);
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(first.getContentAsString(), "$.created")).isEqualTo(3);
    String after = table();
    assertThat(after)
        .contains("TRIPP rail link, phase 1")
        .contains("Ələt limanı")
        .contains("80000000.50");

    MockHttpServletResponse replay = importFile(FILE);
    assertThat((Integer) JsonPath.read(replay.getContentAsString(), "$.unchanged")).isEqualTo(3);
    assertThat((Integer) JsonPath.read(replay.getContentAsString(), "$.created")).isZero();
    assertThat(table()).isEqualTo(after);

    // the export is an import that changes nothing
    String exported =
        mvc.perform(get(GROUP + "/projects.csv").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(exported)
        .startsWith("key,title_en,title_az,description_en,description_az,commitments,")
        .contains(",lead_AZ,lead_US,partner_1_name,")
        .contains(",financing_1_amount,financing_1_currency,financing_1_status,financing_1_source");
    MockHttpServletResponse roundTrip = importFile(exported);
    assertThat((Integer) JsonPath.read(roundTrip.getContentAsString(), "$.unchanged"))
        .as(roundTrip.getContentAsString())
        .isEqualTo(3);
    assertThat(table()).isEqualTo(after);

    // a changed title updates that project only
    MockHttpServletResponse changed =
        importFile(FILE.replace("AI data centre", "AI data centre in Sumgait"));
    assertThat((Integer) JsonPath.read(changed.getContentAsString(), "$.updated")).isEqualTo(1);
    assertThat((Integer) JsonPath.read(changed.getContentAsString(), "$.unchanged")).isEqualTo(2);
  }

  @Test
  void aBadRowRejectsTheWholeFileAndNamesItsLine() throws Exception {
    String bad =
        FILE.replace("80000000.50,AZN", "80000000.50,XYZ")
            + "negative,Negative,,tripp,,,-5,USD,,,,,\n"
            + "middle-corridor-port,Duplicate,,tripp,,,,,,,,,\n";
    MockHttpServletResponse refused = importFile(bad);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentType()).contains("problem+json");
    List<Integer> lines = JsonPath.read(refused.getContentAsString(), "$.errors[*].line");
    assertThat(lines).containsExactly(3, 5, 6);
    assertThat(refused.getContentAsString())
        .contains("not an ISO 4217 currency")
        .contains("cannot be negative")
        .contains("is also on line 2");
    assertThat(table()).isEmpty();

    MockHttpServletResponse noHeader = importFile("middle-corridor-port,Port\n");
    assertThat(noHeader.getStatus()).isEqualTo(400);
    assertThat(noHeader.getContentAsString()).contains("the header lacks the column(s)");
  }

  @Test
  void aStageAnImportCannotReachIsRefused() throws Exception {
    importFile(FILE);
    MockHttpServletResponse jump = importFile(FILE.replace(",identified,", ",completed,"));
    assertThat(jump.getStatus()).isEqualTo(400);
    assertThat(jump.getContentAsString())
        .contains("cannot move from identified to completed")
        .contains("\"line\":2");
  }

  private String export() throws Exception {
    return mvc.perform(get(GROUP + "/projects.csv").header("Authorization", "Bearer " + token))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String create(String json) throws Exception {
    MockHttpServletResponse created =
        mvc.perform(
                post(GROUP + "/projects")
                    .header("Authorization", "Bearer " + token)
                    .contentType("application/json")
                    .content(json))
            .andReturn()
            .getResponse();
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return created.getContentAsString();
  }

  private String children() {
    StringBuilder all = new StringBuilder();
    jdbc.sql(
            "select p.code, p.partners, p.version, f.position, f.amount, f.currency, f.status,"
                + " f.source from project p left join project_financing f on f.project_id = p.id"
                + " order by 1, 4")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    all.append(rs.getString(i)).append('|');
                  }
                  all.append('\n');
                });
    return all.toString();
  }

  private static final String TWO_LINES =
      """
      {"key":"two-lines","title":{"en":"Two lines"},"commitments":["tripp"],
       "partners":[{"name":"Asian Development Bank","kind":"development-bank","role":"FUNDING"},
                   {"name":"Azerbaijan Railways","kind":"company","role":"IMPLEMENTING"}],
       "financing":[{"amount":100,"currency":"USD","source":"ADB","status":"PLEDGED"},
                    {"amount":200,"currency":"AZN","status":"COMMITTED"},
                    {"amount":300,"currency":"EUR","source":"EU","status":"DISBURSED"}]}
      """;

  @Test
  void theExportCarriesEveryPartnerAndFinancingLineAndImportingItDeletesNone() throws Exception {
    create(TWO_LINES);
    String before = children();
    String exported = export();
    MockHttpServletResponse again = importFile(exported);
    assertThat(again.getStatus()).as(again.getContentAsString()).isEqualTo(200);
    assertThat(children()).isEqualTo(before);
    assertThat((Integer) JsonPath.read(again.getContentAsString(), "$.updated")).isZero();
    assertThat(jdbc.sql("select count(*) from project_financing").query(Integer.class).single())
        .isEqualTo(3);
    assertThat(exported)
        .contains("Asian Development Bank")
        .contains("Azerbaijan Railways")
        .contains("implementing")
        .contains("100.00")
        .contains("200.00")
        .contains("300.00")
        .contains("EUR");
  }

  @Test
  void aFileOfTheEarlierFormatLeavesPartnersAndIsRefusedWhereItWouldDropFinancingLines()
      throws Exception {
    create(TWO_LINES);
    create(
        """
        {"key":"one-line","title":{"en":"One line"},"commitments":["tripp"],
         "partners":[{"name":"Georgian Railway","kind":"third-country","role":"EXTENDING"}],
         "financing":[{"amount":5,"currency":"USD","status":"PLEDGED"}]}
        """);
    String before = children();
    // the earlier release's export of these projects: one financing line, no partners
    String legacy =
        HEADER
            + "two-lines,Two lines,,tripp,identified,,100.00,USD,pledged,ADB,,,\n"
            + "one-line,One line,,tripp,identified,,5.00,USD,pledged,,,,\n";
    MockHttpServletResponse refused = importFile(legacy);
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("\"line\":2")
        .contains("\"field\":\"amount\"")
        .contains("has 3 financing lines");
    assertThat(children()).isEqualTo(before);

    MockHttpServletResponse accepted =
        importFile(HEADER + "one-line,One line,,tripp,identified,,7.50,USD,committed,,,,\n");
    assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(accepted.getContentAsString(), "$.updated")).isEqualTo(1);
    assertThat(children())
        .contains("one-line|[{\"name\":\"Georgian Railway\"")
        .contains("7.50|USD|COMMITTED");
  }

  @Test
  void anImportNeitherReclassifiesNorSilentlyIgnoresAColumnItDoesNotKnow() throws Exception {
    create(TWO_LINES);
    String exported = export();
    String before = children();
    MockHttpServletResponse reclassified =
        importFile(exported.replace(",bilateral,", ",party-internal,"));
    assertThat(reclassified.getStatus()).isEqualTo(400);
    assertThat(reclassified.getContentAsString())
        .contains("\"field\":\"classification\"")
        .contains("does not change a classification");
    MockHttpServletResponse typo =
        importFile(exported.replaceFirst("financing_2_amount", "financing_2_amout"));
    assertThat(typo.getStatus()).isEqualTo(400);
    assertThat(typo.getContentAsString()).contains("financing_2_amout");
    assertThat(children()).isEqualTo(before);
  }
}
