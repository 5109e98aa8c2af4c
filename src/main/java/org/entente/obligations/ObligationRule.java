package org.entente.obligations;

import java.time.LocalDate;
import java.time.Period;
import org.entente.shared.LocalizedText;

/**
 * An obligation a charter implies, as a rule: “within P3M of signing, each working group: a project
 * list“, or ”every P12M: a meeting of the framework“.
 *
 * @param key stable key within the charter
 * @param clause the key of the clause it comes from, or null
 * @param recurrence once ({@code WITHIN}) or again and again ({@code EVERY})
 * @param period how long, as java.time counts it (P3M from 2026-02-10 is 2026-05-10)
 * @param from the date counting starts, or null for the charter's signing date
 * @param appliesTo {@value #FRAMEWORK}, {@value #EACH_WORKING_GROUP} or one working group's key
 * @param eventKind the kind of event that meets it, e.g. {@code meeting-held}
 * @param deliverable for {@code deliverable-finalized} events, which deliverable, e.g. {@code
 *     project-list}; otherwise null
 */
public record ObligationRule(
    String key,
    LocalizedText title,
    String clause,
    Recurrence recurrence,
    Period period,
    LocalDate from,
    String appliesTo,
    String eventKind,
    String deliverable) {

  public static final String FRAMEWORK = "framework";
  public static final String EACH_WORKING_GROUP = "each-working-group";

  /** Once, or at least once in every period. */
  public enum Recurrence {
    WITHIN,
    EVERY
  }
}
