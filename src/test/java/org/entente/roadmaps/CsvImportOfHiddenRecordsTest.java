package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A CSV import neither changes nor describes a record the importer may not see (issue 16): keys are
 * unique in the charter, so a row with the key of the other party's party-internal project or
 * milestone in the same group is refused as "already used", and the hidden record stays as it was.
 * Before, both importers brought the hidden record "up to date" with the importer's row.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvImportOfHiddenRecordsTest {

  static final String PASSWORD = "correct horse battery";
  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void coChairsAndTheUnitedStatesInternalRecords() throws Exception {
    if (!token.isEmpty()) {
      return;
    }
    for (String[] p : new String[][] {{"us.cochair", "US"}, {"az.cochair", "AZ"}}) {
      accounts.create(
          new Accounts.NewAccount(
              p[0],
              p[0],
              p[1],
              null,
              EnumSet.of(Role.CO_CHAIR),
              false,
              PASSWORD,
              List.of(new MembershipInput("az-us-2026", "wg-connectivity-digital", true))));
      token.put(p[0], tokens.create(p[0], "t", Scope.WRITE, 30).secret());
    }
    MockHttpServletResponse project =
        as(
            "us.cochair",
            post(GROUP + "/projects")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"key":"us-hidden-p1","title":{"en":"Caucus briefing"},
                     "commitments":["tripp"],"leads":{"US":"Department of State"},
                     "partners":[],"financing":[],"classification":"party-internal"}
                    """));
    assertThat(project.getStatus()).as(project.getContentAsString()).isEqualTo(201);
    MockHttpServletResponse milestone =
        as(
            "us.cochair",
            post(GROUP + "/roadmap/milestones")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"key":"us-hidden-m1","title":{"en":"Caucus deadline"},
                     "plannedStart":"2026-12-01","plannedEnd":"2027-03-01","dependsOn":[],
                     "classification":"party-internal"}
                    """));
    assertThat(milestone.getStatus()).as(milestone.getContentAsString()).isEqualTo(201);
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    request.header("Authorization", "Bearer " + token.get(who));
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse importCsv(String path, String csv) throws Exception {
    return as(
        "az.cochair",
        post(GROUP + path).contentType(new MediaType("text", "csv")).content(csv.getBytes()));
  }

  private String title(String table, String code) {
    return jdbc.sql("select title from " + table + " where code = ?")
        .param(code)
        .query(String.class)
        .single();
  }

  @Test
  void aProjectImportCannotOverwriteOrDescribeTheOtherPartysInternalProject() throws Exception {
    String before = title("project", "us-hidden-p1");

    MockHttpServletResponse r =
        importCsv(
            "/projects/import",
            "key,title_en,title_az,commitments,stage\nus-hidden-p1,Overwritten,,tripp,completed\n");

    assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(400, 499);
    assertThat(r.getContentAsString())
        .contains("already used")
        .doesNotContain("Caucus")
        .doesNotContain("identified")
        .doesNotContain("another group");
    assertThat(title("project", "us-hidden-p1")).isEqualTo(before);
  }

  @Test
  void aMilestoneImportCannotOverwriteOrDescribeTheOtherPartysInternalMilestone() throws Exception {
    String before = title("milestone", "us-hidden-m1");

    MockHttpServletResponse r =
        importCsv(
            "/roadmap/import",
            "key,title_en,planned_start,planned_end\n"
                + "us-hidden-m1,Overwritten,2027-01-01,2027-02-01\n");

    assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(400, 499);
    assertThat(r.getContentAsString())
        .contains("already used")
        .doesNotContain("Caucus")
        .doesNotContain("another group");
    assertThat(title("milestone", "us-hidden-m1")).isEqualTo(before);
  }
}
