/**
 * The translation workflow (issue 19, decision 0037): which language a multilingual text was
 * written in, and for each other language of its charter whether its translation is missing,
 * current, or out of date because the source changed after it was translated ({@link
 * org.entente.translations.TranslationState}, kept by the module that owns the text, beside it);
 * the per-language list of what awaits translation, for a party's secretariat; and the side-by-side
 * editor that saves one translation against the record's version.
 *
 * <p>A module whose records carry such texts joins by registering a {@link
 * org.entente.translations.TranslatableTexts} bean: it lists, through its own visibility condition,
 * what awaits translation into a language, shows one text with its source, and saves a translation
 * (checking the version and auditing the write). Joint statements are the first ({@code meetings}).
 * This module owns no table.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Translations",
    allowedDependencies = {"charter", "identity", "shared"})
package org.entente.translations;
