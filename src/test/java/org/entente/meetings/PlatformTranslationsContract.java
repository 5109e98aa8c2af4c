package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A dialogue platform's name and purpose in the translation workflow (decision 0037): a proposal's
 * texts know their source and are listed in the queue only for the officials who see the proposal;
 * a translation saved against a stale version of the proposal is a 409 and changes nothing; a saved
 * one is audited and makes a new version both parties approve again; after both agree, the month
 * page marks each language official when the agreed version holds exactly its text, else working.
 * Runs on H2 ({@link PlatformTranslationsTest}) and PostgreSQL ({@link
 * PlatformTranslationsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class PlatformTranslationsContract {

  static final String CHARTER = "/api/charters/az-us-2026";
  static final String AGREEMENT = CHARTER + "/agreements/dialogue-platform/water-dialogue/";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    token.put("az.coord", people.person("az.coord").party("AZ").role(Role.COORDINATOR).create());
    token.put("us.coord", people.person("us.coord").party("US").role(Role.COORDINATOR).create());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private String propose(String classification) throws Exception {
    MockHttpServletResponse proposed =
        as(
            "us.coord",
            post(CHARTER + "/dialogue-platforms")
                .content(
                    """
                    {"key":"water-dialogue","name":{"en":"Water dialogue"},
                     "purpose":{"en":"Shared rivers"},"classification":"%s"}
                    """
                        .formatted(classification)));
    assertThat(proposed.getStatus()).as(proposed.getContentAsString()).isEqualTo(201);
    return jdbc.sql(
            "select cast(id as varchar(36)) from dialogue_platform where code = 'water-dialogue'")
        .query(String.class)
        .single();
  }

  private long events() {
    return jdbc.sql(
            "select count(*) from audit_event where action = 'dialogue-platform.translated'")
        .query(Long.class)
        .single();
  }

  private MockHttpServletResponse save(String subject, String id, String text, long version)
      throws Exception {
    return as(
        "az.coord",
        put("/api/translations/" + subject + "/" + id + "/az")
            .content("{\"text\":\"%s\",\"version\":%d}".formatted(text, version)));
  }

  @Test
  void aProposalsTextsAwaitTheirTranslationOnlyForThoseWhoSeeIt() throws Exception {
    String id = propose("bilateral");
    String name =
        as("az.coord", get("/api/translations/platform-name/" + id + "/az")).getContentAsString();
    assertThat((String) JsonPath.read(name, "$.sourceLanguage")).isEqualTo("en");
    assertThat((String) JsonPath.read(name, "$.status")).isEqualTo("missing");
    assertThat((Integer) JsonPath.read(name, "$.version")).isEqualTo(1);

    String queue = as("az.coord", get(CHARTER + "/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(queue, "$.items[?(@.subject=='platform-name')].key"))
        .containsExactly(id);
    assertThat((List<String>) JsonPath.read(queue, "$.items[?(@.subject=='platform-purpose')].key"))
        .containsExactly(id);
    // a company's contributor, of no party, sees no proposal, nor its texts
    token.put(
        "company",
        people
            .person("company")
            .role(Role.CONTRIBUTOR)
            .memberOf(People.CHARTER, "wg-energy")
            .create());
    assertThat(as("company", get("/api/translations/platform-name/" + id + "/az")).getStatus())
        .isEqualTo(404);
    assertThat(
            as(
                    "company",
                    put("/api/translations/platform-name/" + id + "/az")
                        .content("{\"text\":\"x\",\"version\":1}"))
                .getStatus())
        .isEqualTo(404);
    assertThat(as("company", get(CHARTER + "/translations/az")).getContentAsString())
        .doesNotContain(id);
    // the public sees no proposal, nor its texts
    assertThat(as(null, get("/api/translations/platform-name/" + id + "/az")).getStatus())
        .isIn(401, 404);
    String anonymousQueue = as(null, get(CHARTER + "/translations/az")).getContentAsString();
    assertThat(anonymousQueue).doesNotContain(id);
  }

  @Test
  void aTranslationSavedAgainstAStaleProposalIsAConflictAndChangesNothing() throws Exception {
    String id = propose("bilateral");
    MockHttpServletResponse revised =
        as(
            "us.coord",
            put(CHARTER + "/dialogue-platforms/water-dialogue")
                .content("{\"name\":{\"en\":\"Water and rivers dialogue\"},\"version\":1}"));
    assertThat(revised.getStatus()).as(revised.getContentAsString()).isEqualTo(200);

    MockHttpServletResponse stale = save("platform-name", id, "Su dialoqu", 1);

    assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
    assertThat(
            jdbc.sql("select name from dialogue_platform where code = 'water-dialogue'")
                .query(String.class)
                .single())
        .doesNotContain("Su dialoqu");
    assertThat(events()).isZero();
  }

  @Test
  void aSavedTranslationIsAuditedMakesANewVersionAndOnlyTheAgreedTextsAreOfficial()
      throws Exception {
    String id = propose("bilateral");

    MockHttpServletResponse saved = save("platform-name", id, "Su dialoqu", 1);

    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(saved.getContentAsString(), "$.status")).isEqualTo("current");
    assertThat((Integer) JsonPath.read(saved.getContentAsString(), "$.version")).isEqualTo(2);
    assertThat(events()).isEqualTo(1);
    String month =
        mvc.perform(get("/charters/az-us-2026/meetings").cookie(People.session(mvc, "az.coord")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(month)
        .contains("id=\"platform-water-dialogue-en\" class=\"text-working\"")
        .contains("id=\"platform-water-dialogue-az\" class=\"text-working\"")
        .contains("English: working translation, not agreed by both parties");

    assertThat(as("az.coord", post(AGREEMENT + "approve").content("{\"version\":2}")).getStatus())
        .isEqualTo(200);
    assertThat(as("us.coord", post(AGREEMENT + "approve").content("{\"version\":2}")).getStatus())
        .isEqualTo(200);

    String agreed =
        mvc.perform(get("/charters/az-us-2026/meetings").cookie(People.session(mvc, "az.coord")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(agreed)
        .contains("id=\"platform-water-dialogue-en\" class=\"text-official\"")
        .contains("id=\"platform-water-dialogue-az\" class=\"text-official\"")
        .contains("Azərbaycanca: official text, as both parties agreed it");
    // an established platform's texts are what both parties agreed: no translation is saved
    assertThat(save("platform-purpose", id, "Ortaq çaylar", 3).getStatus()).isEqualTo(409);
  }
}
