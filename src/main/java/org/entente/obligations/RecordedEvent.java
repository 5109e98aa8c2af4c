package org.entente.obligations;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;

/**
 * A recorded event with the working group it belongs to (null for the framework): the rules of
 * changing it. Its kind, subject, party and group never change; only events recorded through the
 * API change, by those who may write where they are kept, against their current version.
 */
record RecordedEvent(EventView view, UUID group) {

  /**
   * The classification the event has after a change, once the change is checked.
   *
   * @throws ForbiddenException when the viewer may not change it, or sets a field they may not
   * @throws BadRequestException when the change names no version
   * @throws ConflictException when the event changed since that version
   */
  Classification checkChange(EventChange change, Viewer viewer) {
    for (Map.Entry<String, Object> fixed : change.fixedFields().entrySet()) {
      if (fixed.getValue() != null) {
        throw new ForbiddenException(
            fixed.getKey(), fixed.getKey() + " is fixed when an event is recorded");
      }
    }
    if (!EventSource.API.code().equals(view.source())) {
      throw new ForbiddenException(
          null,
          "only events recorded through the API change here; this one comes from the charter's definition or an agreement");
    }
    if (!writableBy(viewer)) {
      throw new ForbiddenException(null, "you may read this event but not change it");
    }
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != view.version()) {
      throw new ConflictException("event", view.version());
    }
    Classification classification =
        change.classification() == null
            ? view.classification()
            : NewEvent.classification(change.classification(), null);
    if (classification != view.classification()) {
      if (classification == Classification.PUBLIC) {
        throw new ForbiddenException(
            "classification", "publishing a record needs the agreement of both parties");
      }
      if (viewer.operator()
          || view.originParty() == null
          || !view.originParty().equals(viewer.party())) {
        throw new ForbiddenException(
            "classification",
            "only an official of the party that recorded it may change its classification");
      }
    }
    return classification;
  }

  /**
   * Whether the viewer may change it: the operator token its public facts, a person the others
   * where they may write.
   */
  boolean writableBy(Viewer viewer) {
    return viewer.operator()
        ? view.classification() == Classification.PUBLIC && view.originParty() == null
        : view.classification() != Classification.PUBLIC
            && (group == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(group));
  }

  /** The event as it is after a change, its version one higher. */
  EventView changed(LocalDate occurredOn, String title, String note, Classification c) {
    return new EventView(
        view.id(),
        view.kind(),
        view.subject(),
        view.deliverable(),
        occurredOn,
        LocalizedText.of("en", title),
        note,
        view.source(),
        view.recordedAt(),
        c,
        view.originParty(),
        view.version() + 1);
  }
}
