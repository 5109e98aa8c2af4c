package org.entente.meetings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the translations of a meeting's title and of its minutes stand: one {@link
 * TranslationState} per text, kept together in the meeting's {@code translation_sources} column
 * (V36). An agenda item, a decision and an action item keep the state of their one text in their
 * own row ({@code translation_source}).
 *
 * @param title the state of the title
 * @param minutes the state of the minutes
 */
record MeetingTranslationSources(TranslationState title, TranslationState minutes) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** These states with one text's replaced. */
  MeetingTranslationSources with(boolean ofTitle, TranslationState state) {
    return ofTitle
        ? new MeetingTranslationSources(state, minutes)
        : new MeetingTranslationSources(title, state);
  }

  /**
   * The states after a meeting's title or minutes were edited (every language at once): see {@link
   * TranslationState#afterEdit}. A new meeting's texts before are empty.
   */
  MeetingTranslationSources afterEdit(
      Meeting before, Meeting after, String textLanguage, Instant now) {
    return new MeetingTranslationSources(
        title.afterEdit(
            text(before == null ? null : before.title()), after.title(), textLanguage, now),
        minutes.afterEdit(
            text(before == null ? null : before.minutes()),
            text(after.minutes()),
            textLanguage,
            now));
  }

  /** The states of a new meeting: nothing written yet. */
  static MeetingTranslationSources none() {
    return new MeetingTranslationSources(
        TranslationState.unknown(null), TranslationState.unknown(null));
  }

  /**
   * Reads the stored form; a meeting without one (made before V36) is written in its charter's text
   * language.
   */
  static MeetingTranslationSources fromJson(String json, String textLanguage) {
    if (json == null || json.isBlank()) {
      return new MeetingTranslationSources(
          TranslationState.unknown(textLanguage), TranslationState.unknown(textLanguage));
    }
    Map<String, Object> read = JSON.readValue(json, MAP);
    return new MeetingTranslationSources(
        part(read.get("title"), textLanguage), part(read.get("minutes"), textLanguage));
  }

  private static TranslationState part(Object stored, String textLanguage) {
    return TranslationState.fromJson(
        stored == null ? null : JSON.writeValueAsString(stored), textLanguage);
  }

  /** The stored form: a JSON object with a state per text. */
  String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("title", JSON.readValue(title.toJson(), MAP));
    json.put("minutes", JSON.readValue(minutes.toJson(), MAP));
    return JSON.writeValueAsString(json);
  }

  /** A text, or the empty text for none. */
  static LocalizedText text(LocalizedText text) {
    return text == null ? LocalizedText.empty() : text;
  }
}
