package org.entente.languages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Applies {@code ?lang=}: a language offered ({@link Languages#all()}) becomes the language of this
 * request and, on pages, is remembered in the cookie; an unknown one is answered 400 (problem+json
 * under {@code /api}, the error page otherwise) before anything else runs. Pages say that they vary
 * by cookie and Accept-Language, so that a cache does not serve one language to another visitor.
 */
class LanguageChoice extends OncePerRequestFilter {

  /** A request attribute with the language asked for when it is unknown, for the error page. */
  static final String UNKNOWN = "unknownLanguage";

  private final LocaleResolver resolver;
  private final Languages languages;

  LanguageChoice(LocaleResolver resolver, Languages languages) {
    this.resolver = resolver;
    this.languages = languages;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean api = isApi(request);
    if (!api && !isStatic(request)) {
      response.addHeader("Vary", "Cookie, Accept-Language");
    }
    List<String> asked = asked(request);
    if (asked != null) {
      Optional<Languages.Language> language =
          asked.size() == 1 ? languages.byCode(asked.get(0)) : Optional.empty();
      if (language.isEmpty()) {
        refuse(request, response, api, String.join(",", asked));
        return;
      }
      if (api) {
        // The API is stateless: the language holds for this request and is not remembered.
        request.setAttribute(
            CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, language.get().locale());
      } else {
        resolver.setLocale(request, response, language.get().locale());
      }
    }
    chain.doFilter(request, response);
  }

  /** The values of {@code lang} in the query string (never a form's body), or null. */
  private static List<String> asked(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || !query.contains(Languages.PARAMETER)) {
      return null;
    }
    List<String> values =
        UriComponentsBuilder.newInstance()
            .query(query)
            .build()
            .getQueryParams()
            .get(Languages.PARAMETER);
    if (values == null) {
      return null;
    }
    return values.stream()
        .map(v -> v == null ? "" : UriUtils.decode(v.replace('+', ' '), StandardCharsets.UTF_8))
        .toList();
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, boolean api, String asked)
      throws IOException {
    String shown = asked.length() > 20 ? asked.substring(0, 20) + "…" : asked;
    String codes = json(languages.codes());
    if (api) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Invalid input\",\"status\":400,"
                  + "\"detail\":\"Unknown language: the parameter lang is one of "
                  + codes
                  + ".\","
                  + "\"instance\":\""
                  + json(request.getRequestURI())
                  + "\",\"errors\":[{\"field\":\"lang\",\"message\":\"Unknown language "
                  + json(shown)
                  + "; use one of "
                  + codes
                  + ".\"}]}");
      return;
    }
    request.setAttribute(UNKNOWN, shown);
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static boolean isStatic(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/webjars/")
        || path.startsWith("/fonts/")
        || path.equals("/favicon.ico");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
