package org.entente.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Body;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.OpenActionItem;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.Classification;
import org.springframework.stereotype.Component;

/**
 * Action items as a viewer sees them: one item, a meeting's, a person's work list, a charter's open
 * items. The milestone an item became shows only when it is at least as widely visible as the item
 * (whoever sees the item then sees it too; links stored before that rule included).
 */
@Component
class ActionItemReads {

  private final ActionItemStore store;
  private final Charters charters;
  private final Roadmaps roadmaps;
  private final Accounts accounts;
  private final MeetingAudit audit;
  private final Clock clock;

  ActionItemReads(
      ActionItemStore store,
      Charters charters,
      Roadmaps roadmaps,
      Accounts accounts,
      MeetingAudit audit,
      Clock clock) {
    this.store = store;
    this.charters = charters;
    this.roadmaps = roadmaps;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The action item, if the viewer may see it. */
  Optional<ActionItemView> find(UUID id, Viewer viewer) {
    return views(store.find("a.id = :id", Map.of("id", id), false, viewer), charters.indexes())
        .stream()
        .findFirst();
  }

  /** The action items of a meeting the viewer may see. */
  List<ActionItemView> ofMeeting(UUID meetingId, Viewer viewer, CharterIndex.All names) {
    return views(
        store.find("a.meeting_id = :meeting", Map.of("meeting", meetingId), false, viewer), names);
  }

  /**
   * The viewer's work list: the open action items they own, by name or through their organization,
   * that they may see, by due date.
   */
  List<ActionItemView> workList(Viewer viewer) {
    if (!viewer.signedIn() || viewer.operator()) {
      return List.of();
    }
    String organization =
        accounts.withoutMemberships(viewer.username()).map(a -> a.organization()).orElse(null);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("user", viewer.username());
    params.put(
        "organization", organization == null ? "" : organization.strip().toLowerCase(Locale.ROOT));
    return views(
        store.find(
            "a.status = 'OPEN' and (a.owner_username = :user"
                + " or lower(trim(a.owner_organization)) = :organization)",
            params,
            false,
            viewer),
        charters.indexes());
  }

  /**
   * The open action items with a due date of a charter that the viewer may see, set by meetings the
   * viewer may see, by due date. The items of restricted groups' meetings that are not public are a
   * read to record, as a meeting's are.
   */
  List<OpenActionItem> open(UUID charterId, Viewer viewer) {
    CharterIndex.All names = charters.indexes();
    List<ActionItemStore.Row> rows =
        store.find(
            "a.charter_id = :charter and a.status = 'OPEN' and a.due_on is not null",
            Map.of("charter", charterId),
            true,
            viewer);
    List<ActionItemView> views = views(rows, names);
    Set<String> restricted = new LinkedHashSet<>();
    List<OpenActionItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ActionItemStore.Row row = rows.get(i);
      Optional<CharterIndex.Entry> group = names.body(row.audience().group());
      boolean restrictedRead =
          group.map(CharterIndex.Entry::restricted).orElse(false)
              && row.meetingClassification() != Classification.PUBLIC;
      if (restrictedRead) {
        restricted.add(row.meetingId().toString());
      }
      boolean framework = row.meetingBody() == Body.FRAMEWORK;
      items.add(
          new OpenActionItem(
              views.get(i),
              row.meetingBody().code(),
              framework ? null : group.map(CharterIndex.Entry::key).orElse(null),
              framework ? "Partnership framework" : group.map(g -> g.name().text()).orElse(""),
              restrictedRead));
    }
    audit.restrictedReads(List.copyOf(restricted));
    return items;
  }

  private List<ActionItemView> views(List<ActionItemStore.Row> rows, CharterIndex.All names) {
    LocalDate today = LocalDate.now(clock);
    Map<UUID, Viewer.Audience> milestones =
        roadmaps.audiences(
            rows.stream().map(ActionItemStore.Row::milestoneId).filter(Objects::nonNull).toList());
    return rows.stream()
        .map(
            r -> {
              Viewer.Audience linked =
                  r.milestoneId() == null ? null : milestones.get(r.milestoneId());
              return new ActionItemView(
                  r.id(),
                  r.meetingId(),
                  r.meetingTitle(),
                  names.charterKey(r.charterId()).orElse(null),
                  r.title(),
                  r.ownerOrganization(),
                  r.ownerUsername(),
                  r.dueOn(),
                  r.status().code(),
                  linked != null && r.audience().within(linked) ? r.milestoneId() : null,
                  ActionItem.overdue(r.status(), r.dueOn(), today),
                  r.version());
            })
        .toList();
  }
}
