package org.entente.shared;

/** Someone else changed the record since the caller read it: nothing was overwritten. */
public class ConflictException extends DomainException {

  private final long currentVersion;

  public ConflictException(String what, long currentVersion) {
    super(
        null,
        "The " + what + " was changed by someone else. Reload it and apply your change again.");
    this.currentVersion = currentVersion;
  }

  /** The record's version now, which the caller reloads and applies the change to. */
  public long currentVersion() {
    return currentVersion;
  }
}
