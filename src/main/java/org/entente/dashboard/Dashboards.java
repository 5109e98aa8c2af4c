package org.entente.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.audit.Audit;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.dashboard.DashboardViews.Bar;
import org.entente.dashboard.DashboardViews.Dashboard;
import org.entente.dashboard.DashboardViews.Item;
import org.entente.dashboard.DashboardViews.Totals;
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
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard module's one service. Every figure and every item comes from the other modules'
 * services called with the viewer, so a record the viewer may not see is neither listed nor
 * counted; progress follows the reporting module's roll-up rule ({@link Progress}).
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

  /** The window of upcoming deadlines when none is asked for, in days. */
  public static final int DEFAULT_DAYS = 30;

  /** The widest window of upcoming deadlines, in days. */
  public static final int MAX_DAYS = 365;

  /**
   * How many overdue and how many upcoming items a dashboard lists, the most urgent first; its
   * totals count them all. A large charter has thousands of overdue milestones, which no one reads
   * as a list (and which made the dashboard's answer 5 MB).
   */
  public static final int LISTED = 100;

  private static final String FRAMEWORK = "framework";

  private final Charters charters;
  private final Progress progress;
  private final Meetings meetings;
  private final Obligations obligations;
  private final Audit audit;
  private final Clock clock;

  /** How many dashboards are kept, the least recently used going first. */
  static final int CACHED = 64;

  /**
   * Dashboards as computed, by charter, group, window, viewer and day, each with the audit trail's
   * head it was computed at. Every change of a record appends to the trail in its own transaction,
   * so a dashboard computed at head {@code n} stays true while no record change follows {@code n}
   * (reads and sign-ins append too, but change nothing shown). The key holds the whole viewer, so
   * one person's figures are never another's. A kept dashboard that shows restricted meetings'
   * action items records that read again each time it is shown.
   */
  private final Map<Key, Kept> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(CACHED, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
              return size() > CACHED;
            }
          });

  private final Map<Key, Object> computing = new java.util.concurrent.ConcurrentHashMap<>();

  private record Key(String charter, String group, int days, Viewer viewer, LocalDate today) {}

  private record Kept(long head, Dashboard dashboard, List<UUID> restrictedMeetings) {}

  Dashboards(
      Charters charters,
      Progress progress,
      Meetings meetings,
      Obligations obligations,
      Audit audit,
      Clock clock) {
    this.charters = charters;
    this.progress = progress;
    this.meetings = meetings;
    this.obligations = obligations;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The window of upcoming deadlines a request asks for.
   *
   * @param days as given, or null/blank for {@link #DEFAULT_DAYS}
   * @throws BadRequestException naming {@code days} when it is not a whole number from 1 to 365
   */
  public static int days(String days) {
    if (days == null || days.isBlank()) {
      return DEFAULT_DAYS;
    }
    int value;
    try {
      value = Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("days", "days is a whole number from 1 to " + MAX_DAYS);
    }
    if (value < 1 || value > MAX_DAYS) {
      throw new BadRequestException("days", "days is a whole number from 1 to " + MAX_DAYS);
    }
    return value;
  }

  /** The charters the viewer may see, for the viewer to choose one. */
  public List<CharterSummary> charters(Viewer viewer) {
    return charters.list(viewer);
  }

  /**
   * A charter's dashboard, as far as the viewer may see it.
   *
   * @param groupKey only this working group, or all when null or blank
   * @param days the window of upcoming deadlines, 1 to 365
   * @throws NotFoundException when the viewer may not see the charter, or there is no such group
   * @throws BadRequestException when {@code days} is out of range
   */
  public Dashboard dashboard(String charterKey, String groupKey, int days, Viewer viewer) {
    if (days < 1 || days > MAX_DAYS) {
      throw new BadRequestException("days", "days is a whole number from 1 to " + MAX_DAYS);
    }
    String group = groupKey == null || groupKey.isBlank() ? null : groupKey.strip();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Key key = new Key(charterKey, group, days, viewer, today);
    Dashboard kept = kept(key);
    if (kept != null) {
      return kept;
    }
    // one computation per key at a time: those who ask meanwhile wait for it and share it
    Object lock = computing.computeIfAbsent(key, k -> new Object());
    synchronized (lock) {
      try {
        kept = kept(key);
        if (kept != null) {
          return kept;
        }
        long head = audit.head().seq();
        List<UUID> restricted = new ArrayList<>();
        Dashboard computed = compute(charterKey, group, days, today, viewer, restricted);
        long after = audit.head().seq();
        if (after == head || audit.lastRecordChange(head, after).isEmpty()) {
          cache.put(key, new Kept(after, computed, List.copyOf(restricted)));
        }
        return computed;
      } finally {
        computing.remove(key, lock);
      }
    }
  }

  /** The kept dashboard, if no record changed since it was computed; its restricted reads again. */
  private Dashboard kept(Key key) {
    Kept kept = cache.get(key);
    if (kept == null) {
      return null;
    }
    long head = audit.head().seq();
    if (kept.head() != head && audit.lastRecordChange(kept.head(), head).isPresent()) {
      return null;
    }
    if (!kept.restrictedMeetings().isEmpty()) {
      meetings.recordMeetingReads(kept.restrictedMeetings());
    }
    cache.put(key, new Kept(audit.head().seq(), kept.dashboard(), kept.restrictedMeetings()));
    return kept.dashboard();
  }

  private Dashboard compute(
      String charterKey,
      String group,
      int days,
      LocalDate today,
      Viewer viewer,
      List<UUID> restrictedMeetings) {
    CharterSummary charter = charters.require(charterKey, viewer);
    List<WorkingGroupView> allGroups = charters.workingGroups(charterKey, null, viewer);
    List<WorkingGroupView> groups =
        group == null ? allGroups : allGroups.stream().filter(g -> g.key().equals(group)).toList();
    if (group != null && groups.isEmpty()) {
      throw new NotFoundException("working group", group);
    }
    Map<String, LocalizedText> groupNames = new LinkedHashMap<>();
    allGroups.forEach(g -> groupNames.put(g.key(), g.name()));
    groupNames.put(FRAMEWORK, LocalizedText.of("en", "The partnership framework"));
    LocalDate until = today.plusDays(days);

    // progress: the roll-up's tree gives areas and each project's figure
    // everything the roll-up reads (projects, roadmaps) is read once, for every part below
    Rollup rollup = progress.rollup(charterKey, viewer);
    Node tree = rollup.tree();
    Set<String> areasOfGroups =
        groups.stream().flatMap(g -> g.areas().stream()).map(Ref::key).collect(Collectors.toSet());
    List<Bar> areaBars = new ArrayList<>();
    for (Node area : tree.children()) {
      if (group != null && !areasOfGroups.contains(area.figure().key())) {
        continue;
      }
      areaBars.add(
          bar(
              area.figure().key(),
              area.figure().name(),
              area.figure().value(),
              area.children().size()));
    }

    List<Bar> groupBars = new ArrayList<>();
    List<Item> overdue = new ArrayList<>();
    List<Item> upcoming = new ArrayList<>();
    int[] totals = new int[6];
    for (WorkingGroupView g : groups) {
      List<ProjectView> listed =
          rollup.projects().stream()
              .filter(p -> p.workingGroup().equals(g.key()))
              .filter(p -> !p.stage().equals("cancelled"))
              .toList();
      double sum = 0;
      for (ProjectView p : listed) {
        sum += rollup.projectFigures().get(p.key()).value();
      }
      groupBars.add(
          bar(g.key(), g.name(), listed.isEmpty() ? 0 : sum / listed.size(), listed.size()));

      String url = "/charters/" + charterKey + "/working-groups/" + g.key();
      for (MilestoneView m : rollup.milestonesByGroup().getOrDefault(g.key(), List.of())) {
        if (!m.status().equals("not-started") && !m.status().equals("in-progress")) {
          continue;
        }
        Item item =
            new Item(
                "milestone",
                m.title(),
                g.key(),
                g.name(),
                m.plannedEnd(),
                Math.abs(ChronoUnit.DAYS.between(today, m.plannedEnd())),
                url);
        if (m.plannedEnd().isBefore(today)) {
          overdue.add(item);
          totals[0]++;
        } else if (!m.plannedEnd().isAfter(until)) {
          upcoming.add(item);
          totals[3]++;
        }
      }
    }

    Set<String> shownGroups =
        groups.stream().map(WorkingGroupView::key).collect(Collectors.toSet());
    List<OpenActionItem> openItems = meetings.openActionItems(charterKey, viewer);
    openItems.stream()
        .filter(OpenActionItem::restrictedRead)
        .map(o -> o.item().meetingId())
        .distinct()
        .forEach(restrictedMeetings::add);
    for (OpenActionItem open : openItems) {
      String subject =
          open.body().equals("working-group") || open.body().equals("dialogue-platform")
              ? open.bodyKey()
              : FRAMEWORK;
      if (group != null && !shownGroups.contains(subject)) {
        continue;
      }
      ActionItemView a = open.item();
      Item item =
          new Item(
              "action-item",
              LocalizedText.of("en", a.title()),
              subject,
              groupNames.getOrDefault(subject, LocalizedText.of("en", open.bodyName())),
              a.dueOn(),
              Math.abs(ChronoUnit.DAYS.between(today, a.dueOn())),
              "/meetings/" + a.meetingId());
      if (a.dueOn().isBefore(today)) {
        overdue.add(item);
        totals[1]++;
      } else if (!a.dueOn().isAfter(until)) {
        upcoming.add(item);
        totals[4]++;
      }
    }

    for (ObligationStatus o :
        obligations.deadlines(charterKey, null, group, "due", viewer).obligations()) {
      if (o.metOn() != null || o.dueOn() == null || o.status().startsWith("met")) {
        continue;
      }
      Item item =
          new Item(
              "obligation",
              o.title(),
              o.subject(),
              o.subjectName(),
              o.dueOn(),
              Math.abs(ChronoUnit.DAYS.between(today, o.dueOn())),
              "/charters/" + charterKey + "/deadlines");
      if (o.dueOn().isBefore(today)) {
        overdue.add(item);
        totals[2]++;
      } else if (!o.dueOn().isAfter(until)) {
        upcoming.add(item);
        totals[5]++;
      }
    }
    overdue.sort(Comparator.comparing(Item::dueOn).thenComparing(Item::kind));
    upcoming.sort(Comparator.comparing(Item::dueOn).thenComparing(Item::kind));
    List<Item> overdueListed = overdue.subList(0, Math.min(LISTED, overdue.size()));
    List<Item> upcomingListed = upcoming.subList(0, Math.min(LISTED, upcoming.size()));
    return new Dashboard(
        charter.key(),
        charter.title(),
        today,
        group,
        days,
        List.copyOf(areaBars),
        List.copyOf(groupBars),
        List.copyOf(overdueListed),
        List.copyOf(upcomingListed),
        new Totals(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]));
  }

  private static Bar bar(String key, LocalizedText name, double value, int parts) {
    double clamped = Math.max(0, Math.min(1, value));
    return new Bar(key, name, clamped, (int) Math.round(clamped * 100), parts);
  }
}
