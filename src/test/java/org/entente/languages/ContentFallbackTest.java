package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Content given in both languages (the default charter's texts) is shown in the visitor's language
 * with its lang attribute; content given only in English (a charter between Freedonia and Sylvania,
 * written in English) is shown in English, with lang="en" and a visible marker that it is a
 * fallback.
 */
@EntenteTest
class ContentFallbackTest {

  @Autowired MockMvc mvc;
  @Autowired org.entente.definition.Definitions definitions;

  String page(String path) throws Exception {
    return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
  }

  @Test
  void onAnAzerbaijaniPageTextGivenInAzerbaijaniIsShownInAzerbaijani() throws Exception {
    assertThat(page("/?lang=az"))
        .contains("<span lang=\"az-Latn\">Azərbaycan Respublikası</span>")
        .contains("<span lang=\"az-Latn\">Təhlükəsizlik və müdafiə</span>")
        .doesNotContain(">Republic of Azerbaijan</span>");
  }

  @Test
  void onAnAzerbaijaniPageTextGivenOnlyInEnglishIsMarkedAsEnglish() throws Exception {
    assertThat(
            definitions
                .load(
                    "freedonia-sylvania.yaml",
                    org.entente.definition.DefinitionFixtures.freedoniaSylvania())
                .loaded())
        .isTrue();
    assertThat(page("/charters/fd-sy-2025?lang=az"))
        .containsPattern(
            "<h1><span lang=\"en\">Accord of Friendship between Freedonia[^<]*</span>"
                + " <span class=\"fallback\">\\(ingiliscə\\)</span></h1>");
  }

  @Test
  void onAnEnglishPageNothingIsMarked() throws Exception {
    assertThat(page("/?lang=en"))
        .contains("<span lang=\"en\">Republic of Azerbaijan</span>")
        .containsPattern("<h1><span lang=\"en\">Charter of Strategic Partnership[^<]*</span></h1>")
        .doesNotContain("class=\"fallback\"");
  }
}
