package org.entente.concurrence;

/** A step of the agreement workflow that its rules refuse; nothing changed. */
public class AgreementException extends RuntimeException {

  private final String field;

  public AgreementException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** What the refusal is about: party, version, state, reason or fingerprint. */
  public String field() {
    return field;
  }
}
