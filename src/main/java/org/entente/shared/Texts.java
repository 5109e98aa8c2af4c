package org.entente.shared;

import org.springframework.stereotype.Component;

/**
 * Helps page templates show {@link LocalizedText}: {@code ${@texts.of(area.name)}} is the text in
 * the page's language, and {@code ${@texts.lang(area.name)}} the language it is really in, for the
 * {@code lang} attribute.
 */
@Component("texts")
public class Texts {

  static final String PAGE_LANGUAGE = "en";

  public String of(LocalizedText text) {
    return text == null ? "" : text.in(PAGE_LANGUAGE).text();
  }

  public String lang(LocalizedText text) {
    return text == null ? PAGE_LANGUAGE : text.in(PAGE_LANGUAGE).language();
  }

  public boolean isFallback(LocalizedText text) {
    return text != null && !text.isEmpty() && text.in(PAGE_LANGUAGE).fallback();
  }
}
