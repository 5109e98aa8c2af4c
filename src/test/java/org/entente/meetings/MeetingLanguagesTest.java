package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 19, item 2 for meetings: a meeting's title and minutes, its agenda items, decisions and
 * action items are written in the languages of its charter, through the API (an object per text, or
 * still a plain string) and the pages (a field per language); a language outside the charter is
 * refused naming the field; the meeting's page shows each text in the reader's language, or in its
 * source language marked as such.
 */
@EntenteTest
@CleanAfterEachTest
class MeetingLanguagesTest {

  static final String GROUP = "wg-connectivity-digital";
  static final String TITLE_EN = "Fibre link review";
  static final String TITLE_AZ = "Fiber xəttinin icmalı";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;

  String azToken;

  @BeforeEach
  void member() {
    azToken =
        people
            .person("az.member")
            .party("AZ")
            .organization("Ministry of Digital Development")
            .memberOf(People.CHARTER, GROUP)
            .create();
  }

  private MockHttpServletResponse api(String token, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse schedule(
      String token, String charter, String group, String titleJson) throws Exception {
    return api(
        token,
        post("/api/charters/" + charter + "/meetings")
            .content(
                """
                {"body":"working-group","bodyKey":"%s","title":%s,
                 "startsAt":"2026-11-24T10:00","endsAt":"2026-11-24T12:00",
                 "timeZone":"Asia/Baku","place":"Baku"}
                """
                    .formatted(group, titleJson)));
  }

  private String scheduled(String token, String charter, String group, String titleJson)
      throws Exception {
    MockHttpServletResponse created = schedule(token, charter, group, titleJson);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return JsonPath.read(created.getContentAsString(), "$.id");
  }

  private MockHttpServletResponse add(String meeting, String what, String json) throws Exception {
    return api(azToken, post("/api/meetings/" + meeting + "/" + what).content(json));
  }

  private long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static String field(MockHttpServletResponse refused) throws Exception {
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
    assertThat(refused.getContentType()).contains("application/problem+json");
    return JsonPath.read(refused.getContentAsString(), "$.errors[0].field");
  }

  private Document page(String path, Cookie session) throws Exception {
    return Jsoup.parse(
        mvc.perform(get(path).cookie(session)).andReturn().getResponse().getContentAsString());
  }

  @Test
  void theApiTakesEachTextInTheLanguagesOfTheCharterAndAnswersWithThemAll() throws Exception {
    String meeting =
        scheduled(
            azToken,
            People.CHARTER,
            GROUP,
            "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(TITLE_EN, TITLE_AZ));
    assertThat(add(meeting, "agenda-items", "{\"title\":{\"en\":\"Route\",\"az\":\"Marşrut\"}}"))
        .extracting(MockHttpServletResponse::getStatus)
        .isEqualTo(200);
    assertThat(add(meeting, "decisions", "{\"text\":{\"en\":\"Extend it.\",\"az\":\"Uzadın.\"}}"))
        .extracting(MockHttpServletResponse::getStatus)
        .isEqualTo(200);
    assertThat(
            add(
                    meeting,
                    "action-items",
                    """
                    {"title":{"en":"Draft the tender","az":"Tenderi hazırlayın"},
                     "ownerOrganization":"Ministry of Digital Development","dueOn":"2027-03-31"}
                    """)
                .getStatus())
        .isEqualTo(201);
    MockHttpServletResponse minutes =
        api(
            azToken,
            patch("/api/meetings/" + meeting)
                .content(
                    "{\"version\":0,\"minutes\":{\"en\":\"<p>Opened.</p>\",\"az\":\"<p>Açıldı.</p>\"}}"));
    assertThat(minutes.getStatus()).as(minutes.getContentAsString()).isEqualTo(200);

    String read = api(azToken, get("/api/meetings/" + meeting)).getContentAsString();
    assertThat((Map<String, String>) JsonPath.read(read, "$.title"))
        .isEqualTo(Map.of("en", TITLE_EN, "az", TITLE_AZ));
    assertThat((String) JsonPath.read(read, "$.agenda[0].title.az")).isEqualTo("Marşrut");
    assertThat((String) JsonPath.read(read, "$.decisions[0].text.az")).isEqualTo("Uzadın.");
    assertThat((String) JsonPath.read(read, "$.actionItems[0].title.az"))
        .isEqualTo("Tenderi hazırlayın");
    assertThat((String) JsonPath.read(read, "$.actionItems[0].meetingTitle.az"))
        .isEqualTo(TITLE_AZ);
    assertThat((String) JsonPath.read(read, "$.minutes.az")).isEqualTo("<p>Açıldı.</p>");
    assertThat((String) JsonPath.read(read, "$.minutes.en")).isEqualTo("<p>Opened.</p>");
  }

  @Test
  void aPlainStringIsStillTheTextInTheChartersTextLanguage() throws Exception {
    String meeting = scheduled(azToken, People.CHARTER, GROUP, "\"" + TITLE_EN + "\"");
    assertThat(add(meeting, "decisions", "{\"text\":\"Extend it.\"}").getStatus()).isEqualTo(200);

    String read = api(azToken, get("/api/meetings/" + meeting)).getContentAsString();
    assertThat((Map<String, String>) JsonPath.read(read, "$.title"))
        .isEqualTo(Map.of("en", TITLE_EN));
    assertThat((Map<String, String>) JsonPath.read(read, "$.decisions[0].text"))
        .isEqualTo(Map.of("en", "Extend it."));
    assertThat(
            jdbc.sql("select title from meeting where cast(id as varchar(36)) = ?")
                .param(meeting)
                .query(String.class)
                .single())
        .isEqualTo("{\"en\":\"" + TITLE_EN + "\"}");
  }

  @Test
  void aTextInALanguageOutsideTheCharterOrWithoutItsSourceIsRefusedAndChangesNothing()
      throws Exception {
    long meetings = rows("meeting");
    assertThat(
            field(
                schedule(
                    azToken,
                    People.CHARTER,
                    GROUP,
                    "{\"en\":\"%s\",\"uk\":\"Огляд\"}".formatted(TITLE_EN))))
        .isEqualTo("title.uk");
    assertThat(field(schedule(azToken, People.CHARTER, GROUP, "{\"az\":\"" + TITLE_AZ + "\"}")))
        .isEqualTo("title.en");
    assertThat(rows("meeting")).isEqualTo(meetings);

    String meeting = scheduled(azToken, People.CHARTER, GROUP, "\"" + TITLE_EN + "\"");
    long decisions = rows("meeting_decision");
    long agenda = rows("agenda_item");
    long actions = rows("action_item");
    assertThat(field(add(meeting, "decisions", "{\"text\":{\"en\":\"Yes.\",\"fr\":\"Oui.\"}}")))
        .isEqualTo("text.fr");
    assertThat(field(add(meeting, "agenda-items", "{\"title\":{\"uk\":\"Маршрут\"}}")))
        .isEqualTo("title.uk");
    assertThat(
            field(
                add(
                    meeting,
                    "action-items",
                    "{\"title\":{\"de\":\"Entwurf\"},\"ownerOrganization\":\"Ministry of"
                        + " Digital Development\",\"dueOn\":\"2027-03-31\"}")))
        .isEqualTo("title.de");
    assertThat(
            field(
                api(
                    azToken,
                    patch("/api/meetings/" + meeting)
                        .content("{\"version\":0,\"minutes\":{\"ru\":\"<p>Да</p>\"}}"))))
        .isEqualTo("minutes.ru");
    assertThat(rows("meeting_decision")).isEqualTo(decisions);
    assertThat(rows("agenda_item")).isEqualTo(agenda);
    assertThat(rows("action_item")).isEqualTo(actions);
    assertThat(
            jdbc.sql("select minutes from meeting where cast(id as varchar(36)) = ?")
                .param(meeting)
                .query(String.class)
                .optional())
        .isEmpty();
  }

  @Test
  void aThirdLanguageOfItsCharterIsAcceptedAndShownOnThePageInThatLanguage() throws Exception {
    Definitions.LoadResult loaded =
        definitions.load(
            "english-ukrainian.yaml",
            DefinitionFixtures.resource("/definitions/english-ukrainian.yaml"));
    assertThat(loaded.loaded()).as(loaded.problems().toString()).isTrue();
    String ukToken =
        people.person("ta.member").party("TA").memberOf("en-uk-test", "bridges-group").create();
    String meeting =
        scheduled(
            ukToken,
            "en-uk-test",
            "bridges-group",
            "{\"en\":\"Bridge council\",\"uk\":\"Рада мостів\"}");
    assertThat(
            api(
                    ukToken,
                    post("/api/meetings/" + meeting + "/decisions")
                        .content("{\"text\":{\"en\":\"Build it.\"}}"))
                .getStatus())
        .isEqualTo(200);

    Document uk = page("/meetings/" + meeting + "?lang=uk", People.session(mvc, "ta.member"));
    Element title = uk.selectFirst("h1 span[lang]");
    assertThat(title.attr("lang")).isEqualTo("uk");
    assertThat(title.text()).isEqualTo("Рада мостів");
    Element decision = uk.selectFirst("section[aria-labelledby=decisions-heading] li span[lang]");
    assertThat(decision.attr("lang")).isEqualTo("en");
    assertThat(decision.text()).isEqualTo("Build it.");
    assertThat(decision.parent().select(".fallback")).isNotEmpty();
    assertThat(uk.getElementById("decision-text-uk").attr("name")).isEqualTo("text.uk");
    assertThat(uk.getElementById("decision-text-uk").attr("lang")).isEqualTo("uk");
    assertThat(uk.selectFirst("label[for=agenda-title-uk]").text())
        .isEqualTo("Title (Українська) (optional)");
    assertThat(uk.getElementById("agenda-title-en").hasAttr("required")).isTrue();
    assertThat(uk.getElementById("agenda-title-az")).isNull();
  }

  @Test
  void theMeetingPageShowsEachTextInTheReadersLanguageOrMarksItsSourceLanguage() throws Exception {
    String meeting =
        scheduled(
            azToken,
            People.CHARTER,
            GROUP,
            "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(TITLE_EN, TITLE_AZ));
    add(meeting, "agenda-items", "{\"title\":\"Route\"}");
    Cookie session = People.session(mvc, "az.member");

    Document az = page("/meetings/" + meeting + "?lang=az", session);
    Element title = az.selectFirst("h1 span[lang]");
    assertThat(title.text()).isEqualTo(TITLE_AZ);
    assertThat(title.attr("lang")).isEqualTo("az-Latn");
    assertThat(az.selectFirst("h1").select(".fallback")).isEmpty();
    Element agenda = az.selectFirst("ol.agenda li span[lang]");
    assertThat(agenda.text()).isEqualTo("Route");
    assertThat(agenda.attr("lang")).isEqualTo("en");
    assertThat(agenda.parent().selectFirst(".fallback").text()).isEqualTo("(ingiliscə)");
    assertThat(az.selectFirst("label[for=agenda-title-az]").text())
        .isEqualTo("Başlıq (Azərbaycanca) (istəyə bağlı)");

    Document en = page("/meetings/" + meeting, session);
    assertThat(en.selectFirst("h1 span[lang]").text()).isEqualTo(TITLE_EN);
    assertThat(en.select("h1 .fallback")).isEmpty();
  }

  @Test
  void thePageFormsTakeATextPerLanguageAndShowWhatWasTypedWhenRefused() throws Exception {
    Cookie session = People.session(mvc, "az.member");
    MockHttpServletResponse made =
        mvc.perform(
                post("/charters/" + People.CHARTER + "/meetings")
                    .cookie(session)
                    .with(csrf())
                    .param("body", "working-group:" + GROUP)
                    .param("title.en", TITLE_EN)
                    .param("title.az", TITLE_AZ)
                    .param("startsAt", "2026-11-24T10:00")
                    .param("endsAt", "2026-11-24T12:00")
                    .param("timeZone", "Asia/Baku"))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
    String meeting = made.getRedirectedUrl().substring("/meetings/".length());
    String read = api(azToken, get("/api/meetings/" + meeting)).getContentAsString();
    assertThat((Map<String, String>) JsonPath.read(read, "$.title"))
        .isEqualTo(Map.of("en", TITLE_EN, "az", TITLE_AZ));

    long decisions = rows("meeting_decision");
    MockHttpServletResponse refused =
        mvc.perform(
                post("/meetings/" + meeting + "/decisions")
                    .cookie(session)
                    .with(csrf())
                    .param("text.en", "")
                    .param("text.az", "Yalnız azərbaycanca"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    Document form = Jsoup.parse(refused.getContentAsString());
    assertThat(form.getElementById("decision-text-az").text()).isEqualTo("Yalnız azərbaycanca");
    assertThat(form.getElementById("decision-text-en").attr("aria-invalid")).isEqualTo("true");
    assertThat(rows("meeting_decision")).isEqualTo(decisions);

    MockHttpServletResponse minutes =
        mvc.perform(
                post("/meetings/" + meeting + "/minutes")
                    .cookie(session)
                    .with(csrf())
                    .param("version", "0")
                    .param("minutes.en", "<p>Opened.</p>")
                    .param("minutes.az", "<p>Açıldı.</p>"))
            .andReturn()
            .getResponse();
    assertThat(minutes.getStatus()).as(minutes.getContentAsString()).isEqualTo(302);
    Document az = page("/meetings/" + meeting + "?lang=az", session);
    Element shown = az.selectFirst("div.minutes");
    assertThat(shown.attr("lang")).isEqualTo("az-Latn");
    assertThat(shown.html()).isEqualTo("<p>Açıldı.</p>");
    assertThat(az.getElementById("minutes-en").text()).isEqualTo("<p>Opened.</p>");
    assertThat(List.of(az.getElementById("minutes-az").attr("lang"))).containsExactly("az-Latn");
  }

  @Test
  void aMeetingIsFoundByItsTitleInEitherLanguage() throws Exception {
    scheduled(
        azToken,
        People.CHARTER,
        GROUP,
        "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(TITLE_EN, TITLE_AZ));
    for (String q : List.of("icmalı", "review")) {
      String found =
          api(azToken, get("/api/charters/" + People.CHARTER + "/search?type=meeting&q=" + q))
              .getContentAsString();
      assertThat((List<String>) JsonPath.read(found, "$.items[*].title"))
          .as("searching %s", q)
          .containsExactly(TITLE_EN);
    }
  }

  @Test
  void theAnnualReportInAzerbaijaniShowsTheMeetingAndItsDecisionInAzerbaijani() throws Exception {
    String meeting =
        scheduled(
            azToken,
            People.CHARTER,
            GROUP,
            "{\"en\":\"%s\",\"az\":\"%s\"}".formatted(TITLE_EN, TITLE_AZ));
    assertThat(
            add(meeting, "decisions", "{\"text\":{\"en\":\"Extend it.\",\"az\":\"Uzadın.\"}}")
                .getStatus())
        .isEqualTo(200);
    assertThat(
            api(
                    azToken,
                    patch("/api/meetings/" + meeting)
                        .content("{\"version\":0,\"status\":\"held\"}"))
                .getStatus())
        .isEqualTo(200);

    Document az =
        page(
            "/charters/" + People.CHARTER + "/report?year=2026&lang=az",
            People.session(mvc, "az.member"));
    assertThat(az.select("ol.report-decisions li").text()).contains(TITLE_AZ).contains("Uzadın.");
    assertThat(az.selectFirst("ol.report-decisions li span[lang]").attr("lang")).isEqualTo("az");
    assertThat(az.text()).doesNotContain(TITLE_EN).doesNotContain("Extend it.");
  }
}
