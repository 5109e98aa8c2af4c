package org.entente.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingViews.DecisionView;
import org.entente.meetings.MeetingViews.HeldMeeting;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.meetings.Meetings;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.ObligationViews.OccurrenceView;
import org.entente.obligations.Obligations;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.reporting.Progress.Figure;
import org.entente.reporting.Progress.Part;
import org.entente.reporting.ReportViews.AnnualReport;
import org.entente.reporting.ReportViews.AreaProgress;
import org.entente.reporting.ReportViews.DeadlineRow;
import org.entente.reporting.ReportViews.DecisionRow;
import org.entente.reporting.ReportViews.GroupSection;
import org.entente.reporting.ReportViews.MeetingRow;
import org.entente.reporting.ReportViews.Period;
import org.entente.reporting.ReportViews.ProjectRow;
import org.entente.reporting.ReportViews.StatementRow;
import org.entente.reporting.ReportViews.Summary;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the annual implementation report of a charter for a period. Everything is read through the
 * other modules' services as one viewer: {@link Viewer#ANONYMOUS} for the public version, the
 * person asking for the internal one. So the report holds nothing that viewer could not read record
 * by record, and counts nothing either. The public version also leaves out joint statements not
 * published (both parties agreed to publish them).
 */
@Service
@Transactional(readOnly = true)
class AnnualReports {

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Meetings meetings;
  private final Obligations obligations;
  private final Progress progress;
  private final Clock clock;

  AnnualReports(
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Meetings meetings,
      Obligations obligations,
      Progress progress,
      Clock clock) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.meetings = meetings;
    this.obligations = obligations;
    this.progress = progress;
    this.clock = clock;
  }

  /** Today, in UTC, by the injected clock. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /**
   * The version a viewer gets when asking for one: the internal version needs someone signed in
   * (the operator token sees what the public sees); anyone else gets the public one, which is
   * exactly what they may see.
   *
   * @throws org.entente.shared.BadRequestException for a version other than public or internal
   */
  static String version(String asked, Viewer viewer) {
    String v = asked == null || asked.isBlank() ? null : asked.strip();
    if (v != null && !v.equals(ReportViews.PUBLIC) && !v.equals(ReportViews.INTERNAL)) {
      throw new ReportPeriod.Invalid("version", "report.version.error", v);
    }
    boolean internalAllowed = viewer.signedIn() && !viewer.operator();
    if (v == null) {
      return internalAllowed ? ReportViews.INTERNAL : ReportViews.PUBLIC;
    }
    return v.equals(ReportViews.INTERNAL) && internalAllowed
        ? ReportViews.INTERNAL
        : ReportViews.PUBLIC;
  }

  /**
   * The period asked for, checked against the charter.
   *
   * @throws org.entente.shared.NotFoundException when there is no such charter for the viewer
   * @throws ReportPeriod.Invalid when the period cannot be reported on
   */
  Period period(CharterKey charterKey, String year, String from, String to, Viewer viewer) {
    LocalDate signedOn = charters.require(charterKey, viewer).signedOn();
    return ReportPeriod.parse(year, from, to, signedOn, today());
  }

  /**
   * The report.
   *
   * @param version {@code public} or {@code internal}, as {@link #version} gave it
   */
  AnnualReport report(CharterKey charterKey, Period period, String version, Viewer asking) {
    boolean internal = ReportViews.INTERNAL.equals(version);
    Viewer viewer = internal ? asking : Viewer.ANONYMOUS;
    LocalDate today = today();
    CharterOverview overview = charters.overview(charterKey, viewer);

    // progress, as of today
    Figure charter = progress.charter(charterKey, viewer);
    Map<String, Figure> projectFigures = progress.projects(charterKey, viewer);
    List<AreaProgress> areas = areas(overview, charter);

    // meetings of the period, with their decisions and statements
    List<MeetingView> held =
        meetings.meetings(
            charterKey,
            period.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
            period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            viewer);
    Minutes minutes = minutes(charterKey, period, held, internal, viewer);
    List<DecisionRow> decisions = minutes.decisions();
    List<StatementRow> statementRows = minutes.statements();

    // the meetings held in the period, as the deadlines count them: those the viewer sees and
    // those whose joint statement is published
    List<HeldMeeting> heldInPeriod = meetings.held(charterKey, period.from(), period.to(), viewer);
    List<Listed> listed = listed(held, heldInPeriod);

    // a section per working group
    Sections sections = sections(charterKey, period, overview, listed, projectFigures, viewer);
    List<GroupSection> groups = sections.groups();
    List<UUID> groupIds = overview.workingGroups().stream().map(WorkingGroupView::id).toList();
    List<MeetingRow> otherMeetings =
        listed.stream()
            .filter(m -> m.groupId() == null || !groupIds.contains(m.groupId()))
            .map(Listed::row)
            .toList();

    List<DeadlineRow> deadlines = deadlines(charterKey, period, today, viewer);
    Summary summary =
        new Summary(
            charter.value(),
            areas.size(),
            overview.workingGroups().size(),
            sections.projects(),
            sections.completed(),
            sections.milestones(),
            sections.milestonesDone(),
            listed.size(),
            heldInPeriod.size(),
            decisions.size(),
            statementRows.size(),
            deadlines.size(),
            count(deadlines, "met-on-time"),
            count(deadlines, "met-late"),
            count(deadlines, "missed"),
            count(deadlines, "pending"));
    return new AnnualReport(
        overview.charter().key(),
        overview.charter().title(),
        overview.charter().signedOn(),
        internal ? ReportViews.INTERNAL : ReportViews.PUBLIC,
        period,
        today,
        summary,
        List.copyOf(areas),
        deadlines,
        List.copyOf(groups),
        otherMeetings,
        List.copyOf(decisions),
        List.copyOf(statementRows));
  }

  /** A meeting the report lists, with the group or platform it is of (null: the framework). */
  private record Listed(UUID groupId, MeetingRow row) {}

  /**
   * The meetings of the period the report lists: those the viewer sees that start in it, and the
   * meetings held in it that the viewer knows of only by their published statement.
   */
  private List<Listed> listed(List<MeetingView> seen, List<HeldMeeting> heldInPeriod) {
    List<Listed> listed = new ArrayList<>();
    seen.forEach(m -> listed.add(new Listed(m.groupId(), row(m))));
    for (HeldMeeting m : heldInPeriod) {
      if (seen.stream().noneMatch(s -> s.id().equals(m.meetingId()))) {
        listed.add(
            new Listed(
                m.groupId(),
                new MeetingRow(
                    m.meetingId(), m.title(), m.bodyName(), m.heldOn(), "held", m.place())));
      }
    }
    listed.sort(Comparator.comparing((Listed l) -> l.row().date()));
    return listed;
  }

  /** Each area's progress, from the charter's figure. */
  private static List<AreaProgress> areas(CharterOverview overview, Figure charter) {
    List<AreaProgress> areas = new ArrayList<>();
    for (AreaOverview area : overview.areas()) {
      double value =
          charter.parts().stream()
              .filter(p -> p.key().equals(area.area().key()))
              .mapToDouble(Part::value)
              .findFirst()
              .orElse(0);
      areas.add(
          new AreaProgress(
              area.area().key(), area.area().name(), value, area.commitments().size()));
    }

    return areas;
  }

  /** The decisions and statements of the period's meetings. */
  private record Minutes(List<DecisionRow> decisions, List<StatementRow> statements) {}

  private Minutes minutes(
      CharterKey charterKey,
      Period period,
      List<MeetingView> held,
      boolean internal,
      Viewer viewer) {
    List<DecisionRow> decisions = new ArrayList<>();
    Map<UUID, StatementRow> statements = new LinkedHashMap<>();
    for (MeetingView m : held) {
      MeetingView full = meetings.meeting(m.id(), viewer);
      for (DecisionView d : full.decisions()) {
        decisions.add(
            new DecisionRow(
                m.id(),
                m.title(),
                m.bodyName(),
                m.startsAt().toLocalDate(),
                d.position(),
                d.text()));
      }
      if (internal && full.statement() != null) {
        statements.put(
            m.id(),
            new StatementRow(
                m.id(),
                m.title(),
                m.bodyName(),
                m.startsAt().toLocalDate(),
                full.statement().text().text(),
                full.statement().publishedAt() != null,
                full.statement().publishedAt()));
      }
    }
    for (PublishedStatement s : meetings.publishedStatements(charterKey)) {
      if (!s.heldOn().isBefore(period.from()) && !s.heldOn().isAfter(period.to())) {
        statements.put(
            s.meetingId(),
            new StatementRow(
                s.meetingId(),
                s.meetingTitle(),
                s.bodyName(),
                s.heldOn(),
                s.text().text(),
                true,
                s.publishedAt()));
      }
    }
    List<StatementRow> statementRows = new ArrayList<>(statements.values());
    statementRows.sort(
        Comparator.comparing(StatementRow::heldOn).thenComparing(s -> s.meetingTitle().text()));

    return new Minutes(decisions, statementRows);
  }

  /** A section per working group, with the counts the summary gives. */
  private record Sections(
      List<GroupSection> groups, int projects, int completed, int milestones, int milestonesDone) {}

  private Sections sections(
      CharterKey charterKey,
      Period period,
      CharterOverview overview,
      List<Listed> listed,
      Map<String, Figure> projectFigures,
      Viewer viewer) {
    List<GroupSection> groups = new ArrayList<>();
    int projectCount = 0;
    int completed = 0;
    int milestoneCount = 0;
    int milestonesDone = 0;
    for (WorkingGroupView group : overview.workingGroups()) {
      Map<String, List<MilestoneView>> byProject = new LinkedHashMap<>();
      for (MilestoneView m : roadmaps.roadmap(charterKey, group.key(), viewer).milestones()) {
        if (!m.status().equals("cancelled")) {
          milestoneCount++;
          if (doneIn(m, period)) {
            milestonesDone++;
          }
          if (m.project() != null) {
            byProject.computeIfAbsent(m.project(), k -> new ArrayList<>()).add(m);
          }
        }
      }
      List<ProjectRow> rows = new ArrayList<>();
      double sum = 0;
      int counted = 0;
      for (ProjectView p : projects.list(charterKey, group.key(), viewer)) {
        List<MilestoneView> ms = byProject.getOrDefault(p.key(), List.of());
        Figure figure = projectFigures.get(p.key());
        double value = figure == null ? 0 : figure.value();
        rows.add(
            new ProjectRow(
                p.id(),
                p.key(),
                p.title(),
                p.stage(),
                value,
                ms.size(),
                (int) ms.stream().filter(m -> m.status().equals("done")).count(),
                (int) ms.stream().filter(m -> doneIn(m, period)).count()));
        if (!p.stage().equals("cancelled")) {
          projectCount++;
          counted++;
          sum += value;
          if (p.stage().equals("completed")) {
            completed++;
          }
        }
      }
      List<MeetingRow> groupMeetings =
          listed.stream().filter(m -> group.id().equals(m.groupId())).map(Listed::row).toList();
      groups.add(
          new GroupSection(
              group.key(),
              group.name(),
              group.restricted(),
              counted == 0 ? 0 : sum / counted,
              rows,
              groupMeetings));
    }
    return new Sections(groups, projectCount, completed, milestoneCount, milestonesDone);
  }

  private MeetingRow row(MeetingView m) {
    return new MeetingRow(
        m.id(), m.title(), m.bodyName(), m.startsAt().toLocalDate(), m.status(), m.place());
  }

  private static boolean doneIn(MilestoneView m, Period period) {
    return m.status().equals("done")
        && m.actualEnd() != null
        && !m.actualEnd().isBefore(period.from())
        && !m.actualEnd().isAfter(period.to());
  }

  /**
   * The deadlines due in the period, each past occurrence of a recurring obligation as one: met on
   * time (on or before its due date), met late, missed (its due date passed before today and it is
   * not met) or pending (not due yet).
   */
  private List<DeadlineRow> deadlines(
      CharterKey charterKey, Period period, LocalDate today, Viewer viewer) {
    List<DeadlineRow> rows = new ArrayList<>();
    for (ObligationStatus s :
        obligations.deadlines(charterKey, null, null, "due", viewer).obligations()) {
      List<OccurrenceView> occurrences = new ArrayList<>(s.history());
      occurrences.add(
          new OccurrenceView(
              s.dueOn(), s.metOn(), s.metOn() != null && !s.metOn().isAfter(s.dueOn())));
      for (OccurrenceView o : occurrences) {
        if (o.dueOn() == null
            || o.dueOn().isBefore(period.from())
            || o.dueOn().isAfter(period.to())) {
          continue;
        }
        String outcome;
        if (o.metOn() != null) {
          outcome = o.metOn().isAfter(o.dueOn()) ? "met-late" : "met-on-time";
        } else {
          outcome = o.dueOn().isBefore(today) ? "missed" : "pending";
        }
        rows.add(
            new DeadlineRow(
                s.rule(), s.title(), s.subject(), s.subjectName(), o.dueOn(), o.metOn(), outcome));
      }
    }
    rows.sort(Comparator.comparing(DeadlineRow::dueOn).thenComparing(DeadlineRow::rule));
    return List.copyOf(rows);
  }

  private static int count(List<DeadlineRow> rows, String outcome) {
    return (int) rows.stream().filter(r -> Objects.equals(r.outcome(), outcome)).count();
  }
}
