package org.entente.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Helps page templates show {@link LocalizedText}: {@code ${@texts.of(area.name)}} is the text in
 * the page's language (the visitor's choice), and {@code ${@texts.lang(area.name)}} the language it
 * is really in, for the {@code lang} attribute ({@code az-Latn} for Azerbaijani). When the text is
 * not given in the page's language, {@code ${@texts.isFallback(area.name)}} is true and {@code
 * ${@texts.fallback(area.name)}} is the marker that says which language it is shown in ("(in
 * English)", "(in Ukrainian)"), for any language. The fragment {@code fragments/text ::
 * localized(text)} does all of it.
 */
@Component("texts")
public class Texts {

  private final MessageSource messages;

  public Texts(MessageSource messages) {
    this.messages = messages;
  }

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

  /**
   * The message key that marks a fallback: {@code text.in.en}, {@code text.in.az}, the key of any
   * language the bundles name this way, else {@code text.in.other}; {@link #fallback} names every
   * language.
   */
  public String fallbackKey(LocalizedText text) {
    String language = text == null ? "" : text.in(pageLanguage()).language();
    String key = "text.in." + language;
    return messages.getMessage(key, null, null, LocaleContextHolder.getLocale()) != null
        ? key
        : "text.in.other";
  }

  /** The marker of a text shown in another language than the page's, in the page's language. */
  public String fallback(LocalizedText text) {
    return text == null ? "" : marker(text.in(pageLanguage()).language());
  }

  /**
   * The marker of a text in this language shown where another was asked for: "(in English)", or for
   * a language the bundles do not name, its name as the JDK's CLDR data says it in the language of
   * the interface shown ("(in Ukrainian)", "(ukrayna dilində)").
   */
  public String marker(String language) {
    Locale locale = LocaleContextHolder.getLocale();
    String own = messages.getMessage("text.in." + language, null, null, locale);
    if (own != null) {
      return own;
    }
    Locale shown = Locale.forLanguageTag(messages.getMessage("text.in.bundle", null, "en", locale));
    String name = Locale.forLanguageTag(language).getDisplayLanguage(shown);
    return messages.getMessage(
        "text.in.language", new Object[] {name.isEmpty() ? language : name}, locale);
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
