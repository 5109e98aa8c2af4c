package org.entente.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.util.Configurator;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.entente.testing.People;
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
 * Calendar feeds: valid iCalendar that ical4j parses back to the same events, times in the
 * subscriber's party's zone across daylight saving, only what the subscriber may see at the moment
 * of the request, and a secret URL that stops working when revoked.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedTest {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "az-us-2026";
  static final String CANARY = "CANARY-CAL-SD-7f3e21";
  static final String INTERNAL_CANARY = "CANARY-CAL-PI-0b9d44";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Viewers viewers;
  @Autowired Meetings meetings;
  @Autowired Roadmaps roadmaps;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  final Map<String, String> token = new LinkedHashMap<>();

  MeetingView winter;
  MeetingView summer;
  MeetingView restricted;
  MeetingView internal;
  String actionItemId;
  String milestoneId;

  @BeforeAll
  void peopleAndMeetings() {
    clock.set(FixedClockConfiguration.TODAY);
    person("us.member", "US", false, "wg-energy");
    person("us.uncleared", "US", false, "wg-energy", "wg-security-defense");
    person("az.cleared", "AZ", true, "wg-energy", "wg-security-defense");
    person("us.leaver", "US", false, "wg-energy");
    Viewer cleared = viewers.of("az.cleared").orElseThrow();
    winter = schedule("Energy talks (winter)", "wg-energy", "2026-12-10T10:00", null, cleared);
    summer = schedule("Energy talks (summer)", "wg-energy", "2027-06-10T10:00", null, cleared);
    restricted =
        schedule("Patrol plan " + CANARY, "wg-security-defense", "2026-12-11T09:00", null, cleared);
    internal =
        schedule(
            "Our line " + INTERNAL_CANARY,
            "wg-energy",
            "2026-12-12T09:00",
            "party-internal",
            cleared);
    actionItemId =
        meetings
            .addActionItem(
                winter.id(),
                new ActionItemInput(
                    "Send the grid study", null, "us.member", LocalDate.of(2026, 12, 5)),
                cleared)
            .id()
            .toString();
    milestoneId =
        roadmaps
            .add(
                CharterKey.of(CHARTER),
                "wg-energy",
                new MilestoneInput(
                    "grid-survey",
                    Map.of("en", "Grid survey done"),
                    null,
                    LocalDate.of(2026, 12, 1),
                    LocalDate.of(2026, 12, 20),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null),
                cleared)
            .id()
            .toString();
  }

  private void person(String username, String party, boolean cleared, String... groups) {
    People.Person person =
        people.person(username).party(party).organization("Organization of " + username);
    for (String g : groups) {
      person.memberOf(CHARTER, g);
    }
    token.put(username, person.cleared(cleared).create());
  }

  private MeetingView schedule(
      String title, String group, String start, String classification, Viewer viewer) {
    LocalDateTime startsAt = LocalDateTime.parse(start);
    return meetings.schedule(
        CharterKey.of(CHARTER),
        new MeetingInput(
            "working-group",
            group,
            title,
            startsAt,
            startsAt.plusHours(2),
            "Asia/Baku",
            "Baku",
            false,
            classification,
            List.of()),
        viewer);
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token.get(who))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  /** Subscribes through the API; the path of the feed's URL. */
  private String subscribe(String who, String body) throws Exception {
    MockHttpServletResponse response = as(who, post("/api/me/calendars").content(body));
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    String url = JsonPath.read(response.getContentAsString(), "$.url");
    assertThat(url).matches("http://localhost/calendars/[A-Za-z0-9_-]{43}\\.ics");
    return url.substring("http://localhost".length());
  }

  /** Fetches a feed with no login, as a calendar program does. */
  private MockHttpServletResponse fetch(String path) throws Exception {
    return mvc.perform(get(path)).andReturn().getResponse();
  }

  private Calendar parse(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("text/calendar");
    return new CalendarBuilder().build(new StringReader(response.getContentAsString()));
  }

  private static Map<String, VEvent> eventsByUid(Calendar calendar) {
    Map<String, VEvent> events = new LinkedHashMap<>();
    for (VEvent e : calendar.<VEvent>getComponents("VEVENT")) {
      events.put(e.getUid().orElseThrow().getValue(), e);
    }
    return events;
  }

  @Test
  void aPersonsFeedIsValidICalendarThatParsesBackToTheSameEvents() throws Exception {
    String path = subscribe("us.member", "{\"kind\":\"person\"}");
    MockHttpServletResponse response = fetch(path);
    Calendar calendar = parse(response);

    assertThat(calendar.validate().getEntries()).isEmpty();
    Map<String, VEvent> events = eventsByUid(calendar);
    assertThat(events.keySet())
        .containsExactlyInAnyOrder(
            "meeting-" + winter.id() + "@entente",
            "meeting-" + summer.id() + "@entente",
            "action-item-" + actionItemId + "@entente",
            "milestone-" + milestoneId + "@entente");
    assertThat(
            events.values().stream()
                .map(e -> e.getSummary().getValue())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "Energy talks (winter)",
            "Energy talks (summer)",
            "Action item: Send the grid study",
            "Milestone due: Grid survey done");
    // the action item and the milestone are all-day events on their due dates
    assertThat(events.get("action-item-" + actionItemId + "@entente").getDateTimeStart().getValue())
        .isEqualTo("20261205");
    assertThat(events.get("milestone-" + milestoneId + "@entente").getDateTimeStart().getValue())
        .isEqualTo("20261220");
    // one VTIMEZONE for each zone used, and only those
    assertThat(
            calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .map(z -> z.getTimeZoneId().getValue())
                .toList())
        .containsExactly("America/New_York");
    // writing the parsed calendar again gives the same text, byte for byte
    java.io.StringWriter again = new java.io.StringWriter();
    new CalendarOutputter(false).output(calendar, again);
    assertThat(again.toString()).isEqualTo(response.getContentAsString());
  }

  @Test
  void aFeedIsWrittenInItsOwnersLanguageOrInTheOneItsAddressAsksFor() throws Exception {
    // az.cleared, of party AZ, reads Azerbaijani (decision 0039): the feed's words, the group's
    // name and the milestone's text (given in English only, so marked as such)
    Map<String, VEvent> az = eventsByUid(parse(fetch(subscribe("az.cleared", "{}"))));
    VEvent milestone = az.get("milestone-" + milestoneId + "@entente");
    assertThat(milestone.getSummary().getValue())
        .isEqualTo("Mərhələnin son tarixi: Grid survey done (ingiliscə)");
    assertThat(milestone.getDescription().getValue())
        .isEqualTo("Enerji üzrə İşçi Qrup (az-us-2026), Başlanmayıb.");
    assertThat(az.get("meeting-" + winter.id() + "@entente").getDescription().getValue())
        .endsWith("(az-us-2026), planlaşdırılıb. Vaxtlar Asia/Baku saat qurşağı ilədir");

    // us.member reads English; the same feed with ?lang=az is in Azerbaijani
    String path = subscribe("us.member", "{}");
    VEvent item = eventsByUid(parse(fetch(path))).get("action-item-" + actionItemId + "@entente");
    assertThat(item.getSummary().getValue()).isEqualTo("Action item: Send the grid study");
    VEvent inAz =
        eventsByUid(parse(fetch(path + "?lang=az")))
            .get("action-item-" + actionItemId + "@entente");
    assertThat(inAz.getSummary().getValue()).isEqualTo("Tapşırıq: Send the grid study (ingiliscə)");
    assertThat(inAz.getDescription().getValue())
        .isEqualTo("Energy talks (winter) (ingiliscə) iclasından (az-us-2026).");
    // a language no charter declares is refused, as on every page
    assertThat(fetch(path + "?lang=xx").getStatus()).isEqualTo(400);
  }

  @Test
  void aMeetingAtTenInBakuShowsAtOneInWinterAndTwoInSummerForAUsMember() throws Exception {
    Map<String, VEvent> us = eventsByUid(parse(fetch(subscribe("us.member", "{}"))));
    DtStart<?> winterStart = us.get("meeting-" + winter.id() + "@entente").getDateTimeStart();
    DtStart<?> summerStart = us.get("meeting-" + summer.id() + "@entente").getDateTimeStart();
    assertThat(winterStart.getParameter("TZID").orElseThrow().getValue())
        .isEqualTo("America/New_York");
    assertThat(winterStart.getValue()).isEqualTo("20261210T010000");
    assertThat(summerStart.getParameter("TZID").orElseThrow().getValue())
        .isEqualTo("America/New_York");
    assertThat(summerStart.getValue()).isEqualTo("20270610T020000");

    // an Azerbaijani member sees the same meeting at 10:00 in Baku
    Map<String, VEvent> az = eventsByUid(parse(fetch(subscribe("az.cleared", "{}"))));
    DtStart<?> baku = az.get("meeting-" + winter.id() + "@entente").getDateTimeStart();
    assertThat(baku.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Baku");
    assertThat(baku.getValue()).isEqualTo("20261210T100000");
  }

  @Test
  void aRestrictedOrPartyInternalMeetingIsOnlyInTheFeedsOfThoseEntitled() throws Exception {
    String cleared = fetch(subscribe("az.cleared", "{}")).getContentAsString();
    assertThat(cleared).contains(CANARY).contains(INTERNAL_CANARY);
    for (String who : List.of("us.member", "us.uncleared")) {
      String feed = fetch(subscribe(who, "{}")).getContentAsString();
      assertThat(feed).as(who).doesNotContain(CANARY).doesNotContain(INTERNAL_CANARY);
    }
    // a group feed of the restricted group: the cleared member's shows the canary
    String group =
        fetch(
                subscribe(
                    "az.cleared",
                    "{\"kind\":\"group\",\"charter\":\""
                        + CHARTER
                        + "\",\"group\":\"wg-security-defense\"}"))
            .getContentAsString();
    assertThat(group).contains(CANARY).doesNotContain("Energy talks");
  }

  @Test
  void aGroupFeedOfAGroupOneMayNotReadOrThatDoesNotExistIsRefusedAndChangesNothing()
      throws Exception {
    long before = jdbc.sql("select count(*) from calendar_feed").query(Long.class).single();
    for (String body :
        List.of(
            "{\"kind\":\"group\",\"charter\":\""
                + CHARTER
                + "\",\"group\":\"wg-security-defense\"}",
            "{\"kind\":\"group\",\"charter\":\"" + CHARTER + "\",\"group\":\"no-such-group\"}",
            "{\"kind\":\"group\",\"charter\":\"no-such-charter\",\"group\":\"wg-energy\"}",
            "{\"kind\":\"group\",\"charter\":\"" + CHARTER + "\"}",
            "{\"kind\":\"weekly\"}")) {
      MockHttpServletResponse response = as("us.member", post("/api/me/calendars").content(body));
      assertThat(response.getStatus()).as(body).isEqualTo(400);
      assertThat(response.getContentType()).contains("problem+json");
      assertThat(response.getContentAsString()).contains("\"field\"");
    }
    // the uncleared member of the restricted group is refused the same way
    MockHttpServletResponse uncleared =
        as(
            "us.uncleared",
            post("/api/me/calendars")
                .content(
                    "{\"kind\":\"group\",\"charter\":\""
                        + CHARTER
                        + "\",\"group\":\"wg-security-defense\"}"));
    assertThat(uncleared.getStatus()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from calendar_feed").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aRevokedOrUnknownSecretAnswers404AndOnlyAHashIsStored() throws Exception {
    String path = subscribe("us.member", "{}");
    String secret = path.substring("/calendars/".length(), path.length() - ".ics".length());
    assertThat(fetch(path).getStatus()).isEqualTo(200);
    assertThat(
            jdbc.sql("select count(*) from calendar_feed where secret_hash = ?")
                .param(Calendars.hash(secret))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from calendar_feed where secret_hash like ?")
                .param("%" + secret + "%")
                .query(Long.class)
                .single())
        .isZero();

    String list = as("us.member", get("/api/me/calendars")).getContentAsString();
    assertThat(list).doesNotContain(secret);
    String id =
        jdbc.sql("select cast(id as varchar) from calendar_feed where secret_hash = ?")
            .param(Calendars.hash(secret))
            .query(String.class)
            .single();
    // someone else cannot revoke it
    assertThat(as("us.uncleared", delete("/api/me/calendars/" + id)).getStatus()).isEqualTo(404);
    assertThat(fetch(path).getStatus()).isEqualTo(200);
    assertThat(as("us.member", delete("/api/me/calendars/" + id)).getStatus()).isEqualTo(204);
    assertThat(fetch(path).getStatus()).isEqualTo(404);
    assertThat(fetch("/calendars/" + "A".repeat(43) + ".ics").getStatus()).isEqualTo(404);
    assertThat(fetch("/calendars/short.ics").getStatus()).isEqualTo(404);
  }

  @Test
  void aRemovedMembershipOrADisabledAccountShowsAtTheNextRequest() throws Exception {
    String path = subscribe("us.leaver", "{}");
    assertThat(fetch(path).getContentAsString()).contains("Energy talks (winter)");
    long version = accounts.find("us.leaver").orElseThrow().version();
    accounts.update(
        "us.leaver",
        new Accounts.AccountChange(null, null, null, null, null, null, version, List.of()));
    assertThat(fetch(path).getContentAsString()).doesNotContain("Energy talks");
    accounts.update(
        "us.leaver", new Accounts.AccountChange(null, null, null, null, null, false, version + 1));
    assertThat(fetch(path).getStatus()).isEqualTo(404);
  }

  @Test
  void thePagesListCreateAndRevokeWithCsrf() throws Exception {
    Cookie session =
        mvc.perform(
                post("/login")
                    .param("username", "az.cleared")
                    .param("password", PASSWORD)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    String page =
        mvc.perform(get("/account/calendars").cookie(session).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Subscribe to my calendar").contains("Working Group on Energy");
    assertThat(
            mvc.perform(post("/account/calendars").cookie(session).param("kind", "person"))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("no CSRF token")
        .isEqualTo(403);
    String created =
        mvc.perform(
                post("/account/calendars")
                    .cookie(session)
                    .param("kind", "group")
                    .param("group", CHARTER + "/wg-energy")
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(created).contains("/calendars/").contains("Copy it now");
    String id =
        jdbc.sql(
                "select cast(id as varchar) from calendar_feed where username = 'az.cleared'"
                    + " and kind = 'GROUP' and revoked_at is null order by created_at desc")
            .query(String.class)
            .list()
            .get(0);
    MockHttpServletResponse revoked =
        mvc.perform(post("/account/calendars/" + id + "/revoke").cookie(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(revoked.getRedirectedUrl()).isEqualTo("/account/calendars?revoked");
    assertThat(
            jdbc.sql(
                    "select revoked_at is not null from calendar_feed where cast(id as varchar) = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void timeZonesComeFromTheBundledDataNeverTheNetwork() {
    assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled"))
        .isEqualTo(Optional.of("false"));
    assertThat(Set.of(winter.startsAt().getZone().getId())).containsExactly("Asia/Baku");
  }
}
