package org.entente.shared;

import java.util.Locale;

/**
 * Who may see a record. Every record carries one from the moment it is created, so that access
 * rules can be enforced on all of them alike.
 */
public enum Classification {
  /** Both parties agreed to publish it: anyone may read it, without logging in. */
  PUBLIC,
  /** Members of the group from both parties. */
  BILATERAL,
  /** Members of one party only: the party that created the record. */
  PARTY_INTERNAL;

  /** The spelling used in definition files and the API: {@code public}, {@code party-internal}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads the spelling used in definition files and the API.
   *
   * @throws IllegalArgumentException naming the allowed values when the code is unknown
   */
  public static Classification fromCode(String code) {
    for (Classification c : values()) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown classification '" + code + "': use public, bilateral or party-internal");
  }
}
