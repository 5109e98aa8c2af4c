package org.entente.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.charter.Charters;
import org.entente.dashboard.DashboardViews.Dashboard;
import org.entente.dashboard.DashboardViews.Item;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dashboard is kept while nothing is written and computed again after any write; one viewer's
 * dashboard is never another's.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardCacheTest {

  static final String CHARTER = DashboardFixtures.CHARTER;
  static final String ENERGY = "wg-energy";
  static final String SECURITY = "wg-security-defense";

  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired Charters charters;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Meetings meetings;
  @Autowired Dashboards dashboards;
  @Autowired JdbcClient jdbc;

  DashboardFixtures fixtures;

  @BeforeAll
  void fixture() {
    fixtures = new DashboardFixtures(accounts, viewers, charters, projects, roadmaps, meetings);
    fixtures.person("us.cache", "US", Role.MEMBER, false, ENERGY);
    fixtures.person("az.cache", "AZ", Role.MEMBER, false, ENERGY);
    fixtures.person("az.cache.cleared", "AZ", Role.MEMBER, true, SECURITY);
  }

  private long meetingReads() {
    return jdbc.sql(
            "select count(*) from audit_event where action = 'record.read'"
                + " and record_type = 'meeting'")
        .query(Long.class)
        .single();
  }

  private static List<String> overdueMilestones(Dashboard d) {
    return d.overdue().stream()
        .filter(i -> i.kind().equals("milestone"))
        .map(Item::title)
        .map(t -> t.text())
        .toList();
  }

  @Test
  void aDashboardIsKeptUntilAWriteAndAWriteShowsInTheNextViewOfTheViewerWhoMaySeeIt() {
    Viewer us = fixtures.viewer("us.cache");
    Viewer az = fixtures.viewer("az.cache");
    Dashboard first = dashboards.dashboard(CharterKey.of(CHARTER), null, 30, us);
    Dashboard azFirst = dashboards.dashboard(CharterKey.of(CHARTER), null, 30, az);
    // nothing written in between: the same dashboard, not computed again
    assertThat(dashboards.dashboard(CharterKey.of(CHARTER), null, 30, us)).isSameAs(first);
    assertThat(overdueMilestones(first)).doesNotContain("U.S. late build");

    fixtures.project(ENERGY, "cache-late", "U.S. late project", "party-internal", us);
    fixtures.milestone(
        ENERGY,
        "cache-late-build",
        "U.S. late build",
        "cache-late",
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2026, 11, 1),
        "in-progress",
        "party-internal",
        us);

    Dashboard after = dashboards.dashboard(CharterKey.of(CHARTER), null, 30, us);
    assertThat(after).isNotSameAs(first);
    assertThat(overdueMilestones(after)).contains("U.S. late build");
    assertThat(after.totals().overdueMilestones())
        .isEqualTo(first.totals().overdueMilestones() + 1);
    // the other party's dashboard, computed after the U.S. one was kept, shows none of it
    Dashboard azAfter = dashboards.dashboard(CharterKey.of(CHARTER), null, 30, az);
    assertThat(overdueMilestones(azAfter)).doesNotContain("U.S. late build");
    assertThat(azAfter.totals().overdueMilestones())
        .isEqualTo(azFirst.totals().overdueMilestones());
  }

  @Test
  void aKeptDashboardShowingARestrictedMeetingsActionItemRecordsTheReadEachTimeItIsShown() {
    Viewer cleared = fixtures.viewer("az.cache.cleared");
    fixtures.heldMeeting(
        SECURITY,
        "Restricted review",
        LocalDate.of(2026, 11, 12),
        null,
        cleared,
        Map.of("Restricted follow-up", LocalDate.of(2026, 12, 1)));
    long before = meetingReads();
    Dashboard first = dashboards.dashboard(CharterKey.of(CHARTER), SECURITY, 30, cleared);
    assertThat(first.upcoming()).extracting(i -> i.title().text()).contains("Restricted follow-up");
    assertThat(meetingReads()).isEqualTo(before + 1);
    // shown again from what was kept: the same dashboard, and the read recorded again
    assertThat(dashboards.dashboard(CharterKey.of(CHARTER), SECURITY, 30, cleared)).isSameAs(first);
    assertThat(meetingReads()).isEqualTo(before + 2);
  }

  @Test
  void aDashboardListsTheMostUrgentItemsAndItsTotalsCountThemAll() {
    Viewer az = fixtures.viewer("az.cache");
    int before =
        dashboards.dashboard(CharterKey.of(CHARTER), null, 30, az).totals().overdueMilestones();
    fixtures.project(ENERGY, "cache-many", "AZ many milestones", "party-internal", az);
    int many = Dashboards.LISTED + 5;
    for (int i = 0; i < many; i++) {
      fixtures.milestone(
          ENERGY,
          "cache-many-" + i,
          "AZ overdue " + i,
          "cache-many",
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 1, 1).plusDays(i + 1),
          "in-progress",
          "party-internal",
          az);
    }
    Dashboard d = dashboards.dashboard(CharterKey.of(CHARTER), null, 30, az);
    assertThat(d.totals().overdueMilestones()).isEqualTo(before + many);
    assertThat(d.overdue()).hasSize(Dashboards.LISTED);
    // the most overdue first: the earliest of the many is listed, the latest ones are not
    assertThat(overdueMilestones(d))
        .contains("AZ overdue 0")
        .doesNotContain("AZ overdue " + (many - 1));
  }
}
