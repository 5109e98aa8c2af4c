package org.entente.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.Charters;
import org.entente.concurrence.AgreementPage;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectViews.ProjectList;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.reporting.Progress.Figure;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A working group's workspace: its project list and roadmap with where their agreement stands, the
 * roadmap as a timeline, each project's progress, and what waits for the viewer's approval.
 */
@Controller
class WorkspacePages implements AgreementPage {

  private static final String BASE = "/charters/{charter}/working-groups/{group}";

  /** The subjects whose agreement the workspace shows; its messages are keyed by their types. */
  private static final java.util.Set<String> SHOWN =
      java.util.Set.of(Projects.PROJECT_LIST, Roadmaps.ROADMAP);

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Progress progress;
  private final Agreements agreements;

  WorkspacePages(
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Progress progress,
      Agreements agreements) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.progress = progress;
    this.agreements = agreements;
  }

  /** One bar of the roadmap's timeline, in the SVG's coordinates. */
  record Bar(MilestoneView milestone, int y, double x, double width) {}

  /**
   * Something that waits for the viewer: an approval to give, or one of theirs withdrawn; the page
   * shows it with the message of its key, in the viewer's language.
   */
  record Waiting(String what, String message, Object argument) {}

  @GetMapping(BASE + "/workspace")
  String workspace(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    var detail = charters.workingGroup(CharterKey.inPath(charter), group, viewer);
    ProjectList list = projects.projectList(CharterKey.inPath(charter), group, viewer);
    Roadmap roadmap = roadmaps.roadmap(CharterKey.inPath(charter), group, viewer);
    model.addAttribute("detail", detail);
    model.addAttribute("list", list);
    model.addAttribute("roadmap", roadmap);
    // every project's progress in one pass over the charter; a key is unique in its charter
    Map<String, Figure> figures = progress.projects(CharterKey.inPath(charter), viewer);
    Map<String, Double> shown = new LinkedHashMap<>();
    for (ProjectView p : list.projects()) {
      shown.put(p.key(), figures.containsKey(p.key()) ? figures.get(p.key()).value() : 0.0);
    }
    model.addAttribute("progress", shown);
    model.addAttribute("bars", bars(roadmap));
    model.addAttribute("days", span(roadmap));
    model.addAttribute("start", start(roadmap));
    boolean chair = viewer.coChairOf().contains(detail.group().id()) && viewer.party() != null;
    model.addAttribute("coChair", chair);
    model.addAttribute(
        "listPublication",
        agreements.publication(Projects.PROJECT_LIST, CharterKey.inPath(charter), group, viewer));
    model.addAttribute(
        "roadmapPublication",
        agreements.publication(Roadmaps.ROADMAP, CharterKey.inPath(charter), group, viewer));
    model.addAttribute("approveList", chair && awaits(list.agreement(), viewer));
    model.addAttribute("approveRoadmap", chair && awaits(roadmap.agreement(), viewer));
    model.addAttribute("member", viewer.mayWriteIn(detail.group().id()));
    model.addAttribute("waiting", waiting(list.agreement(), roadmap.agreement(), viewer, chair));
    return "reporting/workspace";
  }

  @Override
  public boolean shows(String subjectType) {
    return SHOWN.contains(subjectType);
  }

  @Override
  public String after(String subjectType, CharterKey charterKey, String key, String action) {
    return "/charters/"
        + charterKey
        + "/working-groups/"
        + key
        + "/workspace?done="
        + (subjectType.equals(Projects.PROJECT_LIST) ? "list" : subjectType)
        + "-"
        + action;
  }

  /** The workspace shown again, with why the project list or roadmap was not changed. */
  @Override
  public String refused(
      String subjectType,
      CharterKey charterKey,
      String key,
      DomainException refusal,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    response.setStatus(Problems.status(refusal).value());
    model.addAttribute("error", refusal.getMessage());
    model.addAttribute("errorMessage", "workspace.refused." + subjectType);
    return workspace(charterKey.value(), key, viewer, model);
  }

  /** Whether an agreement's current version waits for the approval of the viewer's party. */
  private static boolean awaits(AgreementView a, Viewer viewer) {
    return a != null && a.awaits(viewer.party());
  }

  private static List<Waiting> waiting(
      AgreementView list, AgreementView roadmap, Viewer viewer, boolean chair) {
    List<Waiting> waiting = new ArrayList<>();
    Map<String, AgreementView> agreements = new java.util.LinkedHashMap<>();
    agreements.put(Projects.PROJECT_LIST, list);
    agreements.put(Roadmaps.ROADMAP, roadmap);
    for (Map.Entry<String, AgreementView> e : agreements.entrySet()) {
      AgreementView a = e.getValue();
      if (a == null) {
        continue;
      }
      if (chair && a.awaits(viewer.party())) {
        waiting.add(
            new Waiting(e.getKey(), "workspace.waiting.approve." + e.getKey(), a.currentVersion()));
      }
      a.approvals().stream()
          .filter(
              p ->
                  !p.active()
                      && viewer.username() != null
                      && viewer.username().equals(p.approvedBy()))
          .forEach(
              p ->
                  waiting.add(
                      new Waiting(
                          e.getKey(),
                          "workspace.waiting.withdrawn." + e.getKey(),
                          p.withdrawnBecause())));
    }
    return waiting;
  }

  private static LocalDate start(Roadmap roadmap) {
    return roadmap.milestones().stream()
        .map(MilestoneView::plannedStart)
        .min(LocalDate::compareTo)
        .orElse(roadmap.asOf());
  }

  private static long span(Roadmap roadmap) {
    LocalDate start = start(roadmap);
    LocalDate end =
        roadmap.milestones().stream()
            .map(
                m ->
                    m.forecastFinish().isAfter(m.plannedEnd())
                        ? m.forecastFinish()
                        : m.plannedEnd())
            .max(LocalDate::compareTo)
            .orElse(start);
    return Math.max(1, ChronoUnit.DAYS.between(start, end) + 1);
  }

  /** The timeline: one bar per milestone, from planned start to forecast finish, 0 to 100 wide. */
  private static List<Bar> bars(Roadmap roadmap) {
    LocalDate start = start(roadmap);
    double days = span(roadmap);
    List<Bar> bars = new ArrayList<>();
    int y = 0;
    for (MilestoneView m : roadmap.milestones()) {
      double x = ChronoUnit.DAYS.between(start, m.forecastStart()) * 100.0 / days;
      double width =
          Math.max(
              0.5,
              (ChronoUnit.DAYS.between(m.forecastStart(), m.forecastFinish()) + 1) * 100.0 / days);
      bars.add(new Bar(m, y, x, width));
      y += 24;
    }
    return bars;
  }
}
