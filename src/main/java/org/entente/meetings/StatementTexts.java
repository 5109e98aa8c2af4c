package org.entente.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.entente.charter.LanguagesOfCharter;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;
import org.entente.translations.TranslationStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * A joint statement's authentic texts, one per language of its charter: how a draft's texts are
 * read, which languages still lack one, and the canonical content whose fingerprint the co-chairs
 * approve.
 *
 * <p>The canonical content covers every language's text. A version with one text only, in the
 * charter's text language (every version drafted before statements had a text per language, see
 * V28), keeps the form it always had, {@code {"meeting":…,"text":…,"publish":…}}, so that no
 * fingerprint already agreed changes; any other version has the versioned form {@code
 * {"canonical":"joint-statement/2","meeting":…,"texts":{tag:text,…},"publish":…}}, its texts by
 * language tag in alphabetical order.
 */
final class StatementTexts {

  /** The most characters a statement's text has, in each language. */
  static final int MAX_LENGTH = 20_000;

  /** The name of the versioned canonical form. */
  static final String CANONICAL_V2 = "joint-statement/2";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StatementTexts() {}

  /**
   * A draft's texts as sent: an object from language tag to text, or (accepted for one release) a
   * plain string, which is the text in the charter's text language. Texts are stripped; a language
   * left blank has no text yet.
   *
   * @throws BadRequestException ({@code text}, or {@code text.<tag>}) when no language has a text,
   *     a language is not one of the charter's, a text is not a string or is too long
   */
  static LocalizedText read(Object sent, LanguagesOfCharter charter) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (sent instanceof String plain) {
      put(texts, charter.textLanguage(), plain);
    } else if (sent instanceof Map<?, ?> byLanguage) {
      for (Map.Entry<?, ?> e : byLanguage.entrySet()) {
        String language = String.valueOf(e.getKey());
        if (!charter.languages().contains(language)) {
          throw new BadRequestException(
              "text." + language,
              "'"
                  + language
                  + "' is not a language of the charter; its languages are "
                  + String.join(", ", charter.languages()));
        }
        if (e.getValue() != null && !(e.getValue() instanceof String)) {
          throw new BadRequestException("text." + language, "the text must be a string");
        }
        put(texts, language, (String) e.getValue());
      }
    } else if (sent != null) {
      throw new BadRequestException(
          "text", "text is an object from language tag to the text in that language");
    }
    if (texts.isEmpty()) {
      throw new BadRequestException(
          "text", "text is required in at least one language of the charter");
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    charter.languages().stream()
        .filter(texts::containsKey)
        .forEach(l -> ordered.put(l, texts.get(l)));
    return LocalizedText.ofMap(ordered);
  }

  private static void put(Map<String, String> texts, String language, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String stripped = text.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new BadRequestException(
          "text." + language,
          "the text in " + language + " must have at most " + MAX_LENGTH + " characters");
    }
    texts.put(language, stripped);
  }

  /** The languages of the charter the statement has no text in yet, in the charter's order. */
  static List<String> missing(LocalizedText texts, LanguagesOfCharter charter) {
    List<String> missing = new ArrayList<>();
    for (String language : charter.languages()) {
      String text = texts.values().get(language);
      if (text == null || text.isBlank()) {
        missing.add(language);
      }
    }
    return missing;
  }

  /**
   * Refuses to submit a statement that lacks the text of a language of its charter.
   *
   * @throws BadRequestException naming the first missing language's field and every missing one
   */
  static void requireComplete(LocalizedText texts, LanguagesOfCharter charter) {
    List<String> missing = missing(texts, charter);
    if (!missing.isEmpty()) {
      throw new BadRequestException(
          "text." + missing.get(0),
          "the statement has no text in "
              + String.join(", ", missing)
              + ": every language of the charter needs its authentic text before the statement is"
              + " submitted");
    }
  }

  /**
   * The languages of the charter whose text is a translation made from a source text that has
   * changed since, in the charter's order.
   */
  static List<String> outOfDate(
      LocalizedText texts, TranslationState state, LanguagesOfCharter charter) {
    return charter.languages().stream()
        .filter(l -> state.status(texts, l) == TranslationStatus.OUT_OF_DATE)
        .toList();
  }

  /**
   * Refuses to submit a statement that lacks a language's text or whose translation is out of date.
   *
   * @throws BadRequestException naming the first such language's field
   */
  static void requireTranslated(
      LocalizedText texts, TranslationState state, LanguagesOfCharter charter) {
    requireComplete(texts, charter);
    List<String> outOfDate = outOfDate(texts, state, charter);
    if (!outOfDate.isEmpty()) {
      throw new BadRequestException(
          "text." + outOfDate.get(0),
          "the text in "
              + String.join(", ", outOfDate)
              + " is out of date: the "
              + state.source()
              + " text changed after it was translated; translate it again before the statement"
              + " is submitted");
    }
  }

  /** The canonical content of a statement's version: the meeting, the texts, whether to publish. */
  static String canonical(UUID meetingId, LocalizedText texts, boolean publish, String textLang) {
    Map<String, Object> content = new LinkedHashMap<>();
    if (texts.values().size() == 1 && texts.values().containsKey(textLang)) {
      content.put("meeting", meetingId.toString());
      content.put("text", texts.values().get(textLang));
    } else {
      content.put("canonical", CANONICAL_V2);
      content.put("meeting", meetingId.toString());
      content.put("texts", new TreeMap<>(texts.values()));
    }
    content.put("publish", publish);
    return JSON.writeValueAsString(content);
  }
}
