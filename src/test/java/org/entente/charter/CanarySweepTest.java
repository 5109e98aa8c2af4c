package org.entente.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A definition may mark records bilateral or party-internal. Until the visibility policy decides
 * who may see them, nobody does: a unique string in such records never appears, and is never
 * counted, in any page or API answer.
 */
@EntenteTest
class CanarySweepTest {

  private static final String CANARY = "CANARY-7f3a9c";

  @Autowired MockMvc mvc;
  @Autowired Definitions definitions;

  @BeforeEach
  void loadARestrictedCommitmentAndGroup() {
    String text =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "working-groups:\n",
                """
                  - key: secret-dam
                    title: Dam project %1$s
                    action: Build the dam quietly %1$s.
                    clause: c-1-1
                    areas: [water]
                    classification: party-internal
                working-groups:
                """
                    .formatted(CANARY))
            .replace(
                "history:\n",
                """
                  - key: inner-circle
                    name: Inner circle %1$s
                    areas: [water]
                    co-chairs: { FD: Adviser %1$s, SY: Adviser }
                    classification: bilateral
                history:
                """
                    .formatted(CANARY));
    assertThat(text).contains("secret-dam").contains("inner-circle");
    assertThat(definitions.load("fs-canary.yaml", text).loaded()).isTrue();
  }

  @Test
  void aNonPublicRecordNeverAppearsAndIsNeverCounted() throws Exception {
    List<String> urls =
        List.of(
            "/",
            "/charters",
            "/charters/fd-sy-2025",
            "/charters/fd-sy-2025/working-groups/river-commission",
            "/charters/fd-sy-2025/deadlines",
            "/charters/fd-sy-2025/deadlines?sort=subject",
            "/api/charters",
            "/api/charters/fd-sy-2025",
            "/api/charters/fd-sy-2025/areas",
            "/api/charters/fd-sy-2025/commitments",
            "/api/charters/fd-sy-2025/commitments?area=water",
            "/api/charters/fd-sy-2025/working-groups",
            "/api/charters/fd-sy-2025/working-groups?area=water",
            "/api/charters/fd-sy-2025/obligations?size=100",
            "/api/charters/fd-sy-2025/events",
            "/charters/fd-sy-2025/commitments/secret-dam",
            "/charters/fd-sy-2025/working-groups/inner-circle",
            "/api/charters/fd-sy-2025/commitments/secret-dam",
            "/api/charters/fd-sy-2025/working-groups/inner-circle",
            "/v3/api-docs");
    for (String url : urls) {
      for (MediaType accept : List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)) {
        String body =
            mvc.perform(get(url).accept(accept)).andReturn().getResponse().getContentAsString();
        assertThat(body).as(url + " as " + accept).doesNotContain(CANARY);
        if (url.contains("secret-dam") || url.contains("inner-circle")) {
          // asked for by key: answered exactly like a key that does not exist
          String missing =
              url.replace("secret-dam", "no-such-key").replace("inner-circle", "no-such-key");
          var missingResponse = mvc.perform(get(missing).accept(accept)).andReturn().getResponse();
          var response = mvc.perform(get(url).accept(accept)).andReturn().getResponse();
          assertThat(response.getStatus())
              .as(url)
              .isBetween(404, 406)
              .isEqualTo(missingResponse.getStatus());
          assertThat(
                  body.replace("secret-dam", "no-such-key").replace("inner-circle", "no-such-key"))
              .as(url)
              .isEqualTo(missingResponse.getContentAsString());
        } else {
          assertThat(body)
              .as(url + " as " + accept)
              .doesNotContain("secret-dam")
              .doesNotContain("inner-circle");
        }
      }
    }
    mvc.perform(get("/api/charters/fd-sy-2025/commitments"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.totalItems")
                .value(2));
    mvc.perform(get("/api/charters/fd-sy-2025/working-groups"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.totalItems")
                .value(2));
    mvc.perform(get("/api/charters/fd-sy-2025/commitments/secret-dam"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isNotFound());
    mvc.perform(get("/api/charters/fd-sy-2025/commitments/no-such-thing"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isNotFound());
  }
}
