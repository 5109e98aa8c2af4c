package org.entente.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.charter.Charters;
import org.entente.concurrence.Agreement.State;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectViews.ProjectList;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A working group's workspace: its project list and roadmap with where their agreement stands, the
 * roadmap as a timeline, each project's progress, and what waits for the viewer's approval.
 */
@Controller
class WorkspacePages {

  private static final String BASE = "/charters/{charter}/working-groups/{group}";

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Progress progress;

  WorkspacePages(Charters charters, Projects projects, Roadmaps roadmaps, Progress progress) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.progress = progress;
  }

  /** One bar of the roadmap's timeline, in the SVG's coordinates. */
  record Bar(MilestoneView milestone, int y, double x, double width) {}

  /** Something that waits for the viewer: an approval to give, or one of theirs withdrawn. */
  record Waiting(String what, String text) {}

  @GetMapping(BASE + "/workspace")
  String workspace(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    var detail = charters.workingGroup(charter, group, viewer);
    ProjectList list = projects.projectList(charter, group, viewer);
    Roadmap roadmap = roadmaps.roadmap(charter, group, viewer);
    model.addAttribute("detail", detail);
    model.addAttribute("list", list);
    model.addAttribute("roadmap", roadmap);
    model.addAttribute(
        "progress",
        list.projects().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    ProjectView::key, p -> progress.project(p.id(), viewer).value())));
    model.addAttribute("bars", bars(roadmap));
    model.addAttribute("days", span(roadmap));
    model.addAttribute("start", start(roadmap));
    boolean chair = viewer.coChairOf().contains(detail.group().id()) && viewer.party() != null;
    model.addAttribute("coChair", chair);
    model.addAttribute("listPublication", projects.publication(charter, group, viewer));
    model.addAttribute("roadmapPublication", roadmaps.publication(charter, group, viewer));
    model.addAttribute("approveList", chair && awaitsMe(list.agreement(), viewer));
    model.addAttribute("approveRoadmap", chair && awaitsMe(roadmap.agreement(), viewer));
    model.addAttribute("member", viewer.mayWriteIn(detail.group().id()));
    model.addAttribute("waiting", waiting(list.agreement(), roadmap.agreement(), viewer, chair));
    return "reporting/workspace";
  }

  @PostMapping(BASE + "/project-list/{action}")
  String projectList(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String action,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String reason,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      switch (action) {
        case "submit" -> projects.submitProjectList(charter, group, viewer);
        case "approve" -> projects.approveProjectList(charter, group, version(version), viewer);
        case "dispute" -> projects.disputeProjectList(charter, group, reason, viewer);
        case "reopen" -> projects.reopenProjectList(charter, group, viewer);
        case "publish" -> projects.proposePublication(charter, group, version(version), viewer);
        case "approve-publication" ->
            projects.approvePublication(charter, group, version(version), viewer);
        default -> throw new org.entente.shared.NotFoundException("action", action);
      }
    } catch (org.entente.shared.NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      return refused(charter, group, "project list", e, viewer, model, response);
    }
    return "redirect:/charters/"
        + charter
        + "/working-groups/"
        + group
        + "/workspace?done=list-"
        + action;
  }

  @PostMapping(BASE + "/roadmap/{action}")
  String roadmap(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String action,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String reason,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    try {
      switch (action) {
        case "submit" -> roadmaps.submit(charter, group, viewer);
        case "approve" -> roadmaps.approve(charter, group, version(version), viewer);
        case "dispute" -> roadmaps.dispute(charter, group, reason, viewer);
        case "reopen" -> roadmaps.reopen(charter, group, viewer);
        case "publish" -> roadmaps.proposePublication(charter, group, version(version), viewer);
        case "approve-publication" ->
            roadmaps.approvePublication(charter, group, version(version), viewer);
        default -> throw new org.entente.shared.NotFoundException("action", action);
      }
    } catch (org.entente.shared.NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      return refused(charter, group, "roadmap", e, viewer, model, response);
    }
    return "redirect:/charters/"
        + charter
        + "/working-groups/"
        + group
        + "/workspace?done=roadmap-"
        + action;
  }

  private String refused(
      String charter,
      String group,
      String what,
      DomainException e,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    response.setStatus(org.entente.shared.Problems.status(e).value());
    model.addAttribute("error", "The " + what + " was not changed: " + e.getMessage());
    return workspace(charter, group, viewer, model);
  }

  private static int version(Integer version) {
    if (version == null) {
      throw new org.entente.shared.BadRequestException("version", "say which version you approve");
    }
    return version;
  }

  /** Whether an agreement's current version waits for the approval of the viewer's party. */
  private static boolean awaitsMe(AgreementView a, Viewer viewer) {
    return a != null
        && (a.state() == State.DRAFT || a.state() == State.APPROVED_BY_ONE)
        && a.approvals().stream()
            .noneMatch(
                p ->
                    p.active()
                        && p.version() == a.currentVersion()
                        && p.party().equals(viewer.party()));
  }

  private static List<Waiting> waiting(
      AgreementView list, AgreementView roadmap, Viewer viewer, boolean chair) {
    List<Waiting> waiting = new ArrayList<>();
    Map<String, AgreementView> agreements = new java.util.LinkedHashMap<>();
    agreements.put("project list", list);
    agreements.put("roadmap", roadmap);
    for (Map.Entry<String, AgreementView> e : agreements.entrySet()) {
      AgreementView a = e.getValue();
      if (a == null) {
        continue;
      }
      boolean approved =
          a.approvals().stream()
              .anyMatch(
                  p ->
                      p.active()
                          && p.version() == a.currentVersion()
                          && p.party().equals(viewer.party()));
      if (chair && (a.state() == State.DRAFT || a.state() == State.APPROVED_BY_ONE) && !approved) {
        waiting.add(
            new Waiting(
                e.getKey(),
                "Version "
                    + a.currentVersion()
                    + " of the "
                    + e.getKey()
                    + " waits for your approval."));
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
                          "Your approval of the "
                              + e.getKey()
                              + ": "
                              + p.withdrawnBecause()
                              + ".")));
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
