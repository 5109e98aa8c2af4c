package org.entente.shared;

/**
 * The caller may see the record but may not make this change, or may not set this field. Only for
 * records the caller may see: a record they may not see answers {@link NotFoundException}.
 */
public class ForbiddenException extends DomainException {

  public ForbiddenException(String field, String message) {
    super(field, message);
  }
}
