package org.entente.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.languages.Languages;
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

  /** Translations by kind ({@code units}, {@code notes}) and language, by English text. */
  private final Map<String, Map<String, Map<String, String>>> translations;

  ReferenceTranslations(Languages languages) throws IOException {
    this.languages = languages;
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
