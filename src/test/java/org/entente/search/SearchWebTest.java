package org.entente.search;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Search through the API and the page: results, and a clear answer to a malformed query. */
@EntenteTest
class SearchWebTest {

  @Autowired MockMvc mvc;

  @Test
  void theApiFindsPublicCommitmentsAndAnswersAMalformedQueryWithAProblem() throws Exception {
    mvc.perform(get("/api/charters/az-us-2026/search").param("q", "de-mining"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].type").value("commitment"))
        .andExpect(jsonPath("$.items[0].key").value("humanitarian-demining"));
    mvc.perform(get("/api/charters/az-us-2026/search").param("q", "\"unclosed"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("q"));
    mvc.perform(get("/api/charters/az-us-2026/search").param("q", "x").param("type", "planet"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
  }

  @Test
  void thePageShowsResultsAndAMalformedQueryAsAFormError() throws Exception {
    mvc.perform(
            get("/charters/az-us-2026/search").param("q", "corridor").accept(MediaType.TEXT_HTML))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Middle Corridor")));
    mvc.perform(
            get("/charters/az-us-2026/search").param("q", "\"corridor").accept(MediaType.TEXT_HTML))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("a quote is not closed")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")));
    mvc.perform(get("/charters/az-us-2026/search").accept(MediaType.TEXT_HTML))
        .andExpect(status().isOk());
  }
}
