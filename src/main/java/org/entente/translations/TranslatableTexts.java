package org.entente.translations;

import java.time.Instant;
import java.util.List;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;

/**
 * The seam through which a module's multilingual texts join the translation workflow: the module
 * registers one bean per kind of text (joint statements are the first), keeps a {@link
 * TranslationState} beside each text, and answers here. Every method reads through the module's own
 * visibility condition: what the viewer may not see is neither listed nor shown (404).
 */
public interface TranslatableTexts {

  /** The kind of text, as URLs name it, e.g. {@code joint-statement}. */
  String subject();

  /**
   * The texts of a charter the viewer may see whose translation into a language is missing or out
   * of date, and that may still be changed (not a published version).
   */
  List<Awaiting> awaiting(CharterKey charterKey, String language, Viewer viewer);

  /**
   * One text, its source beside its translation into a language.
   *
   * @throws org.entente.shared.NotFoundException when there is none the viewer may see
   */
  Translatable text(String key, String language, Viewer viewer);

  /**
   * Saves the translation of a text into a language, against the version read, and audits it.
   *
   * @throws org.entente.shared.ConflictException when the text changed since that version
   * @throws org.entente.shared.BadRequestException naming the field: no version, the source
   *     language, a text too long
   * @throws org.entente.shared.ForbiddenException when the viewer may not change it
   */
  Translatable save(String key, String language, String text, Long version, Viewer viewer);

  /**
   * A text awaiting translation into a language.
   *
   * @param title what the record is called, in the reader's words (e.g. the meeting's title)
   * @param status {@link TranslationStatus#MISSING} or {@link TranslationStatus#OUT_OF_DATE}
   * @param since for an out-of-date translation, when its source changed (null if not known)
   */
  record Awaiting(
      String subject,
      String key,
      String title,
      String body,
      String sourceLanguage,
      TranslationStatus status,
      Instant since) {}

  /**
   * One text as the side-by-side editor shows it.
   *
   * @param link the page of the record the text is part of
   * @param text the translation as it is (null when missing)
   * @param writable whether the viewer may save a translation (else the editor only shows it)
   * @param official whether the text in this language is the one both parties agreed ({@link
   *     Official#OFFICIAL}) or a working text ({@link Official#WORKING}); null where the kind of
   *     text does not tell it per language, or the language has no text (decision 0040)
   */
  record Translatable(
      String subject,
      String key,
      String charterKey,
      String title,
      String link,
      String sourceLanguage,
      String sourceText,
      String language,
      String text,
      TranslationStatus status,
      Instant since,
      long version,
      boolean writable,
      String official) {}
}
