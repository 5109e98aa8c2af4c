package org.entente.meetings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;

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
    Map<String, TranslationState> read =
        TranslationState.fromJson(json, textLanguage, List.of("title", "minutes"));
    return new MeetingTranslationSources(read.get("title"), read.get("minutes"));
  }

  /** The stored form: a JSON object with a state per text. */
  String toJson() {
    Map<String, TranslationState> states = new LinkedHashMap<>();
    states.put("title", title);
    states.put("minutes", minutes);
    return TranslationState.toJson(states);
  }

  /** A text, or the empty text for none. */
  static LocalizedText text(LocalizedText text) {
    return text == null ? LocalizedText.empty() : text;
  }
}
