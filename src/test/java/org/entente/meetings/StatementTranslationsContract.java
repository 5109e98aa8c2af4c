package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.Role;
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

/**
 * The translation workflow on joint statements: a translation goes out of date when the text it was
 * made from changes, a secretariat's queue lists what awaits a language as far as its reader may
 * see, the side-by-side editor saves against the statement's version (a stale one is a 409),
 * audited, and no version is approved while one of its texts is missing or out of date. Runs on H2
 * ({@link StatementTranslationsTest}) and PostgreSQL ({@link StatementTranslationsOnPostgresTest}).
 */
@CleanAfterEachTest
abstract class StatementTranslationsContract {

  static final String GROUP = "wg-connectivity-digital";
  static final String EN = "The working group agreed to extend the fibre link to Aktau.";
  static final String EN_EDITED =
      "The working group agreed to extend the fibre link to Aktau by 2027.";
  static final String AZ = "İşçi qrup fiber xəttini Aktauya qədər uzatmağa razılaşdı.";
  static final String AZ_EDITED =
      "İşçi qrup fiber xəttini 2027-ci ilədək Aktauya qədər uzatmağa razılaşdı.";
  static final LocalDate EDITED_ON = LocalDate.of(2026, 11, 24);

  /** The statements among the items of a queue (a meeting's own texts are listed beside them). */
  static final String STATEMENTS = "$.items[?(@.subject=='joint-statement')]";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    person("az.cochair", "AZ", Role.CO_CHAIR, true);
    person("us.cochair", "US", Role.CO_CHAIR, true);
    person("az.member", "AZ", Role.MEMBER, false);
  }

  private void person(String name, String party, Role role, boolean chair) {
    token.put(
        name,
        people
            .person(name)
            .party(party)
            .organization(party.equals("AZ") ? "Ministry of Digital Development" : "United States")
            .role(role)
            .memberOf(People.CHARTER, GROUP, chair)
            .create());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private String meeting(String title, String classification) throws Exception {
    MockHttpServletResponse scheduled =
        as(
            "az.member",
            post("/api/charters/az-us-2026/meetings")
                .content(
                    """
                    {"body":"working-group","bodyKey":"%s","title":"%s",
                     "startsAt":"2026-11-24T10:00","endsAt":"2026-11-24T12:00",
                     "timeZone":"Asia/Baku","place":"Baku","classification":"%s"}
                    """
                        .formatted(GROUP, title, classification)));
    assertThat(scheduled.getStatus()).as(scheduled.getContentAsString()).isEqualTo(201);
    return JsonPath.read(scheduled.getContentAsString(), "$.id");
  }

  private void draft(String meeting, String en, String az) throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("en", en);
    if (az != null) {
      texts.put("az", az);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", texts);
    body.put("publish", true);
    body.put("version", statementVersion(meeting));
    MockHttpServletResponse drafted =
        as(
            "az.member",
            put("/api/meetings/" + meeting + "/statement")
                .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(body)));
    assertThat(drafted.getStatus()).as(drafted.getContentAsString()).isEqualTo(200);
  }

  private Long statementVersion(String meeting) {
    return jdbc.sql("select version from joint_statement where meeting_id = ?")
        .param(UUID.fromString(meeting))
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  private String translation(String who, String meeting, String language) throws Exception {
    MockHttpServletResponse read =
        as(who, get("/api/translations/joint-statement/" + meeting + "/" + language));
    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    return read.getContentAsString();
  }

  private MockHttpServletResponse translate(String meeting, String text, long version)
      throws Exception {
    return as(
        "az.member",
        put("/api/translations/joint-statement/" + meeting + "/az")
            .content(
                new tools.jackson.databind.json.JsonMapper()
                    .writeValueAsString(Map.of("text", text, "version", version))));
  }

  /** The statement as stored, and the approvals of its agreement. */
  private String state(String meeting) {
    return jdbc.sql("select * from joint_statement where meeting_id = ?")
            .param(UUID.fromString(meeting))
            .query()
            .listOfRows()
        + " "
        + jdbc.sql(
                "select count(*) from agreement_approval p join agreement a on a.id ="
                    + " p.agreement_id where a.subject_key = ?")
            .param(meeting)
            .query(Long.class)
            .single();
  }

  private long events(String action, String meeting) {
    return jdbc.sql("select count(*) from audit_event where action = ? and record_id = ?")
        .params(action, meeting)
        .query(Long.class)
        .single();
  }

  @Test
  void editingTheEnglishTextPutsTheAzerbaijaniTranslationOutOfDateSinceThatDay() throws Exception {
    String meeting = meeting("Fibre link review", "bilateral");
    draft(meeting, EN, AZ);
    String current = translation("az.member", meeting, "az");
    assertThat((String) JsonPath.read(current, "$.status")).isEqualTo("current");
    assertThat((String) JsonPath.read(current, "$.sourceLanguage")).isEqualTo("en");

    clock.set(EDITED_ON);
    draft(meeting, EN_EDITED, AZ);

    String outOfDate = translation("az.member", meeting, "az");
    assertThat((String) JsonPath.read(outOfDate, "$.status")).isEqualTo("out-of-date");
    assertThat((String) JsonPath.read(outOfDate, "$.since")).startsWith("2026-11-24T10:00");
    assertThat((String) JsonPath.read(outOfDate, "$.sourceText")).isEqualTo(EN_EDITED);
    assertThat((String) JsonPath.read(outOfDate, "$.text")).isEqualTo(AZ);
    String read = as("az.member", get("/api/meetings/" + meeting)).getContentAsString();
    assertThat((List<String>) JsonPath.read(read, "$.statement.translations[*].status"))
        .containsExactly("out-of-date", "source");
    String page =
        mvc.perform(get("/meetings/" + meeting).cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .containsPattern(
            "id=\"translation-az\" class=\"translation-out-of-date\">\\s*Azərbaycanca: out of date"
                + " since the English text changed on <time datetime=\"2026-11-24T10:00:00Z\">24"
                + " November 2026</time>")
        .contains("href=\"/translations/joint-statement/" + meeting + "/az\"")
        .contains("become official together, when both co-chairs approve a version");
  }

  @Test
  void theQueueListsWhatAwaitsTheLanguageOnlyAsFarAsItsReaderMaySee() throws Exception {
    String shared = meeting("Fibre link review", "bilateral");
    draft(shared, EN, null);
    String internal = meeting("Azerbaijani caucus on fibre", "party-internal");
    draft(internal, EN, null);
    String translated = meeting("Cable landing review", "bilateral");
    draft(translated, EN, AZ);

    String az =
        as("az.member", get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(az, STATEMENTS + ".key"))
        .containsExactlyInAnyOrder(shared, internal);
    assertThat((List<String>) JsonPath.read(az, STATEMENTS + ".status")).containsOnly("missing");
    String us =
        as("us.cochair", get("/api/charters/az-us-2026/translations/az")).getContentAsString();
    assertThat((List<String>) JsonPath.read(us, STATEMENTS + ".key")).containsExactly(shared);
    assertThat(us).doesNotContain("caucus");
    String english =
        as("az.member", get("/api/charters/az-us-2026/translations/en")).getContentAsString();
    assertThat((List<String>) JsonPath.read(english, "$.items")).isEmpty();

    String usPage =
        mvc.perform(
                get("/charters/az-us-2026/workspace/translations/az")
                    .cookie(People.session(mvc, "us.cochair")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(usPage)
        .contains("href=\"/translations/joint-statement/" + shared + "/az\"")
        .doesNotContain("caucus")
        .doesNotContain(internal)
        // its statement is translated; its title, in English only, awaits Azerbaijani on its own
        .doesNotContain("/translations/joint-statement/" + translated + "/")
        .contains("/translations/meeting-title/" + translated + "/az");
    String azPage =
        mvc.perform(
                get("/charters/az-us-2026/workspace/translations/az")
                    .cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(azPage).contains("Azerbaijani caucus on fibre").contains("Fibre link review");
    String workspace =
        mvc.perform(
                get("/charters/az-us-2026/working-groups/" + GROUP + "/workspace")
                    .cookie(People.session(mvc, "az.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(workspace)
        .contains("href=\"/charters/az-us-2026/workspace/translations/az\"")
        .contains("href=\"/charters/az-us-2026/workspace/translations/en\"");
    assertThat(as(null, get("/api/charters/az-us-2026/translations/az")).getStatus())
        .isEqualTo(404);
    assertThat(
            as("us.cochair", get("/api/translations/joint-statement/" + internal + "/az"))
                .getStatus())
        .isEqualTo(404);
    assertThat(as("az.member", get("/api/charters/az-us-2026/translations/fr")).getStatus())
        .isEqualTo(400);
  }

  @Test
  void theEditorSavesATranslationAgainstTheVersionAndAStaleSaveIsA409ThatChangesNothing()
      throws Exception {
    String meeting = meeting("Fibre link review", "bilateral");
    draft(meeting, EN, null);
    long read = statementVersion(meeting);
    Cookie session = People.session(mvc, "az.member");
    String editor =
        mvc.perform(get("/translations/joint-statement/" + meeting + "/az").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(editor)
        .containsPattern("id=\"translation-source\"[^>]*lang=\"en\"[^>]*>" + EN + "<")
        .containsPattern("<textarea id=\"translation-text\" name=\"text\"[^>]*lang=\"az\"")
        .contains("<label for=\"translation-text\"")
        .contains("name=\"_csrf\"");

    MockHttpServletResponse saved =
        mvc.perform(
                post("/translations/joint-statement/" + meeting + "/az")
                    .param("text", AZ)
                    .param("version", String.valueOf(read))
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat((String) JsonPath.read(translation("az.member", meeting, "az"), "$.status"))
        .isEqualTo("current");
    assertThat(events("joint-statement.translated", meeting)).isEqualTo(1);
    String before = state(meeting);

    MockHttpServletResponse staleApi = translate(meeting, AZ_EDITED, read);
    assertThat(staleApi.getStatus()).isEqualTo(409);
    assertThat(staleApi.getContentType()).contains("application/problem+json");
    MockHttpServletResponse stalePage =
        mvc.perform(
                post("/translations/joint-statement/" + meeting + "/az")
                    .param("text", AZ_EDITED)
                    .param("version", String.valueOf(read))
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(stalePage.getStatus()).isEqualTo(409);
    assertThat(stalePage.getContentAsString())
        .contains("id=\"form-error\"")
        .contains(">" + AZ_EDITED + "</textarea>");
    assertThat(state(meeting)).isEqualTo(before);
    assertThat(events("joint-statement.translated", meeting)).isEqualTo(1);
  }

  @Test
  void noVersionIsApprovedWhileATranslationIsOutOfDateOrMissing() throws Exception {
    String meeting = meeting("Fibre link review", "bilateral");
    draft(meeting, EN, AZ);
    assertThat(as("az.member", post("/api/meetings/" + meeting + "/statement/submit")).getStatus())
        .isEqualTo(200);
    draft(meeting, EN_EDITED, AZ);
    String before = state(meeting);

    MockHttpServletResponse submitted =
        as("az.member", post("/api/meetings/" + meeting + "/statement/submit"));
    assertThat(submitted.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(submitted.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("text.az");
    MockHttpServletResponse outOfDate =
        as(
            "az.cochair",
            post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":1}"));
    assertThat(outOfDate.getStatus()).isEqualTo(409);
    assertThat(outOfDate.getContentAsString()).contains("out of date (az)");
    assertThat(state(meeting)).isEqualTo(before);

    draft(meeting, EN_EDITED, "");
    MockHttpServletResponse missing =
        as(
            "az.cochair",
            post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":1}"));
    assertThat(missing.getStatus()).isEqualTo(409);
    assertThat(missing.getContentAsString()).contains("missing (az)");

    assertThat(translate(meeting, AZ_EDITED, statementVersion(meeting)).getStatus()).isEqualTo(200);
    assertThat(as("az.member", post("/api/meetings/" + meeting + "/statement/submit")).getStatus())
        .isEqualTo(200);
    for (String chair : List.of("az.cochair", "us.cochair")) {
      MockHttpServletResponse approved =
          as(
              chair,
              post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":2}"));
      assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
    }
    String published =
        as(null, get("/api/meetings/" + meeting + "/statement")).getContentAsString();
    assertThat((String) JsonPath.read(published, "$.text.az")).isEqualTo(AZ_EDITED);
    assertThat((String) JsonPath.read(published, "$.text.en")).isEqualTo(EN_EDITED);
  }

  @Test
  void theEditorMakesTheSameChangeAsTheApiWithTheSameAuditEvent() throws Exception {
    String throughApi = meeting("Fibre link review", "bilateral");
    String throughForm = meeting("Fibre link review", "bilateral");
    draft(throughApi, EN, null);
    draft(throughForm, EN, null);

    MockHttpServletResponse byApi = translate(throughApi, AZ, statementVersion(throughApi));
    assertThat(byApi.getStatus()).as(byApi.getContentAsString()).isEqualTo(200);
    MockHttpServletResponse byForm =
        mvc.perform(
                post("/translations/joint-statement/" + throughForm + "/az")
                    .param("text", AZ)
                    .param("version", String.valueOf(statementVersion(throughForm)))
                    .cookie(People.session(mvc, "az.member"))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(byForm.getStatus()).as(byForm.getContentAsString()).isEqualTo(302);

    assertThat(stored(throughForm)).isEqualTo(stored(throughApi)).contains(AZ);
    assertThat(translation("az.member", throughForm, "az").replace(throughForm, "<id>"))
        .isEqualTo(translation("az.member", throughApi, "az").replace(throughApi, "<id>"))
        .contains("\"status\":\"current\"");
    assertThat(event(throughForm)).isEqualTo(event(throughApi)).isNotEmpty();
  }

  /** What the statement of a meeting holds, without what differs by construction. */
  private String stored(String meeting) {
    return jdbc.sql("select text, version, publish from joint_statement where meeting_id = ?")
        .param(UUID.fromString(meeting))
        .query()
        .listOfRows()
        .toString();
  }

  /** The translation's audit event: who, what and its details, the meeting's id left out. */
  private List<String> event(String meeting) {
    return jdbc.sql(
            "select actor, record_type, details from audit_event where action ="
                + " 'joint-statement.translated' and record_id = ?")
        .param(meeting)
        .query(
            (rs, n) ->
                rs.getString(1)
                    + " "
                    + rs.getString(2)
                    + " "
                    + String.valueOf(rs.getString(3)).replace(meeting, "<id>"))
        .list();
  }
}
