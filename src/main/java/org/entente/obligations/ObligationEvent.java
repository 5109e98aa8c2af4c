package org.entente.obligations;

import java.time.LocalDate;
import org.entente.shared.LocalizedText;

/**
 * Something that happened and may meet an obligation: a meeting held, a deliverable finalized.
 *
 * @param kind {@code meeting-held}, {@code deliverable-finalized}, {@code charter-signed} or {@code
 *     foundation-signed}
 * @param subject {@code framework}, a working group's key, or null for events outside the charter's
 *     machinery
 * @param deliverable which deliverable, for {@code deliverable-finalized}
 */
public record ObligationEvent(
    String key,
    String kind,
    String subject,
    String deliverable,
    LocalDate date,
    LocalizedText title) {

  public static final String MEETING_HELD = "meeting-held";
  public static final String DELIVERABLE_FINALIZED = "deliverable-finalized";
  public static final java.util.List<String> KINDS =
      java.util.List.of("foundation-signed", "charter-signed", MEETING_HELD, DELIVERABLE_FINALIZED);
}
