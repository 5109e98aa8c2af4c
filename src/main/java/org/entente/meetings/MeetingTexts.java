package org.entente.meetings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.entente.charter.LanguagesOfCharter;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;

/**
 * The rules of the texts a person writes on a meeting, in the languages of its charter: a meeting's
 * title and minutes, an agenda item's title, a decision's text, an action item's title.
 *
 * <p>A text is sent as an object from language tag to text ({@code {"en": "…", "az": "…"}}) or,
 * accepted for one release, as a plain string, which is the text in the charter's text language. A
 * language outside the charter is refused, naming the field and the language ({@code title.fr}).
 * Each record is written in its charter's text language, its source: a required text has it, and a
 * text may not lose it; the other languages are optional translations. Stored texts keep the source
 * first, then the charter's other languages in its order, so that a page reading one in a language
 * it lacks falls back to the source.
 */
final class MeetingTexts {

  /** The longest a meeting's title may be, in each language. */
  static final int MEETING_TITLE = 300;

  /** The longest an agenda item's or action item's title may be, in each language. */
  static final int ITEM_TITLE = 500;

  /** The longest a decision may be, in each language. */
  static final int DECISION = 4000;

  /** The longest minutes may be, in each language, before they are sanitized. */
  static final int MINUTES = 200_000;

  private MeetingTexts() {}

  /**
   * A required text of a new record, as sent.
   *
   * @throws BadRequestException naming the field: nothing sent, no text in the source language, a
   *     language outside the charter, a text that is not a string or is too long
   */
  static LocalizedText required(String field, Object sent, LanguagesOfCharter charter, int max) {
    if (sent == null) {
      throw new BadRequestException(field, field + " is required");
    }
    return changed(
        field, LocalizedText.empty(), sent, charter, max, false, UnaryOperator.identity());
  }

  /**
   * A text after a change: the languages sent replace theirs, a language sent blank loses its text,
   * the others keep theirs. Nothing sent leaves the text as it was.
   *
   * @param optional whether the text may be empty altogether (minutes); it never may be without its
   *     source language while it has another
   * @param clean what each language's text becomes before it is kept (minutes are sanitized); a
   *     text it makes empty or null is no text
   * @throws BadRequestException naming the field, as {@link #required}
   */
  static LocalizedText changed(
      String field,
      LocalizedText before,
      Object sent,
      LanguagesOfCharter charter,
      int max,
      boolean optional,
      UnaryOperator<String> clean) {
    if (sent == null) {
      return before;
    }
    Map<String, String> texts = new LinkedHashMap<>(before.values());
    for (Map.Entry<String, String> e : given(field, sent, charter).entrySet()) {
      String language = e.getKey();
      String text = e.getValue() == null ? "" : e.getValue().strip();
      if (text.length() > max) {
        throw new BadRequestException(
            field + "." + language,
            field + " must have at most " + max + " characters in " + language);
      }
      String kept = text.isEmpty() ? null : clean.apply(text);
      if (kept == null || kept.isBlank()) {
        texts.remove(language);
      } else {
        texts.put(language, kept.strip());
      }
    }
    String source = charter.textLanguage();
    if (!texts.containsKey(source) && !(optional && texts.isEmpty())) {
      throw new BadRequestException(
          field + "." + source,
          field
              + " is required in "
              + source
              + ", the language the charter's records are written in; the other languages of the"
              + " charter ("
              + String.join(", ", charter.languages())
              + ") are optional translations");
    }
    return ordered(texts, charter);
  }

  /**
   * The texts as sent, by language: a plain string is the charter's text language's.
   *
   * @throws BadRequestException naming the field: a language outside the charter, a text that is
   *     not a string, something that is neither a string nor an object
   */
  private static Map<String, String> given(String field, Object sent, LanguagesOfCharter charter) {
    Map<String, String> given = new LinkedHashMap<>();
    if (sent instanceof String plain) {
      given.put(charter.textLanguage(), plain);
      return given;
    }
    if (!(sent instanceof Map<?, ?> byLanguage)) {
      throw new BadRequestException(
          field,
          field
              + " is an object from language tag to text ({\""
              + charter.textLanguage()
              + "\": \"…\"}), or a string in "
              + charter.textLanguage());
    }
    for (Map.Entry<?, ?> e : byLanguage.entrySet()) {
      String language = String.valueOf(e.getKey());
      if (!charter.languages().contains(language)) {
        throw new BadRequestException(
            field + "." + language,
            "'"
                + language
                + "' is not a language of the charter; "
                + field
                + " may be given in "
                + String.join(", ", charter.languages()));
      }
      if (e.getValue() != null && !(e.getValue() instanceof String)) {
        throw new BadRequestException(field + "." + language, "the text must be a string");
      }
      given.put(language, (String) e.getValue());
    }
    return given;
  }

  /** The texts with the source language first, then the charter's order, then any others. */
  static LocalizedText ordered(Map<String, String> texts, LanguagesOfCharter charter) {
    Map<String, String> ordered = new LinkedHashMap<>();
    if (texts.containsKey(charter.textLanguage())) {
      ordered.put(charter.textLanguage(), texts.get(charter.textLanguage()));
    }
    charter.languages().stream()
        .filter(texts::containsKey)
        .forEach(l -> ordered.putIfAbsent(l, texts.get(l)));
    texts.forEach(ordered::putIfAbsent);
    return LocalizedText.ofMap(ordered);
  }

  /** The stored form: the JSON object, or null for no text at all. */
  static String stored(LocalizedText text) {
    return text == null || text.isEmpty() ? null : text.toJson();
  }

  /** A stored text; null is no text. */
  static LocalizedText read(String stored) {
    return LocalizedText.fromJson(stored);
  }
}
