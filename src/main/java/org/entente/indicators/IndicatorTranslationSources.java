package org.entente.indicators;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the translations of an indicator's name, unit and definition stand: one {@link
 * TranslationState} per text, kept together in the indicator's {@code translation_sources} column
 * (V37). Its data source and its values' notes are multilingual too but not in the workflow: a data
 * source names a publisher or a publication, most often by its own name, and a note goes with a
 * figure from that source; neither is what a secretariat is asked to translate (decision 0041).
 */
final class IndicatorTranslationSources {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** The texts of an indicator that are translated, as the translation workflow names them. */
  enum Part {
    NAME("indicator-name", "name", 500),
    UNIT("indicator-unit", "unit", 100),
    DEFINITION("indicator-definition", "definition", 2000);

    private final String subject;
    private final String field;
    private final int max;

    Part(String subject, String field, int max) {
      this.subject = subject;
      this.field = field;
      this.max = max;
    }

    String subject() {
      return subject;
    }

    /** Its name in the stored JSON and in the API. */
    String field() {
      return field;
    }

    /** The most characters a text of it has in one language. */
    int max() {
      return max;
    }

    /** Its text on an indicator, empty when it has none. */
    LocalizedText of(Indicator indicator) {
      LocalizedText text =
          switch (this) {
            case NAME -> indicator.name();
            case UNIT -> indicator.unit();
            case DEFINITION -> indicator.definition();
          };
      return text == null ? LocalizedText.empty() : text;
    }

    /** The indicator with this text replaced. */
    Indicator on(Indicator i, LocalizedText text) {
      return new Indicator(
          i.id(),
          i.charterId(),
          i.charterKey(),
          i.code(),
          this == NAME ? text : i.name(),
          this == UNIT ? text : i.unit(),
          i.direction(),
          i.area(),
          i.ownerOrganization(),
          this == DEFINITION ? text : i.definition(),
          i.dataSource(),
          i.classification(),
          i.originParty(),
          i.groupId(),
          i.version());
    }
  }

  private final Map<Part, TranslationState> states;

  private IndicatorTranslationSources(Map<Part, TranslationState> states) {
    this.states = new EnumMap<>(states);
  }

  TranslationState of(Part part) {
    return states.get(part);
  }

  /** These states with one text's replaced. */
  IndicatorTranslationSources with(Part part, TranslationState state) {
    Map<Part, TranslationState> changed = new EnumMap<>(states);
    changed.put(part, state);
    return new IndicatorTranslationSources(changed);
  }

  /**
   * The states of a new indicator, whose texts were all written at once (a form with a field per
   * language): see {@link TranslationState#afterEdit}; before, nothing was written.
   */
  static IndicatorTranslationSources created(
      Indicator indicator, String textLanguage, Instant now) {
    Map<Part, TranslationState> states = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      states.put(
          part,
          TranslationState.unknown(null)
              .afterEdit(LocalizedText.empty(), part.of(indicator), textLanguage, now));
    }
    return new IndicatorTranslationSources(states);
  }

  /**
   * Reads the stored form; an indicator without one (made before V37) is written in its charter's
   * text language.
   */
  static IndicatorTranslationSources fromJson(String json, String textLanguage) {
    Map<String, Object> read =
        json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    Map<Part, TranslationState> states = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      Object stored = read.get(part.field());
      states.put(
          part,
          TranslationState.fromJson(
              stored == null ? null : JSON.writeValueAsString(stored), textLanguage));
    }
    return new IndicatorTranslationSources(states);
  }

  /** The stored form: a JSON object with a state per text. */
  String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Part part : Part.values()) {
      json.put(part.field(), JSON.readValue(states.get(part).toJson(), MAP));
    }
    return JSON.writeValueAsString(json);
  }
}
