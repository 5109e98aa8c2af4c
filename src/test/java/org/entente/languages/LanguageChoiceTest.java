package org.entente.languages;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The visitor chooses the language with ?lang=, and it is remembered in a cookie. */
@EntenteTest
class LanguageChoiceTest {

  @Autowired MockMvc mvc;

  @Test
  void englishIsTheDefault() throws Exception {
    mvc.perform(get("/charters"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"en\"")))
        .andExpect(content().string(containsString("<h1>Charters</h1>")))
        .andExpect(cookie().doesNotExist(Languages.COOKIE));
  }

  @Test
  void langAzSetsTheCookieAndThePageIsInAzerbaijani() throws Exception {
    mvc.perform(get("/charters?lang=az"))
        .andExpect(status().isOk())
        .andExpect(cookie().value(Languages.COOKIE, "az"))
        .andExpect(cookie().maxAge(Languages.COOKIE, 365 * 24 * 60 * 60))
        .andExpect(cookie().path(Languages.COOKIE, "/"))
        .andExpect(cookie().sameSite(Languages.COOKIE, "Lax"))
        .andExpect(content().string(containsString("<html lang=\"az-Latn\"")))
        .andExpect(content().string(containsString("<h1>Xartiyalar</h1>")))
        .andExpect(
            header()
                .stringValues(
                    "Vary", org.hamcrest.Matchers.hasItem(containsString("Accept-Language"))));
  }

  @Test
  void theCookieIsRemembered() throws Exception {
    mvc.perform(get("/charters").cookie(new Cookie(Languages.COOKIE, "az")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"az-Latn\"")))
        .andExpect(content().string(containsString("Xartiyalar")));
    mvc.perform(get("/charters?lang=en").cookie(new Cookie(Languages.COOKIE, "az")))
        .andExpect(cookie().value(Languages.COOKIE, "en"))
        .andExpect(content().string(containsString("<h1>Charters</h1>")));
  }

  @Test
  void acceptLanguageChoosesWhenThereIsNoCookie() throws Exception {
    mvc.perform(get("/charters").header("Accept-Language", "az-AZ,az;q=0.9,en;q=0.5"))
        .andExpect(content().string(containsString("<html lang=\"az-Latn\"")));
    mvc.perform(get("/charters").header("Accept-Language", "fr-FR,fr;q=0.9"))
        .andExpect(content().string(containsString("<html lang=\"en\"")));
  }

  @Test
  void theSwitcherLinksToThisPageInEachLanguageAndMarksTheCurrentOne() throws Exception {
    mvc.perform(get("/charters/az-us-2026/search?q=corridor&lang=az"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(
                            "href=\"/charters/az-us-2026/search?q=corridor&amp;lang=en\""
                                + " hreflang=\"en\" lang=\"en\" translate=\"no\">English</a>"),
                        containsString(
                            "hreflang=\"az-Latn\" lang=\"az-Latn\" translate=\"no\" aria-current=\"true\">"
                                + "Azərbaycanca</a>"))));
  }

  @Test
  void anUnknownLanguageIsABadRequestOnAPageAndChangesNothing() throws Exception {
    mvc.perform(get("/charters?lang=xx").cookie(new Cookie(Languages.COOKIE, "az")))
        .andExpect(status().isBadRequest())
        .andExpect(cookie().doesNotExist(Languages.COOKIE));
    mvc.perform(get("/charters?lang=en&lang=az")).andExpect(status().isBadRequest());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "/",
        "/charters",
        "/charters/az-us-2026/commitments/middle-corridor",
        "/charters/az-us-2026/working-groups/wg-connectivity-digital",
        "/charters/az-us-2026/working-groups/wg-energy/workspace",
        "/charters/az-us-2026/working-groups/wg-energy/import",
        "/charters/az-us-2026/deadlines",
        "/charters/az-us-2026/progress",
        "/charters/az-us-2026/meetings",
        "/charters/az-us-2026/statements",
        "/charters/az-us-2026/search?q=corridor",
        "/charters/az-us-2026/indicators",
        "/charters/az-us-2026/indicators/titr-cargo-volume",
        "/login"
      })
  void everyPublicPageIsWholeInBothLanguages(String path) throws Exception {
    for (String language : java.util.List.of("en", "az")) {
      String page =
          mvc.perform(get(path + (path.contains("?") ? "&" : "?") + "lang=" + language))
              .andReturn()
              .getResponse()
              .getContentAsString();
      org.assertj.core.api.Assertions.assertThat(page)
          .as(path + " in " + language)
          .contains("<html lang=\"" + (language.equals("az") ? "az-Latn" : "en") + "\"")
          .contains("<h1")
          .doesNotContain("??");
    }
  }

  @Test
  void theErrorPageSaysWhichLanguagesThereAre() throws Exception {
    mvc.perform(
            get("/error")
                .accept(MediaType.TEXT_HTML)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/charters")
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_QUERY_STRING, "lang=xx")
                .requestAttr(LanguageChoice.UNKNOWN, "xx"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Unknown language &quot;xx&quot;"),
                        containsString("href=\"/charters?lang=az\""),
                        containsString("Nothing was changed."))));
  }

  @Test
  void anUnknownLanguageIsAProblemOnTheApi() throws Exception {
    mvc.perform(get("/api/charters?lang=xx"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[0].field").value("lang"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("xx")));
  }

  @Test
  void aKnownLanguageOnTheApiIsNotRemembered() throws Exception {
    mvc.perform(get("/api/charters?lang=az"))
        .andExpect(status().isOk())
        .andExpect(cookie().doesNotExist(Languages.COOKIE))
        .andExpect(header().string("Vary", not(containsString("Cookie"))));
  }
}
