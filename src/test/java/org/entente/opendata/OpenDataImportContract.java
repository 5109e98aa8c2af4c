package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Problems;
import org.entente.shared.StateConflictException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export's round trip: what an official may see, exported from one instance and imported into
 * an empty one (a second application with a database of its own), exports again the same; an import
 * into an instance that holds records of the charter is refused with 409, a malformed file with
 * 400, and in both cases nothing changes.
 */
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenDataImportContract {

  static final String API = "/api/charters/" + OpenDataFixtures.CHARTER;
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  static final Viewer OPERATOR =
      new Viewer("operator", null, false, Set.of(), Set.of(), Set.of(), Set.of(), true);

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;

  OpenDataFixtures fixtures;

  /** The empty instance: the same application, its own in-memory database, the charter loaded. */
  ConfigurableApplicationContext target;

  @BeforeAll
  void recordsAndAnEmptyInstance() throws Exception {
    fixtures = new OpenDataFixtures(mvc, accounts, tokens, definitions, jdbc).create();
    target =
        new SpringApplicationBuilder(targetSources())
            .web(WebApplicationType.NONE)
            .profiles("test")
            .properties("entente.security.bcrypt-strength=4", "spring.main.log-startup-info=false")
            .run();
    OpenDataFixtures.charter(target.getBean(Definitions.class));
    target
        .getBean(Accounts.class)
        .create(
            new Accounts.NewAccount(
                "fd.coord",
                "fd.coord",
                "FD",
                "Organization of fd.coord",
                EnumSet.of(Role.COORDINATOR),
                true,
                OpenDataFixtures.PASSWORD,
                List.of()));
  }

  /** The configuration of the empty instance: the application, on the same kind of database. */
  abstract Class<?>[] targetSources();

  @AfterAll
  void closeTheOtherInstance() {
    if (target != null) {
      target.close();
    }
  }

  private String export(String who) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                get(API + "/export.json")
                    .header("Authorization", "Bearer " + fixtures.token.get(who)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  private long targetRows() {
    JdbcClient j = target.getBean(JdbcClient.class);
    long n = 0;
    for (String table : List.of("project", "milestone", "indicator", "meeting", "action_item")) {
      n +=
          j.sql(
                  "select count(*) from "
                      + table
                      + " where charter_id = (select id from charter where code = ?)")
              .param(OpenDataFixtures.CHARTER)
              .query(Long.class)
              .single();
    }
    return n;
  }

  private Map<String, Object> importIntoTarget(Map<String, Object> export) {
    return Map.copyOf(target.getBean(OpenData.class).importExport(export, OPERATOR));
  }

  @Test
  void anExportImportedIntoAnEmptyInstanceExportsTheSameRecords() throws Exception {
    String exported = export("fd.coord");
    Map<String, Object> original = JSON.readValue(exported, MAP);
    @SuppressWarnings("unchecked")
    Map<String, List<?>> tables = (Map<String, List<?>>) original.get("tables");
    assertThat(tables.get("project")).hasSize(4);
    assertThat(tables.get("milestone")).hasSize(4);
    assertThat(tables.get("indicator")).hasSize(3);
    assertThat(tables.get("meeting")).hasSize(4);
    // a meeting's translation state travels with its texts (V36, decision 0037)
    assertThat(tables.get("meeting"))
        .allSatisfy(m -> assertThat(((Map<?, ?>) m).get("translation_sources")).isNotNull());
    assertThat(tables.get("joint_statement")).hasSize(3);

    // malformed: a row that refers to a record the file does not hold, at the very end
    Map<String, Object> broken = JSON.readValue(exported, MAP);
    @SuppressWarnings("unchecked")
    Map<String, List<Map<String, Object>>> brokenTables =
        (Map<String, List<Map<String, Object>>>) broken.get("tables");
    Map<String, Object> stray = new LinkedHashMap<>(brokenTables.get("joint_statement").get(0));
    stray.put("meeting_id", "00000000-0000-0000-0000-00000000abcd");
    brokenTables.get("joint_statement").add(stray);
    assertThatThrownBy(() -> importIntoTarget(broken))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(Problems.status(e).value()).isEqualTo(400);
              assertThat(e.getMessage()).contains("meeting");
            });
    assertThat(targetRows()).isZero();

    Map<String, Object> counts = importIntoTarget(JSON.readValue(exported, MAP));
    assertThat(counts).containsEntry("project", 4).containsEntry("milestone", 4);
    assertThat(
            target
                .getBean(org.entente.audit.Audit.class)
                .events(null, null, null, new org.entente.shared.Paging(0, 100))
                .items())
        .anyMatch(e -> e.action().equals("charter.imported"));

    Viewers viewers = target.getBean(Viewers.class);
    Map<String, Object> again =
        JSON.readValue(
            JSON.writeValueAsString(
                target
                    .getBean(OpenData.class)
                    .export(
                        CharterKey.of(OpenDataFixtures.CHARTER),
                        viewers.of("fd.coord").orElseThrow())),
            MAP);
    assertThat(again.get("tables")).isEqualTo(original.get("tables"));

    // a second import into the instance, now not empty, is refused and changes nothing
    long rows = targetRows();
    assertThatThrownBy(() -> importIntoTarget(JSON.readValue(exported, MAP)))
        .isInstanceOfSatisfying(
            StateConflictException.class,
            e -> assertThat(Problems.status(e).value()).isEqualTo(409));
    assertThat(targetRows()).isEqualTo(rows);
  }

  @Test
  void anImportIntoAnInstanceThatHoldsTheChartersRecordsIsAConflict() throws Exception {
    long before = jdbc.sql("select count(*) from project").query(Long.class).single();
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/import")
                    .header("Authorization", "Bearer " + OpenDataFixtures.OPERATOR)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(export("fd.member")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(JsonPath.<String>read(response.getContentAsString(), "$.title"))
        .isEqualTo("Not empty");
    assertThat(JsonPath.<String>read(response.getContentAsString(), "$.detail"))
        .contains("Nothing was imported.");
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aMalformedFileIsAClearBadRequest() throws Exception {
    long before = jdbc.sql("select count(*) from project").query(Long.class).single();
    List<String> bodies = new ArrayList<>();
    bodies.add("not json at all");
    bodies.add("{}");
    bodies.add("[]");
    bodies.add("{\"format\":\"entente-export/1\",\"charter\":\"fd-sy-2025\",\"tables\":[]}");
    bodies.add(
        "{\"format\":\"entente-export/1\",\"charter\":\"no-such\",\"tables\":{\"project\":[]}}");
    bodies.add(
        "{\"format\":\"entente-export/1\",\"charter\":\"fd-sy-2025\",\"tables\":{\"secrets\":[]}}");
    for (String body : bodies) {
      MockHttpServletResponse response =
          mvc.perform(
                  post("/api/import")
                      .header("Authorization", "Bearer " + fixtures.token.get("admin"))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(body))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(body).isEqualTo(400);
      assertThat(response.getContentType()).as(body).startsWith("application/problem+json");
    }
    // the rows of a file are checked before anything is written (here on the empty instance)
    for (String row :
        List.of(
            "{\"id\":\"x\"}",
            "{\"id\":\"6f1c1a5e-0000-4000-8000-000000000001\",\"code\":\"p\",\"unknown\":1}",
            "{\"id\":\"6f1c1a5e-0000-4000-8000-000000000001\",\"code\":\"p\",\"title\":\"{}\","
                + "\"leads\":\"{}\",\"partners\":\"[]\",\"stage\":\"IDENTIFIED\","
                + "\"group_id\":\"no-such-group\",\"classification\":\"BILATERAL\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}")) {
      Map<String, Object> file =
          JSON.readValue(
              "{\"format\":\"entente-export/1\",\"charter\":\"fd-sy-2025\",\"tables\":{\"project\":["
                  + row
                  + "]}}",
              MAP);
      assertThatThrownBy(() -> importIntoTarget(file))
          .as(row)
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> assertThat(Problems.status(e).value()).isEqualTo(400));
    }
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void onlyTheOperatorOrAnAdministratorImports() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/import")
                    .header("Authorization", "Bearer " + fixtures.token.get("fd.coord"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(export("fd.coord")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(403);
  }
}
