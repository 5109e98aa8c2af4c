package org.entente.shared;

/**
 * A rule of a record refused what was asked; nothing changed. Thrown by aggregates and services,
 * which know nothing of HTTP: {@link Problems} alone says what each kind answers, on the API and on
 * pages. The message is the explanation shown to the person or client.
 */
public abstract class DomainException extends RuntimeException {

  private final String field;

  DomainException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field or parameter the refusal concerns, or {@code null} when it concerns the record. */
  public String field() {
    return field;
  }
}
