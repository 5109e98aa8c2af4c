package org.entente.shared;

/**
 * A record that does not exist, or that the caller may not see: both answer the same 404, so that
 * the answer reveals nothing.
 */
public class NotFoundException extends DomainException {

  public NotFoundException(String what, String key) {
    super(null, "No " + what + " '" + key + "'.");
  }
}
