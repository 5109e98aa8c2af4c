package org.entente.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text given in one or more languages, keyed by BCP 47 tag ({@code en}, {@code az}).
 *
 * <p>Reading it in a language that was not given falls back to another one and says so, so that a
 * page can mark the fallback with the right {@code lang} attribute.
 */
@JsonSerialize(using = LocalizedText.Writer.class)
public record LocalizedText(@JsonValue Map<String, String> values) {

  /**
   * Writes the texts as one JSON object, as {@code @JsonValue} describes it, without Jackson
   * finding a map serializer for every text it writes (a list of projects writes hundreds).
   */
  static final class Writer extends ValueSerializer<LocalizedText> {
    @Override
    public void serialize(LocalizedText text, JsonGenerator json, SerializationContext context) {
      json.writeStartObject();
      for (Map.Entry<String, String> e : text.values().entrySet()) {
        json.writeStringProperty(e.getKey(), e.getValue());
      }
      json.writeEndObject();
    }
  }

  public LocalizedText {
    Objects.requireNonNull(values, "values");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @JsonCreator
  public static LocalizedText ofMap(Map<String, String> values) {
    return new LocalizedText(values);
  }

  /** Texts by language as a person typed them: stripped, without the languages left empty. */
  public static LocalizedText stripped(Map<String, String> values) {
    if (values == null) {
      return empty();
    }
    Map<String, String> copy = new java.util.LinkedHashMap<>();
    values.forEach(
        (language, text) -> {
          if (text != null) {
            copy.put(language, text.strip());
          }
        });
    return ofMap(copy);
  }

  public static LocalizedText of(String language, String text) {
    return new LocalizedText(Map.of(language, text));
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  /** Reads the stored form written by {@link #toJson()}; null or blank gives an empty text. */
  public static LocalizedText fromJson(String json) {
    if (json == null || json.isBlank()) {
      return empty();
    }
    if (json.length() > PARSED_MAX_LENGTH) {
      return new LocalizedText(JSON.readValue(json, MAP));
    }
    LocalizedText known = PARSED.get(json);
    if (known != null) {
      return known;
    }
    LocalizedText parsed = new LocalizedText(JSON.readValue(json, MAP));
    if (PARSED.size() >= PARSED_MAX) {
      PARSED.clear();
    }
    PARSED.put(json, parsed);
    return parsed;
  }

  /**
   * Short texts already parsed, by their stored form. Names and titles are read over and over (a
   * charter's groups, areas and commitments on every request that names them), and parsing JSON was
   * most of the time of such a request. A text is immutable, so sharing one is safe; the cache is
   * emptied when full.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, LocalizedText> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int PARSED_MAX = 50_000;

  private static final int PARSED_MAX_LENGTH = 1_000;

  /** The stored form: a JSON object from language tag to text. */
  public String toJson() {
    return JSON.writeValueAsString(values);
  }

  public static LocalizedText empty() {
    return new LocalizedText(Map.of());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The text in the language asked for, or in English, or in the first language given. */
  public Rendition in(String language) {
    if (values.containsKey(language)) {
      return new Rendition(values.get(language), language, false);
    }
    if (values.containsKey("en")) {
      return new Rendition(values.get("en"), "en", true);
    }
    return values.entrySet().stream()
        .findFirst()
        .map(e -> new Rendition(e.getValue(), e.getKey(), true))
        .orElse(new Rendition("", language, false));
  }

  /** The text in English, or in whichever language comes first. */
  public String text() {
    return in("en").text();
  }

  @Override
  public String toString() {
    return text();
  }

  /**
   * A text in one language.
   *
   * @param fallback true when the language asked for was not given and this is another one
   */
  public record Rendition(String text, String language, boolean fallback) {}
}
