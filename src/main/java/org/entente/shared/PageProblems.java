package org.entente.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

/**
 * A {@link DomainException} that a page's handler does not show in its own form answers the error
 * page with the status {@link Problems} gives it. Should this advice be asked before {@link
 * ApiProblems} for one of the API's controllers, it answers the same problem+json.
 */
@ControllerAdvice
class PageProblems {

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> refused(
      DomainException e, HandlerMethod handler, HttpServletResponse response) throws IOException {
    if (handler != null
        && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)) {
      return Problems.answer(e);
    }
    response.sendError(Problems.status(e).value(), e.getMessage());
    return null;
  }
}
