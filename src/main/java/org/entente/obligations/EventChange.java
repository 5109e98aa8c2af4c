package org.entente.obligations;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change to a recorded event; null fields stay as they are.
 *
 * <p>{@code kind}, {@code subject}, {@code workingGroup}, {@code party} and {@code originParty} are
 * accepted here only to be refused by name: they are fixed when an event is recorded, and a change
 * that carries them changes nothing.
 *
 * @param version the version the change was made against (required)
 */
public record EventChange(
    String title,
    String note,
    LocalDate occurredOn,
    String classification,
    Long version,
    String kind,
    String subject,
    String workingGroup,
    String party,
    String originParty) {

  /** A change of the editable fields only. */
  public static EventChange of(
      String title, String note, LocalDate occurredOn, String classification, Long version) {
    return new EventChange(
        title, note, occurredOn, classification, version, null, null, null, null, null);
  }

  /** The fields that never change, by name. */
  Map<String, Object> fixedFields() {
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("kind", kind);
    fixed.put("subject", subject);
    fixed.put("workingGroup", workingGroup);
    fixed.put("party", party);
    fixed.put("originParty", originParty);
    return fixed;
  }
}
