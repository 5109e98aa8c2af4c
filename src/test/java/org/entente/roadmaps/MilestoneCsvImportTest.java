package org.entente.roadmaps;

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

/** CSV import of a group's milestones: by key, all or nothing, cycles and bad lines named. */
@EntenteTest
@CleanAfterEachTest
class MilestoneCsvImportTest {

  static final String ROADMAP =
      "/api/charters/az-us-2026/working-groups/wg-connectivity-digital/roadmap";
  static final String FILE =
      "key,title_en,title_az,owner,planned_start,planned_end,actual_start,actual_end,status,project,depends_on\n"
          + "survey,Route survey,,Ministry of Digital Development and Transport,2026-12-01,2026-12-31,,,,,\n"
          + "design,Terminal design,Terminalın layihəsi,,2027-01-01,2027-02-28,,,,,survey\n"
          + "tender,Tender,,,2027-03-01,2027-04-30,,,in-progress,,design;survey\n";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  String token;

  @BeforeEach
  void member() {
    accounts.create(
        new Accounts.NewAccount(
            "az.member",
            "AZ member",
            "AZ",
            null,
            EnumSet.of(Role.MEMBER),
            false,
            "correct horse battery",
            List.of(new MembershipInput("az-us-2026", "wg-connectivity-digital", false))));
    token = tokens.create("az.member", "t", Scope.WRITE, 30).secret();
  }

  private MockHttpServletResponse importFile(String csv) throws Exception {
    return mvc.perform(
            post(ROADMAP + "/import")
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private String table() {
    StringBuilder all = new StringBuilder();
    jdbc.sql(
            "select m.code, m.title, m.planned_start, m.planned_end, m.status, m.version,"
                + " (select count(*) from milestone_dependency d where d.milestone_id = m.id)"
                + " from milestone m order by m.code")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  for (int i = 1; i <= 7; i++) {
                    all.append(rs.getString(i)).append('|');
                  }
                  all.append('\n');
                });
    return all.toString();
  }

  @Test
  void anImportCreatesByKeyAReplayChangesNothingAndTheExportRoundTrips() throws Exception {
    MockHttpServletResponse first = importFile(FILE);
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(first.getContentAsString(), "$.created")).isEqualTo(3);
    String after = table();
    assertThat(after).contains("tender|").contains("|2|\n");
    assertThat((Integer) JsonPath.read(importFile(FILE).getContentAsString(), "$.unchanged"))
        .isEqualTo(3);
    String exported =
        mvc.perform(get(ROADMAP + "/milestones.csv").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((Integer) JsonPath.read(importFile(exported).getContentAsString(), "$.unchanged"))
        .isEqualTo(3);
    assertThat(table()).isEqualTo(after);
  }

  @Test
  void aCycleOrABadRowRejectsTheFileAndNamesIt() throws Exception {
    importFile(FILE);
    String before = table();
    MockHttpServletResponse cycle =
        importFile(FILE.replace("2026-12-31,,,,,\n", "2026-12-31,,,,,tender\n"));
    assertThat(cycle.getStatus()).isEqualTo(400);
    assertThat(cycle.getContentAsString()).contains("cycle").contains("survey depends on tender");
    MockHttpServletResponse bad =
        importFile(
            FILE.replace("2027-02-28", "2026-12-15")
                + "launch,Launch,,,2027-05-01,2027-5-31,,,,,\n"
                + "done-early,Done,,,2026-01-01,2026-01-31,,,done,,\n"
                + "orphan,Orphan,,,2027-01-01,2027-01-02,,,,no-such-project,\n");
    assertThat(bad.getStatus()).isEqualTo(400);
    List<Integer> lines = JsonPath.read(bad.getContentAsString(), "$.errors[*].line");
    assertThat(lines).containsExactly(3, 5, 6, 7);
    assertThat(bad.getContentAsString())
        .contains("is before the planned start")
        .contains("'2027-5-31' is not a date")
        .contains("a milestone is done on its actual end")
        .contains("no project 'no-such-project'");
    assertThat(table()).isEqualTo(before);
  }

  private void create(String url, String json) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post(url)
                    .header("Authorization", "Bearer " + token)
                    .contentType("application/json")
                    .content(json))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
  }

  @Test
  void onlyAPartyInternalMilestoneKeepsItsPartyInternalProjectAndDependencies() throws Exception {
    create(
        "/api/charters/az-us-2026/working-groups/wg-connectivity-digital/projects",
        "{\"key\":\"internal-study\",\"title\":{\"en\":\"Study\"},"
            + "\"commitments\":[\"tripp\"],\"classification\":\"party-internal\"}");
    create(
        ROADMAP + "/milestones",
        "{\"key\":\"internal-step\",\"title\":{\"en\":\"Step\"},"
            + "\"plannedStart\":\"2026-12-01\",\"plannedEnd\":\"2026-12-31\","
            + "\"project\":\"internal-study\",\"classification\":\"party-internal\"}");
    String header =
        "key,title_en,title_az,owner,planned_start,planned_end,actual_start,actual_end,status,"
            + "project,depends_on\n";
    // the party-internal milestone, changed, keeps its project
    MockHttpServletResponse kept =
        importFile(header + "internal-step,Step two,,,2026-12-01,2026-12-31,,,,internal-study,\n");
    assertThat(kept.getStatus()).as(kept.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(kept.getContentAsString(), "$.updated")).isEqualTo(1);
    String before = table();
    // a bilateral one neither belongs to that project nor depends on that milestone
    MockHttpServletResponse refused =
        importFile(
            header
                + "shared-step,Shared,,,2027-01-01,2027-01-31,,,,internal-study,\n"
                + "next-step,Next,,,2027-02-01,2027-02-28,,,,,internal-step\n");
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
    assertThat((List<String>) JsonPath.read(refused.getContentAsString(), "$.errors[*].field"))
        .containsExactly("project", "depends_on");
    assertThat(table()).isEqualTo(before);
  }

  @Test
  void theExportNamesEachClassificationAndAnImportChangesNone() throws Exception {
    assertThat(importFile(FILE).getStatus()).isEqualTo(200);
    String exported =
        mvc.perform(get(ROADMAP + "/milestones.csv").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(exported).contains(",depends_on,classification").contains(",survey,bilateral");
    String before = table();
    MockHttpServletResponse reclassified =
        importFile(exported.replace("survey,bilateral", "survey,party-internal"));
    assertThat(reclassified.getStatus()).isEqualTo(400);
    assertThat(reclassified.getContentAsString())
        .contains("\"field\":\"classification\"")
        .contains("does not change a classification");
    MockHttpServletResponse created =
        importFile(
            String.join(",", MilestoneCsv.HEADER)
                + "\nnew-step,New,,,2027-05-01,2027-05-31,,,,,,public\n");
    assertThat(created.getStatus()).isEqualTo(400);
    assertThat(created.getContentAsString()).contains("creates bilateral milestones");
    assertThat(table()).isEqualTo(before);
  }
}
