package org.entente.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every error of the JSON API as {@code application/problem+json}. An unexpected error
 * answers a generic 500 with an id that is also in the log: never a stack trace, SQL or version.
 * Input that cannot be read (malformed JSON, a value of the wrong type, an unknown field, refused
 * text, a parameter of the wrong type or missing) answers 400 naming the field in {@code errors},
 * as {@link BadRequestException} does: the JSON path in a body ({@code financing[0].status}), the
 * parameter's name otherwise. A {@link DomainException} answers what {@link Problems} says.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    JacksonException json = jacksonCause(e);
    if (json != null && json.getCause() instanceof BadRequestException refused) {
      return ResponseEntity.badRequest().body(Problems.detail(refused));
    }
    if (json == null) {
      return invalid("body", "The body cannot be read: " + bodyProblem(e));
    }
    String field = path(json);
    String message;
    if (json instanceof TextJson.RefusedText) {
      message = json.getOriginalMessage();
    } else if (json instanceof UnrecognizedPropertyException) {
      message = "is not a field of this request";
    } else if (json instanceof InvalidFormatException format) {
      message =
          "cannot be read as " + typeName(format.getTargetType()) + ": " + shown(format.getValue());
    } else if (json instanceof MismatchedInputException mismatch) {
      message =
          mismatch.getTargetType() == null
              ? "has the wrong type"
              : "must be " + typeName(mismatch.getTargetType());
    } else if (json instanceof StreamReadException) {
      message =
          "the body is not valid JSON"
              + (json.getLocation() == null
                  ? ""
                  : " (line "
                      + json.getLocation().getLineNr()
                      + ", column "
                      + json.getLocation().getColumnNr()
                      + ")");
    } else {
      message = "cannot be read";
    }
    if (field.isEmpty()) {
      return invalid("body", "The body cannot be read: " + message);
    }
    return invalid(field, field + ": " + message);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    if (field == null) {
      field = "parameter";
    }
    Throwable cause = e.getMostSpecificCause();
    String message =
        cause instanceof IllegalArgumentException && cause.getMessage() != null
            ? field + ": " + cause.getMessage()
            : field
                + ": cannot be read as "
                + typeName(e.getRequiredType())
                + ": "
                + shown(e.getValue());
    return invalid(field, message);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(e.getParameterName(), e.getParameterName() + ": is required");
  }

  private static ResponseEntity<Object> invalid(String field, String message) {
    return ResponseEntity.badRequest()
        .body(Problems.detail(new BadRequestException(field, message)));
  }

  private static JacksonException jacksonCause(Throwable e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JacksonException j) {
        return j;
      }
    }
    return null;
  }

  /** The JSON path of the field, {@code financing[0].status}; empty for the body itself. */
  static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String bodyProblem(HttpMessageNotReadableException e) {
    return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
        ? "it is missing"
        : "it is not in the expected form";
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "the expected type";
    }
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder();
      for (Object constant : type.getEnumConstants()) {
        values.append(values.isEmpty() ? "" : ", ").append(constant);
      }
      return "one of " + values;
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "a date (2026-05-31)";
      case "LocalDateTime" -> "a date and time (2026-05-31T10:00)";
      case "Instant", "OffsetDateTime" -> "a moment (2026-05-31T10:00:00Z)";
      case "UUID" -> "an id";
      case "String" -> "text";
      default ->
          List.class.isAssignableFrom(type) || type.isArray()
              ? "a list"
              : Map.class.isAssignableFrom(type) ? "an object" : "a value of this field";
    };
  }

  /** The value given, short and without control characters, for the message. */
  private static String shown(Object value) {
    if (value == null) {
      return "nothing";
    }
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder("'");
    int count = 0;
    for (int i = 0; i < text.length() && count < 40; i++, count++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    return out.append(text.length() > 40 ? "…'" : "'").toString();
  }

  /** A rule refused the request: the answer {@link Problems} gives it. */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> refused(DomainException e) {
    return Problems.answer(e);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    String id = UUID.randomUUID().toString();
    log.error("Unexpected error {}", id, e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote this id when you report it: " + id);
    problem.setTitle("Internal error");
    problem.setProperty("errorId", id);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
  }
}
