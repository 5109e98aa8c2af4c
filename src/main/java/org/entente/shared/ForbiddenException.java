package org.entente.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller may see the record but may not make this change, or may not set this field. Only for
 * records the caller may see: a record they may not see answers {@link NotFoundException}.
 */
public class ForbiddenException extends ErrorResponseException {

  private final String field;

  public ForbiddenException(String field, String message) {
    super(HttpStatus.FORBIDDEN, problem(field, message), null);
    this.field = field;
  }

  public String field() {
    return field;
  }

  private static ProblemDetail problem(String field, String message) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message);
    detail.setTitle("Not allowed");
    if (field != null) {
      detail.setProperty("errors", java.util.List.of(Map.of("field", field, "message", message)));
    }
    return detail;
  }
}
