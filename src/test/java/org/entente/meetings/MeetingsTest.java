package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Meetings of the connectivity working group through the API: what they record, what is refused,
 * how times show across time zones, the joint statement's agreement and publication, and the
 * annual-meeting obligation they meet.
 */
@EntenteTest
@CleanAfterEachTest
class MeetingsTest {

  static final String PASSWORD = "correct horse battery";
  static final String GROUP = "wg-connectivity-digital";
  static final String MEETINGS = "/api/charters/az-us-2026/meetings";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    person("us.cochair", "US", "U.S. Department of State", Role.CO_CHAIR, GROUP, true);
    person("az.cochair", "AZ", "Ministry of Digital Development", Role.CO_CHAIR, GROUP, true);
    person("az.member", "AZ", "Azerbaijan Railways", Role.MEMBER, GROUP, false);
    person("us.energy", "US", "U.S. Department of Energy", Role.MEMBER, "wg-energy", false);
  }

  private void person(
      String name, String party, String organization, Role role, String group, boolean chair) {
    token.put(
        name,
        people
            .person(name)
            .party(party)
            .organization(organization)
            .role(role)
            .memberOf(People.CHARTER, group, chair)
            .create());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private MockHttpServletResponse schedule(String who, String start, String end, String zone)
      throws Exception {
    return as(
        who,
        post(MEETINGS)
            .content(
                """
                {"body":"working-group","bodyKey":"%s","title":"Connectivity working group, annual meeting",
                 "startsAt":"%s","endsAt":"%s","timeZone":"%s","place":"Baku",
                 "participants":[{"party":"AZ","organization":"Ministry of Digital Development"},
                                 {"party":"US","organization":"United States"}]}
                """
                    .formatted(GROUP, start, end, zone)));
  }

  private String id(MockHttpServletResponse response) throws Exception {
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void aHeldMeetingRecordsItsWorkMeetsTheAnnualObligationAndPublishesTheAgreedStatement()
      throws Exception {
    MockHttpServletResponse scheduled =
        schedule("az.member", "2026-11-20T10:00", "2026-11-20T13:00", "Asia/Baku");
    assertThat(scheduled.getStatus()).isEqualTo(201);
    String meeting = id(scheduled);
    assertThat((String) JsonPath.read(scheduled.getContentAsString(), "$.status"))
        .isEqualTo("planned");

    MockHttpServletResponse project =
        as(
            "az.member",
            post("/api/charters/az-us-2026/working-groups/" + GROUP + "/projects")
                .content(
                    """
                    {"key":"fibre-caspian","title":{"en":"Trans-Caspian fibre link"},
                     "commitments":["middle-corridor"]}
                    """));
    assertThat(project.getStatus()).as(project.getContentAsString()).isEqualTo(201);
    String projectId = id(project);

    assertThat(
            as(
                    "az.member",
                    post("/api/meetings/" + meeting + "/agenda-items")
                        .content(
                            "{\"title\":\"Progress of the fibre link\",\"projectId\":\""
                                + projectId
                                + "\"}"))
                .getStatus())
        .isEqualTo(200);
    String agendaItem =
        JsonPath.read(
            as("az.member", get("/api/meetings/" + meeting)).getContentAsString(),
            "$.agenda[0].id");
    assertThat(
            as(
                    "us.cochair",
                    post("/api/meetings/" + meeting + "/decisions")
                        .content(
                            "{\"text\":\"The survey starts in January.\",\"agendaItemId\":\""
                                + agendaItem
                                + "\"}"))
                .getStatus())
        .isEqualTo(200);
    MockHttpServletResponse action =
        as(
            "us.cochair",
            post("/api/meetings/" + meeting + "/action-items")
                .content(
                    """
                    {"title":"Share the route survey","ownerOrganization":"Azerbaijan Railways",
                     "dueOn":"2027-01-31"}
                    """));
    assertThat(action.getStatus()).isEqualTo(201);

    // The owner's organization sees it in its work list; someone of another organization does not.
    assertThat(as("az.member", get("/api/me/action-items")).getContentAsString())
        .contains("Share the route survey");
    assertThat(as("az.cochair", get("/api/me/action-items")).getContentAsString())
        .doesNotContain("Share the route survey");

    long version =
        ((Number) JsonPath.read(scheduled.getContentAsString(), "$.version")).longValue();
    MockHttpServletResponse held =
        as(
            "az.member",
            patch("/api/meetings/" + meeting)
                .content("{\"status\":\"held\",\"version\":" + version + "}"));
    assertThat(held.getStatus()).isEqualTo(200);
    assertThat((String) JsonPath.read(held.getContentAsString(), "$.status")).isEqualTo("held");

    String obligations =
        as("az.member", get("/api/charters/az-us-2026/obligations").param("subject", GROUP))
            .getContentAsString();
    List<Map<String, Object>> annual =
        JsonPath.read(obligations, "$.items[?(@.rule == 'wg-meeting')]");
    assertThat(annual).hasSize(1);
    assertThat(annual.get(0).get("lastMetOn")).isEqualTo("2026-11-20");
    assertThat(annual.get(0).get("dueOn")).isEqualTo("2027-11-20");

    // The statement: drafted, submitted, approved by both co-chairs, then public.
    assertThat(
            as(
                    "az.member",
                    put("/api/meetings/" + meeting + "/statement")
                        .content(
                            "{\"text\":{\"en\":\"The working group reviewed the fibre link.\","
                                + "\"az\":\"İşçi qrup fiber xəttini nəzərdən keçirdi.\"},"
                                + "\"publish\":true}"))
                .getStatus())
        .isEqualTo(200);
    assertThat(as("az.member", post("/api/meetings/" + meeting + "/statement/submit")).getStatus())
        .isEqualTo(200);
    assertThat(as(null, get("/api/meetings/" + meeting + "/statement")).getStatus()).isEqualTo(404);
    assertThat(
            as(
                    "az.cochair",
                    post("/api/meetings/" + meeting + "/statement/approve")
                        .content("{\"version\":1}"))
                .getStatus())
        .isEqualTo(200);
    assertThat(as(null, get("/api/meetings/" + meeting + "/statement")).getStatus()).isEqualTo(404);
    MockHttpServletResponse agreed =
        as(
            "us.cochair",
            post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":1}"));
    assertThat(agreed.getStatus()).isEqualTo(200);
    assertThat((String) JsonPath.read(agreed.getContentAsString(), "$.statement.agreement.state"))
        .isEqualTo("AGREED");

    MockHttpServletResponse published = as(null, get("/api/meetings/" + meeting + "/statement"));
    assertThat(published.getStatus()).isEqualTo(200);
    assertThat(published.getContentAsString())
        .contains("The working group reviewed the fibre link.");
    assertThat(mvc.perform(get("/statements/" + meeting)).andReturn().getResponse())
        .satisfies(
            r -> {
              assertThat(r.getStatus()).isEqualTo(200);
              assertThat(r.getContentAsString())
                  .contains("The working group reviewed the fibre link.");
            });
    // The meeting itself stays with the group.
    assertThat(as(null, get("/api/meetings/" + meeting)).getStatus()).isEqualTo(404);
  }

  @Test
  void aStatementAgreedWithoutPublicationStaysWithTheGroup() throws Exception {
    String meeting = id(schedule("az.member", "2026-11-20T10:00", "2026-11-20T12:00", "Asia/Baku"));
    as(
        "az.member",
        put("/api/meetings/" + meeting + "/statement")
            .content(
                "{\"text\":{\"en\":\"Internal summary.\",\"az\":\"Daxili xülasə.\"},"
                    + "\"publish\":false}"));
    as("az.member", post("/api/meetings/" + meeting + "/statement/submit"));
    as(
        "az.cochair",
        post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":1}"));
    MockHttpServletResponse agreed =
        as(
            "us.cochair",
            post("/api/meetings/" + meeting + "/statement/approve").content("{\"version\":1}"));
    assertThat((String) JsonPath.read(agreed.getContentAsString(), "$.statement.agreement.state"))
        .isEqualTo("AGREED");
    assertThat(as(null, get("/api/meetings/" + meeting + "/statement")).getStatus()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} at 10:00 in Baku shows at {1} U.S. Eastern")
  @CsvSource({"2026-12-10, 01:00", "2027-06-10, 02:00"})
  void aMeetingAtTenInBakuShowsInUsEasternToAUsMember(String day, String eastern) throws Exception {
    String meeting = id(schedule("az.member", day + "T10:00", day + "T12:00", "Asia/Baku"));
    MockHttpServletResponse us = as("us.cochair", get("/api/meetings/" + meeting));
    assertThat((String) JsonPath.read(us.getContentAsString(), "$.shownIn"))
        .isEqualTo("America/New_York");
    String page =
        mvc.perform(
                get("/meetings/" + meeting).cookie(login("us.cochair")).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    // dates for people in the reader's language (English here), the zone named after the times
    String shownDay =
        java.time.LocalDate.parse(day)
            .format(
                java.time.format.DateTimeFormatter.ofPattern("d MMMM y", java.util.Locale.ENGLISH));
    assertThat(page).contains(shownDay + ", " + eastern).contains("America/New_York");
    assertThat(page).contains(shownDay + ", 10:00–12:00 Asia/Baku");
    // An Azerbaijani member sees Baku time.
    MockHttpServletResponse az = as("az.member", get("/api/meetings/" + meeting));
    assertThat((String) JsonPath.read(az.getContentAsString(), "$.shownIn")).isEqualTo("Asia/Baku");
  }

  private jakarta.servlet.http.Cookie login(String username) throws Exception {
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

  @Test
  void anEndBeforeTheStartIsRefusedAndChangesNothing() throws Exception {
    long before = count("meeting");
    MockHttpServletResponse response =
        schedule("az.member", "2026-12-10T12:00", "2026-12-10T10:00", "Asia/Baku");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("endsAt").contains("before");
    assertThat(count("meeting")).isEqualTo(before);
  }

  @Test
  void anAttendeeFromAnUnknownOrganizationIsRefusedAndChangesNothing() throws Exception {
    long before = count("meeting");
    MockHttpServletResponse response =
        as(
            "az.member",
            post(MEETINGS)
                .content(
                    """
                    {"body":"working-group","bodyKey":"%s","title":"Meeting",
                     "startsAt":"2026-12-10T10:00","endsAt":"2026-12-10T12:00","timeZone":"Asia/Baku",
                     "participants":[{"party":"AZ","organization":"Ministry of Nowhere"}]}
                    """
                        .formatted(GROUP)));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString())
        .contains("participants[0].organization")
        .contains("Ministry of Nowhere")
        .contains("not an organization known here");
    assertThat(count("meeting")).isEqualTo(before);

    String meeting = id(schedule("az.member", "2026-12-10T10:00", "2026-12-10T12:00", "Asia/Baku"));
    long participants = count("meeting_participant");
    MockHttpServletResponse added =
        as(
            "az.member",
            post("/api/meetings/" + meeting + "/participants")
                .content("{\"organization\":\"Acme Unknown Ltd\"}"));
    assertThat(added.getStatus()).isEqualTo(400);
    assertThat(count("meeting_participant")).isEqualTo(participants);
  }

  @Test
  void anActionItemWithoutOwnerIsRefusedAndChangesNothing() throws Exception {
    String meeting = id(schedule("az.member", "2026-12-10T10:00", "2026-12-10T12:00", "Asia/Baku"));
    long before = count("action_item");
    MockHttpServletResponse response =
        as(
            "az.member",
            post("/api/meetings/" + meeting + "/action-items")
                .content("{\"title\":\"Nobody's job\",\"dueOn\":\"2027-01-31\"}"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("\"field\":\"owner\"").contains("owner");
    MockHttpServletResponse unknownPerson =
        as(
            "az.member",
            post("/api/meetings/" + meeting + "/action-items")
                .content(
                    "{\"title\":\"A job\",\"ownerUsername\":\"nobody\",\"dueOn\":\"2027-01-31\"}"));
    assertThat(unknownPerson.getStatus()).isEqualTo(400);
    assertThat(count("action_item")).isEqualTo(before);
  }

  @Test
  void minutesWithAScriptTagAreSanitizedNotRefused() throws Exception {
    MockHttpServletResponse scheduled =
        schedule("az.member", "2026-12-10T10:00", "2026-12-10T12:00", "Asia/Baku");
    String meeting = id(scheduled);
    MockHttpServletResponse changed =
        as(
            "az.member",
            patch("/api/meetings/" + meeting)
                .content(
                    """
                    {"version":0,"minutes":"<p onclick=\\"steal()\\">Opened at <b>10:00</b>.</p><script>alert('x')</script><ul><li>Survey</li></ul>"}
                    """));
    assertThat(changed.getStatus()).isEqualTo(200);
    String minutes = JsonPath.read(changed.getContentAsString(), "$.minutes.en");
    assertThat(minutes)
        .contains("<p>Opened at <b>10:00</b>.</p>")
        .contains("<li>Survey</li>")
        .doesNotContain("script")
        .doesNotContain("alert")
        .doesNotContain("onclick");
  }

  @Test
  void aStaleVersionIsAConflictAndAFutureMeetingCannotBeHeld() throws Exception {
    String meeting = id(schedule("az.member", "2026-12-10T10:00", "2026-12-10T12:00", "Asia/Baku"));
    MockHttpServletResponse future =
        as(
            "az.member",
            patch("/api/meetings/" + meeting).content("{\"status\":\"held\",\"version\":0}"));
    assertThat(future.getStatus()).isEqualTo(400);
    assertThat(future.getContentAsString()).contains("has not started");
    assertThat(
            as(
                    "az.member",
                    patch("/api/meetings/" + meeting)
                        .content("{\"place\":\"Washington\",\"version\":0}"))
                .getStatus())
        .isEqualTo(200);
    MockHttpServletResponse stale =
        as(
            "us.cochair",
            patch("/api/meetings/" + meeting).content("{\"place\":\"Tbilisi\",\"version\":0}"));
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(
            (String)
                JsonPath.read(
                    as("az.member", get("/api/meetings/" + meeting)).getContentAsString(),
                    "$.place"))
        .isEqualTo("Washington");
  }

  @Test
  void anActionItemBecomesARoadmapMilestone() throws Exception {
    String meeting = id(schedule("az.member", "2026-11-20T10:00", "2026-11-20T12:00", "Asia/Baku"));
    String item =
        id(
            as(
                "az.member",
                post("/api/meetings/" + meeting + "/action-items")
                    .content(
                        """
                        {"title":"Publish the tender","ownerOrganization":"Azerbaijan Railways",
                         "ownerUsername":"az.member","dueOn":"2027-03-31"}
                        """)));
    MockHttpServletResponse milestone =
        as(
            "az.member",
            post("/api/action-items/" + item + "/milestone").content("{\"key\":\"tender\"}"));
    assertThat(milestone.getStatus()).isEqualTo(201);
    assertThat((String) JsonPath.read(milestone.getContentAsString(), "$.plannedEnd"))
        .isEqualTo("2027-03-31");
    String roadmap =
        as("us.cochair", get("/api/charters/az-us-2026/working-groups/" + GROUP + "/roadmap"))
            .getContentAsString();
    assertThat(roadmap).contains("Publish the tender").contains("\"key\":\"tender\"");
    assertThat(as("az.member", post("/api/action-items/" + item + "/milestone")).getStatus())
        .isEqualTo(400);
  }

  @Test
  void someoneOutsideTheGroupNeitherSeesNorChangesItsMeetings() throws Exception {
    String meeting = id(schedule("az.member", "2026-12-10T10:00", "2026-12-10T12:00", "Asia/Baku"));
    assertThat(as("us.energy", get("/api/meetings/" + meeting)).getStatus()).isEqualTo(404);
    assertThat(
            as("us.energy", get(MEETINGS).param("from", "2026-12-01").param("to", "2027-01-01"))
                .getContentAsString())
        .doesNotContain(meeting);
    assertThat(
            as(
                    "us.energy",
                    patch("/api/meetings/" + meeting).content("{\"place\":\"X\",\"version\":0}"))
                .getStatus())
        .isEqualTo(404);
    assertThat(
            as("az.member", get(MEETINGS).param("from", "2026-12-01").param("to", "2027-01-01"))
                .getContentAsString())
        .contains(meeting);
  }

  @Test
  void officialsEstablishADialoguePlatformWhoseMeetingsItsMembersSchedule() throws Exception {
    MockHttpServletResponse established =
        as(
            "az.cochair",
            post("/api/charters/az-us-2026/dialogue-platforms")
                .content(
                    """
                    {"key":"energy-security-dialogue","name":"Energy security dialogue",
                     "purpose":"A standing dialogue on energy security."}
                    """));
    assertThat(established.getStatus()).isEqualTo(201);
    // proposed by one party, it is established when both parties approve it (issue 18, item 7)
    for (String who : List.of("az.cochair", "us.cochair")) {
      MockHttpServletResponse approved =
          as(
              who,
              post("/api/charters/az-us-2026/agreements/dialogue-platform/"
                      + "energy-security-dialogue/approve")
                  .content("{\"version\":1}"));
      assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
    }
    assertThat(
            as(
                    "az.cochair",
                    post("/api/charters/az-us-2026/dialogue-platforms")
                        .content("{\"key\":\"energy-security-dialogue\",\"name\":\"Again\"}"))
                .getStatus())
        .isEqualTo(400);
    accounts.create(
        new Accounts.NewAccount(
            "platform.member",
            "platform.member",
            "US",
            "U.S. Department of Energy",
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD,
            List.of(new MembershipInput("az-us-2026", "energy-security-dialogue", false))));
    token.put("platform.member", tokens.create("platform.member", "t", Scope.WRITE, 30).secret());
    MockHttpServletResponse meeting =
        as(
            "platform.member",
            post(MEETINGS)
                .content(
                    """
                    {"body":"dialogue-platform","bodyKey":"energy-security-dialogue",
                     "title":"First session","startsAt":"2027-01-15T09:00","endsAt":"2027-01-15T11:00",
                     "timeZone":"America/New_York","online":true}
                    """));
    assertThat(meeting.getStatus()).as(meeting.getContentAsString()).isEqualTo(201);
    assertThat((String) JsonPath.read(meeting.getContentAsString(), "$.bodyName"))
        .isEqualTo("Energy security dialogue");
    assertThat(as("az.member", get("/api/meetings/" + id(meeting))).getStatus()).isEqualTo(404);
  }
}
