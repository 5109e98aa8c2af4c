package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
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
 * The connectivity working group's project list, drafted, changed and agreed through the API by its
 * two co-chairs; what the rules refuse is refused with a clear message and changes nothing.
 */
@EntenteTest
@CleanAfterEachTest
class ProjectListAgreementTest {

  static final String PASSWORD = "correct horse battery";
  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    person("us.cochair", "US", Role.CO_CHAIR, "wg-connectivity-digital", true);
    person("az.cochair", "AZ", Role.CO_CHAIR, "wg-connectivity-digital", true);
    person("az.member", "AZ", Role.MEMBER, "wg-connectivity-digital", false);
    person("us.energy", "US", Role.CO_CHAIR, "wg-energy", true);
  }

  private void person(String username, String party, Role role, String group, boolean chair) {
    token.put(
        username,
        people
            .person(username)
            .party(party)
            .role(role)
            .memberOf(People.CHARTER, group, chair)
            .create());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token.get(who))
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private String project(String who, String key, String commitment, String amount, String currency)
      throws Exception {
    MockHttpServletResponse response =
        as(
            who,
            post(GROUP + "/projects")
                .content(
                    """
                    {"key":"%s","title":{"az":"Layihə %s","en":"Project %s"},
                     "commitments":["%s"],"leads":{"US":"Department of State","AZ":"Ministry of Digital Development"},
                     "partners":[{"name":"Asian Development Bank","kind":"development-bank","role":"FUNDING"}],
                     "financing":[{"amount":%s,"currency":"%s","source":"ADB loan","status":"PLEDGED"}],
                     "location":{"place":"Alat","latitude":39.94,"longitude":49.41}}
                    """
                        .formatted(key, key, key, commitment, amount, currency)));
    return response.getStatus() + " " + response.getContentAsString();
  }

  private long projects() {
    return jdbc.sql("select count(*) from project").query(Long.class).single();
  }

  private String state() throws Exception {
    return JsonPath.read(
        as("az.member", get(GROUP + "/project-list")).getContentAsString(), "$.agreement.state");
  }

  @Test
  void bothCoChairsApproveTheSameVersionAndTheThreeMonthObligationIsMetLate() throws Exception {
    assertThat(project("us.cochair", "middle-corridor-port", "middle-corridor", "150000000", "USD"))
        .startsWith("201");
    assertThat(project("us.cochair", "tripp-rail-link", "tripp", "80000000", "AZN"))
        .startsWith("201");
    MockHttpServletResponse submitted = as("us.cochair", post(GROUP + "/project-list/submit"));
    assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
    assertThat(
            (Integer) JsonPath.read(submitted.getContentAsString(), "$.agreement.currentVersion"))
        .isEqualTo(1);
    assertThat(
            as("us.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"))
                .getStatus())
        .isEqualTo(200);
    assertThat(state()).isEqualTo("APPROVED_BY_ONE");
    MockHttpServletResponse agreed =
        as("az.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    assertThat(agreed.getStatus()).as(agreed.getContentAsString()).isEqualTo(200);
    assertThat(state()).isEqualTo("AGREED");
    assertThat(
            (List<String>)
                JsonPath.read(
                    agreed.getContentAsString(),
                    "$.agreement.agreedVersions[0].approvals[*].approvedBy"))
        .containsExactly("us.cochair", "az.cochair");

    String obligations =
        as("az.member", get("/api/charters/az-us-2026/obligations?subject=wg-connectivity-digital"))
            .getContentAsString();
    List<Map<String, Object>> lists =
        JsonPath.read(obligations, "$.items[?(@.rule == 'wg-project-list')]");
    assertThat(lists)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.get("status")).isEqualTo("met-late");
              assertThat(o.get("metOn")).isEqualTo(FixedClockConfiguration.TODAY.toString());
            });
    List<Map<String, Object>> roadmap =
        JsonPath.read(obligations, "$.items[?(@.rule == 'wg-roadmap')]");
    assertThat(roadmap)
        .singleElement()
        .satisfies(o -> assertThat(o.get("status")).isEqualTo("overdue"));
  }

  @Test
  void aChangeAfterOneApprovalWithdrawsItAndTheOutdatedVersionCannotBeApproved() throws Exception {
    project("us.cochair", "middle-corridor-port", "middle-corridor", "150000000", "USD");
    as("us.cochair", post(GROUP + "/project-list/submit"));
    as("us.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    String id = jdbc.sql("select cast(id as varchar) from project").query(String.class).single();
    MockHttpServletResponse changed =
        as(
            "az.cochair",
            patch("/api/projects/" + id)
                .content("{\"title\":{\"en\":\"Port of Alat, phase 2\"},\"version\":0}"));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
    String list = as("us.cochair", get(GROUP + "/project-list")).getContentAsString();
    assertThat((Boolean) JsonPath.read(list, "$.changedSinceVersion")).isTrue();
    String resubmitted =
        as("az.cochair", post(GROUP + "/project-list/submit")).getContentAsString();
    assertThat((Integer) JsonPath.read(resubmitted, "$.agreement.currentVersion")).isEqualTo(2);
    assertThat((String) JsonPath.read(resubmitted, "$.agreement.state")).isEqualTo("DRAFT");
    assertThat((String) JsonPath.read(resubmitted, "$.agreement.approvals[0].withdrawnBecause"))
        .contains("version 1 you approved was changed into version 2");

    MockHttpServletResponse outdated =
        as("az.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    assertThat(outdated.getStatus()).isEqualTo(403);
    assertThat(outdated.getContentAsString())
        .contains("version 1 is outdated: the current version is 2");
    assertThat(state()).isEqualTo("DRAFT");
  }

  @Test
  void approvalsByTheWrongPersonOrTwiceAreRefusedAndChangeNothing() throws Exception {
    project("us.cochair", "middle-corridor-port", "middle-corridor", "150000000", "USD");
    as("us.cochair", post(GROUP + "/project-list/submit"));
    MockHttpServletResponse member =
        as("az.member", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    assertThat(member.getStatus()).isEqualTo(403);
    assertThat(member.getContentAsString()).contains("only a co-chair of AZ");
    MockHttpServletResponse otherGroup =
        as("us.energy", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    assertThat(otherGroup.getStatus())
        .as("a co-chair of another group sees no list here")
        .isEqualTo(404);
    as("us.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    MockHttpServletResponse twice =
        as("us.cochair", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    assertThat(twice.getStatus()).isEqualTo(403);
    assertThat(twice.getContentAsString()).contains("US already approved version 1");
    assertThat(state()).isEqualTo("APPROVED_BY_ONE");
    assertThat(jdbc.sql("select count(*) from agreement_approval").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aCoChairDelegatesTheApprovalForTheirPartyToAMemberAndCanTakeItBack() throws Exception {
    project("us.cochair", "middle-corridor-port", "middle-corridor", "150000000", "USD");
    as("us.cochair", post(GROUP + "/project-list/submit"));
    String delegates = GROUP.replace("/api/", "/api/") + "/delegates/";
    MockHttpServletResponse wrongParty =
        as(
            "us.cochair",
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                delegates + "az.member"));
    assertThat(wrongParty.getStatus()).isEqualTo(403);
    assertThat(wrongParty.getContentAsString()).contains("only to a member of their own party");
    MockHttpServletResponse notAChair =
        as(
            "az.member",
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                delegates + "az.member"));
    assertThat(notAChair.getStatus()).isEqualTo(403);
    assertThat(
            as(
                    "az.cochair",
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        delegates + "az.member"))
                .getStatus())
        .isEqualTo(204);
    MockHttpServletResponse delegated =
        as("az.member", post(GROUP + "/project-list/approve").content("{\"version\":1}"));
    assertThat(delegated.getStatus()).as(delegated.getContentAsString()).isEqualTo(200);
    assertThat(state()).isEqualTo("APPROVED_BY_ONE");
    assertThat(
            (List<String>)
                JsonPath.read(delegated.getContentAsString(), "$.agreement.approvals[*].party"))
        .containsExactly("AZ");

    as(
        "az.cochair",
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
            delegates + "az.member"));
    as(
        "az.cochair",
        post(GROUP + "/project-list/dispute").content("{\"reason\":\"Costs to check\"}"));
    as("az.cochair", post(GROUP + "/project-list/reopen"));
    MockHttpServletResponse revoked =
        as("az.member", post(GROUP + "/project-list/approve").content("{\"version\":2}"));
    assertThat(revoked.getStatus()).isEqualTo(403);
    assertThat(revoked.getContentAsString()).contains("only a co-chair of AZ, or their delegate");
  }

  @Test
  void badProjectsAreRefusedNamingTheProblemAndNothingIsStored() throws Exception {
    assertThat(project("us.cochair", "negative", "middle-corridor", "-5", "USD"))
        .startsWith("400")
        .contains("cannot be negative");
    assertThat(project("us.cochair", "odd-money", "middle-corridor", "5", "XYZ"))
        .startsWith("400")
        .contains("not an ISO 4217 currency");
    assertThat(project("us.cochair", "nowhere", "no-such-commitment", "5", "USD"))
        .startsWith("400")
        .contains("no commitment 'no-such-commitment'");
    assertThat(project("us.energy", "not-my-group", "middle-corridor", "5", "USD"))
        .startsWith("403")
        .contains("only members of wg-connectivity-digital");
    assertThat(projects()).isZero();

    project("us.cochair", "middle-corridor-port", "middle-corridor", "150000000", "USD");
    String id = jdbc.sql("select cast(id as varchar) from project").query(String.class).single();
    MockHttpServletResponse jump =
        as(
            "us.cochair",
            post("/api/projects/" + id + "/stage")
                .content("{\"stage\":\"completed\",\"version\":0}"));
    assertThat(jump.getStatus()).isEqualTo(400);
    assertThat(jump.getContentAsString()).contains("cannot move from identified to completed");
    MockHttpServletResponse noReason =
        as(
            "us.cochair",
            post("/api/projects/" + id + "/stage")
                .content("{\"stage\":\"suspended\",\"version\":0}"));
    assertThat(noReason.getStatus()).isEqualTo(400);
    assertThat(noReason.getContentAsString()).contains("says why");
    MockHttpServletResponse moved =
        as(
            "us.cochair",
            post("/api/projects/" + id + "/stage")
                .content("{\"stage\":\"under-study\",\"version\":0}"));
    assertThat(moved.getStatus()).isEqualTo(200);
    assertThat((String) JsonPath.read(moved.getContentAsString(), "$.stage"))
        .isEqualTo("under-study");
    MockHttpServletResponse fixed =
        as(
            "us.cochair",
            patch("/api/projects/" + id).content("{\"workingGroup\":\"wg-energy\",\"version\":1}"));
    assertThat(fixed.getStatus()).isEqualTo(403);
  }

  @Test
  void twoConcurrentEditsOfOneProjectOneSucceedsTheOtherGets409() throws Exception {
    project("us.cochair", "middle-corridor-port", "middle-corridor", "150000000", "USD");
    String id = jdbc.sql("select cast(id as varchar) from project").query(String.class).single();
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(() -> edit("us.cochair", id, "Port of Alat"));
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(() -> edit("az.cochair", id, "Alat port"));
    assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
    assertThat(jdbc.sql("select version from project").query(Long.class).single()).isEqualTo(1);
  }

  private int edit(String who, String id, String title) {
    try {
      return as(
              who,
              patch("/api/projects/" + id)
                  .content("{\"title\":{\"en\":\"" + title + "\"},\"version\":0}"))
          .getStatus();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
