package org.entente.languages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The languages of the interface and what templates need to offer them: {@code
 * ${@languages.link('az')}} is the current page in Azerbaijani.
 *
 * <p>The languages offered are English (the interface's base) and every language a loaded charter
 * declares ({@link DeclaredLanguages}). The interface is translated into the languages that have a
 * bundle {@code messages_xx.properties} ({@link Bundles}); in one that has none, the interface text
 * is English, said so on the page, while content is shown in the language chosen where it is given.
 */
@Component("languages")
public class Languages {

  /** The request parameter that chooses a language. */
  public static final String PARAMETER = "lang";

  /** The cookie that remembers it. */
  public static final String COOKIE = "entente-lang";

  /** A language of the interface: its code in URLs and cookies, and its tag for {@code lang}. */
  public record Language(String code, String tag, Locale locale) {

    /** The language named in itself, as the JDK's locale data names it: "Українська". */
    public String name() {
      String name = locale.getDisplayLanguage(locale);
      return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
  }

  public static final Language ENGLISH = new Language("en", "en", Locale.ENGLISH);
  public static final Language AZERBAIJANI = language("az");

  private final ObjectProvider<DeclaredLanguages> declared;
  private final MessageSource messages;
  private final Set<String> bundles = Bundles.discover();

  Languages(ObjectProvider<DeclaredLanguages> declared, MessageSource messages) {
    this.declared = declared;
    this.messages = messages;
  }

  /**
   * A language's own name, as the switcher and the labels of per-language fields show it: the
   * bundles' {@code language.xx} where they give one ("Azərbaycanca"), else the JDK's (see {@link
   * Language#name()}).
   */
  public String nameOf(String code) {
    Language language = language(code == null ? ENGLISH.code() : code);
    return messages.getMessage(
        "language." + language.code(), null, language.name(), Locale.ENGLISH);
  }

  /** The language with this code; Azerbaijani is written in Latin script here. */
  static Language language(String code) {
    return code.equals(ENGLISH.code())
        ? ENGLISH
        : new Language(code, code.equals("az") ? "az-Latn" : code, Locale.forLanguageTag(code));
  }

  /**
   * The languages offered, English first: those the charters declare, or, when no module declares
   * any (this module alone), those the interface is translated into.
   */
  public List<Language> all() {
    DeclaredLanguages charters = declaredLanguages();
    if (charters == null) {
      return offered(null);
    }
    List<String> tags = charters.languages();
    Offered last = lastOffered;
    if (last != null && last.declared() == tags) {
      return last.languages();
    }
    List<Language> languages = offered(tags);
    lastOffered = new Offered(tags, languages);
    return languages;
  }

  /**
   * Who declares the charters' languages, looked up once found: the provider's lookup searches the
   * context's beans on every call, and a page asks for the languages many times.
   */
  private DeclaredLanguages declaredLanguages() {
    DeclaredLanguages found = foundDeclared;
    if (found == null) {
      found = declared.getIfAvailable();
      foundDeclared = found;
    }
    return found;
  }

  private volatile DeclaredLanguages foundDeclared;

  /**
   * The languages offered for the last list of declared languages asked about: the same list (the
   * same object, kept by the charters until a record changes) offers the same languages, and every
   * page asks many times.
   */
  private record Offered(List<String> declared, List<Language> languages) {}

  private volatile Offered lastOffered;

  /** The languages offered for these declared language tags, or for the bundles when null. */
  private List<Language> offered(List<String> declaredTags) {
    Set<String> codes = new LinkedHashSet<>();
    codes.add(ENGLISH.code());
    if (declaredTags == null) {
      codes.addAll(new TreeSet<>(bundles));
    } else {
      for (String tag : declaredTags) {
        String code = Locale.forLanguageTag(tag.strip()).getLanguage();
        if (!code.isEmpty()) {
          codes.add(code);
        }
      }
    }
    return codes.stream().map(Languages::language).toList();
  }

  /**
   * The first of these languages (codes, in order) that the JDK's CLDR locale data lists as spoken
   * in the country with this ISO 3166 code: for a party {@code AZ} among {@code [az, en]} it is
   * {@code az}, for {@code US} {@code en}, for {@code UA} among {@code [en, uk]} {@code uk}. Empty
   * for a key that is no country or when none of the languages is spoken there.
   */
  public static Optional<String> spokenIn(String country, List<String> candidates) {
    if (country == null || country.isBlank() || candidates == null) {
      return Optional.empty();
    }
    String wanted = country.strip().toUpperCase(Locale.ROOT);
    Set<String> spoken = new LinkedHashSet<>();
    for (Locale l : Locale.getAvailableLocales()) {
      if (l.getCountry().equals(wanted)) {
        spoken.add(l.getLanguage());
      }
    }
    return candidates.stream()
        .map(c -> Locale.forLanguageTag(c.strip()).getLanguage())
        .filter(spoken::contains)
        .findFirst();
  }

  /** The codes of the languages offered, for messages: "en, az". */
  public String codes() {
    return String.join(", ", all().stream().map(Language::code).toList());
  }

  /**
   * The language offered with this code ({@code en}, {@code az}); case and spaces do not matter.
   */
  public Optional<Language> byCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return all().stream().filter(l -> l.code().equals(wanted)).findFirst();
  }

  /** The language offered of a locale; English for anything else. */
  public Language of(Locale locale) {
    return locale == null ? ENGLISH : byCode(locale.getLanguage()).orElse(ENGLISH);
  }

  /** Whether the interface is translated into this language: it has a bundle. */
  public boolean translated(Language language) {
    return bundles.contains(language.code());
  }

  /** Whether the interface is translated into the language of the current request. */
  public boolean translated() {
    return translated(current());
  }

  /** The language of the current request. */
  public Language current() {
    return of(LocaleContextHolder.getLocale());
  }

  /**
   * The tag for {@code <html lang>} of the current request: the language of the interface text
   * shown, {@code en} or {@code az-Latn}; English where the language chosen has no translation.
   */
  public String tag() {
    Language current = current();
    return translated(current) ? current.tag() : ENGLISH.tag();
  }

  /**
   * The tag for the {@code lang} attribute of a text in a language given by its code (content is
   * stored under {@code en}, {@code az}): Azerbaijani is written in Latin script here.
   */
  public String tagOf(String code) {
    return code == null || code.isBlank() ? ENGLISH.tag() : language(code).tag();
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
