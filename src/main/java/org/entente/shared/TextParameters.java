package org.entente.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link InputText} to every request parameter, of the query string and of a form's body
 * alike, before anything reads them: what the handlers see is normalised, and a parameter whose
 * name or value is refused is answered 400 before security or any handler runs (problem+json naming
 * the parameter under {@code /api}, the error page naming the field otherwise). Passwords pass
 * untouched: they are only hashed, never shown, and changing them would lock people out.
 */
class TextParameters extends OncePerRequestFilter {

  /** A request attribute naming the refused field, for the error page. */
  static final String REFUSED = "refusedText";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> given = request.getParameterMap();
    if (given.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, String[]> kept = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<String, String[]> e : given.entrySet()) {
      String name = e.getKey();
      String nameProblem = InputText.problem(name);
      if (nameProblem != null) {
        refuse(request, response, "parameter name", nameProblem);
        return;
      }
      String keptName = InputText.normaliseAdmitted(name);
      String[] values = e.getValue();
      String[] keptValues = values;
      if (!isPassword(name)) {
        keptValues = new String[values.length];
        for (int i = 0; i < values.length; i++) {
          String problem = InputText.problem(values[i]);
          if (problem != null) {
            refuse(request, response, keptName, problem);
            return;
          }
          keptValues[i] = InputText.normaliseAdmitted(values[i]);
          changed |= values[i] != null && !values[i].equals(keptValues[i]);
        }
      }
      changed |= !name.equals(keptName);
      kept.merge(keptName, keptValues, TextParameters::concat);
    }
    chain.doFilter(changed ? new Normalised(request, kept) : request, response);
  }

  private static boolean isPassword(String name) {
    return name.toLowerCase(Locale.ROOT).contains("password");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, String field, String problem)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api") || path.startsWith("/api/")) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String message = field + ": " + problem;
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Invalid input\",\"status\":400,"
                  + "\"detail\":\""
                  + json(message)
                  + "\",\"instance\":\""
                  + json(request.getRequestURI())
                  + "\",\"errors\":[{\"field\":\""
                  + json(field)
                  + "\",\"message\":\""
                  + json(message)
                  + "\"}]}");
      return;
    }
    request.setAttribute(REFUSED, field.length() > 60 ? field.substring(0, 60) + "…" : field);
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }

  /**
   * JSON string content, with markup characters escaped too (the field name was typed by someone).
   */
  static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The request with its parameters as kept. */
  private static final class Normalised extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters;

    Normalised(HttpServletRequest request, Map<String, String[]> parameters) {
      super(request);
      this.parameters = Collections.unmodifiableMap(parameters);
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values.clone();
    }
  }
}
