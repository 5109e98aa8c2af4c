package org.entente.reporting;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.ObligationViews.OccurrenceView;
import org.entente.obligations.Obligations;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far a charter has come, as fractions from 0 to 1, each figure with the parts it is made of.
 * The rule (also in docs/progress.md):
 *
 * <ul>
 *   <li>A project with milestones: the planned duration (in days, at least one) of its milestones
 *       that are done, over that of all its milestones not cancelled. A project without milestones:
 *       1 when completed, else 0. Cancelled projects do not count.
 *   <li>An obligation of the charter's definition, for one subject: the share of its occurrences
 *       due so far (met, or past their due date) that were met; 0 while none was.
 *   <li>A commitment: the mean of its parts, each counting 1: the projects that serve it and the
 *       obligations that come from its clause (one per rule and subject); 0 while it has none.
 *   <li>An area: the mean of its commitments. The charter: the mean of its areas.
 * </ul>
 *
 * Only what the viewer may see is counted; obligations are met by the events the viewer may know
 * of, as {@link Obligations#deadlines} says.
 */
@Service
@Transactional(readOnly = true)
public class Progress {

  /** The rule, in one sentence per level, as figures explain themselves. */
  public static final String PROJECT_RULE =
      "planned days of its done milestones over those of all its milestones not cancelled;"
          + " without milestones, 1 when completed, else 0";

  public static final String COMMITMENT_RULE =
      "the mean of the projects that serve it (cancelled ones left out) and of the obligations"
          + " of its clause, each obligation the share of its due occurrences met; 0 while it has"
          + " none";

  public static final String AREA_RULE = "the mean of its commitments";

  public static final String CHARTER_RULE = "the mean of its areas";

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Obligations obligations;

  Progress(Charters charters, Projects projects, Roadmaps roadmaps, Obligations obligations) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.obligations = obligations;
  }

  /**
   * One part of a figure.
   *
   * @param weight how much it counts in its whole (days for milestones; 1 for the others)
   */
  public record Part(String kind, String key, LocalizedText name, double value, double weight) {}

  /** A figure and what it is made of. */
  public record Figure(
      String kind, String key, LocalizedText name, double value, String rule, List<Part> parts) {}

  /** Everything the roll-up needs of one charter, read once. */
  private record Facts(
      CharterOverview overview,
      List<ProjectView> projects,
      Map<String, List<MilestoneView>> byProject,
      Map<String, List<MilestoneView>> byGroup,
      Map<String, List<ObligationStatus>> byClause) {}

  /** What the roll-up reads; the obligations only when commitments are figured. */
  private Facts facts(CharterKey charterKey, Viewer viewer) {
    return facts(charterKey, viewer, true);
  }

  private Facts facts(CharterKey charterKey, Viewer viewer, boolean withObligations) {
    CharterOverview overview = charters.overview(charterKey, viewer);
    List<ProjectView> all = new ArrayList<>();
    Map<String, List<MilestoneView>> byProject = new LinkedHashMap<>();
    Map<String, List<MilestoneView>> byGroup = new LinkedHashMap<>();
    for (WorkingGroupView group : overview.workingGroups()) {
      all.addAll(projects.list(charterKey, group.key(), viewer));
      List<MilestoneView> milestones =
          roadmaps.roadmap(charterKey, group.key(), viewer).milestones();
      byGroup.put(group.key(), milestones);
      for (MilestoneView m : milestones) {
        if (m.project() != null) {
          byProject.computeIfAbsent(m.project(), k -> new ArrayList<>()).add(m);
        }
      }
    }
    // the obligations as the viewer's deadlines say, from the events they may know of
    Map<String, List<ObligationStatus>> byClause = new LinkedHashMap<>();
    List<ObligationStatus> statuses =
        withObligations
            ? obligations.deadlines(charterKey, null, null, "subject", viewer).obligations()
            : List.of();
    for (ObligationStatus o : statuses) {
      if (o.clause() != null) {
        byClause.computeIfAbsent(o.clause(), k -> new ArrayList<>()).add(o);
      }
    }
    return new Facts(overview, all, byProject, byGroup, byClause);
  }

  /**
   * How far one obligation of one subject has been met: its occurrences due so far are those met
   * and the open one when it is overdue; the share of them that were met, 0 when there is none.
   */
  static double obligationShare(ObligationStatus o) {
    int due = o.history().size();
    long met = o.history().stream().map(OccurrenceView::metOn).filter(d -> d != null).count();
    if (o.metOn() != null) {
      due++;
      met++;
    } else if (o.status().equals("overdue")) {
      due++;
    }
    return due == 0 ? 0 : (double) met / due;
  }

  private static List<ObligationStatus> obligationsOf(CommitmentView commitment, Facts facts) {
    return commitment.clause() == null
        ? List.of()
        : facts.byClause().getOrDefault(commitment.clause().key(), List.of());
  }

  private static Part obligationPart(ObligationStatus o) {
    Map<String, String> name = new LinkedHashMap<>();
    o.title()
        .values()
        .forEach(
            (language, text) ->
                name.put(language, text + " (" + o.subjectName().in(language).text() + ")"));
    return new Part(
        "obligation",
        o.rule() + "/" + o.subject(),
        LocalizedText.ofMap(name),
        obligationShare(o),
        1);
  }

  /** A project's completion. */
  public Figure project(UUID id, Viewer viewer) {
    ProjectView project = projects.project(id, viewer);
    return projectFigure(project, facts(CharterKey.of(project.charter()), viewer, false));
  }

  /**
   * The completion of every project of a charter the viewer may see, by project key, read in one
   * pass: what a report lists per working group.
   */
  public Map<String, Figure> projects(CharterKey charterKey, Viewer viewer) {
    Facts facts = facts(charterKey, viewer, false);
    Map<String, Figure> figures = new LinkedHashMap<>();
    for (ProjectView p : facts.projects()) {
      figures.put(p.key(), projectFigure(p, facts));
    }
    return figures;
  }

  private Figure projectFigure(ProjectView project, Facts facts) {
    List<MilestoneView> milestones =
        facts.byProject().getOrDefault(project.key(), List.of()).stream()
            .filter(m -> !m.status().equals("cancelled"))
            .toList();
    List<Part> parts = new ArrayList<>();
    double value;
    if (milestones.isEmpty()) {
      value = project.stage().equals("completed") ? 1 : 0;
    } else {
      double done = 0;
      double total = 0;
      for (MilestoneView m : milestones) {
        double days = Math.max(1, ChronoUnit.DAYS.between(m.plannedStart(), m.plannedEnd()));
        boolean isDone = m.status().equals("done");
        parts.add(new Part("milestone", m.key(), m.title(), isDone ? 1 : 0, days));
        total += days;
        if (isDone) {
          done += days;
        }
      }
      value = done / total;
    }
    return new Figure("project", project.key(), project.title(), value, PROJECT_RULE, parts);
  }

  private Figure commitmentFigure(CommitmentView commitment, Facts facts) {
    List<ProjectView> serving =
        facts.projects().stream()
            .filter(p -> !p.stage().equals("cancelled"))
            .filter(
                p ->
                    p.commitments().stream()
                        .map(CommitmentRef::key)
                        .anyMatch(commitment.key()::equals))
            .toList();
    Map<String, Figure> figures = new LinkedHashMap<>();
    serving.forEach(p -> figures.put(p.key(), projectFigure(p, facts)));
    return commitmentFigure(commitment, serving, figures, obligationsOf(commitment, facts));
  }

  private static Figure commitmentFigure(
      CommitmentView commitment,
      List<ProjectView> serving,
      Map<String, Figure> figures,
      List<ObligationStatus> served) {
    List<Part> parts = new ArrayList<>();
    for (ProjectView p : serving) {
      parts.add(new Part("project", p.key(), p.title(), figures.get(p.key()).value(), 1));
    }
    served.forEach(o -> parts.add(obligationPart(o)));
    return new Figure(
        "commitment", commitment.key(), commitment.title(), mean(parts), COMMITMENT_RULE, parts);
  }

  private Figure areaFigure(AreaOverview area, Facts facts) {
    List<Part> parts = new ArrayList<>();
    for (CommitmentView c : area.commitments()) {
      parts.add(new Part("commitment", c.key(), c.title(), commitmentFigure(c, facts).value(), 1));
    }
    return new Figure("area", area.area().key(), area.area().name(), mean(parts), AREA_RULE, parts);
  }

  /** A commitment's progress. */
  public Figure commitment(CharterKey charterKey, String commitmentKey, Viewer viewer) {
    CommitmentView commitment = charters.commitment(charterKey, commitmentKey, viewer);
    return commitmentFigure(commitment, facts(charterKey, viewer));
  }

  /** An area's progress. */
  public Figure area(CharterKey charterKey, String areaKey, Viewer viewer) {
    Facts facts = facts(charterKey, viewer);
    AreaOverview area =
        facts.overview().areas().stream()
            .filter(a -> a.area().key().equals(areaKey))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("area", areaKey));
    return areaFigure(area, facts);
  }

  /** The charter's progress, made of its areas. */
  public Figure charter(CharterKey charterKey, Viewer viewer) {
    Facts facts = facts(charterKey, viewer);
    List<Part> parts = new ArrayList<>();
    for (AreaOverview area : facts.overview().areas()) {
      parts.add(
          new Part(
              "area", area.area().key(), area.area().name(), areaFigure(area, facts).value(), 1));
    }
    return new Figure(
        "charter",
        charterKey.value(),
        facts.overview().charter().title(),
        mean(parts),
        CHARTER_RULE,
        parts);
  }

  /** A figure with the figures of its parts, down to the projects' milestones. */
  public record Node(Figure figure, List<Node> children) {}

  /** The whole roll-up of a charter in one pass: charter, areas, commitments, projects. */
  public Node tree(CharterKey charterKey, Viewer viewer) {
    return rollup(charterKey, viewer).tree();
  }

  /**
   * The roll-up of a charter and what it was made of, read once: the tree, the figure of every
   * project the viewer may see (cancelled ones too, by key), those projects, and each working
   * group's milestones as its roadmap shows them today. What a dashboard shows.
   */
  public record Rollup(
      Node tree,
      Map<String, Figure> projectFigures,
      List<ProjectView> projects,
      Map<String, List<MilestoneView>> milestonesByGroup) {}

  /** The roll-up of a charter and what it was made of, read once. */
  public Rollup rollup(CharterKey charterKey, Viewer viewer) {
    Facts facts = facts(charterKey, viewer);
    Map<String, Figure> figures = new LinkedHashMap<>();
    Map<String, List<ProjectView>> byCommitment = new LinkedHashMap<>();
    for (ProjectView p : facts.projects()) {
      figures.put(p.key(), projectFigure(p, facts));
      if (p.stage().equals("cancelled")) {
        continue;
      }
      p.commitments().stream()
          .map(CommitmentRef::key)
          .distinct()
          .forEach(k -> byCommitment.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
    }
    List<Node> areas = new ArrayList<>();
    List<Part> areaParts = new ArrayList<>();
    for (AreaOverview area : facts.overview().areas()) {
      List<Node> commitments = new ArrayList<>();
      List<Part> commitmentParts = new ArrayList<>();
      for (CommitmentView c : area.commitments()) {
        List<ProjectView> serving = byCommitment.getOrDefault(c.key(), List.of());
        List<Node> projectNodes = new ArrayList<>();
        for (ProjectView p : serving) {
          projectNodes.add(new Node(figures.get(p.key()), List.of()));
        }
        Figure figure = commitmentFigure(c, serving, figures, obligationsOf(c, facts));
        commitmentParts.add(new Part("commitment", c.key(), c.title(), figure.value(), 1));
        commitments.add(new Node(figure, projectNodes));
      }
      Figure figure =
          new Figure(
              "area",
              area.area().key(),
              area.area().name(),
              mean(commitmentParts),
              AREA_RULE,
              commitmentParts);
      areaParts.add(new Part("area", figure.key(), figure.name(), figure.value(), 1));
      areas.add(new Node(figure, commitments));
    }
    Node tree =
        new Node(
            new Figure(
                "charter",
                charterKey.value(),
                facts.overview().charter().title(),
                mean(areaParts),
                CHARTER_RULE,
                areaParts),
            areas);
    return new Rollup(tree, figures, facts.projects(), facts.byGroup());
  }

  private static double mean(List<Part> parts) {
    return parts.isEmpty() ? 0 : parts.stream().mapToDouble(Part::value).average().orElse(0);
  }
}
