package org.entente.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18: a meeting held or a deliverable finalized outside Entente is recorded, and corrected,
 * on pages with the rules of {@code POST} and {@code PATCH /api/charters/{c}/events}; a refused
 * form comes back with what was typed and the field named, and changes nothing. (That the forms
 * make the same record and audit event as the API is walked by the parity test.)
 */
@EntenteTest
@CleanAfterEachTest
class EventFormsTest {

  static final String C = People.CHARTER;
  static final String GROUP = "wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  Cookie member;

  @BeforeEach
  void member() throws Exception {
    people.person("us.member").party("US").memberOf(C, GROUP).create();
    people.person("us.outsider").party("US").memberOf(C, "wg-energy").create();
    member = login("us.member");
  }

  private Cookie login(String username) throws Exception {
    return People.session(mvc, username);
  }

  private long events() {
    return jdbc.sql("select count(*) from obligation_event").query(Long.class).single();
  }

  private MockHttpServletResponse record(Cookie who, String... fields) throws Exception {
    var request = post("/charters/" + C + "/events").cookie(who).with(csrf());
    for (int i = 0; i + 1 < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void theDeadlinesPageLinksToTheFormWhichOffersTheGroupsAndDeliverables() throws Exception {
    String deadlines =
        mvc.perform(get("/charters/" + C + "/deadlines").cookie(member))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(deadlines).contains("href=\"/charters/" + C + "/events/new\"");
    String form =
        mvc.perform(get("/charters/" + C + "/events/new").cookie(member))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("value=\"" + GROUP + "\"")
        .contains("value=\"framework\"")
        .contains("value=\"project-list\"")
        .contains("value=\"roadmap\"")
        .contains("<label for=\"occurredOn\"");
    // the public sees no such link
    assertThat(
            mvc.perform(get("/charters/" + C + "/deadlines"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("/events/new");
  }

  @Test
  void aRecordedEventIsShownAndMeetsItsDeadline() throws Exception {
    MockHttpServletResponse recorded =
        record(
            member,
            "kind",
            "deliverable-finalized",
            "subject",
            GROUP,
            "deliverable",
            "project-list",
            "occurredOn",
            "2026-05-02",
            "title",
            "Project list signed at the ministry",
            "classification",
            "bilateral");
    assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(302);
    String page =
        mvc.perform(get(recorded.getRedirectedUrl()).cookie(member))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Project list signed at the ministry")
        .contains("The event is recorded.")
        .contains("name=\"version\" value=\"0\"");
    String deadlines =
        mvc.perform(get("/charters/" + C + "/deadlines").cookie(member))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(deadlines).contains(recorded.getRedirectedUrl().replaceFirst("\\?.*$", ""));
  }

  @Test
  void aRefusedEventComesBackWithWhatWasTypedAndChangesNothing() throws Exception {
    long before = events();
    MockHttpServletResponse future =
        record(
            member,
            "kind",
            "meeting-held",
            "subject",
            GROUP,
            "occurredOn",
            "2031-01-01",
            "title",
            "A meeting to come",
            "note",
            "typed with care");
    assertThat(future.getStatus()).isEqualTo(400);
    assertThat(future.getContentAsString())
        .contains("is in the future")
        .contains("value=\"A meeting to come\"")
        .contains("typed with care")
        .contains("value=\"2031-01-01\"")
        .containsPattern("id=\"occurredOn\"[^>]*aria-invalid=\"true\"");
    MockHttpServletResponse notADate =
        record(member, "kind", "meeting-held", "subject", GROUP, "occurredOn", "yesterday");
    assertThat(notADate.getStatus()).isEqualTo(400);
    assertThat(notADate.getContentAsString()).contains("occurredOn must be a date");
    MockHttpServletResponse outsider =
        record(
            login("us.outsider"),
            "kind",
            "meeting-held",
            "subject",
            GROUP,
            "occurredOn",
            "2026-11-01");
    assertThat(outsider.getStatus()).isEqualTo(403);
    assertThat(outsider.getContentAsString()).contains("only members of " + GROUP);
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void aStaleCorrectionIsAConflictAndChangesNothing() throws Exception {
    String page =
        record(
                member,
                "kind",
                "meeting-held",
                "subject",
                GROUP,
                "occurredOn",
                "2026-11-01",
                "title",
                "Working meeting")
            .getRedirectedUrl()
            .replaceFirst("\\?.*$", "");
    MockHttpServletResponse first =
        mvc.perform(
                post(page)
                    .cookie(member)
                    .with(csrf())
                    .param("title", "Working meeting in Baku")
                    .param("occurredOn", "2026-11-01")
                    .param("classification", "bilateral")
                    .param("note", "")
                    .param("version", "0"))
            .andReturn()
            .getResponse();
    assertThat(first.getStatus()).isEqualTo(302);
    MockHttpServletResponse stale =
        mvc.perform(
                post(page)
                    .cookie(member)
                    .with(csrf())
                    .param("title", "Working meeting in Washington")
                    .param("occurredOn", "2026-11-01")
                    .param("classification", "bilateral")
                    .param("version", "0"))
            .andReturn()
            .getResponse();
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(stale.getContentAsString())
        .contains("Someone changed this event after you opened it")
        .contains("value=\"Working meeting in Washington\"");
    assertThat(mvc.perform(get(page).cookie(member)).andReturn().getResponse().getContentAsString())
        .contains("Working meeting in Baku")
        .doesNotContain("Working meeting in Washington");
  }
}
