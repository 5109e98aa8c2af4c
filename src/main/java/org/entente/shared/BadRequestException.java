package org.entente.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Input that cannot be accepted, with the field it concerns. */
public class BadRequestException extends ErrorResponseException {

  private final String field;

  public BadRequestException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, problem(field, message), null);
    this.field = field;
  }

  public String field() {
    return field;
  }

  private static ProblemDetail problem(String field, String message) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    detail.setTitle("Invalid input");
    if (field != null) {
      detail.setProperty("errors", java.util.List.of(Map.of("field", field, "message", message)));
    }
    return detail;
  }
}
