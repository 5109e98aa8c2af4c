package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.entente.testing.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every record type with a CSV export and import (a group's projects and milestones, an indicator's
 * values) round-trips (issue 18, item 3): records made through the API with several partners,
 * financing lines (dated and not), leads, descriptions, actual dates, dependencies and values from
 * several sources, exported and the export imported unchanged, leave every row of the database as
 * it was, no audit event added, and each import reports nothing created or updated.
 */
abstract class CsvRoundTripContract {

  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";

  /** Tables an API call touches whatever it does: sessions and the tokens' last use. */
  private static final List<String> NOT_COMPARED =
      List.of("spring_session", "spring_session_attributes", "personal_access_token");

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private String token;

  private MockHttpServletResponse send(String url, String type, String body) throws Exception {
    return mvc.perform(
            post(url).header("Authorization", "Bearer " + token).contentType(type).content(body))
        .andReturn()
        .getResponse();
  }

  private String created(String url, String json) throws Exception {
    MockHttpServletResponse r = send(url, MediaType.APPLICATION_JSON_VALUE, json);
    assertThat(r.getStatus()).as(url + ": " + r.getContentAsString()).isIn(200, 201);
    return r.getContentAsString();
  }

  private String download(String url) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(url).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return r.getContentAsString();
  }

  /** Two projects with several partners, financing lines and leads; one moved on a stage. */
  private void projects() throws Exception {
    String port =
        created(
            GROUP + "/projects",
            """
            {"key":"rt-port","title":{"en":"Port of Alat, phase 2","az":"Ələt limanı"},
             "description":{"en":"Terminal; berths, \\"quoted\\" and =formula-like","az":"Təsvir"},
             "commitments":["middle-corridor","tripp"],
             "leads":{"US":"Department of State; Bureau of Energy","AZ":"Ministry = Transport"},
             "partners":[
               {"name":"Asian Development Bank","kind":"development-bank","role":"FUNDING"},
               {"name":" Azerbaijan Railways; CJSC ","kind":"company ","role":"IMPLEMENTING"},
               {"name":"Ministry of Economy, AZ","kind":null,"role":"ACCOUNTABLE"}],
             "financing":[
               {"amount":150000000,"currency":"USD","source":"ADB","status":"PLEDGED"},
               {"amount":80000000.5,"currency":"AZN","source":null,"status":"COMMITTED",
                "date":"2027-03-01"},
               {"amount":1200.25,"currency":"EUR","source":"EU; grant ","status":"DISBURSED",
                "date":"2026-02-10"}],
             "location":{"place":"Alat, Baku","latitude":39.94,"longitude":49.41}}
            """);
    String id = JsonPath.read(port, "$.id");
    MockHttpServletResponse moved =
        send(
            "/api/projects/" + id + "/stage",
            MediaType.APPLICATION_JSON_VALUE,
            "{\"stage\":\"under-study\",\"version\":0}");
    assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(200);
    created(
        GROUP + "/projects",
        """
        {"key":"rt-rail","title":{"en":"Rail link"},"commitments":["tripp"],
         "partners":[{"name":"Georgian Railway","kind":"third-country","role":"EXTENDING"}],
         "financing":[{"amount":5,"currency":"USD","status":"PLEDGED"}]}
        """);
    created(
        GROUP + "/projects",
        """
        {"key":"rt-internal","title":{"en":"Internal study"},"commitments":["middle-corridor"],
         "classification":"party-internal"}
        """);
  }

  /** Milestones with actual dates, one done, dependencies and a project. */
  private void milestones() throws Exception {
    String roadmap = GROUP + "/roadmap/milestones";
    created(
        roadmap,
        """
        {"key":"rt-design","title":{"en":"Design, stage 1","az":"Layihə"},"owner":"ADB; team",
         "plannedStart":"2026-03-01","plannedEnd":"2026-06-30","actualStart":"2026-03-02",
         "actualEnd":"2026-07-01","status":"done","project":"rt-port"}
        """);
    created(
        roadmap,
        """
        {"key":"rt-tender","title":{"en":"Tender"},"plannedStart":"2026-07-01",
         "plannedEnd":"2026-09-30","actualStart":"2026-07-05","status":"in-progress",
         "dependsOn":["rt-design"]}
        """);
    created(
        roadmap,
        """
        {"key":"rt-build","title":{"en":"Build"},"plannedStart":"2026-10-01",
         "plannedEnd":"2027-12-31","project":"rt-rail","dependsOn":["rt-design","rt-tender"]}
        """);
    created(
        roadmap,
        """
        {"key":"rt-internal-step","title":{"en":"Internal step"},"plannedStart":"2026-10-01",
         "plannedEnd":"2026-12-31","project":"rt-internal","dependsOn":["rt-build"],
         "classification":"party-internal"}
        """);
    created(
        roadmap,
        """
        {"key":"rt-internal-next","title":{"en":"Internal next"},"plannedStart":"2027-01-01",
         "plannedEnd":"2027-02-28","dependsOn":["rt-internal-step"],
         "classification":"party-internal"}
        """);
  }

  /** An indicator's values: several kinds, two sources of one year, a correction. */
  private String indicator() throws Exception {
    String id =
        JsonPath.read(
            created(
                "/api/charters/az-us-2026/indicators",
                """
                {"key":"rt-cargo","name":{"en":"Cargo"},"unit":"t","direction":"higher",
                 "commitments":["middle-corridor"],"workingGroup":"wg-connectivity-digital",
                 "classification":"bilateral"}
                """),
            "$.id");
    String values = "/api/indicators/" + id + "/values";
    created(
        values,
        "{\"kind\":\"baseline\",\"year\":2025,\"value\":\"10\",\"unit\":\"t\",\"publisher\":\"Stat; Office\"}");
    created(
        values,
        "{\"kind\":\"target\",\"year\":2030,\"value\":\"100.5\",\"unit\":\"t\",\"publisher\":\"Plan\",\"note\":\"a, b; c\"}");
    String actual =
        created(
            values,
            "{\"kind\":\"actual\",\"year\":2026,\"date\":\"2026-06-30\",\"value\":\"20\",\"unit\":\"t\",\"publisher\":\"Stat\",\"sourceUrl\":\"https://stat.example/a\"}");
    created(
        values,
        "{\"kind\":\"actual\",\"year\":2026,\"date\":\"2026-06-30\",\"value\":\"25\",\"unit\":\"t\",\"publisher\":\"Bank\",\"official\":false}");
    created(
        values,
        "{\"kind\":\"actual\",\"year\":2026,\"date\":\"2026-06-30\",\"value\":\"21\",\"unit\":\"t\",\"publisher\":\"Stat\",\"sourceUrl\":\"https://stat.example/a\",\"corrects\":\""
            + JsonPath.read(actual, "$.id")
            + "\"}");
    return id;
  }

  /** Every row of every table but the session's, each table's rows sorted. */
  private TreeMap<String, List<String>> database() throws Exception {
    TreeMap<String, List<String>> all = new TreeMap<>();
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs =
          meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    for (String table : tables) {
      if (NOT_COMPARED.contains(table) || table.equals("flyway_schema_history")) {
        continue;
      }
      List<String> rows = new ArrayList<>();
      jdbc.sql("select * from " + table)
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                      row.append(
                              rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT))
                          .append('=')
                          .append(rs.getString(i))
                          .append('|');
                    }
                    rows.add(row.toString());
                  });
      rows.sort(null);
      all.put(table, rows);
    }
    return all;
  }

  @Test
  void importingAnUnchangedExportOfEveryRecordTypeChangesNoRowAndRecordsNoEvent() throws Exception {
    token =
        people
            .person("rt.member")
            .party("US")
            .memberOf("az-us-2026", "wg-connectivity-digital")
            .create();
    projects();
    milestones();
    String indicator = indicator();
    List<String[]> files =
        List.of(
            new String[] {GROUP + "/projects.csv", GROUP + "/projects/import"},
            new String[] {GROUP + "/roadmap/milestones.csv", GROUP + "/roadmap/import"},
            new String[] {
              "/api/indicators/" + indicator + "/values.csv",
              "/api/indicators/" + indicator + "/values/import"
            });
    List<String> exports = new ArrayList<>();
    for (String[] file : files) {
      exports.add(download(file[0]));
    }
    TreeMap<String, List<String>> before = database();
    for (int i = 0; i < files.size(); i++) {
      MockHttpServletResponse again = send(files.get(i)[1], "text/csv", exports.get(i));
      String body = again.getContentAsString();
      assertThat(again.getStatus()).as(files.get(i)[1] + ": " + body).isEqualTo(200);
      assertThat((Integer) JsonPath.read(body, "$.created")).as(body).isZero();
      if (body.contains("\"updated\"")) {
        assertThat((Integer) JsonPath.read(body, "$.updated")).as(body).isZero();
      }
      assertThat((Integer) JsonPath.read(body, "$.unchanged")).as(body).isPositive();
    }
    TreeMap<String, List<String>> after = database();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String table : before.keySet()) {
      assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
    }
    // and the exports are the same again: what was read back is what had been written
    for (int i = 0; i < files.size(); i++) {
      assertThat(download(files.get(i)[0])).isEqualTo(exports.get(i));
    }
    assertThat(jdbc.sql("select count(*) from project_financing").query(Integer.class).single())
        .isEqualTo(4);
    assertThat(
            jdbc.sql("select dated_on from project_financing where dated_on is not null")
                .query(java.time.LocalDate.class)
                .list())
        .containsExactlyInAnyOrder(
            java.time.LocalDate.of(2027, 3, 1), java.time.LocalDate.of(2026, 2, 10));
    assertThat(exports.get(0)).contains("financing_3_date").contains(",2026-02-10");
  }
}
