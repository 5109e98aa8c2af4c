package org.entente.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.Charters;
import org.entente.dashboard.DashboardViews.Bar;
import org.entente.dashboard.DashboardViews.Dashboard;
import org.entente.dashboard.DashboardViews.Item;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.reporting.Progress;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A dashboard's figures against a fixture in the energy working group, as of 2026-11-28: progress
 * by the roll-up's rule, the overdue milestone and action item, what falls due within the window,
 * the filters by group and days, and bad parameters answered 400 (unknown group 404), never 500.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

  static final String CHARTER = DashboardFixtures.CHARTER;
  static final String ENERGY = "wg-energy";
  static final LocalDate TODAY = FixedClockConfiguration.TODAY;

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Viewers viewers;
  @Autowired Charters charters;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Meetings meetings;
  @Autowired Progress progress;
  @Autowired Dashboards dashboards;

  DashboardFixtures fixtures;
  String token;
  ProjectView grid;

  @BeforeAll
  void fixture() {
    fixtures = new DashboardFixtures(accounts, viewers, charters, projects, roadmaps, meetings);
    fixtures.person("az.energy", "AZ", Role.MEMBER, false, ENERGY);
    Viewer az = fixtures.viewer("az.energy");
    grid = fixtures.project(ENERGY, "dash-grid", "Dash grid link", null, az);
    fixtures.project(ENERGY, "dash-idle", "Dash idle project", null, az);
    fixtures.milestone(
        ENERGY,
        "grid-survey",
        "Grid survey",
        "dash-grid",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 3, 1),
        "done",
        null,
        az);
    fixtures.milestone(
        ENERGY,
        "grid-build",
        "Grid build",
        "dash-grid",
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2026, 11, 20),
        "in-progress",
        null,
        az);
    fixtures.milestone(
        ENERGY,
        "grid-test",
        "Grid test",
        "dash-grid",
        LocalDate.of(2026, 11, 29),
        LocalDate.of(2026, 12, 10),
        "not-started",
        null,
        az);
    fixtures.milestone(
        ENERGY,
        "grid-open",
        "Grid opening",
        "dash-grid",
        LocalDate.of(2027, 1, 10),
        LocalDate.of(2027, 3, 1),
        "not-started",
        null,
        az);
    Map<String, LocalDate> actions = new LinkedHashMap<>();
    actions.put("Dash overdue action", LocalDate.of(2026, 11, 25));
    actions.put("Dash upcoming action", LocalDate.of(2026, 12, 20));
    fixtures.heldMeeting(
        ENERGY, "Energy working group meeting", LocalDate.of(2026, 11, 10), null, az, actions);
    token = "Bearer " + tokens.create("az.energy", "t", Scope.READ, 30).secret();
  }

  private Dashboard as(String group, int days) {
    return dashboards.dashboard(CharterKey.of(CHARTER), group, days, fixtures.viewer("az.energy"));
  }

  private static List<String> titles(List<Item> items, String kind) {
    return items.stream().filter(i -> i.kind().equals(kind)).map(i -> i.title().text()).toList();
  }

  private static Bar bar(List<Bar> bars, String key) {
    return bars.stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void progressByWorkingGroupIsTheMeanOfItsProjectsByTheRollUpRule() {
    Dashboard d = as(null, 30);
    // 59 planned days done of 59 + 172 + 11 + 50; the project without milestones is at 0
    double gridValue = 59.0 / (59 + 172 + 11 + 50);
    assertThat(progress.project(grid.id(), fixtures.viewer("az.energy")).value())
        .isCloseTo(gridValue, org.assertj.core.data.Offset.offset(1e-9));
    Bar energy = bar(d.groups(), ENERGY);
    assertThat(energy.parts()).isEqualTo(2);
    assertThat(energy.value()).isCloseTo(gridValue / 2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(energy.percent()).isEqualTo(10);
    assertThat(bar(d.groups(), "wg-economy-trade").parts()).isZero();
    assertThat(bar(d.groups(), "wg-economy-trade").value()).isZero();
  }

  @Test
  void progressByAreaIsTheRollUpsAreaFigure() {
    Dashboard d = as(null, 30);
    Viewer az = fixtures.viewer("az.energy");
    assertThat(d.areas()).isNotEmpty();
    for (Bar area : d.areas()) {
      assertThat(area.value())
          .as(area.key())
          .isCloseTo(
              progress.area(CharterKey.of(CHARTER), area.key(), az).value(),
              org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(d.areas()).anyMatch(a -> a.value() > 0);
  }

  @Test
  void overdueAndUpcomingItemsWithTheirDays() {
    Dashboard d = as(null, 30);
    assertThat(d.asOf()).isEqualTo(TODAY);
    assertThat(titles(d.overdue(), "milestone")).containsExactly("Grid build");
    assertThat(d.overdue().stream().filter(i -> i.kind().equals("milestone")).findFirst())
        .get()
        .satisfies(
            i -> {
              assertThat(i.days()).isEqualTo(8);
              assertThat(i.group()).isEqualTo(ENERGY);
              assertThat(i.dueOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            });
    assertThat(titles(d.overdue(), "action-item")).containsExactly("Dash overdue action");
    assertThat(titles(d.upcoming(), "milestone")).containsExactly("Grid test");
    assertThat(titles(d.upcoming(), "action-item")).containsExactly("Dash upcoming action");
    assertThat(d.upcoming())
        .filteredOn(i -> i.kind().equals("action-item"))
        .singleElement()
        .extracting(Item::days)
        .isEqualTo(22L);
    // the charter's three-month deadline (2026-05-10) passed with no agreed project list
    assertThat(d.overdue()).filteredOn(i -> i.kind().equals("obligation")).isNotEmpty();
    assertThat(d.overdue()).allMatch(i -> i.dueOn().isBefore(TODAY));
    assertThat(d.upcoming())
        .allMatch(i -> !i.dueOn().isBefore(TODAY) && !i.dueOn().isAfter(TODAY.plusDays(30)));
    assertThat(d.totals().overdueMilestones()).isEqualTo(1);
    assertThat(d.totals().overdueActionItems()).isEqualTo(1);
    assertThat(d.totals().upcomingMilestones()).isEqualTo(1);
    assertThat(d.totals().upcomingActionItems()).isEqualTo(1);
    assertThat(d.totals().overdueObligations())
        .isEqualTo((int) d.overdue().stream().filter(i -> i.kind().equals("obligation")).count());
  }

  @Test
  void theWindowOfDaysDecidesWhatIsUpcoming() {
    assertThat(titles(as(null, 10).upcoming(), "milestone")).isEmpty();
    assertThat(titles(as(null, 10).upcoming(), "action-item")).isEmpty();
    assertThat(titles(as(null, 12).upcoming(), "milestone")).containsExactly("Grid test");
    assertThat(titles(as(null, 365).upcoming(), "milestone"))
        .containsExactly("Grid test", "Grid opening");
    // the overdue ones do not depend on the window
    assertThat(titles(as(null, 1).overdue(), "milestone")).containsExactly("Grid build");
  }

  @Test
  void aGroupFilterShowsThatGroupOnly() {
    Dashboard energy = as(ENERGY, 30);
    assertThat(energy.group()).isEqualTo(ENERGY);
    assertThat(energy.groups()).extracting(Bar::key).containsExactly(ENERGY);
    List<String> energyAreas =
        charters.workingGroups(CharterKey.of(CHARTER), null, fixtures.viewer("az.energy")).stream()
            .filter(g -> g.key().equals(ENERGY))
            .findFirst()
            .orElseThrow()
            .areas()
            .stream()
            .map(Ref::key)
            .toList();
    assertThat(energy.areas())
        .extracting(Bar::key)
        .containsExactlyInAnyOrderElementsOf(energyAreas);
    assertThat(energy.overdue()).isNotEmpty().allMatch(i -> i.group().equals(ENERGY));
    assertThat(energy.upcoming()).allMatch(i -> i.group().equals(ENERGY));

    Dashboard trade = as("wg-economy-trade", 365);
    assertThat(titles(trade.overdue(), "milestone")).isEmpty();
    assertThat(titles(trade.upcoming(), "action-item")).isEmpty();
    assertThat(trade.overdue()).allMatch(i -> i.group().equals("wg-economy-trade"));
  }

  @Test
  void anUnknownGroupOrCharterIsNotFoundAndDaysOutOfRangeIsABadRequest() {
    assertThatThrownBy(() -> as("wg-nope", 30)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> as(null, 0)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> as(null, 366)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(
            () ->
                dashboards.dashboard(CharterKey.of("nope"), null, 30, fixtures.viewer("az.energy")))
        .isInstanceOf(NotFoundException.class);
    assertThat(Dashboards.days(null)).isEqualTo(30);
    assertThat(Dashboards.days(" 7 ")).isEqualTo(7);
  }

  @Test
  void theApiAnswersTheSameFigures() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                get("/api/dashboard/" + CHARTER)
                    .param("days", "365")
                    .header("Authorization", token))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    Dashboard d = as(null, 365);
    String json = r.getContentAsString();
    assertThat((Integer) JsonPath.read(json, "$.days")).isEqualTo(365);
    assertThat((Integer) JsonPath.read(json, "$.totals.overdueMilestones"))
        .isEqualTo(d.totals().overdueMilestones());
    assertThat((Integer) JsonPath.read(json, "$.totals.upcomingMilestones"))
        .isEqualTo(d.totals().upcomingMilestones());
    List<String> keys = JsonPath.read(json, "$.groups[*].key");
    assertThat(keys).isEqualTo(d.groups().stream().map(Bar::key).toList());
    assertThat(json).contains("Grid build").contains("Dash upcoming action");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "366", "-1", "abc", "1.5", "99999999999", "30d"})
  void badDaysAreABadRequestOnTheApiAndThePage(String days) throws Exception {
    MockHttpServletResponse api =
        mvc.perform(
                get("/api/dashboard/" + CHARTER).param("days", days).header("Authorization", token))
            .andReturn()
            .getResponse();
    assertThat(api.getStatus()).isEqualTo(400);
    assertThat(api.getContentType()).startsWith("application/problem+json");
    assertThat(api.getContentAsString()).contains("days");

    MockHttpServletResponse page =
        mvc.perform(
                get("/dashboard/" + CHARTER)
                    .param("days", days)
                    .cookie(login("az.energy"))
                    .accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(400);
    assertThat(page.getContentAsString()).contains("error-summary").contains("aria-invalid");
  }

  @Test
  void anUnknownGroupIsNotFoundOnTheApiAndThePage() throws Exception {
    assertThat(
            mvc.perform(
                    get("/api/dashboard/" + CHARTER)
                        .param("group", "wg-nope")
                        .header("Authorization", token))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(
            mvc.perform(
                    get("/dashboard/" + CHARTER)
                        .param("group", "wg-nope")
                        .cookie(login("az.energy"))
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void thePageShowsAccessibleChartsWithTheirDataAndTheItems() throws Exception {
    Cookie session = login("az.energy");
    MockHttpServletResponse choose =
        mvc.perform(get("/dashboard").cookie(session).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(choose.getStatus()).isEqualTo(302);
    assertThat(choose.getRedirectedUrl()).endsWith("/dashboard/" + CHARTER);

    MockHttpServletResponse page =
        mvc.perform(get("/dashboard/" + CHARTER).cookie(session).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html)
        .contains("<svg role=\"img\"")
        .contains("aria-labelledby=\"groups-title groups-desc\"")
        .contains("<title id=\"groups-title\">")
        .contains("<desc id=\"groups-desc\">")
        .contains("class=\"chart-data\"")
        .contains("Grid build")
        .contains("Dash overdue action")
        .contains("Grid test")
        .doesNotContain("Grid opening");
  }

  @Test
  void thePageSpeaksAzerbaijaniToThoseWhoAskForIt() throws Exception {
    String html =
        mvc.perform(
                get("/dashboard/" + CHARTER)
                    .cookie(login("az.energy"))
                    .header("Accept-Language", "az")
                    .accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("İdarə paneli")
        .contains("İşçi qruplar üzrə irəliləyiş")
        .contains("Mərhələ");
  }

  @Test
  void nobodySignedInIsSentToLogIn() throws Exception {
    MockHttpServletResponse page =
        mvc.perform(get("/dashboard/" + CHARTER).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(302);
    assertThat(page.getRedirectedUrl()).endsWith("/login");
    assertThat(mvc.perform(get("/api/dashboard/" + CHARTER)).andReturn().getResponse().getStatus())
        .isIn(401, 404);
  }

  private Cookie login(String username) throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", username)
                .param("password", DashboardFixtures.PASSWORD)
                .with(csrf()))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }
}
