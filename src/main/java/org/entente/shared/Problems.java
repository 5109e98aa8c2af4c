package org.entente.shared;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place that says what a {@link DomainException} answers: its HTTP status and, on the API,
 * its {@code application/problem+json} body (status, title, detail, the field in {@code errors},
 * the record's {@code currentVersion} for a conflict, a state conflict's own title and members).
 * {@link ApiProblems} answers the API with it, {@link PageProblems} the pages; a page that shows
 * the refusal in its own form reads the status here too.
 */
public final class Problems {

  private Problems() {}

  /** The HTTP status of the refusal. */
  public static HttpStatus status(DomainException e) {
    if (e instanceof BadRequestException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof ConflictException || e instanceof StateConflictException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof ForbiddenException) {
      return HttpStatus.FORBIDDEN;
    }
    throw new IllegalArgumentException("no status for " + e.getClass().getName());
  }

  /** The problem+json body of the refusal. */
  public static ProblemDetail detail(DomainException e) {
    HttpStatus status = status(e);
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    detail.setTitle(title(status));
    if (e.field() != null) {
      detail.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }
    if (e instanceof ConflictException conflict) {
      detail.setProperty("currentVersion", conflict.currentVersion());
    }
    if (e instanceof StateConflictException state) {
      detail.setTitle(state.title());
      state.properties().forEach(detail::setProperty);
    }
    return detail;
  }

  /** The API's answer: the status with the problem+json body. */
  public static ResponseEntity<ProblemDetail> answer(DomainException e) {
    return ResponseEntity.status(status(e)).body(detail(e));
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Invalid input";
      case NOT_FOUND -> "Not found";
      case CONFLICT -> "Conflict";
      default -> "Not allowed";
    };
  }

  /**
   * The answer to a CSV import whose rows were refused: 400, how many and the first refusal in the
   * detail, every refusal under {@code errors}. Nothing was imported.
   */
  public static org.springframework.web.ErrorResponseException refusedRows(
      java.util.List<?> errors, long line, String field, String message) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.size()
                + " row(s) refused; nothing was imported. First: line "
                + line
                + ", "
                + field
                + ": "
                + message);
    problem.setTitle("Invalid input");
    problem.setProperty("errors", errors);
    return new org.springframework.web.ErrorResponseException(
        HttpStatus.BAD_REQUEST, problem, null);
  }
}
