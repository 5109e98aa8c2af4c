package org.entente.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The canary sweep over the public portal: party-internal and restricted projects, milestones,
 * meetings and statements, and the projects of an agreed but unpublished list, never appear on any
 * portal page in either language; what both parties agreed to publish does.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalNeedToKnowTest {

  static final List<String> CANARIES =
      List.of(
          "CANARY-PORTAL-PI-PROJECT",
          "CANARY-PORTAL-SD-PROJECT",
          "CANARY-PORTAL-PI-MILESTONE",
          "CANARY-PORTAL-SD-MILESTONE",
          "CANARY-PORTAL-UNPUBLISHED",
          "CANARY-PORTAL-PI-MEETING",
          "CANARY-PORTAL-PI-STATEMENT",
          "CANARY-PORTAL-SD-MEETING",
          "CANARY-PORTAL-SD-STATEMENT",
          "CANARY-PORTAL-BILATERAL-MEETING");

  static final String BASE = "/public/charters/az-us-2026";
  static final List<String> PAGES =
      List.of(
          "/public",
          BASE,
          BASE + "/text",
          BASE + "/commitments",
          BASE + "/working-groups",
          BASE + "/statements",
          BASE + "/deadlines");

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;

  PortalFixtures f;

  @BeforeAll
  void canaries() throws Exception {
    f = new PortalFixtures(mvc, accounts, tokens).people();
    String g = PortalFixtures.CONNECTIVITY;
    String s = PortalFixtures.SECURITY;

    f.project("us.cochair", g, "portal-ok-port", "Portal published port", "Liman", "bilateral");
    f.project("az.cochair", g, "pi-project", "CANARY-PORTAL-PI-PROJECT", "x", "party-internal");
    f.publish(
        g,
        "project-list",
        f.agree(g, "project-list", "us.cochair", "az.cochair"),
        "us.cochair",
        "az.cochair");

    f.milestone("us.cochair", g, "portal-ok-milestone", "Portal published milestone", "bilateral");
    f.milestone("az.cochair", g, "pi-milestone", "CANARY-PORTAL-PI-MILESTONE", "party-internal");
    f.publish(
        g,
        "roadmap",
        f.agree(g, "roadmap", "us.cochair", "az.cochair"),
        "us.cochair",
        "az.cochair");

    // a later version, agreed but not published
    f.ok("us.cochair", post(g + "/project-list/reopen"));
    f.project("us.cochair", g, "unpublished", "CANARY-PORTAL-UNPUBLISHED", "y", "bilateral");
    f.agree(g, "project-list", "us.cochair", "az.cochair");

    // the restricted group: agreed, and its publication refused
    f.project("us.sec", s, "sd-project", "CANARY-PORTAL-SD-PROJECT", "z", "bilateral");
    f.milestone("us.sec", s, "sd-milestone", "CANARY-PORTAL-SD-MILESTONE", "bilateral");
    int list = f.agree(s, "project-list", "us.sec", "az.sec");
    int roadmap = f.agree(s, "roadmap", "us.sec", "az.sec");
    assertThat(
            f.as("us.sec", post(s + "/project-list/publish").content("{\"version\":" + list + "}"))
                .getStatus())
        .isEqualTo(403);
    assertThat(
            f.as("az.sec", post(s + "/roadmap/publish").content("{\"version\":" + roadmap + "}"))
                .getStatus())
        .isEqualTo(403);

    // meetings: one published statement; a party-internal, a restricted and a bilateral one not
    String published =
        meeting("us.cochair", "wg-connectivity-digital", "Portal published meeting", "bilateral");
    statement("us.cochair", published, "PORTAL-PUBLISHED-STATEMENT");
    f.ok(
        "us.cochair",
        post("/api/meetings/" + published + "/statement/approve").content("{\"version\":1}"));
    f.ok(
        "az.cochair",
        post("/api/meetings/" + published + "/statement/approve").content("{\"version\":1}"));

    String internal =
        meeting(
            "az.cochair", "wg-connectivity-digital", "CANARY-PORTAL-PI-MEETING", "party-internal");
    statement("az.cochair", internal, "CANARY-PORTAL-PI-STATEMENT");
    String restricted =
        meeting("us.sec", "wg-security-defense", "CANARY-PORTAL-SD-MEETING", "bilateral");
    statement("us.sec", restricted, "CANARY-PORTAL-SD-STATEMENT");
    f.ok(
        "us.sec",
        post("/api/meetings/" + restricted + "/statement/approve").content("{\"version\":1}"));
    meeting(
        "us.cochair", "wg-connectivity-digital", "CANARY-PORTAL-BILATERAL-MEETING", "bilateral");
  }

  String meeting(String who, String group, String title, String classification) throws Exception {
    return JsonPath.read(
        f.ok(
                who,
                post("/api/charters/az-us-2026/meetings")
                    .content(
                        """
                        {"body":"working-group","bodyKey":"%s","title":"%s",
                         "startsAt":"2026-11-20T10:00","endsAt":"2026-11-20T12:00",
                         "timeZone":"Asia/Baku","place":"Baku","classification":"%s",
                         "participants":[]}
                        """
                            .formatted(group, title, classification)))
            .getContentAsString(),
        "$.id");
  }

  void statement(String who, String meeting, String text) throws Exception {
    f.ok(
        who,
        put("/api/meetings/" + meeting + "/statement")
            .content(
                "{\"text\":{\"en\":\"" + text + "\",\"az\":\"" + text + "\"},\"publish\":true}"));
    f.ok(who, post("/api/meetings/" + meeting + "/statement/submit"));
  }

  String page(String url, String language) throws Exception {
    var response =
        mvc.perform(get(url).header("Accept-Language", language)).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void noCanaryAppearsOnAnyPortalPageInEitherLanguage() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String language : List.of("en", "az")) {
      for (String url : PAGES) {
        String html = page(url, language);
        for (String canary : CANARIES) {
          if (html.contains(canary)) {
            leaks.add(canary + " on " + url + " (" + language + ")");
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void whatBothPartiesAgreedToPublishDoesAppear() throws Exception {
    String groups = page(BASE + "/working-groups", "en");
    assertThat(groups).contains("Portal published port").contains("Portal published milestone");
    assertThat(groups).contains("The records of this group are not published.");
    assertThat(page(BASE + "/statements", "en"))
        .contains("PORTAL-PUBLISHED-STATEMENT")
        .contains("Portal published meeting");
  }
}
