package org.entente.languages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a request: the {@code entente-lang} cookie, else the browser's Accept-Language
 * among the languages offered, else English. {@link LanguageChoice} changes it.
 */
@Configuration
@ConditionalOnWebApplication
class LanguageConfiguration {

  /** Named as the DispatcherServlet looks it up, which replaces Spring Boot's default resolver. */
  @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  CookieLocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(Languages.COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookiePath("/");
    resolver.setCookieHttpOnly(false);
    resolver.setCookieSameSite("Lax");
    resolver.setRejectInvalidCookies(true);
    resolver.setDefaultLocaleFunction(LanguageConfiguration::fromBrowser);
    return resolver;
  }

  /** The first language of Accept-Language that the interface offers, or English. */
  static Locale fromBrowser(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return Languages.ENGLISH.locale();
    }
    var locales = request.getLocales();
    while (locales.hasMoreElements()) {
      Locale locale = locales.nextElement();
      for (Languages.Language language : Languages.ALL) {
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
  FilterRegistrationBean<LanguageChoice> languageChoice(LocaleResolver localeResolver) {
    FilterRegistrationBean<LanguageChoice> registration =
        new FilterRegistrationBean<>(new LanguageChoice(localeResolver));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
