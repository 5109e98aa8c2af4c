package org.entente.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public portal's pages, for anyone: what they show, in English and in Azerbaijani; that a
 * visitor's current copy is answered 304 and a change makes a new one; an unknown charter is a 404.
 */
@EntenteTest
class PortalWebTest {

  static final String BASE = "/public/charters/az-us-2026";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired FilterRegistrationBean<PortalPageCache> pageCache;

  PortalFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new PortalFixtures(mvc, accounts, tokens);
  }

  MockHttpServletResponse anonymous(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/public",
        BASE,
        BASE + "/text",
        BASE + "/commitments",
        BASE + "/working-groups",
        BASE + "/statements",
        BASE + "/deadlines"
      })
  void everyPageIsPublicCacheableAndNeedsNoScript(String url) throws Exception {
    MockHttpServletResponse page = anonymous(get(url));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentType()).startsWith("text/html");
    assertThat(page.getHeader("ETag")).startsWith("W/\"en-");
    assertThat(page.getHeader("Last-Modified")).isNotBlank();
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-cache");
    String html = page.getContentAsString();
    assertThat(html).contains("only what both parties agreed to publish");
    assertThat(html).doesNotContain("??portal.");
    assertThat(html).doesNotContain("<form");

    MockHttpServletResponse again =
        anonymous(get(url).header("If-None-Match", page.getHeader("ETag")));
    assertThat(again.getStatus()).isEqualTo(304);
    assertThat(again.getContentAsString()).isEmpty();
    MockHttpServletResponse since =
        anonymous(get(url).header("If-Modified-Since", page.getHeader("Last-Modified")));
    assertThat(since.getStatus()).isEqualTo(304);
  }

  @Test
  void theOverviewShowsTheCharterItsPartiesAndAreasWithProgress() throws Exception {
    String html = anonymous(get(BASE)).getContentAsString();
    assertThat(html).contains("Charter of Strategic Partnership");
    assertThat(html).contains("Parties").contains("Areas of cooperation").contains("Progress:");
    assertThat(anonymous(get(BASE + "/text")).getContentAsString()).contains("Article");
    assertThat(anonymous(get(BASE + "/deadlines")).getContentAsString())
        .contains("2026-05-10")
        .contains("Deadlines of the charter");
  }

  @Test
  void theStyleSheetAndHtmxAreServedFromTheirOwnPaths() throws Exception {
    String html = anonymous(get(BASE)).getContentAsString();
    assertThat(html).contains("href=\"/css/entente.css\"").contains("href=\"/public/charters/");
    MockHttpServletResponse css = anonymous(get("/css/entente.css"));
    assertThat(css.getStatus()).isEqualTo(200);
    assertThat(css.getContentType()).startsWith("text/css");
    assertThat(anonymous(get("/webjars/htmx.org/dist/htmx.min.js")).getStatus()).isEqualTo(200);
  }

  @Test
  void azerbaijaniVisitorsGetTheInterfaceInAzerbaijaniWithItsOwnTag() throws Exception {
    MockHttpServletResponse page = anonymous(get(BASE).header("Accept-Language", "az"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("lang=\"az\"").contains("Əməkdaşlıq sahələri");
    assertThat(page.getHeader("ETag")).startsWith("W/\"az-");
    MockHttpServletResponse english =
        anonymous(get(BASE).header("If-None-Match", page.getHeader("ETag")));
    assertThat(english.getStatus()).as("another language is another copy").isEqualTo(200);
  }

  @Test
  void theLanguageCanBeChosenWithTheLangParameter() throws Exception {
    MockHttpServletResponse page = anonymous(get(BASE + "/deadlines?lang=az"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("Xartiyanın müddətləri");
    assertThat(page.getHeader("ETag")).startsWith("W/\"az-");
  }

  @Test
  void anAnonymousPageIsKeptAndASignedInVisitorStillGetsTheirOwn() throws Exception {
    fixtures.person("us.reader", "US", Role.OBSERVER, "wg-connectivity-digital", false, false);
    String url = BASE + "/statements?visit=kept";
    long before = pageCache.getFilter().bytes();
    String page = anonymous(get(url)).getContentAsString();
    assertThat(pageCache.getFilter().bytes()).as("the page is kept").isGreaterThan(before);

    String signedIn =
        mvc.perform(get(url).with(user("us.reader")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(signedIn).contains("us.reader").isNotEqualTo(page);
    String again = anonymous(get(url)).getContentAsString();
    assertThat(again).isEqualTo(page).doesNotContain("us.reader");
  }

  @Test
  void anUnknownCharterIsNotFound() throws Exception {
    assertThat(anonymous(get("/public/charters/no-such-charter")).getStatus()).isEqualTo(404);
    assertThat(anonymous(get("/public/charters/no-such-charter/deadlines")).getStatus())
        .isEqualTo(404);
    assertThat(
            anonymous(get("/public/charters/no-such-charter").header("If-None-Match", "*"))
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void aPublicationChangesTheETagAndShowsThePublishedProjectsAndMilestones() throws Exception {
    fixtures.people();
    String g = PortalFixtures.CONNECTIVITY;
    fixtures.project(
        "us.cochair",
        g,
        "alat-port-web",
        "Alat port expansion",
        "Ələt limanının genişləndirilməsi",
        "bilateral");
    fixtures.milestone("us.cochair", g, "alat-survey", "Alat survey completed", "bilateral");
    int list = fixtures.agree(g, "project-list", "us.cochair", "az.cochair");
    int roadmap = fixtures.agree(g, "roadmap", "us.cochair", "az.cochair");

    MockHttpServletResponse before = anonymous(get(BASE + "/working-groups"));
    assertThat(before.getContentAsString())
        .doesNotContain("Alat port expansion")
        .doesNotContain("Alat survey completed");

    fixtures.publish(g, "project-list", list, "us.cochair", "az.cochair");
    fixtures.publish(g, "roadmap", roadmap, "az.cochair", "us.cochair");

    MockHttpServletResponse after =
        anonymous(get(BASE + "/working-groups").header("If-None-Match", before.getHeader("ETag")));
    assertThat(after.getStatus()).isEqualTo(200);
    assertThat(after.getHeader("ETag")).isNotEqualTo(before.getHeader("ETag"));
    assertThat(after.getContentAsString())
        .contains("Alat port expansion")
        .contains("Alat survey completed")
        .contains("Project list version " + list);
    assertThat(
            anonymous(get(BASE + "/working-groups").header("Accept-Language", "az"))
                .getContentAsString())
        .contains("Ələt limanının genişləndirilməsi");
  }
}
