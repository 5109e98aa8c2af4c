package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.entente.concurrence.Agreements;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.obligations.Obligations;
import org.entente.obligations.RecordEvent;
import org.entente.projects.ProjectInput;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.reporting.ReportViews.AnnualReport;
import org.entente.reporting.ReportViews.AreaProgress;
import org.entente.reporting.ReportViews.GroupSection;
import org.entente.reporting.ReportViews.Period;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.People;
import org.entente.testing.TestViewers;
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
 * The annual implementation report of a small charter, worked by hand. Freedonia–Sylvania, signed
 * 2025-11-30; the report for 2026, made on 2026-11-28.
 *
 * <ul>
 *   <li>Projects and milestones as in {@code ProgressRollUpTest}: P1 (0.25) and P2 (completed, 1)
 *       in the river commission, P3 (1) and P4 (cancelled) in the culture and trade group; charter
 *       0.875, water 0.625, culture and trade 1. Milestones not cancelled: 3, of which 2 done in
 *       2026 (m1 on 2026-01-11, m3 on 2026-01-21). All bilateral: the public sees none of them.
 *   <li>Deadlines due in 2026: the water plan (due 2026-02-28, finalized 2026-02-20: on time), the
 *       river commission's work plan (due 2026-05-30, finalized 2026-06-15: late) and the culture
 *       and trade group's (due 2026-05-30, never: missed). The events are public (the operator
 *       records them), so every version counts the same.
 *   <li>One bilateral meeting of the river commission, held 2026-06-10, with one decision and a
 *       joint statement both co-chairs agreed to publish (so the public version counts it as held,
 *       without its decision); a planned one on 2025-12-15, outside.
 * </ul>
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportTest {

  static final String CHARTER = "fd-sy-2025";
  static final String PASSWORD = "correct horse battery";
  static final String STATEMENT = "The commission agreed the water plan and thanked the engineers.";
  static final String DECISION = "The gauges are shared from July.";
  static final String REPORT = "/charters/" + CHARTER + "/report";
  static final String API = "/api/charters/" + CHARTER + "/report";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Definitions definitions;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Viewers viewers;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Meetings meetings;
  @Autowired Agreements agreements;
  @Autowired Obligations obligations;
  @Autowired AnnualReports reports;
  @Autowired ReportRendering rendering;

  Viewer member;
  String memberToken;

  @BeforeAll
  void charterAndRecords() {
    assertThat(definitions.load("fs.yaml", DefinitionFixtures.freedoniaSylvania()).loaded())
        .isTrue();
    person("fd.chair", "FD", true);
    person("sy.chair", "SY", true);
    member = viewers.of("fd.chair").orElseThrow();
    Viewer sy = viewers.of("sy.chair").orElseThrow();
    memberToken = tokens.create("fd.chair", "t", Scope.READ, 30).secret();

    ProjectView p2 = project("river-commission", "p1", "shared-rivers");
    p2 = project("river-commission", "p2", "shared-rivers");
    project("culture-trade", "p3", "cultural-exchange");
    ProjectView p4 = project("culture-trade", "p4", "cultural-exchange");
    milestone("river-commission", "m1", "p1", "2026-01-01", "2026-01-11", "done");
    milestone("river-commission", "m2", "p1", "2026-02-01", "2026-03-03", null);
    milestone("culture-trade", "m3", "p3", "2026-01-01", "2026-01-21", "done");
    milestone("culture-trade", "m4", "p3", "2026-02-01", "2026-02-06", "cancelled");
    long version = p2.version();
    for (String stage : List.of("under-study", "agreed", "in-implementation", "completed")) {
      version = projects.moveTo(p2.id(), stage, null, version, member).version();
    }
    projects.moveTo(p4.id(), "cancelled", "merged into p3", p4.version(), member);

    event("river-commission", "water-plan", "2026-02-20");
    event("river-commission", "work-plan", "2026-06-15");

    MeetingView meeting =
        meetings.schedule(
            CharterKey.of(CHARTER),
            new MeetingInput(
                "working-group",
                "river-commission",
                "River commission, spring session",
                LocalDateTime.parse("2026-06-10T10:00"),
                LocalDateTime.parse("2026-06-10T13:00"),
                "UTC",
                "Fredville",
                false,
                null,
                List.of()),
            member);
    meetings.schedule(
        CharterKey.of(CHARTER),
        new MeetingInput(
            "working-group",
            "river-commission",
            "River commission, first contact",
            LocalDateTime.parse("2025-12-15T10:00"),
            LocalDateTime.parse("2025-12-15T11:00"),
            "UTC",
            null,
            true,
            null,
            List.of()),
        member);
    meetings.addDecision(meeting.id(), new DecisionInput(DECISION, null), member);
    meetings.change(
        meeting.id(),
        new MeetingChange(meeting.version(), null, null, null, null, null, null, "held", null),
        member);
    meetings.draftStatement(
        meeting.id(),
        StatementDraft.of(Map.of("en", STATEMENT, "fr", "Déclaration commune."), true, null),
        member);
    String statement = meeting.id().toString();
    agreements.submit(Meetings.JOINT_STATEMENT, null, statement, member);
    agreements.approve(Meetings.JOINT_STATEMENT, null, statement, 1, member);
    agreements.approve(Meetings.JOINT_STATEMENT, null, statement, 1, sy);
  }

  private void person(String username, String party, boolean chair) {
    people
        .person(username)
        .party(party)
        .role(Role.CO_CHAIR)
        .memberOf(CHARTER, "river-commission", chair)
        .memberOf(CHARTER, "culture-trade", chair)
        .createAccount();
  }

  private ProjectView project(String group, String key, String commitment) {
    return projects.create(
        CharterKey.of(CHARTER),
        group,
        new ProjectInput(
            key,
            Map.of("en", "Project " + key),
            null,
            List.of(commitment),
            null,
            null,
            null,
            null,
            null),
        member);
  }

  private void milestone(
      String group, String key, String project, String start, String end, String status) {
    roadmaps.add(
        CharterKey.of(CHARTER),
        group,
        new MilestoneInput(
            key,
            Map.of("en", "Milestone " + key),
            null,
            LocalDate.parse(start),
            LocalDate.parse(end),
            null,
            "done".equals(status) ? LocalDate.parse(end) : null,
            status,
            project,
            List.of(),
            null,
            null),
        member);
  }

  private void event(String group, String deliverable, String on) {
    obligations.record(
        CharterKey.of(CHARTER),
        new RecordEvent(
            "deliverable-finalized", group, deliverable, LocalDate.parse(on), null, null, null),
        TestViewers.OPERATOR);
  }

  private static final Period YEAR_2026 =
      new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 2026);

  @Test
  void theInternalFiguresMatchTheHandComputedFixture() {
    AnnualReport r =
        reports.report(CharterKey.of(CHARTER), YEAR_2026, ReportViews.INTERNAL, member);
    assertThat(r.version()).isEqualTo("internal");
    assertThat(r.asOf()).isEqualTo(FixedClockConfiguration.TODAY);
    assertThat(r.summary().progress()).isCloseTo(0.875, within(1e-9));
    assertThat(r.areas())
        .extracting(AreaProgress::key, AreaProgress::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("water", 0.625),
            org.assertj.core.groups.Tuple.tuple("culture", 1.0),
            org.assertj.core.groups.Tuple.tuple("trade", 1.0));
    assertThat(r.summary().projects()).isEqualTo(3);
    assertThat(r.summary().projectsCompleted()).isEqualTo(1);
    assertThat(r.summary().milestones()).isEqualTo(3);
    assertThat(r.summary().milestonesDone()).isEqualTo(2);
    assertThat(r.summary().meetings()).isEqualTo(1);
    assertThat(r.summary().meetingsHeld()).isEqualTo(1);
    assertThat(r.summary().decisions()).isEqualTo(1);
    assertThat(r.summary().statements()).isEqualTo(1);
    assertThat(r.statements().get(0).published()).isTrue();
    assertThat(r.summary().deadlinesDue()).isEqualTo(3);
    assertThat(r.summary().deadlinesMetOnTime()).isEqualTo(1);
    assertThat(r.summary().deadlinesMetLate()).isEqualTo(1);
    assertThat(r.summary().deadlinesMissed()).isEqualTo(1);
    assertThat(r.summary().deadlinesPending()).isZero();
    assertThat(r.workingGroups())
        .extracting(GroupSection::key, GroupSection::progress)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("river-commission", 0.625),
            org.assertj.core.groups.Tuple.tuple("culture-trade", 1.0));
    GroupSection river = r.workingGroups().get(0);
    assertThat(river.projects())
        .extracting(ReportViews.ProjectRow::key)
        .containsExactly("p1", "p2");
    assertThat(river.projects().get(0).milestones()).isEqualTo(2);
    assertThat(river.projects().get(0).milestonesDone()).isEqualTo(1);
    assertThat(river.projects().get(0).progress()).isCloseTo(0.25, within(1e-9));
    assertThat(river.meetings())
        .extracting(m -> m.title().text())
        .containsExactly("River commission, spring session");
    assertThat(r.decisions()).extracting(d -> d.text().text()).containsExactly(DECISION);
  }

  @Test
  void thePublicVersionCountsOnlyWhatThePublicMaySee() {
    AnnualReport r = reports.report(CharterKey.of(CHARTER), YEAR_2026, ReportViews.PUBLIC, member);
    assertThat(r.version()).isEqualTo("public");
    assertThat(r.summary().progress()).isZero();
    assertThat(r.summary().projects()).isZero();
    assertThat(r.summary().milestones()).isZero();
    // The meeting is bilateral, but its published statement tells anyone it was held: it counts
    // as held, without its decisions.
    assertThat(r.summary().meetings()).isEqualTo(1);
    assertThat(r.summary().meetingsHeld()).isEqualTo(1);
    assertThat(r.workingGroups())
        .filteredOn(g -> g.key().equals("river-commission"))
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.meetings())
                    .extracting(m -> m.title().text())
                    .containsExactly("River commission, spring session"));
    assertThat(r.summary().decisions()).isZero();
    assertThat(r.statements())
        .as("the statement is published, so the public version has it")
        .singleElement()
        .satisfies(s -> assertThat(s.text()).isEqualTo(STATEMENT));
    assertThat(r.summary().deadlinesMetOnTime()).isEqualTo(1);
    assertThat(r.summary().deadlinesMetLate()).isEqualTo(1);
    assertThat(r.summary().deadlinesMissed()).isEqualTo(1);
    // the internal version, asked for by someone not signed in, is the public one
    assertThat(AnnualReports.version("internal", Viewer.ANONYMOUS)).isEqualTo("public");
    assertThat(AnnualReports.version(null, member)).isEqualTo("internal");
  }

  @Test
  void aPeriodOtherThanAYearCountsOnlyWhatFallsInIt() {
    AnnualReport r =
        reports.report(
            CharterKey.of(CHARTER),
            new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), null),
            ReportViews.INTERNAL,
            member);
    assertThat(r.summary().meetings()).isZero();
    assertThat(r.summary().milestonesDone()).isEqualTo(2);
    assertThat(r.deadlines())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("water-plan");
              assertThat(d.outcome()).isEqualTo("met-on-time");
            });
  }

  @Test
  void thePageHasEverySectionAndBothChartsWithTheirTables() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(REPORT).param("year", "2026").accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    String html = response.getContentAsString();
    assertThat(html)
        .contains(
            "id=\"report-summary\"",
            "id=\"report-progress\"",
            "id=\"report-deadlines\"",
            "id=\"report-groups\"",
            "id=\"report-decisions\"",
            "id=\"report-statements\"",
            "<title id=\"chart-progress-title\">Progress by area of cooperation</title>",
            "<desc id=\"chart-progress-desc\">",
            "<title id=\"chart-deadlines-title\">Deadlines met on time and late</title>",
            "<caption>Progress by area, as a table</caption>",
            "<caption>Deadlines by outcome, as a table</caption>",
            "Joint River Commission",
            "Culture and Trade Group",
            "Public version",
            STATEMENT,
            "Accord of Friendship between Freedonia and Sylvania")
        .doesNotContain(DECISION, "Project p1");

    Cookie session = login("fd.chair");
    String internal =
        mvc.perform(
                get(REPORT)
                    .param("year", "2026")
                    .param("version", "internal")
                    .cookie(session)
                    .accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(internal).contains("Internal version", DECISION, "Project p1", "88%");
  }

  @Test
  void thePageSpeaksAzerbaijaniWhenAskedTo() throws Exception {
    String html =
        mvc.perform(
                get(REPORT)
                    .param("year", "2026")
                    .header("Accept-Language", "az")
                    .accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("İllik icra hesabatı", "Sahələr üzrə irəliləyiş", "<html lang=\"az-Latn\"");
  }

  @Test
  void thePdfIsAPdfWhoseTextKeepsTheAzerbaijaniLetters() throws Exception {
    for (String url : List.of(REPORT + ".pdf", API + ".pdf")) {
      MockHttpServletResponse response =
          mvc.perform(get(url).param("year", "2026").header("Accept-Language", "az"))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(url).isEqualTo(200);
      assertThat(response.getContentType()).isEqualTo("application/pdf");
      byte[] pdf = response.getContentAsByteArray();
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      String text = text(pdf);
      assertThat(text)
          .contains("İllik icra hesabatı", "Birgə bəyanatlar", "Joint River Commission", STATEMENT);
      for (String letter : List.of("ə", "ğ", "ı", "ö", "ş", "ç", "ü", "İ")) {
        assertThat(text).as("the letter " + letter).contains(letter);
      }
    }
    MockHttpServletResponse english =
        mvc.perform(get(REPORT + ".pdf").param("year", "2026")).andReturn().getResponse();
    assertThat(text(english.getContentAsByteArray()))
        .contains("Annual implementation report", "Progress by area");
  }

  @Test
  void pdftotextExtractsTheAzerbaijaniLettersIntact() throws Exception {
    Path pdftotext = Path.of("/usr/bin/pdftotext");
    Assumptions.assumeTrue(Files.isExecutable(pdftotext), "pdftotext (poppler-utils) is missing");
    byte[] pdf =
        mvc.perform(get(REPORT + ".pdf").param("year", "2026").header("Accept-Language", "az"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(pdftotext(pdf))
        .contains("İllik icra hesabatı", "Sahələr üzrə irəliləyiş", "İşçi qruplar")
        .contains("ə", "ğ", "ı", "ö", "ş", "ç", "ü");
  }

  @Test
  void theApiGivesTheReportsData() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(API).param("year", "2026").accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    String json = response.getContentAsString();
    assertThat((String) JsonPath.read(json, "$.version")).isEqualTo("public");
    assertThat((String) JsonPath.read(json, "$.period.from")).isEqualTo("2026-01-01");
    assertThat((Integer) JsonPath.read(json, "$.summary.deadlinesDue")).isEqualTo(3);
    assertThat((String) JsonPath.read(json, "$.statements[0].text")).isEqualTo(STATEMENT);

    String internal =
        mvc.perform(
                get(API)
                    .param("from", "2026-01-01")
                    .param("to", "2026-12-31")
                    .header("Authorization", "Bearer " + memberToken)
                    .accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((String) JsonPath.read(internal, "$.version")).isEqualTo("internal");
    assertThat((Double) JsonPath.read(internal, "$.summary.progress")).isEqualTo(0.875);
    assertThat((Integer) JsonPath.read(internal, "$.period.year")).isEqualTo(2026);
  }

  @Test
  void withoutAPeriodTheReportIsOfTheCurrentYear() throws Exception {
    String json =
        mvc.perform(get(API).accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((Integer) JsonPath.read(json, "$.period.year")).isEqualTo(2026);
  }

  /** A period that cannot be reported on, and what the answer must say. */
  static final Map<String, String> BAD_PERIODS =
      Map.ofEntries(
          Map.entry("year=2024", "choose a year from 2025"),
          Map.entry("year=2028", "to 2027"),
          Map.entry("year=20x6", "is not a year"),
          Map.entry("year=99999999999", "is not a year"),
          Map.entry("from=2026-05-01&to=2026-01-31", "is after the last day"),
          Map.entry("from=2026-02-30&to=2026-12-31", "is not a date"),
          Map.entry("from=yesterday&to=2026-12-31", "is not a date"),
          Map.entry("from=2026-01-01", "Give both the first day"),
          Map.entry("to=2026-01-01", "Give both the first day"),
          Map.entry("year=2026&from=2026-01-01", "not both"),
          Map.entry("from=2024-06-01&to=2026-01-01", "the charter was signed in 2025"),
          Map.entry("from=2026-01-01&to=2028-01-01", "at most to the end of 2027"),
          Map.entry("version=secret", "use public or internal"));

  @Test
  void aPeriodThatCannotBeReportedOnIsABadRequestWithAClearMessage() throws Exception {
    for (var bad : BAD_PERIODS.entrySet()) {
      MockHttpServletResponse api =
          mvc.perform(get(API + "?" + bad.getKey()).accept(MediaType.APPLICATION_JSON))
              .andReturn()
              .getResponse();
      assertThat(api.getStatus()).as(bad.getKey()).isEqualTo(400);
      assertThat(api.getContentType()).as(bad.getKey()).startsWith("application/problem+json");
      assertThat((String) JsonPath.read(api.getContentAsString(), "$.detail"))
          .as(bad.getKey())
          .contains(bad.getValue());

      MockHttpServletResponse pdf =
          mvc.perform(get(API + ".pdf?" + bad.getKey())).andReturn().getResponse();
      assertThat(pdf.getStatus()).as("pdf " + bad.getKey()).isEqualTo(400);
      assertThat(pdf.getContentAsString()).as("pdf " + bad.getKey()).contains(bad.getValue());

      for (String page : List.of(REPORT, REPORT + ".pdf")) {
        MockHttpServletResponse html =
            mvc.perform(get(page + "?" + bad.getKey()).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(html.getStatus()).as(page + "?" + bad.getKey()).isEqualTo(400);
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat(html.getContentAsString())
            .as(page + "?" + bad.getKey())
            .contains("role=\"alert\"", "<form");
        assertThat(html.getContentAsString().replace("&#39;", "'").replace("&quot;", "\""))
            .contains(bad.getValue());
      }
    }
    // in Azerbaijani, too
    MockHttpServletResponse az =
        mvc.perform(
                get(API)
                    .param("year", "2024")
                    .header("Accept-Language", "az")
                    .accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse();
    assertThat(az.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(az.getContentAsString(), "$.detail")).contains("imzalandığı");
  }

  @Test
  void aPeriodLongerThanFiveYearsIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ReportPeriod.parse(
                    null,
                    "2026-01-01",
                    "2031-01-01",
                    LocalDate.of(2025, 11, 30),
                    LocalDate.of(2030, 6, 1)))
        .isInstanceOf(ReportPeriod.Invalid.class)
        .hasMessage("report.period.error.too-long");
    assertThat(
            ReportPeriod.parse(
                null,
                "2026-01-01",
                "2030-12-31",
                LocalDate.of(2025, 11, 30),
                LocalDate.of(2030, 6, 1)))
        .isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), null));
  }

  @Test
  void anUnknownCharterIsNotFound() throws Exception {
    assertThat(
            mvc.perform(get("/api/charters/no-such/report").accept(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(
            mvc.perform(get("/charters/no-such/report").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  private Cookie login(String username) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/login").param("username", username).param("password", PASSWORD).with(csrf());
    return mvc.perform(request).andReturn().getResponse().getCookie("SESSION");
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
    Path file = Files.createTempFile("report", ".pdf");
    try {
      Files.write(file, pdf);
      Process process =
          new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-")
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

  @Test
  void aReportPrintsOnceUntilARecordChangesAndEachReportAndLanguageHasItsOwnPdf() throws Exception {
    AnnualReport internal =
        reports.report(CharterKey.of(CHARTER), YEAR_2026, ReportViews.INTERNAL, member);
    AnnualReport publicVersion =
        reports.report(CharterKey.of(CHARTER), YEAR_2026, ReportViews.PUBLIC, member);

    byte[] first = rendering.pdf(internal, java.util.Locale.ENGLISH);
    assertThat(rendering.pdf(internal, java.util.Locale.ENGLISH)).as("kept").isSameAs(first);
    assertThat(
            rendering.pdf(
                reports.report(CharterKey.of(CHARTER), YEAR_2026, ReportViews.INTERNAL, member),
                java.util.Locale.ENGLISH))
        .as("the same report worked out again")
        .isSameAs(first);
    assertThat(rendering.pdf(publicVersion, java.util.Locale.ENGLISH)).isNotSameAs(first);
    assertThat(text(rendering.pdf(publicVersion, java.util.Locale.ENGLISH)))
        .isNotEqualTo(text(first));
    assertThat(rendering.pdf(internal, java.util.Locale.forLanguageTag("az"))).isNotSameAs(first);

    person("fd.reader", "FD", false);

    assertThat(rendering.pdf(internal, java.util.Locale.ENGLISH))
        .as("a record changed: printed again")
        .isNotSameAs(first);
  }
}
