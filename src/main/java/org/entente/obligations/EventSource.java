package org.entente.obligations;

import java.util.Locale;

/** Where a recorded event comes from; only those recorded through the API change there. */
enum EventSource {
  /** The dated history of the charter's definition. */
  DEFINITION,
  /** Recorded by a person or the operator token through the API. */
  API,
  /** Both parties agreed a group's project list or roadmap. */
  AGREEMENT,
  /** A meeting marked held. */
  MEETING;

  /** As the API spells it: {@code definition}, {@code api}, {@code agreement}, {@code meeting}. */
  String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
