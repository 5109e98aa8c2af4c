package org.entente.obligations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@EntenteTest
class DeadlinesWebTest {

  private static final String TOKEN = "Bearer test-operator-token-0123456789abcdef";
  private static final String EVENTS = "/api/charters/az-us-2026/events";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void theDeadlinesPageSaysInWordsThatEveryProjectListIsOverdueAndTheMeetingIsDueInFebruary()
      throws Exception {
    mvc.perform(get("/charters/az-us-2026/deadlines"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Overdue by 202 days: due 10 May 2026.")))
        .andExpect(
            content().string(containsString("Pending: due by 10 February 2027, in 74 days.")))
        .andExpect(content().string(containsString("<strong class=\"status\">Overdue</strong>")))
        .andExpect(content().string(containsString("within three months")))
        .andExpect(content().string(containsString("every twelve months")))
        .andExpect(
            content().string(containsString("<time datetime=\"2026-05-10\">10 May 2026</time>")))
        .andExpect(content().string(containsString("28 November 2026")));
  }

  @Test
  void theAzerbaijaniDeadlinesPageWritesDatesPeriodsAndStatusesInAzerbaijaniKeepingIsoForMachines()
      throws Exception {
    mvc.perform(get("/charters/az-us-2026/deadlines").queryParam("lang", "az"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("202 gün gecikir: son tarix 10 may 2026.")))
        .andExpect(
            content()
                .string(containsString("Gözləmədədir: son tarix 10 fevral 2027, 74 gün qalıb.")))
        .andExpect(content().string(containsString("üç ay ərzində")))
        .andExpect(content().string(containsString("hər on iki ay")))
        .andExpect(
            content().string(containsString("<time datetime=\"2026-05-10\">10 may 2026</time>")))
        .andExpect(
            content().string(containsString("<time datetime=\"2026-11-28\">28 noyabr 2026</time>")))
        .andExpect(
            content().string(containsString("<time datetime=\"2026-02-10\">10 fevral 2026</time>")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Overdue by"))))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("P3M"))));
  }

  @Test
  void theDeadlinesPageSortsAndFiltersAndIgnoresNonsense() throws Exception {
    mvc.perform(
            get("/charters/az-us-2026/deadlines")
                .param("sort", "status")
                .param("status", "pending"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("2027-02-10")))
        .andExpect(
            content().string(org.hamcrest.Matchers.not(containsString("datetime=\"2026-05-10\""))));
    mvc.perform(
            get("/charters/az-us-2026/deadlines").param("sort", "<script>").param("status", "x"))
        .andExpect(status().isOk());
  }

  @Test
  void theApiGivesEveryObligationWithDueDateAndStatus() throws Exception {
    mvc.perform(
            get("/api/charters/az-us-2026/obligations")
                .param("status", "overdue")
                .param("size", "100"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.asOf").value("2026-11-28"))
        .andExpect(jsonPath("$.items", hasSize(8)))
        .andExpect(jsonPath("$.items[*].dueOn", everyItem(org.hamcrest.Matchers.is("2026-05-10"))))
        .andExpect(jsonPath("$.items[*].daysOverdue", everyItem(org.hamcrest.Matchers.is(202))));
    mvc.perform(get("/api/charters/az-us-2026/obligations").param("subject", "framework"))
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].dueOn").value("2027-02-10"))
        .andExpect(jsonPath("$.items[0].status").value("pending"));
    mvc.perform(get("/api/charters/az-us-2026/obligations").param("status", "late"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    mvc.perform(get("/api/charters/az-us-2026/obligations").param("sort", "colour"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
  }

  @Test
  void recordingAGroupMeetingNeedsTheOperatorTokenAndThenMeetsItsAnnualObligation()
      throws Exception {
    String meeting =
        "{\"kind\":\"meeting-held\",\"subject\":\"wg-energy\",\"occurredOn\":\"2026-10-01\","
            + "\"title\":\"First meeting of the energy group\"}";
    long before = events();
    mvc.perform(post(EVENTS).contentType(MediaType.APPLICATION_JSON).content(meeting))
        .andExpect(status().isNotFound());
    mvc.perform(
            post(EVENTS)
                .header("Authorization", "Bearer wrong-token-wrong-token-wrong-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(meeting))
        .andExpect(status().isUnauthorized());
    org.assertj.core.api.Assertions.assertThat(events()).isEqualTo(before);

    String location =
        mvc.perform(
                post(EVENTS)
                    .header("Authorization", TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(meeting))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.source").value("api"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    mvc.perform(get(location))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kind").value("meeting-held"));

    mvc.perform(
            get("/api/charters/az-us-2026/obligations")
                .param("subject", "wg-energy")
                .param("status", "pending"))
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].rule").value("wg-meeting"))
        .andExpect(jsonPath("$.items[0].dueOn").value("2027-10-01"))
        .andExpect(jsonPath("$.items[0].lastMetOn").value("2026-10-01"))
        .andExpect(jsonPath("$.items[0].history[0].onTime").value(true));
  }

  @Test
  void badEventsAnswerAProblemNamingTheFieldAndChangeNothing() throws Exception {
    long before = events();
    String[][] cases = {
      {"{\"kind\":\"party\",\"subject\":\"framework\",\"occurredOn\":\"2026-10-01\"}", "kind"},
      {
        "{\"kind\":\"meeting-held\",\"subject\":\"wg-nowhere\",\"occurredOn\":\"2026-10-01\"}",
        "subject"
      },
      {
        "{\"kind\":\"meeting-held\",\"subject\":\"framework\",\"occurredOn\":\"2030-01-01\"}",
        "occurredOn"
      },
      {"{\"kind\":\"meeting-held\",\"subject\":\"framework\"}", "occurredOn"},
      {
        "{\"kind\":\"deliverable-finalized\",\"subject\":\"wg-energy\",\"occurredOn\":\"2026-10-01\"}",
        "deliverable"
      },
      {
        "{\"kind\":\"meeting-held\",\"subject\":\"framework\",\"occurredOn\":\"2026-10-01\",\"title\":\""
            + "x".repeat(501)
            + "\"}",
        "title"
      },
    };
    for (String[] c : cases) {
      mvc.perform(
              post(EVENTS)
                  .header("Authorization", TOKEN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(c[0]))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.errors[0].field").value(c[1]));
    }
    for (String malformed :
        new String[] {
          "{\"kind\":\"meeting-held\",\"subject\":\"framework\",\"occurredOn\":\"2026-13-45\"}",
          "{\"kind\":\"meeting-held\",\"subject\":\"framework\",\"occurredOn\":\"2026-10-01\",\"party\":\"AZ\"}",
          "not json",
          "[1,2]"
        }) {
      mvc.perform(
              post(EVENTS)
                  .header("Authorization", TOKEN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(malformed))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
    mvc.perform(
            post(EVENTS)
                .header("Authorization", TOKEN)
                .contentType(MediaType.TEXT_PLAIN)
                .content("hello"))
        .andExpect(status().isUnsupportedMediaType());
    mvc.perform(
            post("/api/charters/none/events")
                .header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"meeting-held\",\"subject\":\"framework\",\"occurredOn\":\"2026-10-01\"}"))
        .andExpect(status().isNotFound());
    org.assertj.core.api.Assertions.assertThat(events()).isEqualTo(before);
  }

  @Test
  void anythingNotNamedInTheAccessRulesIsDenied() throws Exception {
    mvc.perform(post("/api/charters/az-us-2026/commitments").header("Authorization", TOKEN))
        .andExpect(status().isNotFound());
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(EVENTS))
        .andExpect(status().isNotFound());
    mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/charters")).andExpect(header().string("X-Frame-Options", "DENY"));
  }

  private long events() {
    return jdbc.sql("select count(*) from obligation_event").query(Long.class).single();
  }
}
