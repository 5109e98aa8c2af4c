package org.entente.charter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The default charter read in Azerbaijani: its texts, marked as a working translation. */
@EntenteTest
class CharterInAzerbaijaniPagesTest {

  private static final String NOTICE =
      "<p class=\"note working-translation\" role=\"note\" lang=\"az\">"
          + "Bu səhifədəki Xartiya mətnləri Azərbaycan dilinə işçi tərcümədir, autentik mətn deyil."
          + "</p>";

  @Autowired MockMvc mvc;

  @Test
  void theCharterTextInAzerbaijaniIsMarkedAsAWorkingTranslation() throws Exception {
    mvc.perform(get("/public/charters/az-us-2026/text?lang=az"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(NOTICE)))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<span lang=\"az\">Tərəflər suverenliyə, müstəqilliyə, ərazi bütövlüyünə")))
        .andExpect(content().string(not(containsString("The Parties reaffirm"))));
  }

  @Test
  void theCharterTextInEnglishCarriesNoSuchNotice() throws Exception {
    mvc.perform(get("/public/charters/az-us-2026/text?lang=en"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("working-translation"))))
        .andExpect(content().string(containsString("The Parties reaffirm")));
  }

  @Test
  void aCommitmentInAzerbaijaniKeepsItsQuoteInEnglishMarkedAsQuoted() throws Exception {
    mvc.perform(get("/charters/az-us-2026/commitments/tripp?lang=az"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(NOTICE)))
        .andExpect(content().string(containsString("Beynəlxalq Sülh və Rifah üçün Tramp Marşrutu")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<blockquote class=\"quoted\" translate=\"no\" lang=\"en\""
                            + " data-quoted=\"original-language\">"
                            + "<p>The Charter specifically acknowledges")));
  }
}
