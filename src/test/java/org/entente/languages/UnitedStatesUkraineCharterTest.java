package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.Role;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.Meetings;
import org.entente.opendata.OpenData;
import org.entente.projects.ProjectInput;
import org.entente.projects.Projects;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 19, "done when" #1: a second real charter, the United States–Ukraine Charter on Strategic
 * Partnership of 2008 in English and Ukrainian ({@code src/test/resources/definitions/
 * us-ukraine-2008.yaml}), loads, and every page (public and signed in, walked by their links as
 * {@link EnglishOnAzerbaijaniPagesTest} walks the default charter's), the report (HTML and PDF),
 * the calendar feeds and the exports work in each of its languages. In Ukrainian the content is
 * Ukrainian, tagged {@code lang="uk"}, and the interface is English (there is no Ukrainian bundle),
 * said so on every page, with {@code <html lang="en">}.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitedStatesUkraineCharterTest {

  static final String CHARTER = "us-ua-2008";
  static final String UKRAINIAN = "Українська";
  static final String NOT_TRANSLATED =
      "This interface is not translated into " + UKRAINIAN + " yet; its labels are in English.";

  /** Texts of the definition that pages show, in English and in the working translation. */
  static final Map<String, String> TEXTS =
      Map.of(
          "United States–Ukraine Charter on Strategic Partnership",
          "Хартія Україна – США про стратегічне партнерство",
          "Working Group on Economy, Trade and Energy",
          "Робоча група з питань економіки, торгівлі та енергетики",
          "Working Group on Defense and Security",
          "Робоча група з питань оборони та безпеки",
          "Democracy and the rule of law",
          "Демократія і верховенство права",
          "Modernizing the gas transit system",
          "Модернізація газотранспортної системи",
          "Meeting of the Strategic Partnership Commission, at least annually",
          "Засідання Комісії стратегічного партнерства, щонайменше раз на рік");

  static final String MEETING = "Gas transit: first session of the group";

  static final String ENGLISH_PROJECT =
      "Unified gas metering at the border of Ukraine: a thorough review";
  static final String UKRAINIAN_PROJECT =
      "Єдиний облік газу на кордоні України: ґрунтовна перевірка";

  /** The letters of Ukrainian that neither English nor Russian share with it. */
  static final List<String> UKRAINIAN_LETTERS = List.of("і", "ї", "Є", "ґ");

  /** Ligatures a PDF may put where letters were: ff, fi, fl, ffi, ffl, ſt, st. */
  static final Pattern LIGATURES = Pattern.compile("[\\uFB00-\\uFB06]");

  static final Pattern NOT_A_PAGE = EnglishOnAzerbaijaniPagesTest.NOT_A_PAGE;

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Definitions definitions;
  @Autowired Projects projects;
  @Autowired Viewers viewers;
  @Autowired Meetings meetings;

  String token;

  @BeforeAll
  void theCharterAndAMember() {
    Definitions.LoadResult loaded =
        definitions.load(
            "us-ukraine-2008.yaml",
            DefinitionFixtures.resource("/definitions/us-ukraine-2008.yaml"));
    assertThat(loaded.loaded()).as(loaded.problems().toString()).isTrue();
    token =
        people
            .person("ua.coordinator")
            .party("UA")
            .role(Role.COORDINATOR)
            .cleared(true)
            .memberOf(CHARTER, "wg-defense-security")
            .memberOf(CHARTER, "wg-economy-energy")
            .memberOf(CHARTER, "wg-democracy")
            .memberOf(CHARTER, "wg-exchanges")
            .create();
    projects.create(
        CharterKey.of(CHARTER),
        "wg-economy-energy",
        new ProjectInput(
            "gas-metering",
            Map.of("en", ENGLISH_PROJECT, "uk", UKRAINIAN_PROJECT),
            null,
            List.of("gas-transit"),
            null,
            null,
            null,
            null,
            null),
        viewers.of("ua.coordinator").orElseThrow());
    meetings.schedule(
        CharterKey.of(CHARTER),
        new MeetingInput(
            "working-group",
            "wg-economy-energy",
            MEETING,
            LocalDateTime.parse("2026-12-10T10:00"),
            LocalDateTime.parse("2026-12-10T12:00"),
            "Europe/Kyiv",
            null,
            true,
            null,
            List.of()),
        viewers.of("ua.coordinator").orElseThrow());
  }

  @Test
  void theCharterLoadsInEnglishAndUkrainianWithItsWorkingTranslationMarked() throws Exception {
    String json = api("/api/charters/" + CHARTER, null).getContentAsString();
    assertThat((List<String>) JsonPath.read(json, "$.charter.languages"))
        .containsExactly("en", "uk");
    String page = page("/charters/" + CHARTER, "uk", null);
    assertThat(page)
        .contains("<html lang=\"en\"")
        .contains(NOT_TRANSLATED)
        .contains("<span lang=\"uk\">Україна</span>")
        .contains("<span lang=\"uk\">Сполучені Штати Америки</span>");
  }

  @Test
  void everyPageWorksInEnglishAndInUkrainian() throws Exception {
    Cookie session = People.session(mvc, "ua.coordinator");
    for (String language : List.of("en", "uk")) {
      Map<String, String> pages = new LinkedHashMap<>();
      List<String> broken = new ArrayList<>();
      walk(List.of("/public", "/public/charters/" + CHARTER), null, language, pages, broken);
      walk(List.of("/", "/charters/" + CHARTER), session, language, pages, broken);
      assertThat(broken).as(language).isEmpty();
      assertThat(pages.keySet())
          .as(language)
          .hasSizeGreaterThan(20)
          .anyMatch(p -> p.contains("/charters/" + CHARTER + "/working-groups/"))
          .anyMatch(p -> p.contains("/public/charters/" + CHARTER));
      String all = String.join("\n", pages.values());
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, String> text : TEXTS.entrySet()) {
        String shown = language.equals("uk") ? text.getValue() : text.getKey();
        String other = language.equals("uk") ? text.getKey() : text.getValue();
        if (!all.contains(shown)) {
          wrong.add("nowhere: " + shown);
        }
        pages.forEach(
            (path, html) -> {
              if (html.contains(other)) {
                wrong.add(path + " shows " + other);
              }
            });
      }
      pages.forEach(
          (path, html) -> {
            if (!html.contains("<html lang=\"en\"") || html.contains("??")) {
              wrong.add(path + " is not an English interface, or shows a raw key");
            }
            if (language.equals("uk") != html.contains(NOT_TRANSLATED)) {
              wrong.add(path + (language.equals("uk") ? " lacks" : " has") + " the notice");
            }
          });
      assertThat(wrong).as(language + " pages: " + pages.keySet()).isEmpty();
    }
  }

  @Test
  void theReportIsInTheReadersLanguageOnThePageAndInThePdf() throws Exception {
    Cookie session = People.session(mvc, "ua.coordinator");
    String report = "/charters/" + CHARTER + "/report";
    String group = TEXTS.get("Working Group on Economy, Trade and Energy");
    assertThat(page(report + "?year=2026", "uk", session))
        .contains("<html lang=\"en\"")
        .contains("lang=\"uk\">" + group + "<")
        .contains("lang=\"uk\">" + UKRAINIAN_PROJECT + "<")
        .doesNotContain("Working Group on Economy, Trade and Energy");
    assertThat(page(report + "?year=2026", "en", session))
        .contains(ENGLISH_PROJECT)
        .contains("Working Group on Economy, Trade and Energy")
        .doesNotContain(group);

    for (String url : List.of(report + ".pdf", "/api/charters/" + CHARTER + "/report.pdf")) {
      byte[] pdf = pdf(url, "uk", session);
      String text = pdftotext(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains(UKRAINIAN_PROJECT).contains(group).doesNotContain(ENGLISH_PROJECT);
      for (String letter : UKRAINIAN_LETTERS) {
        assertThat(text).as("the letter " + letter).contains(letter);
      }
      assertThat(text).doesNotContain("\uFFFD").contains("Identified");
      assertThat(LIGATURES.matcher(text).find()).as("ligatures in " + text).isFalse();
      try (PDDocument document = Loader.loadPDF(pdf)) {
        // the document's language is its labels' (English, no Ukrainian bundle), as on the pages
        assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        assertThat(document.getDocumentInformation().getTitle())
            .isEqualTo(
                "Annual implementation report 2026 · "
                    + TEXTS.get("United States–Ukraine Charter on Strategic Partnership"));
      }
    }
    byte[] english = pdf(report + ".pdf", "en", session);
    String text = pdftotext(english).replaceAll("\\s+", " ");
    assertThat(text).contains(ENGLISH_PROJECT).contains("Identified").contains("Unified");
    assertThat(LIGATURES.matcher(text).find()).isFalse();
    try (PDDocument document = Loader.loadPDF(english)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo(
              "Annual implementation report 2026 · "
                  + "United States–Ukraine Charter on Strategic Partnership");
    }
  }

  @Test
  void theCalendarFeedsWorkInEnglishAndInUkrainian() throws Exception {
    for (String body :
        List.of(
            "{\"kind\":\"person\"}",
            "{\"kind\":\"group\",\"charter\":\""
                + CHARTER
                + "\",\"group\":\"wg-economy-energy\"}")) {
      MockHttpServletResponse created =
          mvc.perform(
                  post("/api/me/calendars")
                      .header("Authorization", "Bearer " + token)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(body))
              .andReturn()
              .getResponse();
      assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
      String path =
          ((String) JsonPath.read(created.getContentAsString(), "$.url"))
              .substring("http://localhost".length());
      for (String language : List.of("en", "uk")) {
        MockHttpServletResponse feed =
            mvc.perform(get(path + "?lang=" + language)).andReturn().getResponse();
        assertThat(feed.getStatus()).as(path).isEqualTo(200);
        assertThat(feed.getContentType()).startsWith("text/calendar");
        String ics = feed.getContentAsString(StandardCharsets.UTF_8);
        assertThat(new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT"))
            .as(path + " in " + language)
            .isNotEmpty();
        assertThat(ics.replaceAll("\r\n[ \t]", "")).contains(MEETING);
      }
    }
  }

  @Test
  void theExportsCarryEveryTextInBothLanguages() throws Exception {
    String api = "/api/charters/" + CHARTER;
    String json = api(api + "/open-data.json", null).getContentAsString();
    assertThat(json)
        .contains(TEXTS.get("Working Group on Economy, Trade and Energy"))
        .contains("Working Group on Economy, Trade and Energy");
    for (String type : OpenData.types()) {
      MockHttpServletResponse csv = api(api + "/open-data/" + type + ".csv", null);
      assertThat(csv.getStatus()).as(type).isEqualTo(200);
      String header = csv.getContentAsString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
      if (header.contains("_en")) {
        assertThat(header).as(type).contains("_uk").doesNotContain("_az");
      }
    }
    assertThat(
            api(api + "/open-data/working-groups.csv", null)
                .getContentAsString(StandardCharsets.UTF_8))
        .contains(TEXTS.get("Working Group on Economy, Trade and Energy"));
    MockHttpServletResponse iati = api(api + "/iati.xml", null);
    assertThat(iati.getStatus()).isEqualTo(200);
    assertThat(iati.getContentAsString(StandardCharsets.UTF_8)).startsWith("<?xml");
    MockHttpServletResponse export = api(api + "/export.json", token);
    assertThat(export.getStatus()).as(export.getContentAsString()).isIn(200, 403);
  }

  private MockHttpServletResponse api(String path, String bearer) throws Exception {
    MockHttpServletRequestBuilder request = get(path);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private String page(String path, String language, Cookie session) throws Exception {
    MockHttpServletRequestBuilder request =
        get(path).accept(MediaType.TEXT_HTML).cookie(new Cookie(Languages.COOKIE, language));
    if (session != null) {
      request.cookie(session);
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  /** The report for 2026 as a PDF: the page's with the session, the API's with the token. */
  private byte[] pdf(String path, String language, Cookie session) throws Exception {
    MockHttpServletRequestBuilder request = get(path + "?year=2026&lang=" + language);
    if (path.startsWith("/api/")) {
      request.header("Authorization", "Bearer " + token);
    } else {
      request.cookie(session);
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("application/pdf");
    return response.getContentAsByteArray();
  }

  /**
   * Walks the pages linked from these roots, in this language, as this session (or the public),
   * keeping those of this charter (and the pages common to every charter) and noting every link
   * that does not answer.
   */
  private void walk(
      List<String> roots,
      Cookie session,
      String language,
      Map<String, String> pages,
      List<String> broken)
      throws Exception {
    Set<String> seen = new HashSet<>();
    Deque<String> next = new ArrayDeque<>(roots);
    String who = session == null ? "public " : "signed in ";
    while (!next.isEmpty() && seen.size() < 300) {
      String path = next.poll();
      if (path.contains("az-us-2026") || !seen.add(path.replaceAll("\\?.*", ""))) {
        continue;
      }
      MockHttpServletRequestBuilder request =
          get(path).accept(MediaType.TEXT_HTML).cookie(new Cookie(Languages.COOKIE, language));
      if (session != null) {
        request.cookie(session);
      }
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      int status = response.getStatus();
      if (status >= 400) {
        broken.add(who + path + " " + status);
        continue;
      }
      String type = response.getContentType();
      if (status != 200 || type == null || !type.startsWith("text/html")) {
        continue;
      }
      String html = response.getContentAsString(StandardCharsets.UTF_8);
      pages.put(who + path, html);
      Document page = Jsoup.parse(html);
      for (Element link : page.select("a[href]")) {
        String href = link.attr("href").replaceAll("#.*", "");
        if (href.startsWith("/") && !href.startsWith("//") && !NOT_A_PAGE.matcher(href).find()) {
          next.add(href.replaceAll("[?&]lang=[^&]*", ""));
        }
      }
    }
  }

  static String pdftotext(byte[] pdf) throws Exception {
    Path pdftotext = Path.of("/usr/bin/pdftotext");
    Assumptions.assumeTrue(Files.isExecutable(pdftotext), "pdftotext (poppler-utils) is missing");
    Path file = Files.createTempFile("report", ".pdf");
    try {
      Files.write(file, pdf);
      Process process =
          new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", file.toString(), "-")
              .redirectErrorStream(true)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
