package org.entente.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectInput;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;

/**
 * Records for the dashboard tests, made through the modules' services in the default charter, as of
 * {@code FixedClockConfiguration.TODAY} (2026-11-28).
 */
record DashboardFixtures(
    Accounts accounts,
    Viewers viewers,
    Charters charters,
    Projects projects,
    Roadmaps roadmaps,
    Meetings meetings) {

  static final String CHARTER = "az-us-2026";
  static final String PASSWORD = "correct horse battery";

  void person(String name, String party, Role role, boolean clearance, String... groups) {
    accounts.create(
        new Accounts.NewAccount(
            name,
            name,
            party,
            party == null ? "Caspian Freight Ltd" : "Ministry of " + party,
            EnumSet.of(role),
            clearance,
            PASSWORD,
            java.util.Arrays.stream(groups)
                .map(g -> new MembershipInput(CHARTER, g, false))
                .toList()));
  }

  Viewer viewer(String name) {
    return viewers.of(name).orElseThrow();
  }

  String commitmentOf(String group, Viewer viewer) {
    return charters.workingGroup(CharterKey.of(CHARTER), group, viewer).commitments().get(0).key();
  }

  ProjectView project(
      String group, String key, String title, String classification, Viewer viewer) {
    return projects.create(
        CharterKey.of(CHARTER),
        group,
        new ProjectInput(
            key,
            Map.of("en", title),
            null,
            List.of(commitmentOf(group, viewer)),
            Map.of(),
            List.of(),
            List.of(),
            null,
            classification),
        viewer);
  }

  UUID milestone(
      String group,
      String key,
      String title,
      String project,
      LocalDate start,
      LocalDate end,
      String status,
      String classification,
      Viewer viewer) {
    boolean done = "done".equals(status);
    return roadmaps
        .add(
            CharterKey.of(CHARTER),
            group,
            new MilestoneInput(
                key,
                Map.of("en", title),
                null,
                start,
                end,
                done || "in-progress".equals(status) ? start : null,
                done ? end : null,
                status,
                project,
                List.of(),
                classification,
                null),
            viewer)
        .id();
  }

  /** A meeting of a group, held on a past day, with action items due on the days given. */
  MeetingView heldMeeting(
      String group,
      String title,
      LocalDate on,
      String classification,
      Viewer viewer,
      Map<String, LocalDate> actionItems) {
    MeetingView meeting =
        meetings.schedule(
            CharterKey.of(CHARTER),
            new MeetingInput(
                "working-group",
                group,
                title,
                LocalDateTime.of(on, java.time.LocalTime.of(10, 0)),
                LocalDateTime.of(on, java.time.LocalTime.of(12, 0)),
                "Asia/Baku",
                "Baku",
                false,
                classification,
                List.of()),
            viewer);
    for (Map.Entry<String, LocalDate> a : actionItems.entrySet()) {
      meetings.addActionItem(
          meeting.id(),
          new ActionItemInput(a.getKey(), null, viewer.username(), a.getValue()),
          viewer);
    }
    long version = meetings.meeting(meeting.id(), viewer).version();
    return meetings.change(
        meeting.id(),
        new MeetingChange(version, null, null, null, null, null, null, "held", null),
        viewer);
  }
}
