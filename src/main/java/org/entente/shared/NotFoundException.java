package org.entente.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A record that does not exist, or that the caller may not see: both answer the same 404, so that
 * the answer reveals nothing.
 */
public class NotFoundException extends ErrorResponseException {

  public NotFoundException(String what, String key) {
    super(HttpStatus.NOT_FOUND, problem(what, key), null);
  }

  private static ProblemDetail problem(String what, String key) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " '" + key + "'.");
    detail.setTitle("Not found");
    return detail;
  }
}
