package org.entente.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectInput;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;

/**
 * The demo's sample project and roadmap of each working group, made through {@link Projects} and
 * {@link Roadmaps} as a sample account of the group.
 */
final class DemoRoadmaps {

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final DemoAccounts samples;
  private final Clock clock;
  private final String charter;

  DemoRoadmaps(
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      DemoAccounts samples,
      Clock clock,
      String charter) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.samples = samples;
    this.clock = clock;
    this.charter = charter;
  }

  /** The sample project of each kind of group, in both languages. */
  private static Map<String, String> projectTitle(String groupKey) {
    if (groupKey.contains("security")) {
      return DemoData.text(
          "Humanitarian demining training centre", "Humanitar minatəmizləmə üzrə təlim mərkəzi");
    }
    if (groupKey.contains("energy")) {
      return DemoData.text(
          "Green energy corridor feasibility study",
          "Yaşıl enerji dəhlizinin texniki-iqtisadi əsaslandırılması");
    }
    if (groupKey.contains("connectivity") || groupKey.contains("digital")) {
      return DemoData.text("Trans-Caspian fibre link", "Transxəzər fiber-optik rabitə xətti");
    }
    if (groupKey.contains("trade") || groupKey.contains("econom")) {
      return DemoData.text(
          "Single window for trade documents", "Ticarət sənədləri üçün vahid pəncərə");
    }
    return DemoData.text("Joint pilot project", "Birgə pilot layihə");
  }

  /** A project and four milestones in a group: one done, one late, one soon, one later. */
  int roadmap(WorkingGroupView group) {
    // the restricted group is for cleared people: its co-chairs are; its secretariat is not
    Viewer viewer = samples.as(group.restricted() ? "demo.az.cochair" : "demo.az.secretariat");
    String key = "demo-" + group.key().replaceFirst("^wg-", "");
    return project(group, key, viewer) + milestones(group, key, viewer);
  }

  /** The group's sample project, when it is missing. */
  private int project(WorkingGroupView group, String key, Viewer viewer) {
    List<ProjectView> existing = projects.list(CharterKey.of(charter), group.key(), viewer);
    if (existing.stream().anyMatch(p -> p.key().equals(key))) {
      return 0;
    }
    projects.create(
        CharterKey.of(charter),
        group.key(),
        new ProjectInput(
            key,
            projectTitle(group.key()),
            DemoData.text(
                "An illustrative project: not a real commitment of either party.",
                "Nümunə layihə: heç bir tərəfin real öhdəliyi deyil."),
            commitment(group, viewer),
            Map.of(
                "AZ",
                DemoData.LABEL + " Lead agency, Azerbaijan",
                "US",
                DemoData.LABEL + " Lead agency, U.S."),
            List.of(),
            List.of(),
            null,
            null),
        viewer);
    return 1;
  }

  /** The project's four milestones that are missing: one done, one late, one soon, one later. */
  private int milestones(WorkingGroupView group, String key, Viewer viewer) {
    int created = 0;
    List<String> have =
        roadmaps.roadmap(CharterKey.of(charter), group.key(), viewer).milestones().stream()
            .map(MilestoneView::key)
            .toList();
    for (Step s : steps(DemoData.today(clock))) {
      String milestone = key + "-" + s.suffix();
      if (have.contains(milestone)) {
        continue;
      }
      boolean done = s.status().equals("done");
      roadmaps.add(
          CharterKey.of(charter),
          group.key(),
          new MilestoneInput(
              milestone,
              DemoData.text(s.en(), s.az()),
              DemoData.LABEL + " Lead agency, Azerbaijan",
              s.start(),
              s.end(),
              done || s.status().equals("in-progress") ? s.start() : null,
              done ? s.end() : null,
              s.status(),
              key,
              s.after().stream().map(a -> key + "-" + a).toList(),
              null,
              null),
          viewer);
      created++;
    }
    return created;
  }

  /** A milestone of the sample roadmap, its dates counted from today. */
  private record Step(
      String suffix,
      String en,
      String az,
      LocalDate start,
      LocalDate end,
      String status,
      List<String> after) {}

  private static List<Step> steps(LocalDate t) {
    return List.of(
        new Step(
            "scoping",
            "Scoping report agreed",
            "İlkin hesabat razılaşdırıldı",
            t.minusDays(200),
            t.minusDays(120),
            "done",
            List.of()),
        new Step(
            "design",
            "Detailed design",
            "Ətraflı layihələndirmə",
            t.minusDays(100),
            t.minusDays(10),
            "in-progress",
            List.of("scoping")),
        new Step(
            "pilot",
            "Pilot phase starts",
            "Pilot mərhələnin başlanması",
            t.plusDays(5),
            t.plusDays(20),
            "not-started",
            List.of("design")),
        new Step(
            "review",
            "Joint review of results",
            "Nəticələrin birgə nəzərdən keçirilməsi",
            t.plusDays(60),
            t.plusDays(120),
            "not-started",
            List.of("pilot")));
  }

  /** The commitment the group's sample project serves: one that names the fewest areas. */
  private List<String> commitment(WorkingGroupView group, Viewer viewer) {
    return charters.workingGroup(CharterKey.of(charter), group.key(), viewer).commitments().stream()
        .min(Comparator.comparingInt((CommitmentView c) -> c.areas().size()))
        .map(c -> List.of(c.key()))
        .orElse(List.of());
  }
}
