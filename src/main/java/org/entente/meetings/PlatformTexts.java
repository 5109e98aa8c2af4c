package org.entente.meetings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;

/**
 * Where the translations of a platform's name and purpose stand (decision 0037): one {@link
 * TranslationState} per text, kept in the platform's {@code translation_sources} (V37).
 */
record PlatformTexts(TranslationState name, TranslationState purpose) {

  static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();
  static final tools.jackson.core.type.TypeReference<LinkedHashMap<String, Object>> MAP =
      new tools.jackson.core.type.TypeReference<>() {};

  static PlatformTexts none() {
    return new PlatformTexts(TranslationState.unknown(null), TranslationState.unknown(null));
  }

  TranslationState of(boolean ofName) {
    return ofName ? name : purpose;
  }

  PlatformTexts with(boolean ofName, TranslationState state) {
    return ofName ? new PlatformTexts(state, purpose) : new PlatformTexts(name, state);
  }

  /** The states after both texts were edited at once (a form or body with every language). */
  PlatformTexts afterEdit(
      LocalizedText nameBefore,
      LocalizedText purposeBefore,
      LocalizedText nameAfter,
      LocalizedText purposeAfter,
      String textLanguage,
      Instant now) {
    return new PlatformTexts(
        name.afterEdit(nameBefore, nameAfter, textLanguage, now),
        purpose.afterEdit(purposeBefore, purposeAfter, textLanguage, now));
  }

  static PlatformTexts fromJson(String json, String textLanguage) {
    if (json == null || json.isBlank()) {
      return new PlatformTexts(
          TranslationState.unknown(textLanguage), TranslationState.unknown(textLanguage));
    }
    Map<String, Object> read = JSON.readValue(json, MAP);
    return new PlatformTexts(
        part(read.get("name"), textLanguage), part(read.get("purpose"), textLanguage));
  }

  private static TranslationState part(Object stored, String textLanguage) {
    return TranslationState.fromJson(
        stored == null ? null : JSON.writeValueAsString(stored), textLanguage);
  }

  String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", JSON.readValue(name.toJson(), MAP));
    json.put("purpose", JSON.readValue(purpose.toJson(), MAP));
    return JSON.writeValueAsString(json);
  }
}
