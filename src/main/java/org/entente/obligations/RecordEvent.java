package org.entente.obligations;

import java.time.LocalDate;

/**
 * An event to record through the API.
 *
 * @param kind {@code meeting-held} or {@code deliverable-finalized}
 * @param subject {@code framework} or a working group's key
 * @param deliverable for {@code deliverable-finalized}: which one, e.g. {@code project-list}
 * @param occurredOn when it happened: today or earlier
 * @param title optional; a title is made from the rest when left out
 * @param note optional free text
 * @param classification optional: {@code bilateral} (a person's default), {@code party-internal}
 *     (to the recorder's party) or {@code public} (the operator token's default and only choice)
 */
public record RecordEvent(
    String kind,
    String subject,
    String deliverable,
    LocalDate occurredOn,
    String title,
    String note,
    String classification) {}
