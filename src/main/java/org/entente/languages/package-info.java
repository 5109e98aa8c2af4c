/**
 * The language of the interface: English or Azerbaijani (Latin script), chosen by the visitor with
 * {@code ?lang=en} or {@code ?lang=az} on any page and remembered in a cookie; without a choice,
 * the browser's Accept-Language, then English. An unknown language is refused (400) before any
 * handler runs, so nothing is changed. Templates get the links of the language switcher from the
 * {@code languages} bean ({@link org.entente.languages.Languages}), and dates, numbers, amounts and
 * periods written in the reader's language from the {@code formats} bean ({@link
 * org.entente.languages.Formats}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Languages",
    allowedDependencies = {})
package org.entente.languages;
