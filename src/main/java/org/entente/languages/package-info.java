/**
 * The language of the interface: English or a language a loaded charter declares (the charter
 * module tells which, through {@link org.entente.languages.DeclaredLanguages}), chosen by the
 * visitor with {@code ?lang=az} on any page and remembered in a cookie; without a choice, the
 * browser's Accept-Language, then English. A language no charter declares is refused (400) before
 * any handler runs, so nothing is changed. The interface text comes from the bundle of the language
 * chosen ({@code messages_xx.properties}); where there is none, it is English and the page says so.
 * Templates get the links of the language switcher from the {@code languages} bean ({@link
 * org.entente.languages.Languages}), and dates, numbers, amounts and periods written in the
 * reader's language from the {@code formats} bean ({@link org.entente.languages.Formats}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Languages",
    allowedDependencies = {})
package org.entente.languages;
