package org.entente.obligations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.concurrence.Concurrence;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingViews.HeldMeeting;
import org.entente.meetings.Meetings;
import org.entente.obligations.ObligationStore.Sourced;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.springframework.stereotype.Component;

/**
 * The events of a charter a viewer may know of: what the deadlines are computed from and the events
 * list shows, for every viewer alike.
 *
 * <p>An event an agreement or a held meeting recorded keeps the classification of what recorded it
 * (bilateral, like the agreement; the meeting's own). Once both parties published what it is about,
 * anyone may know it happened: a group's project list or roadmap whose agreed version is published
 * (the publication {@link Concurrence#published} gives, which the portal shows), a meeting whose
 * joint statement is published (the held meetings {@link Meetings#publiclyHeld} gives, which the
 * report counts). So a viewer who may not see such an event still has it, as a public one, while
 * the publication stands, and the public deadlines say what the published records say, on the same
 * dates as the internal ones. Nothing is copied: the publication is read where it is kept.
 */
@Component
class KnownEvents {

  private final ObligationStore store;
  private final Concurrence concurrence;
  private final Meetings meetings;

  KnownEvents(ObligationStore store, Concurrence concurrence, Meetings meetings) {
    this.store = store;
    this.concurrence = concurrence;
    this.meetings = meetings;
  }

  /** The events of the charter the viewer may see or know of, oldest first. */
  List<RecordedEvent> of(CharterSummary charter, Viewer viewer) {
    List<RecordedEvent> visible = store.events(charter.id(), viewer);
    Set<UUID> seen = visible.stream().map(e -> e.view().id()).collect(Collectors.toSet());
    List<Sourced> unseen =
        store.fromAgreementsAndMeetings(charter.id()).stream()
            .filter(s -> !seen.contains(s.event().view().id()))
            .toList();
    if (unseen.isEmpty()) {
      return visible;
    }
    Set<String> heldMeetings =
        unseen.stream().anyMatch(s -> s.source() == EventSource.MEETING)
            ? meetings.publiclyHeld(CharterKey.of(charter.key())).stream()
                .map(HeldMeeting::meetingId)
                .map(id -> "meeting:" + id)
                .collect(Collectors.toSet())
            : Set.of();
    List<RecordedEvent> known = new ArrayList<>(visible);
    // each agreed version of a subject is an event: ask once per subject whether it is published
    Map<String, Boolean> publishedSubjects = new HashMap<>();
    for (Sourced s : unseen) {
      EventView e = s.event().view();
      boolean published =
          s.source() == EventSource.MEETING
              ? heldMeetings.contains(s.code())
              : publishedSubjects.computeIfAbsent(
                  e.deliverable() + "/" + e.subject(),
                  k ->
                      concurrence
                          .published(e.deliverable(), charter.key() + "/" + e.subject())
                          .isPresent());
      if (published) {
        known.add(new RecordedEvent(publicly(e), s.event().group()));
      }
    }
    known.sort(
        Comparator.comparing((RecordedEvent e) -> e.view().occurredOn())
            .thenComparing(e -> e.view().recordedAt()));
    return known;
  }

  /**
   * The event as the public knows it, once what it is about is published: without its note (an
   * agreement's note names the fingerprint of a version that may not be the published one).
   */
  private static EventView publicly(EventView e) {
    return new EventView(
        e.id(),
        e.kind(),
        e.subject(),
        e.deliverable(),
        e.occurredOn(),
        e.title(),
        null,
        e.source(),
        e.recordedAt(),
        Classification.PUBLIC,
        e.originParty(),
        e.version());
  }
}
