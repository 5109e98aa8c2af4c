package org.entente.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public pages' validators move only with what the public may see (issue 16, finding 7): an
 * anonymous reader must not learn from an ETag or a Last-Modified when party-internal or bilateral
 * work happens, and must still get a new copy when public content changes.
 */
@EntenteTest
class PortalValidatorsTest {

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
  @Autowired MutableClock clock;

  record Validators(String etag, String lastModified) {}

  Map<String, Validators> fetchAll(String language) throws Exception {
    Map<String, Validators> all = new LinkedHashMap<>();
    for (String page : PAGES) {
      MockHttpServletResponse response =
          mvc.perform(get(page).header("Accept-Language", language)).andReturn().getResponse();
      assertThat(response.getStatus()).as(page).isEqualTo(200);
      all.put(
          page, new Validators(response.getHeader("ETag"), response.getHeader("Last-Modified")));
    }
    return all;
  }

  @Test
  void aHundredPrivateEditsMoveNoValidatorAndAPublicChangeMovesThem() throws Exception {
    clock.set(FixedClockConfiguration.TODAY);
    PortalFixtures fixtures = new PortalFixtures(mvc, accounts, tokens).people();
    String g = PortalFixtures.CONNECTIVITY;
    String internal =
        fixtures.project("us.cochair", g, "us-only", "US only", "Yalnız ABŞ", "party-internal");
    String shared =
        fixtures.project("us.cochair", g, "alat-port", "Alat port", "Ələt limanı", "bilateral");
    Map<String, Validators> english = fetchAll("en");
    Map<String, Validators> azerbaijani = fetchAll("az");

    clock.setInstant(clock.instant().plus(Duration.ofHours(1)));
    int edits = 0;
    for (int i = 0; edits < 100; i++) {
      fixtures.project(
          "us.cochair", g, "internal-" + i, "Internal " + i, "Daxili " + i, "party-internal");
      fixtures.milestone(
          "az.cochair", g, "bilateral-" + i, "Bilateral milestone " + i, "bilateral");
      fixtures.project(
          "us.sec",
          PortalFixtures.SECURITY,
          "restricted-" + i,
          "Restricted " + i,
          "Məxfi " + i,
          "bilateral");
      fixtures.ok(
          "us.cochair",
          patch("/api/projects/" + internal)
              .content("{\"title\":{\"en\":\"US only, edit " + i + "\"},\"version\":" + i + "}"));
      fixtures.ok(
          "az.cochair",
          patch("/api/projects/" + shared)
              .content("{\"title\":{\"en\":\"Alat port, edit " + i + "\"},\"version\":" + i + "}"));
      edits += 5;
      if (i == 10) {
        // pages asked for in between are rendered again; their validators must not move either
        assertThat(fetchAll("en")).isEqualTo(english);
      }
    }
    clock.setInstant(clock.instant().plus(Duration.ofHours(1)));

    assertThat(fetchAll("en")).isEqualTo(english);
    assertThat(fetchAll("az")).isEqualTo(azerbaijani);
    for (String page : PAGES) {
      MockHttpServletResponse current =
          mvc.perform(get(page).header("If-None-Match", english.get(page).etag()))
              .andReturn()
              .getResponse();
      assertThat(current.getStatus()).as(page).isEqualTo(304);
    }

    int list = fixtures.agree(g, "project-list", "us.cochair", "az.cochair");
    assertThat(fetchAll("en"))
        .as("an agreement between the parties is not public")
        .isEqualTo(english);
    fixtures.publish(g, "project-list", list, "us.cochair", "az.cochair");
    MockHttpServletResponse published =
        mvc.perform(
                get(BASE + "/working-groups")
                    .header("If-None-Match", english.get(BASE + "/working-groups").etag()))
            .andReturn()
            .getResponse();
    assertThat(published.getStatus()).isEqualTo(200);
    assertThat(published.getContentAsString()).contains("Alat port, edit");
    assertThat(published.getHeader("ETag"))
        .isNotEqualTo(english.get(BASE + "/working-groups").etag());
    assertThat(published.getHeader("Last-Modified"))
        .isNotEqualTo(english.get(BASE + "/working-groups").lastModified());
  }
}
