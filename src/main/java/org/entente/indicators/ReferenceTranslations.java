package org.entente.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.languages.Languages;
import org.entente.shared.LocalizedText;
import org.entente.shared.Texts;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The reference indicators' units and notes in the reader's language: the working translations the
 * indicators files bundled beside the charters give ({@code units-az}, {@code notes-az}, by the
 * English text of the CSV), read once: {@code ${@indicatorTexts.unit(indicator.unit)}}. A unit or
 * note with no translation (one a person typed, or one read in English) is shown as it is.
 */
@Component("indicatorTexts")
public class ReferenceTranslations {

  private static final Pattern TRANSLATIONS = Pattern.compile("(units|notes)-([a-z]{2,3})");

  private final Languages languages;
  private final Texts texts;

  /** Translations by kind ({@code units}, {@code notes}) and language, by English text. */
  private final Map<String, Map<String, Map<String, String>>> translations;

  ReferenceTranslations(Languages languages, Texts texts) throws IOException {
    this.languages = languages;
    this.texts = texts;
    this.translations = read();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Map<String, String>>> read() throws IOException {
    Map<String, Map<String, Map<String, String>>> all = new HashMap<>();
    for (Resource file :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:charters/*.indicators.yaml")) {
      Map<String, Object> yaml;
      try (InputStream in = file.getInputStream()) {
        yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      }
      yaml.forEach(
          (key, value) -> {
            Matcher m = TRANSLATIONS.matcher(key);
            if (m.matches() && value instanceof Map<?, ?> texts) {
              all.computeIfAbsent(m.group(1), k -> new HashMap<>())
                  .computeIfAbsent(m.group(2), k -> new HashMap<>())
                  .putAll((Map<String, String>) texts);
            }
          });
    }
    return all;
  }

  /** A unit in the reader's language, when there is a translation; else as it is. */
  public String unit(String unit) {
    return translated("units", unit, languages.current().code());
  }

  /** A value's note in the reader's language, when there is a translation; else as it is. */
  public String note(String note) {
    return translated("notes", note, languages.current().code());
  }

  /**
   * The {@code lang} of a unit or note as {@link #unit} or {@link #note} show it: the reader's
   * language when translated into it, else null (the text is shown as it was written).
   */
  public String lang(String text) {
    if (text == null) {
      return null;
    }
    String language = languages.current().code();
    return translations.values().stream()
            .anyMatch(kind -> kind.getOrDefault(language, Map.of()).containsKey(text))
        ? languages.tagOf(language)
        : null;
  }

  /**
   * An indicator's unit, stored by language (decision 0041), as the reader reads it: in the
   * reader's language when it has one; else the catalogue's working translation of its English
   * text, when there is one; else in the language it has ({@link #fallbackOf} says which).
   */
  public String unitOf(LocalizedText unit) {
    return shown("units", unit);
  }

  /** A value's note, stored by language, as the reader reads it: as {@link #unitOf} does. */
  public String noteOf(LocalizedText note) {
    return shown("notes", note);
  }

  /** The {@code lang} of a text as {@link #unitOf} or {@link #noteOf} show it. */
  public String langOf(LocalizedText text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String language = languages.current().code();
    if (text.values().containsKey(language) || catalogued(text, language) != null) {
      return languages.tagOf(language);
    }
    return languages.tagOf(text.in(language).language());
  }

  /**
   * The marker of a text shown in another language than the reader's ("(in English)"), or null when
   * it is in the reader's language or the catalogue translates it.
   */
  public String fallbackOf(LocalizedText text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String language = languages.current().code();
    if (text.values().containsKey(language) || catalogued(text, language) != null) {
      return null;
    }
    return texts.fallback(text);
  }

  private String shown(String kind, LocalizedText text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String language = languages.current().code();
    if (text.values().containsKey(language)) {
      return text.values().get(language);
    }
    String catalogued = catalogued(text, language);
    return catalogued != null ? catalogued : text.in(language).text();
  }

  /**
   * Whether the catalogue gives a working translation of the text's English into a language: the
   * translation workflow does not ask a secretariat for it (decision 0041).
   */
  boolean translates(LocalizedText text, String language) {
    return text != null && catalogued(text, language) != null;
  }

  /** The catalogue's translation of the text's English into a language, or null. */
  private String catalogued(LocalizedText text, String language) {
    String english = text.values().get("en");
    if (english == null) {
      return null;
    }
    for (Map<String, Map<String, String>> kind : translations.values()) {
      String found = kind.getOrDefault(language, Map.of()).get(english);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The text in this language from the translations of this kind, or the text itself. */
  String translated(String kind, String text, String language) {
    if (text == null) {
      return null;
    }
    return translations
        .getOrDefault(kind, Map.of())
        .getOrDefault(language, Map.of())
        .getOrDefault(text, text);
  }
}
