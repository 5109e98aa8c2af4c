package org.entente.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Someone else changed the record since the caller read it: nothing was overwritten. */
public class ConflictException extends ErrorResponseException {

  public ConflictException(String what, long currentVersion) {
    super(HttpStatus.CONFLICT, problem(what, currentVersion), null);
  }

  private static ProblemDetail problem(String what, long currentVersion) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The " + what + " was changed by someone else. Reload it and apply your change again.");
    detail.setTitle("Conflict");
    detail.setProperty("currentVersion", currentVersion);
    return detail;
  }
}
