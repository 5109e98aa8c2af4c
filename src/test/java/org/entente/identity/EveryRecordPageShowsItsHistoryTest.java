package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18: every page that shows one record ends with its history panel, with the record's latest
 * change for a member who may see it; a change made while the record was another party's internal
 * record is not in it, and the public sees no panel on a record page.
 */
@EntenteTest
@CleanAfterEachTest
class EveryRecordPageShowsItsHistoryTest {

  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-connectivity-digital";
  static final String API = "/api/charters/" + CHARTER + "/working-groups/" + GROUP;

  /** Page routes that show one record: each is visited below. */
  static final List<String> RECORD_PAGES =
      List.of(
          "/charters/{charter}",
          "/charters/{charter}/commitments/{commitment}",
          "/charters/{charter}/working-groups/{group}",
          "/charters/{charter}/working-groups/{group}/workspace",
          "/charters/{charter}/working-groups/{group}/roadmap/milestones/{id}",
          "/projects/{id}",
          "/meetings/{id}",
          "/indicators/{id}",
          "/charters/{charter}/indicators/{key}",
          "/admin/accounts/{username}",
          "/charters/{charter}/events/{id}",
          "/charters/{charter}/organizations/{id}");

  /** Page routes with a path variable that show no one record, and why. */
  static final Map<String, String> NOT_RECORD_PAGES =
      Map.ofEntries(
          Map.entry(
              "/statements/{id}",
              "the public page of a published joint statement: the statement's changes are"
                  + " recorded on its meeting, whose page shows them"),
          Map.entry(
              "/imports/{id}", "the report of one import run; each record it changed shows it"),
          Map.entry("/calendars/{secret}.ics", "a calendar feed, not a page"),
          Map.entry(
              "/charters/{charter}/workspace/translations/{language}",
              "a queue: what awaits translation into one language, a list and not one record"),
          Map.entry(
              "/translations/{subject}/{key}/{language}",
              "the editor of one text's translation: its changes are recorded on the record it"
                  + " belongs to (a statement's on its meeting), whose page shows them"),
          Map.entry("/dashboard/{charter}", "a dashboard over many records"),
          Map.entry("/charters/{charter}/working-groups/{group}/import", "a form to import a file"),
          Map.entry(
              "/charters/{charter}/working-groups/{group}/projects/new", "a form for a new record"),
          Map.entry(
              "/charters/{charter}/working-groups/{group}/roadmap/milestones/new",
              "a form for a new record"),
          Map.entry("/charters/{charter}/meetings/new", "a form for a new record"),
          Map.entry("/charters/{charter}/events/new", "a form for a new record"),
          Map.entry("/charters/{charter}/organizations", "the directory: a list of organizations"),
          Map.entry(
              "/charters/{charter}/working-groups/{group}/delegates",
              "a co-chair's form over the group's delegations, a list and not one record"),
          Map.entry(
              "/projects/{id}/edit", "the form that changes a project: /projects/{id} shows it"),
          Map.entry("/indicators/{id}/values.csv", "a CSV file"),
          Map.entry("/charters/{charter}/working-groups/{group}/import/projects.csv", "a CSV file"),
          Map.entry(
              "/charters/{charter}/working-groups/{group}/import/milestones.csv", "a CSV file"),
          Map.entry("/charters/{charter}/deadlines", "a list of deadlines"),
          Map.entry("/charters/{charter}/indicators", "a list of indicators"),
          Map.entry("/charters/{charter}/meetings", "a calendar of meetings"),
          Map.entry("/charters/{charter}/statements", "a list of joint statements"),
          Map.entry("/charters/{charter}/open-data", "the open data files"),
          Map.entry("/charters/{charter}/progress", "progress over every commitment"),
          Map.entry("/charters/{charter}/report", "a report over a period"),
          Map.entry("/charters/{charter}/report.pdf", "a report over a period"),
          Map.entry("/charters/{charter}/search", "search results"));

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeEach
  void people() {
    for (String party : List.of("US", "AZ")) {
      String who = party.toLowerCase() + ".hist";
      token.put(
          who,
          people
              .person(who)
              .party(party)
              .role(Role.CO_CHAIR)
              .memberOf(CHARTER, GROUP, true)
              .create());
    }
    people.person("hist.admin").role(Role.ADMINISTRATOR).create();
    token.put(
        "hist.coord", people.person("hist.coord").party("US").role(Role.COORDINATOR).create());
  }

  private MockHttpServletResponse api(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token.get(who))
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private String created(String who, String url, String body) throws Exception {
    MockHttpServletResponse r = api(who, post(url).content(body));
    assertThat(r.getStatus()).as(url + ": " + r.getContentAsString()).isIn(200, 201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private Cookie login(String username) throws Exception {
    return People.session(mvc, username);
  }

  private String page(String url, Cookie session) throws Exception {
    MockHttpServletRequestBuilder request = get(url).accept(MediaType.TEXT_HTML);
    if (session != null) {
      request.cookie(session);
    }
    MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return r.getContentAsString();
  }

  /** The history panel of a page, or null when it has none. */
  private static String panel(String page) {
    int start = page.indexOf("<section class=\"history\"");
    return start < 0 ? null : page.substring(start, page.indexOf("</section>", start));
  }

  /** The latest change the audit trail has for a record: what its panel shows first. */
  private String latest(String type, String... ids) {
    return jdbc.sql(
            "select action from audit_event where record_type = :type and record_id in (:ids)"
                + " and outcome = 'SUCCESS' and action not in ('record.read', 'login.succeeded')"
                + " order by seq desc limit 1")
        .param("type", type)
        .param("ids", List.of(ids))
        .query(String.class)
        .single();
  }

  private String label(String action) throws Exception {
    java.util.Properties messages = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/messages.properties")) {
      messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return messages.getProperty("history.action." + action);
  }

  @Test
  void everyPageRouteIsARecordPageOrNamesWhyNot() {
    TreeSet<String> unlisted = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              boolean get =
                  info.getMethodsCondition().getMethods().isEmpty()
                      || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
              for (String pattern : info.getPatternValues()) {
                if (get
                    && pattern.contains("{")
                    && !pattern.startsWith("/api/")
                    && !pattern.startsWith("/public/")
                    && !RECORD_PAGES.contains(pattern)
                    && !NOT_RECORD_PAGES.containsKey(pattern)) {
                  unlisted.add(pattern);
                }
              }
            });
    assertThat(unlisted).as("page routes neither listed as a record page nor excused").isEmpty();
  }

  @Test
  void everyRecordPageEndsWithItsLatestChangeForAMemberAndNoPanelForThePublic() throws Exception {
    String project =
        created(
            "us.hist",
            API + "/projects",
            """
            {"key":"hist-port","title":{"az":"Liman","en":"History port"},
             "commitments":["tripp"],"leads":{"US":"Department of State"},
             "partners":[],"financing":[],"classification":"bilateral"}
            """);
    String milestone =
        created(
            "us.hist",
            API + "/roadmap/milestones",
            """
            {"key":"hist-m1","title":{"en":"History milestone"},"plannedStart":"2026-12-01",
             "plannedEnd":"2027-03-01","classification":"bilateral"}
            """);
    String meeting =
        created(
            "us.hist",
            "/api/charters/" + CHARTER + "/meetings",
            """
            {"body":"working-group","bodyKey":"%s","title":"History meeting",
             "startsAt":"2026-12-10T10:00","endsAt":"2026-12-10T12:00","timeZone":"Asia/Baku",
             "classification":"bilateral","participants":[]}
            """
                .formatted(GROUP));
    String indicator =
        created(
            "us.hist",
            "/api/charters/" + CHARTER + "/indicators",
            """
            {"key":"hist-trains","name":{"en":"History trains","az":"Qatarlar"},
             "unit":"trains","direction":"higher","commitments":["middle-corridor"],
             "workingGroup":"%s","classification":"bilateral",
             "definition":"Trains a year","dataSource":"ADY"}
            """
                .formatted(GROUP));
    String event =
        created(
            "us.hist",
            "/api/charters/" + CHARTER + "/events",
            """
            {"kind":"meeting-held","subject":"%s","occurredOn":"2026-10-01",
             "title":"History group met","classification":"bilateral"}
            """
                .formatted(GROUP));
    String organization =
        created(
            "hist.coord",
            "/api/charters/" + CHARTER + "/organizations",
            """
            {"name":"History Trade Office","party":"US","type":"10"}
            """);
    assertThat(api("us.hist", post(API + "/project-list/submit")).getStatus()).isEqualTo(200);
    String agreement =
        jdbc.sql("select cast(id as varchar) from agreement where subject_type = 'project-list'")
            .query(String.class)
            .single();
    String commitment =
        jdbc.sql(
                "select cast(id as varchar) from commitment where code = 'tripp'"
                    + " and retired = false")
            .query(String.class)
            .single();
    String group =
        jdbc.sql("select cast(id as varchar) from working_group where code = ?")
            .param(GROUP)
            .query(String.class)
            .single();
    String account =
        jdbc.sql("select cast(id as varchar) from account where username = 'az.hist'")
            .query(String.class)
            .single();
    String charterKey = CHARTER;
    String base = "/charters/" + CHARTER + "/working-groups/" + GROUP;

    // page, the records its panel stands for, whether the public may open it
    record Visit(String route, String url, String type, String[] ids, boolean publicPage) {}
    List<Visit> visits =
        List.of(
            new Visit(
                RECORD_PAGES.get(0), "/charters/" + CHARTER, "charter", ids(charterKey), true),
            new Visit(
                RECORD_PAGES.get(1),
                "/charters/" + CHARTER + "/commitments/tripp",
                "commitment",
                ids(commitment),
                true),
            new Visit(RECORD_PAGES.get(2), base, "working_group", ids(group), true),
            new Visit(RECORD_PAGES.get(3), base + "/workspace", "agreement", ids(agreement), false),
            new Visit(
                RECORD_PAGES.get(4),
                base + "/roadmap/milestones/" + milestone,
                "milestone",
                ids(milestone),
                false),
            new Visit(RECORD_PAGES.get(5), "/projects/" + project, "project", ids(project), false),
            new Visit(RECORD_PAGES.get(6), "/meetings/" + meeting, "meeting", ids(meeting), false),
            new Visit(
                RECORD_PAGES.get(7),
                "/indicators/" + indicator,
                "indicator",
                ids(indicator),
                false),
            new Visit(
                RECORD_PAGES.get(8),
                "/charters/" + CHARTER + "/indicators/hist-trains",
                "indicator",
                ids(indicator),
                false),
            new Visit(
                RECORD_PAGES.get(9), "/admin/accounts/az.hist", "account", ids(account), false),
            new Visit(
                RECORD_PAGES.get(10),
                "/charters/" + CHARTER + "/events/" + event,
                "obligation_event",
                ids(event),
                false),
            new Visit(
                RECORD_PAGES.get(11),
                "/charters/" + CHARTER + "/organizations/" + organization,
                "organization",
                ids(organization),
                false));
    assertThat(visits).extracting(Visit::route).containsExactlyElementsOf(RECORD_PAGES);

    Cookie member = login("az.hist");
    Cookie admin = login("hist.admin");
    for (Visit v : visits) {
      String panel = panel(page(v.url(), v.type().equals("account") ? admin : member));
      String latest = latest(v.type(), v.ids());
      assertThat(panel).as(v.url() + " has a history panel").isNotNull();
      assertThat(panel)
          .as(v.url() + " shows its latest change, " + latest)
          .contains(label(latest).replace("'", "&#39;"));
    }
    // the public: the charter's own pages show what changed and when, no record page a panel
    MockHttpServletResponse project0 =
        mvc.perform(get("/projects/" + project)).andReturn().getResponse();
    assertThat(project0.getStatus()).as("a bilateral project is not public").isEqualTo(404);
    for (Visit v : visits) {
      if (v.publicPage()) {
        assertThat(panel(page(v.url(), null))).as(v.url()).isNotNull().doesNotContain("us.hist");
      }
    }
  }

  @Test
  void aChangeMadeWhileTheRecordWasAnotherPartysInternalRecordIsNotInItsPanel() throws Exception {
    String project =
        created(
            "az.hist",
            API + "/projects",
            """
            {"key":"hist-internal","title":{"az":"Daxili","en":"Internal first"},
             "commitments":["tripp"],"leads":{"AZ":"Ministry of Economy"},
             "partners":[],"financing":[],"classification":"party-internal"}
            """);
    MockHttpServletResponse internalEdit =
        api(
            "az.hist",
            patch("/api/projects/" + project)
                .content("{\"title\":{\"az\":\"Daxili\",\"en\":\"Secret name\"},\"version\":0}"));
    assertThat(internalEdit.getStatus()).as(internalEdit.getContentAsString()).isEqualTo(200);
    MockHttpServletResponse shared =
        api(
            "az.hist",
            patch("/api/projects/" + project)
                .content("{\"classification\":\"bilateral\",\"version\":1}"));
    assertThat(shared.getStatus()).as(shared.getContentAsString()).isEqualTo(200);

    String az = panel(page("/projects/" + project, login("az.hist")));
    String us = panel(page("/projects/" + project, login("us.hist")));
    assertThat(az).contains(label("project.created"), "az.hist (AZ)", "&quot;version&quot;:1");
    assertThat(us)
        .as("the US sees the change that shared it")
        .contains(label("project.updated"), "&quot;version&quot;:2")
        .doesNotContain(label("project.created"))
        .doesNotContain("&quot;version&quot;:1");
  }

  private static String[] ids(String... ids) {
    return ids;
  }
}
