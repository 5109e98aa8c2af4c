package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19: the languages pages are offered in are English and those the loaded charters declare. A
 * charter in English and Ukrainian (which the interface is not translated into) makes {@code
 * ?lang=uk} a choice: content is shown in Ukrainian, the interface text in English, said so on the
 * page, with {@code lang} attributes that tell which is which.
 */
@EntenteTest
@CleanAfterEachTest
class LanguagesFromTheChartersTest {

  static final String UKRAINIAN = "Українська";

  @Autowired MockMvc mvc;
  @Autowired Definitions definitions;

  void loadTheEnglishUkrainianCharter() {
    Definitions.LoadResult loaded =
        definitions.load(
            "english-ukrainian.yaml",
            DefinitionFixtures.resource("/definitions/english-ukrainian.yaml"));
    assertThat(loaded.loaded()).as(loaded.problems().toString()).isTrue();
  }

  String page(String path) throws Exception {
    return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
  }

  @Test
  void aLanguageNoCharterDeclaresIsRefused() throws Exception {
    mvc.perform(get("/charters?lang=uk")).andExpect(status().isBadRequest());
    loadTheEnglishUkrainianCharter();
    mvc.perform(get("/charters?lang=de")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/charters?lang=de"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lang"))
        .andExpect(
            jsonPath("$.errors[0].message").value("Unknown language de; use one of en, az, uk."));
  }

  @Test
  void aLanguageACharterDeclaresIsChosenAndRemembered() throws Exception {
    loadTheEnglishUkrainianCharter();
    mvc.perform(get("/charters?lang=uk"))
        .andExpect(status().isOk())
        .andExpect(cookie().value(Languages.COOKIE, "uk"));
    mvc.perform(get("/api/charters?lang=uk")).andExpect(status().isOk());
    assertThat(page("/charters?lang=uk"))
        .contains(
            "hreflang=\"uk\" lang=\"uk\" translate=\"no\" aria-current=\"true\">"
                + UKRAINIAN
                + "</a>")
        .contains("hreflang=\"az-Latn\" lang=\"az-Latn\" translate=\"no\">Azərbaycanca</a>");
  }

  @Test
  void theSwitcherOffersEveryDeclaredLanguageByItsOwnName() throws Exception {
    assertThat(page("/charters")).doesNotContain("hreflang=\"uk\"");
    loadTheEnglishUkrainianCharter();
    assertThat(page("/charters"))
        .contains(
            "href=\"/charters?lang=uk\" hreflang=\"uk\" lang=\"uk\" translate=\"no\">"
                + UKRAINIAN
                + "</a>");
  }

  @Test
  void withoutATranslationTheInterfaceIsEnglishAndSaysSoWhileContentIsUkrainian() throws Exception {
    loadTheEnglishUkrainianCharter();
    String page = page("/charters/en-uk-test?lang=uk");
    assertThat(page)
        .contains("<html lang=\"en\"")
        .contains(
            "This interface is not translated into "
                + UKRAINIAN
                + " yet; its labels are in English.")
        .contains("<span lang=\"uk\">Республіка Тестарія</span>")
        .contains("<span lang=\"uk\">Мости</span>")
        .doesNotContain("??");
    assertThat(page("/charters/en-uk-test").replaceAll("\\s+", " "))
        .contains("<html lang=\"en\"")
        .doesNotContain("not translated into");
    assertThat(page("/charters/en-uk-test?lang=az"))
        .contains("<html lang=\"az-Latn\"")
        .doesNotContain("not translated into");
  }

  @Test
  void thePublicPortalShowsTheContentInTheReadersLanguageWhateverItIs() throws Exception {
    loadTheEnglishUkrainianCharter();
    // the English page first, so that a page kept for one language is not served for another
    assertThat(page("/public/charters/en-uk-test?lang=en")).contains("Test Accord");
    String ukrainian = page("/public/charters/en-uk-test?lang=uk");
    assertThat(ukrainian).contains("Тестова угода").doesNotContain(">Test Accord<");
  }

  @Test
  void theAnnualReportShowsTheContentInTheReadersLanguageWhateverItIs() throws Exception {
    loadTheEnglishUkrainianCharter();
    String report = page("/charters/en-uk-test/report?year=2025&lang=uk");
    assertThat(report).contains("lang=\"uk\">Група з мостів<").doesNotContain(">Bridges Group<");
  }

  @Test
  void theCookieHoldsADeclaredLanguageAndIgnoresOneNoCharterDeclares() throws Exception {
    loadTheEnglishUkrainianCharter();
    assertThat(
            mvc.perform(get("/charters/en-uk-test").cookie(new Cookie(Languages.COOKIE, "uk")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("<span lang=\"uk\">Республіка Тестарія</span>")
        .contains("not translated into " + UKRAINIAN);
    assertThat(
            mvc.perform(get("/charters/en-uk-test").cookie(new Cookie(Languages.COOKIE, "de")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("<html lang=\"en\"")
        .contains("<span lang=\"en\">Republic of Testaria</span>")
        .doesNotContain("not translated into");
  }
}
