package org.entente.roadmaps;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Milestones read across a roadmap: by search, by due date for a person's calendar, and where one
 * is kept. The charters and groups they name come from the charter module (kept until a record
 * changes), by the ids the milestones hold.
 */
@Component
class MilestoneQueries {

  private final MilestoneStore store;
  private final Charters charters;

  MilestoneQueries(MilestoneStore store, Charters charters) {
    this.store = store;
    this.charters = charters;
  }

  /** The charter's milestones the viewer may see whose title matches a search. */
  List<org.entente.shared.SearchHit> search(
      CharterSummary charter,
      List<WorkingGroupView> charterGroups,
      org.entente.shared.TextQuery query,
      boolean postgres,
      Viewer viewer) {
    Map<UUID, String> groups = new HashMap<>();
    for (WorkingGroupView g : charterGroups) {
      groups.put(g.id(), g.key());
    }
    return store.search(charter.id(), query, postgres, viewer).stream()
        .filter(hit -> groups.containsKey(hit.groupId()))
        .map(
            hit ->
                new org.entente.shared.SearchHit(
                    "milestone",
                    hit.id().toString(),
                    hit.title().text(),
                    hit.owner(),
                    groups.get(hit.groupId()),
                    List.of(),
                    hit.status().code(),
                    "/charters/"
                        + charter.key()
                        + "/working-groups/"
                        + groups.get(hit.groupId())
                        + "/workspace"))
        .toList();
  }

  /**
   * The open milestones of the viewer's groups due by a day: see {@link Roadmaps#milestonesDue}.
   */
  List<RoadmapViews.DueMilestone> milestonesDue(Viewer viewer, LocalDate until) {
    if (!viewer.signedIn() || viewer.operator() || viewer.groups().isEmpty()) {
      return List.of();
    }
    List<MilestoneStore.Due> due = store.due(viewer, until);
    if (due.isEmpty()) {
      return List.of();
    }
    Map<UUID, WorkingGroupInCharter> groups = new HashMap<>();
    for (CharterSummary charter : charters.list(viewer)) {
      if (due.stream().anyMatch(d -> d.charterId().equals(charter.id()))) {
        for (WorkingGroupView g : charters.workingGroups(charter, viewer)) {
          groups.put(g.id(), new WorkingGroupInCharter(charter, g));
        }
      }
    }
    return due.stream()
        .filter(d -> groups.containsKey(d.groupId()))
        .map(
            d -> {
              WorkingGroupInCharter g = groups.get(d.groupId());
              return new RoadmapViews.DueMilestone(
                  d.id(),
                  g.charter().key(),
                  g.group().key(),
                  g.group().name(),
                  d.key(),
                  d.title(),
                  d.plannedEnd(),
                  d.status().code());
            })
        .sorted(
            Comparator.comparing(RoadmapViews.DueMilestone::plannedEnd)
                .thenComparing(RoadmapViews.DueMilestone::charterKey)
                .thenComparing(RoadmapViews.DueMilestone::key))
        .toList();
  }

  /**
   * The working group a milestone is kept in, with its charter, through the charter module (kept
   * until a record changes).
   *
   * @throws NotFoundException when the viewer may not see it
   */
  WorkingGroupInCharter group(MilestoneStore.Placement placement, Viewer viewer) {
    CharterSummary charter =
        charters.list(viewer).stream()
            .filter(c -> c.id().equals(placement.charterId()))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("charter", placement.charterId().toString()));
    WorkingGroupView group =
        charters.workingGroups(charter, viewer).stream()
            .filter(g -> g.id().equals(placement.groupId()))
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("working group", placement.groupId().toString()));
    return new WorkingGroupInCharter(charter, group);
  }

  /**
   * Where a milestone the viewer may see is kept.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  MilestoneStore.Placement placement(UUID id, Viewer viewer) {
    return store
        .placement(id, viewer)
        .orElseThrow(() -> new NotFoundException("milestone", String.valueOf(id)));
  }
}
