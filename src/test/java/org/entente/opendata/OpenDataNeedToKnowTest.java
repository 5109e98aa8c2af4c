package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.opendata.OpenDataFixtures.AGREED_CANARY;
import static org.entente.opendata.OpenDataFixtures.CANARIES;
import static org.entente.opendata.OpenDataFixtures.DRAFT_CANARY;
import static org.entente.opendata.OpenDataFixtures.PARTY_CANARY;
import static org.entente.opendata.OpenDataFixtures.SECURITY_CANARY;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.entente.audit.Audit;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.shared.Paging;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The canary sweep over the open data: party-internal and restricted projects, milestones,
 * statements and indicators, a party-internal commitment and a bilateral working group, an agreed
 * but unpublished project and a draft statement never appear in the JSON dump, any CSV or the IATI
 * file, whoever asks; the export holds exactly what its viewer may see.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataNeedToKnowTest {

  static final String API = "/api/charters/" + OpenDataFixtures.CHARTER;

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;
  @Autowired Audit audit;

  OpenDataFixtures fixtures;

  @BeforeAll
  void records() throws Exception {
    fixtures = new OpenDataFixtures(mvc, accounts, tokens, definitions, jdbc).create();
  }

  private MockHttpServletResponse as(String who, String url) throws Exception {
    MockHttpServletRequestBuilder request = get(url);
    if (who.equals("operator")) {
      request.header("Authorization", "Bearer " + OpenDataFixtures.OPERATOR);
    } else if (!who.equals("anonymous")) {
      request.header("Authorization", "Bearer " + fixtures.token.get(who));
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(url + " as " + who).isEqualTo(200);
    return response;
  }

  @Test
  void noCanaryInAnyPublicFileWhoeverAsks() throws Exception {
    List<String> urls = new ArrayList<>(List.of(API + "/open-data.json", API + "/iati.xml"));
    OpenData.types().forEach(t -> urls.add(API + "/open-data/" + t + ".csv"));
    for (String who :
        List.of("anonymous", "operator", "fd.member", "fd.cleared", "fd.coord", "admin")) {
      for (String url : urls) {
        String body = as(who, url).getContentAsString();
        for (String canary : CANARIES) {
          assertThat(body).as(url + " as " + who).doesNotContain(canary);
        }
        assertThat(body)
            .as(url + " as " + who)
            .doesNotContain("pi-study", "border-post", "crossings", "secret-dam", "inner-circle");
      }
    }
    // the public records are there, and the public milestone of the unpublished project is shown
    // without naming it
    assertThat(as("anonymous", API + "/open-data.json").getContentAsString())
        .contains("river-survey", "survey-done", "dam-prep", "river-flow");
    assertThat(as("anonymous", API + "/iati.xml").getContentAsString())
        .contains("river-survey")
        .doesNotContain("Gauge ")
        .doesNotContain("Crossings");
  }

  @Test
  void theExportHoldsExactlyWhatItsViewerMaySee() throws Exception {
    record Expect(String who, List<String> sees, List<String> seesNot) {}
    List<Expect> expectations =
        List.of(
            new Expect("anonymous", List.of(), CANARIES),
            new Expect("operator", List.of(), CANARIES),
            new Expect("admin", List.of(), CANARIES),
            new Expect(
                "fd.member",
                List.of(PARTY_CANARY, AGREED_CANARY, DRAFT_CANARY),
                List.of(SECURITY_CANARY)),
            new Expect(
                "sy.member",
                List.of(AGREED_CANARY, DRAFT_CANARY),
                List.of(PARTY_CANARY, SECURITY_CANARY)),
            new Expect(
                "fd.cleared",
                List.of(SECURITY_CANARY),
                List.of(PARTY_CANARY, AGREED_CANARY, DRAFT_CANARY)),
            new Expect(
                "fd.coord",
                List.of(PARTY_CANARY, AGREED_CANARY, DRAFT_CANARY, SECURITY_CANARY),
                List.of()));
    for (Expect e : expectations) {
      MockHttpServletResponse response = as(e.who(), API + "/export.json");
      assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
      assertThat(response.getHeader("Cache-Control")).contains("no-store");
      String body = response.getContentAsString();
      assertThat(body).as(e.who()).contains("river-survey", "survey-done", "river-flow");
      for (String canary : e.sees()) {
        assertThat(body).as(e.who() + " sees " + canary).contains(canary);
      }
      for (String canary : e.seesNot()) {
        assertThat(body).as(e.who() + " does not see " + canary).doesNotContain(canary);
      }
    }
  }

  @Test
  void anExportWithRestrictedRecordsIsARecordedRead() throws Exception {
    long before = audit.head().seq();
    as("fd.cleared", API + "/export.json");
    assertThat(audit.events(null, null, null, new Paging(0, 100)).items())
        .anyMatch(
            e ->
                e.seq() > before
                    && e.action().equals("record.read")
                    && e.recordType().equals("charter-export"));
  }
}
