package org.entente.calendars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.calendars.CalendarViews.DigestItem;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.Meetings;
import org.entente.obligations.ObligationState;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.Obligations;
import org.entente.roadmaps.RoadmapViews.DueMilestone;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Component;

/**
 * What is due for a viewer, from the modules that keep it: charter deadlines (obligations), action
 * items (meetings) and milestones (roadmaps). Reads only through their services.
 */
@Component
class DueItems {

  private final Viewers viewers;
  private final Charters charters;
  private final Obligations obligations;
  private final Meetings meetings;
  private final Roadmaps roadmaps;
  private final Readers readers;

  DueItems(
      Viewers viewers,
      Charters charters,
      Obligations obligations,
      Meetings meetings,
      Roadmaps roadmaps,
      Readers readers) {
    this.viewers = viewers;
    this.charters = charters;
    this.obligations = obligations;
    this.meetings = meetings;
    this.roadmaps = roadmaps;
    this.readers = readers;
  }

  /**
   * What is due until {@code until} and what is overdue on {@code today}, by due date, with the
   * texts of the records in the current language (marked where a text is not given in it).
   */
  List<DigestItem> due(Viewer viewer, LocalDate today, LocalDate until) {
    List<DigestItem> items = new ArrayList<>(deadlines(viewer, today, until));
    for (ActionItemView a : meetings.workList(viewer)) {
      if (!a.dueOn().isAfter(until)) {
        items.add(
            new DigestItem(
                "action-item",
                readers.text(a.title()),
                a.charterKey() + ", " + readers.text(a.meetingTitle()),
                a.dueOn(),
                a.dueOn().isBefore(today)));
      }
    }
    for (DueMilestone m : roadmaps.milestonesDue(viewer, until)) {
      items.add(
          new DigestItem(
              "milestone",
              readers.text(m.title()),
              m.charterKey() + ", " + readers.text(m.groupName()),
              m.plannedEnd(),
              m.plannedEnd().isBefore(today)));
    }
    items.sort(
        Comparator.comparing(DigestItem::dueOn)
            .thenComparing(DigestItem::kind)
            .thenComparing(DigestItem::title));
    return List.copyOf(items);
  }

  /**
   * The open charter deadlines due until then: the framework's for officials, and those of the
   * groups whose records the viewer may read.
   */
  private List<DigestItem> deadlines(Viewer viewer, LocalDate today, LocalDate until) {
    List<DigestItem> items = new ArrayList<>();
    Map<String, UUID> groupIds = new LinkedHashMap<>();
    viewers.groups().forEach(g -> groupIds.put(g.charter() + "/" + g.key(), g.id()));
    for (CharterSummary charter : charters.list(viewer)) {
      for (ObligationStatus o :
          obligations
              .deadlines(CharterKey.of(charter.key()), null, null, "due", viewer)
              .obligations()) {
        if (!ObligationState.fromCode(o.status()).isOpen()
            || o.dueOn() == null
            || o.dueOn().isAfter(until)) {
          continue;
        }
        boolean theirs =
            "framework".equals(o.subject())
                ? viewer.official()
                : viewer.groups().contains(groupIds.get(charter.key() + "/" + o.subject()));
        if (theirs) {
          items.add(
              new DigestItem(
                  "deadline",
                  readers.text(o.title()),
                  charter.key() + ", " + readers.text(o.subjectName()),
                  o.dueOn(),
                  o.dueOn().isBefore(today)));
        }
      }
    }
    return items;
  }
}
