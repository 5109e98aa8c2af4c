package org.entente.audit;

import java.time.Instant;

/**
 * One event of the trail, as stored.
 *
 * @param seq its place in the chain, from 1, without gaps
 * @param occurredAt when, in UTC, to the millisecond
 * @param actor who: a user name, {@code operator}, {@code anonymous} or {@code system}
 * @param party the actor's party key, when they have one
 * @param action what, e.g. {@code event.recorded}, {@code charter.synchronized}, {@code
 *     request.denied}
 * @param details a small JSON object with what else matters
 * @param prevHash the hash of the event before (64 zeros for the first)
 * @param hash SHA-256 over this event's fields and {@code prevHash}
 */
public record AuditEvent(
    long seq,
    Instant occurredAt,
    String actor,
    String party,
    String action,
    String recordType,
    String recordId,
    Outcome outcome,
    String sourceAddress,
    String details,
    String prevHash,
    String hash) {

  /** How the action ended. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
  }
}
