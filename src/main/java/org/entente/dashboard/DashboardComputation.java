package org.entente.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.dashboard.DashboardItems.Kind;
import org.entente.dashboard.DashboardViews.Bar;
import org.entente.dashboard.DashboardViews.Dashboard;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.OpenActionItem;
import org.entente.meetings.Meetings;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.Obligations;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.reporting.Progress;
import org.entente.reporting.Progress.Node;
import org.entente.reporting.Progress.Rollup;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;

/**
 * Computes one dashboard from the other modules' services, called with the viewer: progress bars
 * from the reporting module's roll-up, and the open milestones, action items and obligations.
 */
final class DashboardComputation {

  private static final String FRAMEWORK = "framework";

  /**
   * A dashboard as computed, with the restricted meetings whose action items it shows: each showing
   * of it is a read of those meetings, recorded again when it is shown from what was kept.
   */
  record Computed(Dashboard dashboard, List<UUID> restrictedMeetings) {}

  private final Charters charters;
  private final Progress progress;
  private final Meetings meetings;
  private final Obligations obligations;

  DashboardComputation(
      Charters charters, Progress progress, Meetings meetings, Obligations obligations) {
    this.charters = charters;
    this.progress = progress;
    this.meetings = meetings;
    this.obligations = obligations;
  }

  /**
   * The dashboard.
   *
   * @throws NotFoundException when the viewer may not see the charter, or there is no such group
   */
  Computed compute(CharterKey charterKey, String group, int days, LocalDate today, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    List<WorkingGroupView> allGroups = charters.workingGroups(charterKey, null, viewer);
    List<WorkingGroupView> groups =
        group == null ? allGroups : allGroups.stream().filter(g -> g.key().equals(group)).toList();
    if (group != null && groups.isEmpty()) {
      throw new NotFoundException("working group", group);
    }
    // everything the roll-up reads (projects, roadmaps) is read once, for every part below
    Rollup rollup = progress.rollup(charterKey, viewer);
    DashboardItems items = new DashboardItems(today, days);
    List<Bar> groupBars = new ArrayList<>();
    for (WorkingGroupView g : groups) {
      groupBars.add(groupBar(g, rollup));
      milestones(charterKey, g, rollup, items);
    }
    List<UUID> restricted = actionItems(charterKey, group, allGroups, groups, viewer, items);
    obligations(charterKey, group, viewer, items);
    Dashboard dashboard =
        new Dashboard(
            charter.key(),
            charter.title(),
            today,
            group,
            days,
            areaBars(rollup.tree(), group, groups),
            List.copyOf(groupBars),
            items.overdue(Dashboards.LISTED),
            items.upcoming(Dashboards.LISTED),
            items.totals());
    return new Computed(dashboard, restricted);
  }

  /** Progress by area: the roll-up's areas, only those of the group when one is asked for. */
  private static List<Bar> areaBars(Node tree, String group, List<WorkingGroupView> groups) {
    Set<String> areasOfGroups =
        groups.stream().flatMap(g -> g.areas().stream()).map(Ref::key).collect(Collectors.toSet());
    List<Bar> bars = new ArrayList<>();
    for (Node area : tree.children()) {
      if (group != null && !areasOfGroups.contains(area.figure().key())) {
        continue;
      }
      bars.add(
          bar(
              area.figure().key(),
              area.figure().name(),
              area.figure().value(),
              area.children().size()));
    }
    return List.copyOf(bars);
  }

  /** A group's progress: the mean of its projects' figures, cancelled projects left out. */
  private static Bar groupBar(WorkingGroupView g, Rollup rollup) {
    List<ProjectView> listed =
        rollup.projects().stream()
            .filter(p -> p.workingGroup().equals(g.key()))
            .filter(p -> !p.stage().equals("cancelled"))
            .toList();
    double sum = 0;
    for (ProjectView p : listed) {
      sum += rollup.projectFigures().get(p.key()).value();
    }
    return bar(g.key(), g.name(), listed.isEmpty() ? 0 : sum / listed.size(), listed.size());
  }

  private static void milestones(
      CharterKey charterKey, WorkingGroupView g, Rollup rollup, DashboardItems items) {
    String url = "/charters/" + charterKey + "/working-groups/" + g.key();
    for (MilestoneView m : rollup.milestonesByGroup().getOrDefault(g.key(), List.of())) {
      if (m.status().equals("not-started") || m.status().equals("in-progress")) {
        items.add(Kind.MILESTONE, m.title(), g.key(), g.name(), m.plannedEnd(), url);
      }
    }
  }

  /** The open action items; answers the restricted meetings they were read from. */
  private List<UUID> actionItems(
      CharterKey charterKey,
      String group,
      List<WorkingGroupView> allGroups,
      List<WorkingGroupView> groups,
      Viewer viewer,
      DashboardItems items) {
    Map<String, LocalizedText> groupNames = new LinkedHashMap<>();
    allGroups.forEach(g -> groupNames.put(g.key(), g.name()));
    groupNames.put(FRAMEWORK, LocalizedText.of("en", "The partnership framework"));
    Set<String> shownGroups =
        groups.stream().map(WorkingGroupView::key).collect(Collectors.toSet());
    List<OpenActionItem> openItems = meetings.openActionItems(charterKey, viewer);
    for (OpenActionItem open : openItems) {
      String subject =
          open.body().equals("working-group") || open.body().equals("dialogue-platform")
              ? open.bodyKey()
              : FRAMEWORK;
      if (group != null && !shownGroups.contains(subject)) {
        continue;
      }
      ActionItemView a = open.item();
      items.add(
          Kind.ACTION_ITEM,
          a.title(),
          subject,
          groupNames.getOrDefault(subject, LocalizedText.of("en", open.bodyName())),
          a.dueOn(),
          "/meetings/" + a.meetingId());
    }
    return openItems.stream()
        .filter(OpenActionItem::restrictedRead)
        .map(o -> o.item().meetingId())
        .distinct()
        .toList();
  }

  private void obligations(
      CharterKey charterKey, String group, Viewer viewer, DashboardItems items) {
    for (ObligationStatus o :
        obligations.deadlines(charterKey, null, group, "due", viewer).obligations()) {
      if (o.metOn() != null || o.dueOn() == null || o.status().startsWith("met")) {
        continue;
      }
      items.add(
          Kind.OBLIGATION,
          o.title(),
          o.subject(),
          o.subjectName(),
          o.dueOn(),
          "/charters/" + charterKey + "/deadlines");
    }
  }

  private static Bar bar(String key, LocalizedText name, double value, int parts) {
    double clamped = Math.max(0, Math.min(1, value));
    return new Bar(key, name, clamped, (int) Math.round(clamped * 100), parts);
  }
}
