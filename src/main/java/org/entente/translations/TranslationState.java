package org.entente.translations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the translations of one multilingual text stand: the language it was written in (its
 * source), when the source text last changed, and for each translation the digest (SHA-256) of the
 * source text it was made from. A translation is current while that digest is the digest of the
 * source text as it is now, out of date once the source changed, missing while the language has no
 * text. A translation without a digest (made before the state was kept) counts as made from the
 * source as it stands, until the source changes.
 *
 * <p>The module that owns the text keeps this state beside it ({@link #toJson()}, {@link
 * #fromJson}) and passes every change of the text through {@link #afterEdit} or {@link
 * #translated}, so that the state follows the text.
 *
 * @param source the language tag of the source text, or null for a text without one yet
 * @param sourceChangedAt when the source text last changed, or null when not known
 * @param madeFrom for each translation, the digest of the source text it was made from
 */
public record TranslationState(
    String source, Instant sourceChangedAt, Map<String, String> madeFrom) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  public TranslationState {
    madeFrom = Map.copyOf(madeFrom == null ? Map.of() : madeFrom);
  }

  /** The state of a text that has none stored yet: written in this language, nothing known else. */
  public static TranslationState unknown(String source) {
    return new TranslationState(source, null, Map.of());
  }

  /** The language, its status and since when a translation is out of date. */
  public record LanguageStatus(String language, TranslationStatus status, Instant since) {}

  /** The digest of a source text, as the state keeps it. */
  /**
   * The texts with a translation put in: the translation as typed, stripped (required, at most
   * {@code maxLength} characters, else a 400 naming {@code text}), every text in the order of the
   * charter's languages.
   */
  public static LocalizedText withTranslation(
      LocalizedText texts, String language, String typed, int maxLength, List<String> order) {
    if (typed == null || typed.isBlank()) {
      throw new BadRequestException("text", "the translation is required");
    }
    String stripped = typed.strip();
    if (stripped.length() > maxLength) {
      throw new BadRequestException(
          "text", "the translation must have at most " + maxLength + " characters");
    }
    Map<String, String> all = new LinkedHashMap<>(texts.values());
    all.put(language, stripped);
    Map<String, String> ordered = new LinkedHashMap<>();
    order.stream().filter(all::containsKey).forEach(l -> ordered.put(l, all.get(l)));
    return LocalizedText.ofMap(ordered);
  }

  public static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(Objects.requireNonNullElse(text, "").getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The status of the text in a language. */
  public TranslationStatus status(LocalizedText texts, String language) {
    if (!has(texts, language)) {
      return TranslationStatus.MISSING;
    }
    if (language.equals(source)) {
      return TranslationStatus.SOURCE;
    }
    String from = madeFrom.get(language);
    if (from == null || !has(texts, source)) {
      return TranslationStatus.CURRENT;
    }
    return from.equals(digest(texts.values().get(source)))
        ? TranslationStatus.CURRENT
        : TranslationStatus.OUT_OF_DATE;
  }

  /** The status of the text in each of these languages, in their order. */
  public List<LanguageStatus> statuses(LocalizedText texts, List<String> languages) {
    List<LanguageStatus> all = new ArrayList<>();
    for (String language : languages) {
      TranslationStatus status = status(texts, language);
      all.add(
          new LanguageStatus(
              language, status, status == TranslationStatus.OUT_OF_DATE ? sourceChangedAt : null));
    }
    return all;
  }

  /** The languages among these whose translation is awaited (missing or out of date). */
  public List<String> awaited(LocalizedText texts, List<String> languages) {
    return languages.stream().filter(l -> status(texts, l).awaited()).toList();
  }

  /**
   * The state after the text was edited in every language at once (a form with a field per
   * language): a translation changed in this edit is made from the source as it is now; one left as
   * it was keeps what it was made from (so it is out of date if the source changed); the source
   * stays the language it was, or becomes {@code preferred} (else the first language with a text)
   * for a text that had none.
   *
   * @param before the text before the edit (empty for a new one)
   * @param after the text after it
   * @param preferred the language a new text's source is, when it has a text in it
   * @param now when the edit is made
   */
  public TranslationState afterEdit(
      LocalizedText before, LocalizedText after, String preferred, Instant now) {
    String newSource = source != null && has(after, source) ? source : pick(after, preferred);
    if (newSource == null) {
      return new TranslationState(null, sourceChangedAt, Map.of());
    }
    String sourceBefore = has(before, newSource) ? before.values().get(newSource) : null;
    String sourceAfter = after.values().get(newSource);
    boolean sourceChanged = !sourceAfter.equals(sourceBefore);
    Map<String, String> made = new LinkedHashMap<>();
    for (String language : after.values().keySet()) {
      if (language.equals(newSource) || !has(after, language)) {
        continue;
      }
      boolean changed = !after.values().get(language).equals(before.values().get(language));
      String from =
          changed
              ? digest(sourceAfter)
              : madeFrom.getOrDefault(language, sourceBefore == null ? null : digest(sourceBefore));
      if (from != null) {
        made.put(language, from);
      }
    }
    return new TranslationState(newSource, sourceChanged ? now : sourceChangedAt, made);
  }

  /** The state after the translation into a language was saved: made from the source as it is. */
  public TranslationState translated(LocalizedText texts, String language) {
    Map<String, String> made = new LinkedHashMap<>(madeFrom);
    if (has(texts, language)) {
      made.put(language, digest(texts.values().get(source)));
    } else {
      made.remove(language);
    }
    return new TranslationState(source, sourceChangedAt, made);
  }

  /**
   * The states of several texts of one record stored together, one JSON object by text ({@code
   * {"title":{…},"minutes":{…}}}): each named text's state, that of a text written in {@code
   * defaultSource} where none is stored (nothing at all stored: a record made before its module
   * joined the workflow).
   */
  public static Map<String, TranslationState> fromJson(
      String json, String defaultSource, List<String> names) {
    Map<String, Object> read =
        json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    Map<String, TranslationState> states = new LinkedHashMap<>();
    for (String name : names) {
      Object stored = read.get(name);
      states.put(
          name, fromJson(stored == null ? null : JSON.writeValueAsString(stored), defaultSource));
    }
    return states;
  }

  /** The stored form of several texts' states, by text, in the order given. */
  public static String toJson(Map<String, TranslationState> states) {
    Map<String, Object> json = new LinkedHashMap<>();
    states.forEach((name, state) -> json.put(name, JSON.readValue(state.toJson(), MAP)));
    return JSON.writeValueAsString(json);
  }

  /** The stored form: a JSON object. */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", source);
    json.put("sourceChangedAt", sourceChangedAt == null ? null : sourceChangedAt.toString());
    json.put("madeFrom", new java.util.TreeMap<>(madeFrom));
    return JSON.writeValueAsString(json);
  }

  /**
   * Reads the stored form; a text without one (made before the state was kept) is written in {@code
   * defaultSource}.
   */
  @SuppressWarnings("unchecked")
  public static TranslationState fromJson(String json, String defaultSource) {
    if (json == null || json.isBlank()) {
      return unknown(defaultSource);
    }
    Map<String, Object> read = JSON.readValue(json, MAP);
    Object changed = read.get("sourceChangedAt");
    Object made = read.get("madeFrom");
    return new TranslationState(
        (String) read.getOrDefault("source", defaultSource),
        changed == null ? null : Instant.parse((String) changed),
        made == null ? Map.of() : (Map<String, String>) made);
  }

  private static boolean has(LocalizedText texts, String language) {
    String text = language == null ? null : texts.values().get(language);
    return text != null && !text.isBlank();
  }

  private static String pick(LocalizedText texts, String preferred) {
    if (has(texts, preferred)) {
      return preferred;
    }
    return texts.values().keySet().stream().filter(l -> has(texts, l)).findFirst().orElse(null);
  }
}
