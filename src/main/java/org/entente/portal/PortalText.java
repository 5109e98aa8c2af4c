package org.entente.portal;

import org.entente.shared.LocalizedText;

/**
 * Shows content given in both languages in the visitor's language, for the portal's templates:
 * {@code ${t.of(text)}} the text, {@code ${t.lang(text)}} the language it is really in (for the
 * {@code lang} attribute), {@code ${t.fallback(text)}} whether it is another language's text
 * standing in.
 *
 * @param language the page's language, {@code en} or {@code az}
 */
record PortalText(String language) {

  public String of(LocalizedText text) {
    return text == null ? "" : text.in(language).text();
  }

  public String lang(LocalizedText text) {
    return text == null || text.isEmpty() ? language : text.in(language).language();
  }

  public boolean fallback(LocalizedText text) {
    return text != null && !text.isEmpty() && text.in(language).fallback();
  }
}
