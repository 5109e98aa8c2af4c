package org.entente.shared;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Helps page templates show {@link LocalizedText}: {@code ${@texts.of(area.name)}} is the text in
 * the page's language (the visitor's choice), and {@code ${@texts.lang(area.name)}} the language it
 * is really in, for the {@code lang} attribute ({@code az-Latn} for Azerbaijani). When the text is
 * not given in the page's language, {@code ${@texts.isFallback(area.name)}} is true and {@code
 * ${@texts.fallbackKey(area.name)}} names the message that marks it ("(in English)"). The fragment
 * {@code fragments/text :: localized(text)} does all of it.
 */
@Component("texts")
public class Texts {

  /** The language of the page: the language of the current request's locale. */
  static String pageLanguage() {
    String language = LocaleContextHolder.getLocale().getLanguage();
    return language.isEmpty() ? "en" : language;
  }

  public String of(LocalizedText text) {
    return text == null ? "" : text.in(pageLanguage()).text();
  }

  public String lang(LocalizedText text) {
    return tag(code(text));
  }

  public boolean isFallback(LocalizedText text) {
    return text != null && !text.isEmpty() && text.in(pageLanguage()).fallback();
  }

  /** The message key that marks a fallback: {@code text.in.en}, {@code text.in.az} or other. */
  public String fallbackKey(LocalizedText text) {
    String language = text == null ? "" : text.in(pageLanguage()).language();
    return switch (language) {
      case "en", "az" -> "text.in." + language;
      default -> "text.in.other";
    };
  }

  /** The language the text is shown in, as stored ({@code en}, {@code az}): not a tag. */
  public String code(LocalizedText text) {
    return text == null ? pageLanguage() : text.in(pageLanguage()).language();
  }

  /** The tag for a {@code lang} attribute: Azerbaijani is written in Latin script here. */
  public String tag(String language) {
    return "az".equals(language) ? "az-Latn" : language;
  }
}
