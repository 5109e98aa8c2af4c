package org.entente.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Need to know on the dashboards: a party-internal project with an overdue milestone and an overdue
 * action item of a party-internal meeting (AZ), and the same in the restricted security and defense
 * group, are never listed and never counted, in any figure, for anyone not entitled: the other
 * party's member of the same group, a member of the security group without clearance, a coordinator
 * without clearance. Those entitled see them, so the canaries are really there.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardNeedToKnowTest {

  static final String CHARTER = DashboardFixtures.CHARTER;
  static final String ENERGY = "wg-energy";
  static final String SECURITY = "wg-security-defense";
  static final String PI_CANARY = "CANARY-DASH-PI-7c31";
  static final String SD_CANARY = "CANARY-DASH-SD-e9f2";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Viewers viewers;
  @Autowired Charters charters;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Meetings meetings;
  @Autowired Dashboards dashboards;

  DashboardFixtures fixtures;

  @BeforeAll
  void canaries() {
    fixtures = new DashboardFixtures(accounts, viewers, charters, projects, roadmaps, meetings);
    fixtures.person("az.energy", "AZ", Role.MEMBER, false, ENERGY);
    fixtures.person("us.energy", "US", Role.MEMBER, false, ENERGY);
    fixtures.person("az.cleared", "AZ", Role.MEMBER, true, SECURITY);
    fixtures.person("us.uncleared", "US", Role.MEMBER, false, SECURITY);
    fixtures.person("az.coordinator", "AZ", Role.COORDINATOR, false);
    fixtures.person("caspian.freight", null, Role.CONTRIBUTOR, false, ENERGY);

    Viewer az = fixtures.viewer("az.energy");
    // a bilateral project both energy members see, with an overdue milestone
    fixtures.project(ENERGY, "dash-shared", "Shared grid study", null, az);
    fixtures.milestone(
        ENERGY,
        "shared-late",
        "Shared late milestone",
        "dash-shared",
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2026, 11, 1),
        "in-progress",
        null,
        az);
    // party-internal: AZ only, done so it would lift the group's progress if it were counted
    fixtures.project(ENERGY, "dash-pi", PI_CANARY + " project", "party-internal", az);
    fixtures.milestone(
        ENERGY,
        "pi-done",
        PI_CANARY + " done",
        "dash-pi",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 2, 1),
        "done",
        "party-internal",
        az);
    fixtures.milestone(
        ENERGY,
        "pi-late",
        PI_CANARY + " late",
        "dash-pi",
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2026, 11, 2),
        "in-progress",
        "party-internal",
        az);
    fixtures.milestone(
        ENERGY,
        "pi-soon",
        PI_CANARY + " soon",
        "dash-pi",
        LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 5),
        "not-started",
        "party-internal",
        az);
    fixtures.heldMeeting(
        ENERGY,
        PI_CANARY + " meeting",
        LocalDate.of(2026, 11, 10),
        "party-internal",
        az,
        Map.of(PI_CANARY + " action", LocalDate.of(2026, 11, 20)));

    // restricted: the security and defense group, bilateral but for cleared members only
    Viewer cleared = fixtures.viewer("az.cleared");
    fixtures.project(SECURITY, "dash-sd", SD_CANARY + " project", null, cleared);
    fixtures.milestone(
        SECURITY,
        "sd-done",
        SD_CANARY + " done",
        "dash-sd",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 2, 1),
        "done",
        null,
        cleared);
    fixtures.milestone(
        SECURITY,
        "sd-late",
        SD_CANARY + " late",
        "dash-sd",
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2026, 11, 3),
        "in-progress",
        null,
        cleared);
    fixtures.heldMeeting(
        SECURITY,
        SD_CANARY + " meeting",
        LocalDate.of(2026, 11, 12),
        null,
        cleared,
        Map.of(SD_CANARY + " action", LocalDate.of(2026, 12, 1)));
  }

  private Dashboard of(String who) {
    return dashboards.dashboard(CharterKey.of(CHARTER), null, 365, fixtures.viewer(who));
  }

  private static Bar bar(Dashboard d, String key) {
    return d.groups().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
  }

  private static long count(List<Item> items, String kind) {
    return items.stream().filter(i -> i.kind().equals(kind)).count();
  }

  @Test
  void thoseEntitledSeeTheCanariesSoTheyAreThere() {
    Dashboard az = of("az.energy");
    assertThat(bar(az, ENERGY).parts()).isEqualTo(2);
    assertThat(bar(az, ENERGY).value()).isGreaterThan(0);
    assertThat(az.toString()).contains(PI_CANARY);
    assertThat(count(az.overdue(), "milestone")).isEqualTo(2);
    assertThat(count(az.overdue(), "action-item")).isEqualTo(1);
    Dashboard cleared = of("az.cleared");
    assertThat(bar(cleared, SECURITY).parts()).isEqualTo(1);
    assertThat(bar(cleared, SECURITY).value()).isGreaterThan(0);
    assertThat(cleared.toString()).contains(SD_CANARY);
    assertThat(count(cleared.overdue(), "milestone")).isEqualTo(1);
    assertThat(count(cleared.upcoming(), "action-item")).isEqualTo(1);
  }

  @Test
  void theOtherPartysMemberOfTheGroupNeitherSeesNorCountsThePartyInternalRecords() {
    Dashboard us = of("us.energy");
    assertThat(us.toString()).doesNotContain(PI_CANARY).doesNotContain(SD_CANARY);
    assertThat(bar(us, ENERGY).parts()).isEqualTo(1);
    assertThat(bar(us, ENERGY).value()).isZero();
    assertThat(count(us.overdue(), "milestone")).isEqualTo(1);
    assertThat(us.totals().overdueMilestones()).isEqualTo(1);
    assertThat(us.totals().upcomingMilestones()).isZero();
    assertThat(us.totals().overdueActionItems()).isZero();
    assertThat(bar(us, SECURITY).parts()).isZero();
    assertThat(bar(us, SECURITY).value()).isZero();
  }

  @Test
  void noOneWithoutClearanceSeesOrCountsTheSecurityGroupsRecords() {
    for (String who : List.of("us.uncleared", "az.coordinator", "caspian.freight", "az.energy")) {
      Dashboard d = of(who);
      assertThat(d.toString()).as(who).doesNotContain(SD_CANARY);
      assertThat(bar(d, SECURITY).parts()).as(who).isZero();
      assertThat(bar(d, SECURITY).value()).as(who).isZero();
      // the charter's own deadlines of the group are public; its records are not
      assertThat(d.overdue())
          .as(who)
          .noneMatch(i -> i.group().equals(SECURITY) && !i.kind().equals("obligation"));
      assertThat(d.upcoming())
          .as(who)
          .noneMatch(i -> i.group().equals(SECURITY) && !i.kind().equals("obligation"));
    }
  }

  @Test
  void aCoordinatorOfTheOtherPartyCountsNoPartyInternalRecordOfAz() {
    fixtures.person("us.coordinator", "US", Role.COORDINATOR, false);
    Dashboard d = of("us.coordinator");
    assertThat(d.toString()).doesNotContain(PI_CANARY).doesNotContain(SD_CANARY);
    assertThat(bar(d, ENERGY).parts()).isEqualTo(1);
    assertThat(d.totals().overdueActionItems()).isZero();
  }

  @Test
  void neitherThePageNorTheApiShowsACanaryToThoseNotEntitled() throws Exception {
    for (String who : List.of("us.energy", "us.uncleared", "caspian.freight")) {
      String page =
          mvc.perform(
                  get("/dashboard/" + CHARTER)
                      .param("days", "365")
                      .cookie(login(who))
                      .accept(MediaType.TEXT_HTML))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).as(who).contains("Dashboard").doesNotContain("CANARY-DASH");
      String token = "Bearer " + tokens.create(who, "t", Scope.READ, 30).secret();
      for (String group : new String[] {null, ENERGY, SECURITY}) {
        var request =
            get("/api/dashboard/" + CHARTER).param("days", "365").header("Authorization", token);
        if (group != null) {
          request.param("group", group);
        }
        String json = mvc.perform(request).andReturn().getResponse().getContentAsString();
        assertThat(json).as(who + " " + group).doesNotContain("CANARY-DASH");
      }
    }
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
