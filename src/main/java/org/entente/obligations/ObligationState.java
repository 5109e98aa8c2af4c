package org.entente.obligations;

/** Where an obligation stands on a given day. */
public enum ObligationState {
  /** Met on or before its due date. */
  MET_ON_TIME("Met on time"),
  /** Met, but after its due date. */
  MET_LATE("Met late"),
  /** Not met yet; the due date is further away than the warning window. */
  PENDING("Pending"),
  /** Not met yet; due within the warning window. */
  DUE_SOON("Due soon"),
  /** Not met, and its due date has passed. */
  OVERDUE("Overdue");

  private final String label;

  ObligationState(String label) {
    this.label = label;
  }

  /** The state in words, for people who cannot tell it by colour. */
  public String label() {
    return label;
  }

  /** The spelling used in the API and its filters: {@code met-on-time}, {@code overdue}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public boolean isOpen() {
    return this == PENDING || this == DUE_SOON || this == OVERDUE;
  }

  public static ObligationState fromCode(String code) {
    for (ObligationState s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new org.entente.shared.BadRequestException(
        "status",
        "unknown status '" + code + "': use met-on-time, met-late, pending, due-soon or overdue");
  }
}
