package org.entente.charter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@EntenteTest
class CharterWebTest {

  @Autowired MockMvc mvc;

  @Test
  void theStartPageIsTheDefaultCharterOverview() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Charter of Strategic Partnership between the Republic of Azerbaijan and the United States of America")))
        .andExpect(content().string(containsString("Middle Corridor")))
        .andExpect(content().string(containsString("href=\"/charters/az-us-2026/deadlines\"")))
        .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"));
  }

  @Test
  void aCommitmentPageShowsItsClauseAndTheSentenceItComesFrom() throws Exception {
    mvc.perform(get("/charters/az-us-2026/commitments/tripp"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("Trump Route for International Peace and Prosperity")))
        .andExpect(content().string(containsString("<blockquote")))
        .andExpect(content().string(containsString("Working Group on Connectivity")));
  }

  @Test
  void aWorkingGroupPageListsTheCommitmentsItCarries() throws Exception {
    mvc.perform(get("/charters/az-us-2026/working-groups/wg-security-defense"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("/charters/az-us-2026/commitments/humanitarian-demining")))
        .andExpect(content().string(containsString("need clearance")));
  }

  @Test
  void anUnknownPageAnswers404WithoutDetails() throws Exception {
    mvc.perform(get("/charters/nope").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    mvc.perform(get("/charters/az-us-2026/commitments/nope").accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotFound());
  }

  @Test
  void theApiListsCommitmentsWithFiltersAndPages() throws Exception {
    mvc.perform(
            get("/api/charters/az-us-2026/commitments").param("area", "energy").param("size", "2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.items[0].areas[*].key", org.hamcrest.Matchers.hasItem("energy")));
    mvc.perform(
            get("/api/charters/az-us-2026/commitments")
                .param("workingGroup", "wg-security-defense"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].key", org.hamcrest.Matchers.hasItem("counterterrorism")))
        .andExpect(jsonPath("$.items[*].key", not(org.hamcrest.Matchers.hasItem("tripp"))));
    mvc.perform(get("/api/charters/az-us-2026/commitments/middle-corridor"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clause.number").exists())
        .andExpect(jsonPath("$.source.quote", containsString("Middle Corridor")))
        .andExpect(jsonPath("$.classification").value("PUBLIC"));
    mvc.perform(get("/api/charters/az-us-2026/working-groups").param("area", "ai-digital"))
        .andExpect(jsonPath("$.items[*].key").value("wg-connectivity-digital"));
    mvc.perform(get("/api/charters"))
        .andExpect(jsonPath("$.items[0].key").value("az-us-2026"))
        .andExpect(jsonPath("$.totalItems").value(1));
    mvc.perform(get("/api/charters/az-us-2026/areas"))
        .andExpect(jsonPath("$.items[0].commitments").isArray());
    mvc.perform(get("/api/charters/az-us-2026"))
        .andExpect(jsonPath("$.parties[*].key").value(org.hamcrest.Matchers.contains("AZ", "US")));
  }

  @Test
  void badApiInputAnswersAProblemNamingTheField() throws Exception {
    mvc.perform(get("/api/charters/az-us-2026/commitments").param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/charters/az-us-2026/commitments").param("page", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"));
    mvc.perform(get("/api/charters/az-us-2026/commitments").param("page", "first"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(get("/api/charters/none"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail").value("No charter 'none'."));
    mvc.perform(get("/api/charters/az-us-2026/working-groups/none"))
        .andExpect(status().isNotFound());
  }

  @Test
  void theOpenApiDescriptionListsTheApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/charters/{charter}/commitments']").exists())
        .andExpect(jsonPath("$.paths['/api/charters/{charter}/obligations']").exists())
        .andExpect(
            jsonPath(
                    "$.paths['/api/charters/{charter}/commitments'].get.parameters[?(@.name =="
                        + " 'viewer')]")
                .isEmpty())
        .andExpect(jsonPath("$.components.schemas.Viewer").doesNotExist());
  }
}
