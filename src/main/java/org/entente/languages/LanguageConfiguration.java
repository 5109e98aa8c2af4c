package org.entente.languages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a request: the {@code entente-lang} cookie, else the browser's Accept-Language
 * among the languages offered ({@link Languages#all()}), else English. {@link LanguageChoice}
 * changes it.
 */
@Configuration
@ConditionalOnWebApplication
class LanguageConfiguration {

  /** Named as the DispatcherServlet looks it up, which replaces Spring Boot's default resolver. */
  @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  CookieLocaleResolver localeResolver(Languages languages) {
    CookieLocaleResolver resolver = new OfferedLocaleResolver(languages);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookiePath("/");
    resolver.setCookieHttpOnly(false);
    resolver.setCookieSameSite("Lax");
    resolver.setRejectInvalidCookies(true);
    resolver.setDefaultLocaleFunction(request -> fromBrowser(request, languages));
    return resolver;
  }

  /**
   * The cookie's language while it is one offered; a cookie naming a language no charter declares
   * (any longer) counts as none: the browser's language, else English.
   */
  static final class OfferedLocaleResolver extends CookieLocaleResolver {
    private final Languages languages;

    OfferedLocaleResolver(Languages languages) {
      super(Languages.COOKIE);
      this.languages = languages;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      return offered(super.resolveLocale(request), request);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
      LocaleContext context = super.resolveLocaleContext(request);
      return new TimeZoneAwareLocaleContext() {
        @Override
        public Locale getLocale() {
          return offered(context.getLocale(), request);
        }

        @Override
        public TimeZone getTimeZone() {
          return context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
        }
      };
    }

    private Locale offered(Locale locale, HttpServletRequest request) {
      if (locale == null) {
        return null;
      }
      return languages.byCode(locale.getLanguage()).isPresent()
          ? locale
          : fromBrowser(request, languages);
    }
  }

  /** The first language of Accept-Language that the interface offers, or English. */
  static Locale fromBrowser(HttpServletRequest request, Languages languages) {
    if (request.getHeader("Accept-Language") == null) {
      return Languages.ENGLISH.locale();
    }
    var offered = languages.all();
    var locales = request.getLocales();
    while (locales.hasMoreElements()) {
      Locale locale = locales.nextElement();
      for (Languages.Language language : offered) {
        if (language.code().equals(locale.getLanguage())) {
          return language.locale();
        }
      }
    }
    return Languages.ENGLISH.locale();
  }

  /**
   * Runs before security, so that an unknown language is refused the same way on every address and
   * before anything could be changed.
   */
  @Bean
  FilterRegistrationBean<LanguageChoice> languageChoice(
      LocaleResolver localeResolver, Languages languages) {
    FilterRegistrationBean<LanguageChoice> registration =
        new FilterRegistrationBean<>(new LanguageChoice(localeResolver, languages));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
