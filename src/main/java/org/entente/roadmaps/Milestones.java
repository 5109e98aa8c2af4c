package org.entente.roadmaps;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.projects.Projects;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A group's milestones loaded with their links: the projects they belong to, read through the
 * projects module, and the milestones they depend on. Links are resolved here, once per group.
 */
@Component
class Milestones {

  private final MilestoneStore store;
  private final Projects projects;

  Milestones(MilestoneStore store, Projects projects) {
    this.store = store;
    this.projects = projects;
  }

  /**
   * The group's milestones the viewer may see, by planned start, with their dependencies; a link to
   * a record the viewer may not see is left out, key and all.
   */
  List<Stored> visible(UUID groupId, Viewer viewer) {
    return raw(groupId).stream()
        .filter(r -> viewer.canSee(r.audience()))
        .map(r -> r.keeping(viewer::canSee))
        .toList();
  }

  /**
   * What a version of the group's roadmap is made of: its milestones that both parties share, with
   * only the links that everyone who sees the milestone may follow. Built from the records
   * themselves, never from one viewer's view of them, so it is the same whoever submits or checks
   * it.
   */
  List<Stored> shared(UUID groupId) {
    return raw(groupId).stream()
        .filter(r -> r.classification() != Classification.PARTY_INTERNAL)
        .map(r -> r.keeping(target -> r.audience().within(target)))
        .toList();
  }

  /**
   * A milestone the viewer may see, with its group's other milestones as the viewer sees them.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  Stored one(UUID groupId, UUID id, Viewer viewer) {
    return visible(groupId, viewer).stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("milestone", String.valueOf(id)));
  }

  /** All of the group's current milestones, by planned start, with their links. */
  List<RawMilestone> raw(UUID groupId) {
    List<MilestoneStore.Row> rows = store.rows(groupId);
    boolean linksProjects = rows.stream().anyMatch(r -> r.projectId() != null);
    return raw(rows, linksProjects ? projects.links(groupId) : List.of());
  }

  /** The group's current milestones, their project links resolved from these projects. */
  List<RawMilestone> raw(UUID groupId, List<Projects.Link> groupProjects) {
    return raw(store.rows(groupId), groupProjects);
  }

  private static List<RawMilestone> raw(
      List<MilestoneStore.Row> rows, List<Projects.Link> groupProjects) {
    Map<UUID, RawMilestone.Link> projectLinks = new HashMap<>();
    for (Projects.Link p : groupProjects) {
      projectLinks.put(p.id(), new RawMilestone.Link(p.key(), p.audience()));
    }
    Map<UUID, RawMilestone.Link> milestoneLinks = new HashMap<>();
    for (MilestoneStore.Row r : rows) {
      milestoneLinks.put(r.id(), new RawMilestone.Link(r.milestone().key(), r.audience()));
    }
    return rows.stream()
        .filter(r -> !r.retired())
        .map(
            r ->
                new RawMilestone(
                    r.id(),
                    r.groupId(),
                    r.milestone(),
                    r.classification(),
                    r.originParty(),
                    r.version(),
                    r.projectId() == null ? null : projectLinks.get(r.projectId()),
                    r.dependsOn().stream()
                        .map(milestoneLinks::get)
                        .filter(java.util.Objects::nonNull)
                        .toList()))
        .toList();
  }

  /**
   * The project a milestone belongs to: one of the group's the viewer may see (any other is
   * answered as missing, so its existence does not show), at least as widely visible as the
   * milestone.
   *
   * @throws BadRequestException naming {@code project}
   */
  UUID projectId(UUID groupId, String projectKey, Viewer.Audience milestone, Viewer viewer) {
    if (projectKey == null) {
      return null;
    }
    Projects.Link target =
        projects.links(groupId).stream()
            .filter(p -> !p.retired() && p.key().equals(projectKey))
            .findFirst()
            .filter(p -> viewer.canSee(p.audience()))
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "project", "the working group has no project '" + projectKey + "'"));
    Viewer.requireLink("project", milestone, "milestone", target.audience(), "project");
    return target.id();
  }

  /** Whether the project a milestone belongs to is public. */
  boolean projectPublic(UUID milestoneId) {
    return store
        .placedProject(milestoneId)
        .map(
            placed ->
                projects.links(placed.groupId()).stream()
                    .anyMatch(
                        p ->
                            p.id().equals(placed.projectId())
                                && p.audience().classification() == Classification.PUBLIC))
        .orElse(false);
  }

  /**
   * Checks a milestone's links before it is written: its dependencies are on milestones of the
   * roadmap, without a cycle, and at least as widely visible as it; its project is one of the
   * group's the viewer may see, at least as widely visible as it.
   *
   * @return the id of its project, if it belongs to one
   */
  UUID checkLinks(Stored milestone, List<Stored> others, Viewer viewer) {
    Map<String, List<String>> roadmap = new LinkedHashMap<>();
    for (Stored s : others) {
      roadmap.put(s.milestone().key(), s.milestone().dependsOn());
    }
    milestone.milestone().requireDependenciesIn(roadmap);
    for (String d : milestone.milestone().dependsOn()) {
      others.stream()
          .filter(s -> s.milestone().key().equals(d))
          .findFirst()
          .ifPresent(
              target ->
                  Viewer.requireLink(
                      "dependsOn",
                      milestone.audience(),
                      "milestone",
                      target.audience(),
                      "milestone"));
    }
    return projectId(
        milestone.groupId(), milestone.milestone().project(), milestone.audience(), viewer);
  }

  /** The ids of the milestones a milestone depends on, among the others of its roadmap. */
  static List<UUID> dependencyIds(Milestone milestone, List<Stored> others) {
    return milestone.dependsOn().stream()
        .map(
            d ->
                others.stream()
                    .filter(s -> s.milestone().key().equals(d))
                    .findFirst()
                    .orElseThrow()
                    .id())
        .toList();
  }
}
