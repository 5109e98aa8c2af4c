package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The two reproduced cases of issue 16, finding 1: a bilateral milestone attached to a
 * party-internal project, and a roadmap version whose content depended on who submitted it.
 */
@EntenteTest
@CleanAfterEachTest
class RoadmapLinkVisibilityTest {

  static final String PASSWORD = "correct horse battery";
  static final String GROUP = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String ROADMAP = GROUP + "/roadmap";
  static final String INTERNAL_KEY = "us-internal-zx81";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void coChairs() {
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
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private String project(String who, String key, String classification) throws Exception {
    MockHttpServletResponse r =
        as(
            who,
            post(GROUP + "/projects")
                .content(
                    """
                    {"key":"%s","title":{"en":"Project %s"},"commitments":["tripp"],
                     "leads":{"US":"Department of State"},"partners":[],"financing":[],
                     "classification":"%s"}
                    """
                        .formatted(key, key, classification)));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private MockHttpServletResponse milestone(
      String who, String key, String project, String dependsOn, String classification)
      throws Exception {
    return as(
        who,
        post(ROADMAP + "/milestones")
            .content(
                """
                {"key":"%s","title":{"en":"Milestone %s"},"plannedStart":"2026-12-01",
                 "plannedEnd":"2027-03-01",%s"dependsOn":%s,"classification":"%s"}
                """
                    .formatted(
                        key,
                        key,
                        project == null ? "" : "\"project\":\"" + project + "\",",
                        dependsOn,
                        classification)));
  }

  private UUID id(String table, String code) {
    return jdbc.sql("select id from " + table + " where code = ?")
        .param(code)
        .query(UUID.class)
        .single();
  }

  @Test
  void aBilateralMilestoneCannotBelongToAPartyInternalProjectNorShowOneStoredBefore()
      throws Exception {
    String internal = project("us.cochair", INTERNAL_KEY, "party-internal");

    // the party that made the project: it may see both, and is told why
    MockHttpServletResponse own =
        milestone("us.cochair", "survey", INTERNAL_KEY, "[]", "bilateral");
    assertThat(own.getStatus()).as(own.getContentAsString()).isEqualTo(400);
    assertThat(own.getContentType()).startsWith("application/problem+json");
    assertThat((String) JsonPath.read(own.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("project");
    assertThat(own.getContentAsString())
        .contains("a bilateral milestone may not link to a party-internal project");

    // the other party: answered exactly as for a project that does not exist
    MockHttpServletResponse other =
        milestone("az.cochair", "survey", INTERNAL_KEY, "[]", "bilateral");
    MockHttpServletResponse none =
        milestone("az.cochair", "survey", "no-such-prj-zx81", "[]", "bilateral");
    assertThat(other.getStatus()).isEqualTo(400).isEqualTo(none.getStatus());
    assertThat(other.getContentAsString().replace(INTERNAL_KEY, "no-such-prj-zx81"))
        .isEqualTo(none.getContentAsString());
    assertThat(jdbc.sql("select count(*) from milestone").query(Long.class).single()).isZero();

    // a party-internal milestone of the same party may belong to it
    assertThat(
            milestone("us.cochair", "own-step", INTERNAL_KEY, "[]", "party-internal").getStatus())
        .isEqualTo(201);

    // nor by changing a bilateral milestone
    MockHttpServletResponse added = milestone("us.cochair", "survey", null, "[]", "bilateral");
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
    UUID survey = id("milestone", "survey");
    MockHttpServletResponse changed =
        as(
            "us.cochair",
            put("/api/milestones/" + survey)
                .content(
                    """
                    {"title":{"en":"Milestone survey"},"plannedStart":"2026-12-01",
                     "plannedEnd":"2027-03-01","project":"%s","dependsOn":[],"version":0}
                    """
                        .formatted(INTERNAL_KEY)));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(400);
    assertThat((String) JsonPath.read(changed.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("project");
    assertThat(
            jdbc.sql("select count(*) from milestone where project_id is not null and code = ?")
                .param("survey")
                .query(Long.class)
                .single())
        .isZero();

    // nor by narrowing a project a bilateral milestone belongs to
    String shared = project("us.cochair", "shared-prj", "bilateral");
    assertThat(milestone("us.cochair", "works", "shared-prj", "[]", "bilateral").getStatus())
        .isEqualTo(201);
    long version =
        jdbc.sql("select version from project where code = 'shared-prj'")
            .query(Long.class)
            .single();
    MockHttpServletResponse narrowed =
        as(
            "us.cochair",
            patch("/api/projects/" + shared)
                .content("{\"classification\":\"party-internal\",\"version\":" + version + "}"));
    assertThat(narrowed.getStatus()).as(narrowed.getContentAsString()).isEqualTo(400);
    assertThat((String) JsonPath.read(narrowed.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("classification");
    assertThat(
            jdbc.sql("select classification from project where code = 'shared-prj'")
                .query(String.class)
                .single())
        .isEqualTo("BILATERAL");

    // a link stored before the rule: nobody who may not see the project learns its key
    jdbc.sql("update milestone set project_id = ? where code = 'survey'")
        .params(UUID.fromString(internal))
        .update();
    for (String url : List.of(ROADMAP, ROADMAP + "/milestones.csv")) {
      MockHttpServletResponse r = as("az.cochair", get(url));
      assertThat(r.getStatus()).as(url).isEqualTo(200);
      assertThat(r.getContentAsString()).as(url).doesNotContain(INTERNAL_KEY);
    }
    // the party that made it still sees its own link
    assertThat(as("us.cochair", get(ROADMAP)).getContentAsString()).contains(INTERNAL_KEY);

    // published (the other milestones dropped first): the public sees the milestone, not the key
    jdbc.sql("delete from milestone where code in ('works', 'own-step')").update();
    assertThat(as("us.cochair", post(ROADMAP + "/submit")).getStatus()).isEqualTo(200);
    for (String who : List.of("us.cochair", "az.cochair")) {
      assertThat(as(who, post(ROADMAP + "/approve").content("{\"version\":1}")).getStatus())
          .isEqualTo(200);
    }
    assertThat(as("us.cochair", post(ROADMAP + "/publish").content("{\"version\":1}")).getStatus())
        .isEqualTo(200);
    for (String who : List.of("us.cochair", "az.cochair")) {
      MockHttpServletResponse published =
          as(who, post(ROADMAP + "/approve-publication").content("{\"version\":1}"));
      assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(200);
    }
    assertThat(
            jdbc.sql("select classification from milestone where code = 'survey'")
                .query(String.class)
                .single())
        .isEqualTo("PUBLIC");
    for (String url :
        List.of(
            ROADMAP,
            "/api/charters/az-us-2026/open-data.json",
            "/api/charters/az-us-2026/open-data/milestones.csv",
            "/public/charters/az-us-2026/working-groups")) {
      MockHttpServletResponse r = as(null, get(url));
      assertThat(r.getContentAsString()).as(url).doesNotContain(INTERNAL_KEY);
    }
    assertThat(as(null, get(ROADMAP)).getContentAsString()).contains("survey");
  }

  @Test
  void aRoadmapIsPublishedOnlyOnceTheProjectsItsMilestonesBelongToArePublic() throws Exception {
    project("us.cochair", "port", "bilateral");
    assertThat(milestone("us.cochair", "berth", "port", "[]", "bilateral").getStatus())
        .isEqualTo(201);
    for (String subject : List.of("/project-list", "/roadmap")) {
      String base = subject.equals("/roadmap") ? ROADMAP : GROUP + subject;
      assertThat(as("us.cochair", post(base + "/submit")).getStatus()).isEqualTo(200);
      for (String who : List.of("us.cochair", "az.cochair")) {
        assertThat(as(who, post(base + "/approve").content("{\"version\":1}")).getStatus())
            .isEqualTo(200);
      }
    }

    // both publications may be proposed together, and each party approves
    for (String base : List.of(GROUP + "/project-list", ROADMAP)) {
      MockHttpServletResponse proposed =
          as("az.cochair", post(base + "/publish").content("{\"version\":1}"));
      assertThat(proposed.getStatus()).as(base + proposed.getContentAsString()).isEqualTo(200);
    }
    assertThat(
            as("az.cochair", post(ROADMAP + "/approve-publication").content("{\"version\":1}"))
                .getStatus())
        .isEqualTo(200);
    // the roadmap's publication is not agreed while its milestone's project is not public
    MockHttpServletResponse early =
        as("us.cochair", post(ROADMAP + "/approve-publication").content("{\"version\":1}"));
    assertThat(early.getStatus()).as(early.getContentAsString()).isBetween(400, 499);
    assertThat(early.getContentAsString()).contains("publish the group's project list first");
    assertThat(
            jdbc.sql("select classification from milestone where code = 'berth'")
                .query(String.class)
                .single())
        .isEqualTo("BILATERAL");

    // once the project list is published, the same approval publishes the roadmap
    for (String who : List.of("az.cochair", "us.cochair")) {
      MockHttpServletResponse listed =
          as(who, post(GROUP + "/project-list/approve-publication").content("{\"version\":1}"));
      assertThat(listed.getStatus()).as(listed.getContentAsString()).isEqualTo(200);
    }
    MockHttpServletResponse published =
        as("us.cochair", post(ROADMAP + "/approve-publication").content("{\"version\":1}"));
    assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(200);
    assertThat(
            jdbc.sql("select classification from milestone where code = 'berth'")
                .query(String.class)
                .single())
        .isEqualTo("PUBLIC");
    assertThat(as(null, get(ROADMAP)).getContentAsString()).contains("berth").contains("port");
  }

  @Test
  void aRoadmapVersionIsTheSameWhoeverSubmitsItSoTheOtherPartyCanApprovePublishingIt()
      throws Exception {
    assertThat(milestone("us.cochair", "us-caucus", null, "[]", "party-internal").getStatus())
        .isEqualTo(201);
    assertThat(milestone("us.cochair", "survey", null, "[]", "bilateral").getStatus())
        .isEqualTo(201);
    // a dependency of a bilateral milestone on a party-internal one, stored before the rule
    assertThat(milestone("us.cochair", "design", null, "[\"survey\"]", "bilateral").getStatus())
        .isEqualTo(201);
    jdbc.sql("insert into milestone_dependency (milestone_id, depends_on) values (?, ?)")
        .params(id("milestone", "design"), id("milestone", "us-caucus"))
        .update();

    // submitted by the party that sees the internal milestone: the version does not name it
    assertThat(as("us.cochair", post(ROADMAP + "/submit")).getStatus()).isEqualTo(200);
    String content =
        jdbc.sql("select content from agreement_content where number = 1")
            .query(String.class)
            .single();
    assertThat(content).contains("survey").doesNotContain("us-caucus");
    // the other party submitting finds the same content: no new version
    MockHttpServletResponse again = as("az.cochair", post(ROADMAP + "/submit"));
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(again.getContentAsString(), "$.agreement.currentVersion"))
        .isEqualTo(1);
    assertThat(
            (Boolean)
                JsonPath.read(
                    as("az.cochair", get(ROADMAP)).getContentAsString(), "$.changedSinceVersion"))
        .isFalse();

    for (String who : List.of("us.cochair", "az.cochair")) {
      assertThat(as(who, post(ROADMAP + "/approve").content("{\"version\":1}")).getStatus())
          .isEqualTo(200);
    }
    assertThat(as("us.cochair", post(ROADMAP + "/publish").content("{\"version\":1}")).getStatus())
        .isEqualTo(200);
    assertThat(
            as("us.cochair", post(ROADMAP + "/approve-publication").content("{\"version\":1}"))
                .getStatus())
        .isEqualTo(200);
    // the other party's approval: refused before as "changed since version 1"
    MockHttpServletResponse approved =
        as("az.cochair", post(ROADMAP + "/approve-publication").content("{\"version\":1}"));
    assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
    assertThat(
            jdbc.sql("select count(*) from milestone where classification = 'PUBLIC'")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    String anonymous = as(null, get(ROADMAP)).getContentAsString();
    assertThat(anonymous).contains("design").doesNotContain("us-caucus");
    // and now the rule refuses such a dependency ...
    MockHttpServletResponse refused =
        milestone("us.cochair", "design-2", null, "[\"us-caucus\"]", "bilateral");
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("dependsOn");
    // ... the other party cannot tell it from a milestone that does not exist
    MockHttpServletResponse hidden =
        milestone("az.cochair", "design-2", null, "[\"us-caucus\"]", "bilateral");
    MockHttpServletResponse missing =
        milestone("az.cochair", "design-2", null, "[\"no-such-step\"]", "bilateral");
    assertThat(hidden.getContentAsString().replace("us-caucus", "no-such-step"))
        .isEqualTo(missing.getContentAsString());
  }
}
