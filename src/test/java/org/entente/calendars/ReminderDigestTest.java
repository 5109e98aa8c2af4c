package org.entente.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.audit.Audit;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.Meetings;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The daily digest: each person's holds exactly what is due for them and what they may see, kept as
 * a notification and e-mailed through a real SMTP server (GreenMail, in process); made once per day
 * however often the run is started; settings checked and kept per person.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderDigestTest {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "az-us-2026";
  static final String OPERATOR = "Bearer test-operator-token-0123456789abcdef";
  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Viewers viewers;
  @Autowired Meetings meetings;
  @Autowired Roadmaps roadmaps;
  @Autowired JdbcClient jdbc;
  @Autowired Audit audit;
  @Autowired MutableClock clock;
  @Autowired Definitions definitions;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeAll
  void peopleAndWhatIsDue() {
    clock.set(FixedClockConfiguration.TODAY);
    person("us.a", "US", false, "a@example.org", "wg-energy");
    person("az.b", "AZ", true, "b@example.org", "wg-energy", "wg-security-defense");
    person("us.nomail", "US", false, null, "wg-energy");
    Viewer b = viewers.of("az.b").orElseThrow();
    java.util.UUID energy = meeting("Energy talks", "wg-energy", b);
    java.util.UUID security = meeting("Patrol talks", "wg-security-defense", b);
    // A's: due within 14 days, and one that is not
    item(energy, "A sends the grid study", "us.a", "2026-12-05", b);
    item(energy, "A drafts the 2027 plan", "us.a", "2027-03-01", b);
    // B's
    item(energy, "B books the venue", "az.b", "2026-12-01", b);
    // owned by A, but in a restricted group A may not read: never in A's digest
    item(security, "A reviews the patrol map", "us.a", "2026-12-02", b);
    // an overdue one of A's
    item(energy, "A answers the ministry", "us.a", "2026-11-20", b);
    milestone("wg-energy", "grid-survey", "Grid survey done", "2026-12-10", b);
    milestone("wg-energy", "grid-tender", "Grid tender launched", "2027-05-01", b);
    milestone("wg-security-defense", "patrol-drill", "Patrol drill held", "2026-12-03", b);
  }

  private void person(
      String username, String party, boolean cleared, String email, String... groups) {
    People.Person person = people.person(username).party(party).cleared(cleared).email(email);
    for (String g : groups) {
      person.memberOf(CHARTER, g);
    }
    token.put(username, person.create());
  }

  private java.util.UUID meeting(String title, String group, Viewer viewer) {
    LocalDateTime start = LocalDateTime.of(2026, 11, 20, 10, 0);
    return meetings
        .schedule(
            CharterKey.of(CHARTER),
            new MeetingInput(
                "working-group",
                group,
                title,
                start,
                start.plusHours(1),
                "Asia/Baku",
                null,
                true,
                null,
                List.of()),
            viewer)
        .id();
  }

  private void item(java.util.UUID meeting, String title, String owner, String due, Viewer by) {
    meetings.addActionItem(
        meeting, new ActionItemInput(title, null, owner, LocalDate.parse(due)), by);
  }

  private void milestone(String group, String key, String title, String end, Viewer by) {
    roadmaps.add(
        CharterKey.of(CHARTER),
        group,
        new MilestoneInput(
            key,
            Map.of("en", title),
            null,
            LocalDate.parse(end).minusDays(20),
            LocalDate.parse(end),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null),
        by);
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header(
                    "Authorization", who.equals("operator") ? OPERATOR : "Bearer " + token.get(who))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private static List<String> itemLines(String body) {
    return body.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).toList();
  }

  private static MimeMessage mailTo(String address) throws Exception {
    List<MimeMessage> to =
        Arrays.stream(MAIL.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().equals(address));
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(to).as("mails to " + address).hasSize(1);
    return to.get(0);
  }

  @Test
  @Order(1)
  void badSettingsAreRefusedAndChangeNothing() throws Exception {
    String before = as("us.a", get("/api/me/reminders")).getContentAsString();
    for (String body :
        List.of(
            "{\"daysAhead\":200}",
            "{\"daysAhead\":-1}",
            "{\"daysAhead\":\"soon\"}",
            "{\"daysAhead\":7,\"email\":\"x@example.org\"}")) {
      MockHttpServletResponse response = as("us.a", put("/api/me/reminders").content(body));
      assertThat(response.getStatus()).as(body).isEqualTo(400);
      assertThat(response.getContentType()).contains("problem+json");
    }
    MockHttpServletResponse tooMany =
        as("us.a", put("/api/me/reminders").content("{\"daysAhead\":200}"));
    assertThat(tooMany.getContentAsString()).contains("daysAhead").contains("0 to 90");
    assertThat(as("us.a", get("/api/me/reminders")).getContentAsString()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from reminder_preference").query(Long.class).single())
        .isZero();
    // a stale version is refused
    MockHttpServletResponse stale =
        as("us.a", put("/api/me/reminders").content("{\"daysAhead\":7,\"version\":5}"));
    assertThat(stale.getStatus()).isEqualTo(409);
  }

  @Test
  @Order(2)
  void eachPersonsDigestMailHoldsExactlyTheirDueItems() throws Exception {
    // us.nomail wants no e-mail anyway; settings are kept and audited
    long seq = audit.head().seq();
    MockHttpServletResponse saved =
        as("us.nomail", put("/api/me/reminders").content("{\"byEmail\":false,\"version\":0}"));
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(saved.getContentAsString(), "$.daysAhead")).isEqualTo(14);
    assertThat(audit.head().seq()).isEqualTo(seq + 1);

    MockHttpServletResponse run = as("operator", post("/api/reminders/run"));
    assertThat(run.getStatus()).as(run.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(run.getContentAsString(), "$.made")).isEqualTo(3);
    assertThat((Integer) JsonPath.read(run.getContentAsString(), "$.emailed")).isEqualTo(2);

    // each in the reader's language (decision 0039): us.a of party US reads English, az.b of
    // party AZ Azerbaijani; dates as the language writes them, periods in words
    List<String> deadlines =
        List.of(
            "OVERDUE since 10 May 2026: Implementation roadmap of each working group"
                + " (az-us-2026, Working Group on Energy)",
            "OVERDUE since 10 May 2026: Project list of each working group"
                + " (az-us-2026, Working Group on Energy)");
    MimeMessage a = mailTo("a@example.org");
    assertThat(a.getSubject()).isEqualTo("Entente reminders for 28 November 2026: 5 items");
    assertThat((String) a.getContent())
        .startsWith("Reminders for us.a on 28 November 2026: what is due within two weeks,");
    List<String> expectedA = new java.util.ArrayList<>(deadlines);
    expectedA.addAll(
        List.of(
            "OVERDUE since 20 November 2026: A answers the ministry (az-us-2026, Energy talks)",
            "due 5 December 2026: A sends the grid study (az-us-2026, Energy talks)",
            "due 10 December 2026: Grid survey done (az-us-2026, Working Group on Energy)"));
    assertThat(itemLines((String) a.getContent())).containsExactlyElementsOf(expectedA);

    MimeMessage b = mailTo("b@example.org");
    assertThat(b.getSubject()).isEqualTo("Entente xatırlatmaları, 28 noyabr 2026: 7 bənd");
    String bodyB = (String) b.getContent();
    assertThat(bodyB)
        .startsWith("az.b üçün 28 noyabr 2026 tarixli xatırlatmalar: iki həftə ərzində")
        .contains("Xartiya üzrə son tarixlər", "Tapşırıqlar", "Mərhələlər");
    List<String> linesB = itemLines(bodyB);
    assertThat(linesB)
        .contains(
            "10 may 2026 tarixindən GECİKİR: Hər işçi qrupun layihələr siyahısı"
                + " (az-us-2026, Enerji üzrə İşçi Qrup)",
            "son tarix 1 dekabr 2026: B books the venue (ingiliscə) (az-us-2026, Energy talks (ingiliscə))",
            // a milestone written in English only is shown so, and marked
            "son tarix 3 dekabr 2026: Patrol drill held (ingiliscə)"
                + " (az-us-2026, Təhlükəsizlik və müdafiə üzrə İşçi Qrup)",
            "son tarix 10 dekabr 2026: Grid survey done (ingiliscə)"
                + " (az-us-2026, Enerji üzrə İşçi Qrup)")
        .noneMatch(l -> l.contains("A sends") || l.contains("A answers"));
    assertThat(String.join("\n", linesB)).doesNotContain("A reviews the patrol map");

    // kept as notifications, readable by their owner only
    String list = as("us.a", get("/api/me/notifications")).getContentAsString();
    assertThat((Integer) JsonPath.read(list, "$.length()")).isEqualTo(1);
    assertThat((Boolean) JsonPath.read(list, "$[0].emailed")).isTrue();
    String id = JsonPath.read(list, "$[0].id");
    assertThat(as("az.b", get("/api/me/notifications/" + id)).getStatus()).isEqualTo(404);
    assertThat(as("az.b", post("/api/me/notifications/" + id + "/read")).getStatus())
        .isEqualTo(404);
    MockHttpServletResponse read = as("us.a", post("/api/me/notifications/" + id + "/read"));
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat((String) JsonPath.read(read.getContentAsString(), "$.readAt")).isNotNull();

    // the one without e-mail gets the notification only
    String nomail = as("us.nomail", get("/api/me/notifications")).getContentAsString();
    assertThat((Boolean) JsonPath.read(nomail, "$[0].emailed")).isFalse();
    assertThat(
            audit.events("notification", null, null, new Paging(0, 100)).items().stream()
                .filter(e -> e.action().equals("reminder.digest"))
                .count())
        .isEqualTo(3);
  }

  @Test
  @Order(3)
  void runningAgainTheSameDayMakesNothingNew() throws Exception {
    int mails = MAIL.getReceivedMessages().length;
    long notifications = jdbc.sql("select count(*) from notification").query(Long.class).single();
    MockHttpServletResponse run = as("operator", post("/api/reminders/run"));
    assertThat((Integer) JsonPath.read(run.getContentAsString(), "$.made")).isZero();
    assertThat(MAIL.getReceivedMessages()).hasSize(mails);
    assertThat(jdbc.sql("select count(*) from notification").query(Long.class).single())
        .isEqualTo(notifications);
    // a person cannot start the run
    assertThat(as("us.a", post("/api/reminders/run")).getStatus()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void theNextDayMakesTheNextDigestAndDisabledRemindersMakeNone() throws Exception {
    as("az.b", put("/api/me/reminders").content("{\"enabled\":false}"));
    clock.set(FixedClockConfiguration.TODAY.plusDays(1));
    try {
      as("operator", post("/api/reminders/run"));
      assertThat(
              jdbc.sql("select username from notification where digest_on = ? order by username")
                  .param(FixedClockConfiguration.TODAY.plusDays(1))
                  .query(String.class)
                  .list())
          .containsExactly("us.a", "us.nomail");
    } finally {
      clock.set(FixedClockConfiguration.TODAY);
    }
  }

  @Test
  @Order(5)
  void thePagesShowAndChangeTheSettingsAndListTheNotifications() throws Exception {
    jakarta.servlet.http.Cookie session = logIn("us.a");
    String page = remindersPage(session);
    assertThat(page).contains("<label for=\"daysAhead\">").contains("address on your account");
    String before = as("us.a", get("/api/me/reminders")).getContentAsString();
    String refused =
        mvc.perform(
                post("/account/reminders")
                    .cookie(session)
                    .param("daysAhead", "200")
                    .param("enabled", "true")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("days ahead is a number from 0 to 90");
    assertThat(as("us.a", get("/api/me/reminders")).getContentAsString()).isEqualTo(before);
    MockHttpServletResponse saved =
        mvc.perform(
                post("/account/reminders")
                    .cookie(session)
                    .param("daysAhead", "30")
                    .param("enabled", "true")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn()
            .getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo("/account/reminders?saved");
    assertThat(as("us.a", get("/api/me/reminders")).getContentAsString())
        .contains("\"daysAhead\":30")
        .contains("\"byEmail\":false");
    String notifications =
        mvc.perform(get("/account/notifications").cookie(session).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(notifications)
        .contains("Digest of 28 November 2026")
        .contains("A sends the grid study");
  }

  @Test
  @Order(6)
  void anAccountsEmailAddressIsOptionalAndChecked() {
    long version = accounts.find("us.nomail").orElseThrow().version();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                accounts.update(
                    "us.nomail",
                    new Accounts.AccountChange(
                        null, null, null, null, null, null, version, null, "not-an-address")))
        .isInstanceOfSatisfying(
            org.entente.shared.BadRequestException.class,
            e -> assertThat(e.field()).isEqualTo("email"));
    assertThat(accounts.find("us.nomail").orElseThrow().version()).isEqualTo(version);
    accounts.update(
        "us.nomail",
        new Accounts.AccountChange(
            null, null, null, null, null, null, version, null, " nomail@example.org "));
    assertThat(accounts.find("us.nomail").orElseThrow().email()).isEqualTo("nomail@example.org");
    accounts.update(
        "us.nomail",
        new Accounts.AccountChange(null, null, null, null, null, null, version + 1, null, ""));
    assertThat(accounts.find("us.nomail").orElseThrow().email()).isNull();
  }

  @Test
  @Order(7)
  void aReaderOfALanguageWithoutABundleGetsTheRecordsInItAndTheRestInEnglish() throws Exception {
    Definitions.LoadResult loaded =
        definitions.load(
            "english-ukrainian.yaml",
            DefinitionFixtures.resource("/definitions/english-ukrainian.yaml"));
    assertThat(loaded.loaded()).as(loaded.problems().toString()).isTrue();
    // party UA: Ukrainian is the language of the charter spoken there; the interface has no
    // Ukrainian bundle, so the sentences and dates are English, the records' texts Ukrainian
    people
        .person("ua.c")
        .party("UA")
        .email("c@example.org")
        .memberOf("en-uk-test", "bridges-group")
        .create();
    clock.set(FixedClockConfiguration.TODAY.plusDays(2));
    try {
      as("operator", post("/api/reminders/run"));
    } finally {
      clock.set(FixedClockConfiguration.TODAY);
    }
    MimeMessage c = mailTo("c@example.org");
    assertThat(c.getSubject()).isEqualTo("Entente reminders for 30 November 2026: 1 item");
    // the obligation's title is given in English only: shown so, and marked
    assertThat(itemLines((String) c.getContent()))
        .containsExactly(
            "OVERDUE since 2 December 2025: Plan of the bridges group (in English)"
                + " (en-uk-test, Група з мостів)");
  }

  @Test
  @Order(8)
  void aPersonWhoChoosesALanguageReadsTheirDigestInItAndMayGoBackToTheOneWorkedOut()
      throws Exception {
    String before = as("us.a", get("/api/me/reminders")).getContentAsString();
    assertThat(before).contains("\"language\":null").contains("\"readsIn\":\"en\"");
    for (String bad : List.of("{\"language\":\"xx\"}", "{\"language\":\"english\"}")) {
      MockHttpServletResponse refused = as("us.a", put("/api/me/reminders").content(bad));
      assertThat(refused.getStatus()).as(bad).isEqualTo(400);
      assertThat(refused.getContentAsString()).contains("language");
    }
    assertThat(as("us.a", get("/api/me/reminders")).getContentAsString()).isEqualTo(before);

    MockHttpServletResponse chosen =
        as("us.a", put("/api/me/reminders").content("{\"language\":\" AZ \"}"));
    assertThat(chosen.getStatus()).isEqualTo(200);
    assertThat(chosen.getContentAsString())
        .contains("\"language\":\"az\"")
        .contains("\"readsIn\":\"az\"");
    assertThat(
            jdbc.sql(
                    "select details from audit_event where action = 'reminder.preferences'"
                        + " order by seq desc limit 1")
                .query(String.class)
                .single())
        .contains("\"language\":\"az\"");

    clock.set(FixedClockConfiguration.TODAY.plusDays(3));
    try {
      as("operator", post("/api/reminders/run"));
    } finally {
      clock.set(FixedClockConfiguration.TODAY);
    }
    assertThat(
            jdbc.sql("select body from notification where username = 'us.a' and digest_on = ?")
                .param(FixedClockConfiguration.TODAY.plusDays(3))
                .query(String.class)
                .single())
        .as("party US, but Azerbaijani chosen")
        .startsWith("us.a üçün 1 dekabr 2026 tarixli xatırlatmalar");

    jakarta.servlet.http.Cookie session = logIn("us.a");
    String page = remindersPage(session);
    assertThat(page)
        .contains("<label for=\"language\">")
        .containsPattern("<option value=\"az\"[^>]*selected")
        .contains("As your party and charters suggest: English");

    MockHttpServletResponse back =
        as("us.a", put("/api/me/reminders").content("{\"language\":\"\"}"));
    assertThat(back.getContentAsString())
        .contains("\"language\":null")
        .contains("\"readsIn\":\"en\"");
    assertThat(
            as("us.a", put("/api/me/reminders").content("{\"daysAhead\":30}")).getContentAsString())
        .as("a change that names no language leaves it as it is")
        .contains("\"language\":null");
  }

  /** The session of a person who logged in through the form. */
  private jakarta.servlet.http.Cookie logIn(String username) throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", username)
                .param("password", PASSWORD)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  /** The reminders settings page as that session sees it. */
  private String remindersPage(jakarta.servlet.http.Cookie session) throws Exception {
    return mvc.perform(get("/account/reminders").cookie(session).accept(MediaType.TEXT_HTML))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
