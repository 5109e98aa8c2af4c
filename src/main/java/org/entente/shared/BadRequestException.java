package org.entente.shared;

/** Input that cannot be accepted, with the field it concerns. */
public class BadRequestException extends DomainException {

  public BadRequestException(String field, String message) {
    super(field, message);
  }
}
