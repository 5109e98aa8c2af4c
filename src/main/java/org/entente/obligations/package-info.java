/**
 * Obligations a charter implies — “within three months of signing, each working group: a project
 * list“, ”at least every twelve months: a meeting“ — and the events that meet them. Due dates and
 * status are computed, never stored: as of the injected {@link java.time.Clock}, from the rules and
 * the events recorded so far. {@link Obligations} is the module's one entry point.
 *
 * <p>Inside: the rules of recording and changing an event ({@code NewEvent}, {@code
 * RecordedEvent}), the schedule that gives due dates ({@code Schedule}) and the statuses read from
 * it ({@code ObligationStatuses}), the SQL of its own tables only ({@code ObligationStore}:
 * obligation_rule, obligation_event) and the web adapters. The charter's working groups are read
 * through {@code Charters}; agreements and held meetings arrive as events, kept with their source's
 * classification, and a viewer who may not see one knows of it once what it is about is published
 * ({@code KnownEvents} reads the publication from concurrence and meetings, where the portal and
 * the report read it too, so every deadline list agrees with them). The module's API is this
 * package's public types: {@code Obligations}, {@code ObligationViews}, {@code ObligationState},
 * {@code ObligationRule}, {@code ObligationEvent}, {@code RecordEvent} and {@code EventChange};
 * pages say a status in the reader's language with {@code StatusSentences}
 * ({@code @deadlineSentences}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Obligations",
    allowedDependencies = {
      "audit",
      "charter",
      "concurrence",
      "identity",
      "languages",
      "meetings",
      "shared"
    })
package org.entente.obligations;
