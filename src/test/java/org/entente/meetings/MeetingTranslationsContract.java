package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.MutableClock;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A meeting's texts in the translation workflow (decision 0037): its title, minutes, agenda items,
 * decisions and action items. A translation goes out of date when its English source is edited
 * (through PATCH, and through the minutes' form), the per-language queue lists only the meetings
 * its reader may see, a translation saved against a stale version is a 409 and changes nothing, bad
 * input is a 400 and changes nothing, a saved one is audited. Runs on H2 ({@link
 * MeetingTranslationsTest}) and PostgreSQL ({@link MeetingTranslationsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class MeetingTranslationsContract {

  static final String GROUP = "wg-connectivity-digital";
  static final String EN = "Fibre link review";
  static final String EN_EDITED = "Fibre link review and the Kuryk branch";
  static final String AZ = "Fiber xəttinin nəzərdən keçirilməsi";
  static final LocalDate EDITED_ON = LocalDate.of(2026, 11, 24);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  String az;
  String us;

  @BeforeEach
  void members() {
    az = people.person("az.member").party("AZ").memberOf(People.CHARTER, GROUP).create();
    us = people.person("us.member").party("US").memberOf(People.CHARTER, GROUP).create();
  }

  private MockHttpServletResponse as(String token, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private String meeting(String token, String title, String classification) throws Exception {
    MockHttpServletResponse scheduled =
        as(
            token,
            post("/api/charters/az-us-2026/meetings")
                .content(
                    """
                    {"body":"working-group","bodyKey":"%s","title":%s,
                     "startsAt":"2026-11-20T10:00","endsAt":"2026-11-20T12:00",
                     "timeZone":"Asia/Baku","place":"Baku","classification":"%s"}
                    """
                        .formatted(GROUP, title, classification)));
    assertThat(scheduled.getStatus()).as(scheduled.getContentAsString()).isEqualTo(201);
    return JsonPath.read(scheduled.getContentAsString(), "$.id");
  }

  private long version(String meeting) {
    return jdbc.sql("select version from meeting where id = ?")
        .param(UUID.fromString(meeting))
        .query(Long.class)
        .single();
  }

  private String text(String token, String subject, String key, String language) throws Exception {
    MockHttpServletResponse read =
        as(token, get("/api/translations/" + subject + "/" + key + "/" + language));
    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    return read.getContentAsString();
  }

  private String status(String subject, String key) throws Exception {
    return JsonPath.read(text(az, subject, key, "az"), "$.status");
  }

  private MockHttpServletResponse save(String subject, String key, String text, Long version)
      throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("text", text);
    body.put("version", version);
    return as(
        az,
        put("/api/translations/" + subject + "/" + key + "/az")
            .content(JSON.writeValueAsString(body)));
  }

  private String page(String meeting) throws Exception {
    return mvc.perform(get("/meetings/" + meeting).cookie(People.session(mvc, "az.member")))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long events(String action, String record) {
    return jdbc.sql("select count(*) from audit_event where action = ? and record_id = ?")
        .params(action, record)
        .query(Long.class)
        .single();
  }

  /** The meeting's rows and its items' as stored: what a refused save must leave as it was. */
  private String stored(String meeting) {
    UUID id = UUID.fromString(meeting);
    return jdbc.sql("select * from meeting where id = ?").param(id).query().listOfRows()
        + " "
        + jdbc.sql("select * from agenda_item where meeting_id = ?").param(id).query().listOfRows()
        + jdbc.sql("select * from meeting_decision where meeting_id = ?")
            .param(id)
            .query()
            .listOfRows()
        + jdbc.sql("select * from action_item where meeting_id = ?").param(id).query().listOfRows();
  }

  @Test
  void editingTheEnglishTitleThroughPatchPutsTheAzerbaijaniTitleOutOfDateSinceThatDay()
      throws Exception {
    String id = meeting(us, "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(EN, AZ), "bilateral");
    assertThat(status("meeting-title", id)).isEqualTo("current");

    clock.set(EDITED_ON);
    MockHttpServletResponse patched =
        as(
            us,
            patch("/api/meetings/" + id)
                .content(
                    "{\"title\":{\"en\":\"%s\"},\"version\":%d}"
                        .formatted(EN_EDITED, version(id))));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);

    String outOfDate = text(az, "meeting-title", id, "az");
    assertThat((String) JsonPath.read(outOfDate, "$.status")).isEqualTo("out-of-date");
    assertThat((String) JsonPath.read(outOfDate, "$.since")).startsWith("2026-11-24");
    assertThat((String) JsonPath.read(outOfDate, "$.sourceText")).isEqualTo(EN_EDITED);
    assertThat((String) JsonPath.read(outOfDate, "$.text")).isEqualTo(AZ);
    assertThat(page(id))
        .containsPattern(
            "id=\"translation-meeting-title-az\" class=\"translation-out-of-date\">\\s*"
                + "Azərbaycanca: out of date since the English text changed on")
        .contains("href=\"/translations/meeting-title/" + id + "/az\"")
        .contains("stays a working translation");
    String editor =
        mvc.perform(
                get("/translations/meeting-title/" + id + "/az")
                    .cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(editor)
        .contains(EN_EDITED)
        .contains(AZ)
        .contains("Meeting title")
        .contains("stays a working translation");
  }

  @Test
  void editingTheEnglishMinutesThroughTheFormPutsTheirAzerbaijaniTranslationOutOfDate()
      throws Exception {
    String id = meeting(us, "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    jakarta.servlet.http.Cookie session = People.session(mvc, "us.member");
    MockHttpServletResponse written =
        mvc.perform(
                post("/meetings/" + id + "/minutes")
                    .cookie(session)
                    .with(csrf())
                    .param("version", String.valueOf(version(id)))
                    .param("minutes.en", "<p>The link was reviewed.</p>")
                    .param("minutes.az", "<p>Xətt nəzərdən keçirildi.</p>"))
            .andReturn()
            .getResponse();
    assertThat(written.getStatus()).as(written.getContentAsString()).isEqualTo(302);
    assertThat(status("meeting-minutes", id)).isEqualTo("current");

    clock.set(EDITED_ON);
    MockHttpServletResponse edited =
        mvc.perform(
                post("/meetings/" + id + "/minutes")
                    .cookie(session)
                    .with(csrf())
                    .param("version", String.valueOf(version(id)))
                    .param("minutes.en", "<p>The link and its branch were reviewed.</p>")
                    .param("minutes.az", "<p>Xətt nəzərdən keçirildi.</p>"))
            .andReturn()
            .getResponse();
    assertThat(edited.getStatus()).as(edited.getContentAsString()).isEqualTo(302);

    assertThat(status("meeting-minutes", id)).isEqualTo("out-of-date");
    assertThat(status("meeting-title", id)).isEqualTo("missing");
    assertThat(page(id))
        .contains("id=\"translation-meeting-minutes-az\" class=\"translation-out-of-date\"");
  }

  @Test
  void anAgendaItemADecisionAndAnActionItemAreEachTranslatedOnTheirOwn() throws Exception {
    String id = meeting(us, "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    as(us, post("/api/meetings/" + id + "/agenda-items").content("{\"title\":\"Routes\"}"));
    as(us, post("/api/meetings/" + id + "/agenda-items").content("{\"title\":\"Costs\"}"));
    as(us, post("/api/meetings/" + id + "/decisions").content("{\"text\":\"Survey the route.\"}"));
    MockHttpServletResponse action =
        as(
            us,
            post("/api/meetings/" + id + "/action-items")
                .content(
                    "{\"title\":\"Send the survey\",\"ownerUsername\":\"us.member\","
                        + "\"dueOn\":\"2026-12-20\"}"));
    assertThat(action.getStatus()).as(action.getContentAsString()).isEqualTo(201);
    String actionItem = JsonPath.read(action.getContentAsString(), "$.id");
    List<String> agenda =
        JsonPath.read(as(az, get("/api/meetings/" + id)).getContentAsString(), "$.agenda[*].id");
    String decision =
        JsonPath.read(as(az, get("/api/meetings/" + id)).getContentAsString(), "$.decisions[0].id");

    String queue = as(az, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat(
            (List<String>) JsonPath.read(queue, "$.items[?(@.subject=='meeting-agenda-item')].key"))
        .containsAll(agenda);
    assertThat((List<String>) JsonPath.read(queue, "$.items[?(@.subject=='meeting-decision')].key"))
        .contains(decision);
    assertThat(
            (List<String>) JsonPath.read(queue, "$.items[?(@.subject=='meeting-action-item')].key"))
        .contains(actionItem);
    assertThat((List<String>) JsonPath.read(queue, "$.items[?(@.subject=='meeting-minutes')].key"))
        .as("minutes not written yet await nothing")
        .doesNotContain(id);

    long read = version(id);
    MockHttpServletResponse saved = save("meeting-agenda-item", agenda.get(0), "Marşrutlar", read);
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
    assertThat(version(id))
        .as("an agenda item is saved against its meeting's version")
        .isEqualTo(read + 1);
    assertThat(status("meeting-agenda-item", agenda.get(0))).isEqualTo("current");
    assertThat(status("meeting-agenda-item", agenda.get(1))).isEqualTo("missing");
    assertThat(save("meeting-decision", decision, "Marşrutu tədqiq etmək.", read + 1).getStatus())
        .isEqualTo(200);
    long itemVersion =
        JsonPath.<Integer>read(text(az, "meeting-action-item", actionItem, "az"), "$.version");
    assertThat(
            save("meeting-action-item", actionItem, "Tədqiqatı göndərmək", itemVersion).getStatus())
        .isEqualTo(200);
    String item = as(az, get("/api/action-items/" + actionItem)).getContentAsString();
    assertThat((String) JsonPath.read(item, "$.title.az")).isEqualTo("Tədqiqatı göndərmək");
    assertThat((String) JsonPath.read(item, "$.title.en")).isEqualTo("Send the survey");
    assertThat(events("meeting.translated", id)).isEqualTo(2);
    assertThat(events("action-item.translated", actionItem)).isEqualTo(1);

    String page = page(id);
    assertThat(page)
        .contains(
            "id=\"translation-meeting-agenda-item-"
                + agenda.get(0)
                + "-az\" class=\"translation-current\"")
        .contains(
            "id=\"translation-meeting-agenda-item-"
                + agenda.get(1)
                + "-az\" class=\"translation-missing\"")
        .contains(
            "id=\"translation-meeting-decision-" + decision + "-az\" class=\"translation-current\"")
        .contains(
            "id=\"translation-meeting-action-item-"
                + actionItem
                + "-az\" class=\"translation-current\"");
  }

  @Test
  void theQueueListsTheMeetingsAwaitingTheLanguageOnlyAsFarAsItsReaderMaySee() throws Exception {
    String shared = meeting(us, "{\"en\":\"Shared fibre review\"}", "bilateral");
    String internal = meeting(us, "{\"en\":\"US fibre caucus\"}", "party-internal");
    as(us, post("/api/meetings/" + internal + "/decisions").content("{\"text\":\"US position.\"}"));

    String forAz = as(az, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forAz, "$.items[?(@.subject=='meeting-title')].key"))
        .contains(shared)
        .doesNotContain(internal);
    assertThat(forAz).doesNotContain("US fibre caucus").doesNotContain("US position");
    assertThat(as(az, get("/api/translations/meeting-title/" + internal + "/az")).getStatus())
        .isEqualTo(404);
    String decision =
        JsonPath.read(
            as(us, get("/api/meetings/" + internal)).getContentAsString(), "$.decisions[0].id");
    assertThat(as(az, get("/api/translations/meeting-decision/" + decision + "/az")).getStatus())
        .isEqualTo(404);
    assertThat(save("meeting-decision", decision, "Mövqe", version(internal)).getStatus())
        .isEqualTo(404);

    String forUs = as(us, get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(forUs, "$.items[?(@.subject=='meeting-title')].key"))
        .contains(shared, internal);
    assertThat((List<String>) JsonPath.read(forUs, "$.items[?(@.subject=='meeting-decision')].key"))
        .contains(decision);
  }

  @Test
  void aTranslationSavedAgainstAStaleVersionIsAConflictAndChangesNothing() throws Exception {
    String id = meeting(us, "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    as(us, post("/api/meetings/" + id + "/decisions").content("{\"text\":\"Survey the route.\"}"));
    String decision =
        JsonPath.read(as(az, get("/api/meetings/" + id)).getContentAsString(), "$.decisions[0].id");
    long read = version(id);
    MockHttpServletResponse patched =
        as(
            us,
            patch("/api/meetings/" + id)
                .content("{\"title\":{\"en\":\"%s\"},\"version\":%d}".formatted(EN_EDITED, read)));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);
    String before = stored(id);

    MockHttpServletResponse stale = save("meeting-title", id, AZ, read);
    MockHttpServletResponse staleDecision =
        save("meeting-decision", decision, "Marşrutu tədqiq etmək.", read);

    assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
    assertThat(staleDecision.getStatus()).as(staleDecision.getContentAsString()).isEqualTo(409);
    assertThat(stored(id)).isEqualTo(before);
    assertThat(status("meeting-title", id)).isEqualTo("missing");
    assertThat(events("meeting.translated", id)).isZero();
  }

  @Test
  void badInputIsABadRequestAndChangesNothing() throws Exception {
    String id = meeting(us, "{\"en\":\"%s\"}".formatted(EN), "bilateral");
    MockHttpServletResponse minutes =
        as(
            us,
            patch("/api/meetings/" + id)
                .content(
                    "{\"minutes\":{\"en\":\"<p>Reviewed.</p>\"},\"version\":%d}"
                        .formatted(version(id))));
    assertThat(minutes.getStatus()).as(minutes.getContentAsString()).isEqualTo(200);
    long read = version(id);
    String before = stored(id);

    Map<String, MockHttpServletResponse> refused = new java.util.LinkedHashMap<>();
    refused.put("text", save("meeting-title", id, " ", read));
    refused.put("version", save("meeting-title", id, AZ, null));
    refused.put("text ", save("meeting-title", id, "x".repeat(301), read));
    refused.put("text  ", save("meeting-minutes", id, "<script>alert(1)</script>", read));
    MockHttpServletResponse source =
        as(
            az,
            put("/api/translations/meeting-title/" + id + "/en")
                .content("{\"text\":\"x\",\"version\":%d}".formatted(read)));
    refused.put("language", source);
    MockHttpServletResponse other =
        as(
            az,
            put("/api/translations/meeting-title/" + id + "/fr")
                .content("{\"text\":\"x\",\"version\":%d}".formatted(read)));
    refused.put("language ", other);

    refused.forEach(
        (field, response) -> {
          try {
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
            assertThat((String) JsonPath.read(response.getContentAsString(), "$.errors[0].field"))
                .isEqualTo(field.strip());
          } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(stored(id)).isEqualTo(before);
    assertThat(events("meeting.translated", id)).isZero();
  }
}
