package org.entente.languages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The languages of the interface and what templates need to offer them: {@code
 * ${@languages.link('az')}} is the current page in Azerbaijani.
 */
@Component("languages")
public class Languages {

  /** The request parameter that chooses a language. */
  public static final String PARAMETER = "lang";

  /** The cookie that remembers it. */
  public static final String COOKIE = "entente-lang";

  /** A language of the interface: its code in URLs and cookies, and its tag for {@code lang}. */
  public record Language(String code, String tag, Locale locale) {}

  public static final Language ENGLISH = new Language("en", "en", Locale.ENGLISH);
  public static final Language AZERBAIJANI =
      new Language("az", "az-Latn", Locale.forLanguageTag("az"));

  /** English first: the default. */
  public static final List<Language> ALL = List.of(ENGLISH, AZERBAIJANI);

  /** The language with this code ({@code en}, {@code az}); case and spaces do not matter. */
  public static Optional<Language> byCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(l -> l.code().equals(wanted)).findFirst();
  }

  /** The interface language of a locale; English for anything else. */
  public static Language of(Locale locale) {
    return locale == null
        ? ENGLISH
        : ALL.stream()
            .filter(l -> l.code().equals(locale.getLanguage()))
            .findFirst()
            .orElse(ENGLISH);
  }

  /** The languages, for the switcher. */
  public List<Language> all() {
    return ALL;
  }

  /** The language of the current request. */
  public Language current() {
    return of(LocaleContextHolder.getLocale());
  }

  /** The tag for {@code <html lang>} of the current request: {@code en} or {@code az-Latn}. */
  public String tag() {
    return current().tag();
  }

  /**
   * The tag for the {@code lang} attribute of a text in a language given by its code (content is
   * stored under {@code en}, {@code az}): Azerbaijani is written in Latin script here.
   */
  public String tagOf(String code) {
    return byCode(code).map(Language::tag).orElse(code);
  }

  /**
   * The current page (path and query) with the language set to this one. On an error page it is the
   * address that failed, so that switching language shows the same error again.
   */
  public String link(String code) {
    HttpServletRequest request = request();
    if (request == null) {
      return "?" + PARAMETER + "=" + code;
    }
    String path = request.getRequestURI();
    String query = request.getQueryString();
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (failed instanceof String uri) {
      path = uri;
      Object failedQuery = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
      query = failedQuery instanceof String q ? q : null;
    }
    return UriComponentsBuilder.fromPath(path)
        .query(query)
        .replaceQueryParam(PARAMETER, code)
        .build()
        .toUriString();
  }

  private static HttpServletRequest request() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s
        ? s.getRequest()
        : null;
  }
}
