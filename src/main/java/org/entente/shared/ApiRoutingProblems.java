package org.entente.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors found before a handler is chosen, which {@link ApiProblems} (bound to the API's
 * controllers) never sees: a body in a content type no handler of that address takes (415), and a
 * request the security firewall refuses (400: an encoded control character or a malformed path).
 * Under {@code /api} they are answered as problem+json too; on pages, as before, by the error page.
 */
@ControllerAdvice
class ApiRoutingProblems implements RequestRejectedHandler {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  void unsupportedMediaType(
      HttpMediaTypeNotSupportedException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    String message =
        "the body's content type "
            + (e.getContentType() == null
                ? "is missing"
                : e.getContentType() + " is not taken here")
            + "; this address takes "
            + e.getSupportedMediaTypes();
    answer(
        request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Content-Type", message);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    answer(
        request,
        response,
        HttpServletResponse.SC_BAD_REQUEST,
        "path",
        "the address holds a character or a sequence that is not accepted");
  }

  private static void answer(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String field,
      String message)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!(path.equals("/api") || path.startsWith("/api/"))) {
      response.sendError(status);
      return;
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Invalid input\",\"status\":"
                + status
                + ",\"detail\":\""
                + TextParameters.json(field + ": " + message)
                + "\",\"errors\":[{\"field\":\""
                + TextParameters.json(field)
                + "\",\"message\":\""
                + TextParameters.json(message)
                + "\"}]}");
  }
}
