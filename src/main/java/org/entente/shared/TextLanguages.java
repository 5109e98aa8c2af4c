package org.entente.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages a person's texts are written in on a charter (decision 0036): a text is in the
 * languages its charter declares, a form has one field per language and a file one column per
 * language ({@code title_en}, {@code title_uk}), English first where it is one of them and then the
 * definition's order.
 */
public final class TextLanguages {

  /** The language in a column's or form field's name: {@code title_en}, {@code name_uk}. */
  private static final Pattern SUFFIX = Pattern.compile("([a-z]+)_([a-z]{2,3})");

  private TextLanguages() {}

  /** The languages texts are typed and written in: the charter's, English first among them. */
  public static List<String> ordered(List<String> declared) {
    List<String> languages = new ArrayList<>();
    if (declared.contains("en")) {
      languages.add("en");
    }
    declared.stream().filter(l -> !languages.contains(l)).forEach(languages::add);
    return languages;
  }

  /**
   * Refuses a text in a language the charter does not declare; a language the text had before
   * ({@code before}, null for a new record) stays allowed, so that a charter that drops a language
   * does not lock its records.
   *
   * @throws BadRequestException naming the field whose text is in another language
   */
  public static void require(
      String field, LocalizedText text, List<String> declared, LocalizedText before) {
    if (text == null) {
      return;
    }
    for (String language : text.values().keySet()) {
      if (!declared.contains(language)
          && (before == null || !before.values().containsKey(language))) {
        throw new BadRequestException(
            field,
            "'"
                + language
                + "' is not a language of this charter: the "
                + field
                + " is in "
                + String.join(", ", declared));
      }
    }
  }

  /**
   * A text as a JSON body sends it: an object from language tag to text, or (as before texts had
   * languages) a plain string, which is the text in the charter's text language. Blank languages
   * are left out; whether the languages are the charter's is the record's rule ({@link #require}).
   *
   * @throws BadRequestException naming the field when it is neither, or a text is not a string
   */
  public static Map<String, String> read(String field, Object sent, String textLanguage) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (sent instanceof String plain) {
      if (!plain.isBlank()) {
        texts.put(textLanguage, plain);
      }
    } else if (sent instanceof Map<?, ?> byLanguage) {
      for (Map.Entry<?, ?> e : byLanguage.entrySet()) {
        if (e.getValue() != null && !(e.getValue() instanceof String)) {
          throw new BadRequestException(field + "." + e.getKey(), "the text must be a string");
        }
        String text = (String) e.getValue();
        if (text != null && !text.isBlank()) {
          texts.put(String.valueOf(e.getKey()), text);
        }
      }
    } else if (sent != null) {
      throw new BadRequestException(
          field, field + " is an object from language tag to the text in that language");
    }
    return texts;
  }

  /** The columns or form fields of a field's texts in these languages: {@code title_en}. */
  public static List<String> columns(String field, List<String> languages) {
    return languages.stream().map(l -> field + "_" + l).toList();
  }

  /**
   * The texts a form or a line of a file gives for a field, by language, from its {@code
   * field_LANG} entries: every language named, so that one the charter lacks is refused by the
   * record's rules and not dropped unseen.
   */
  public static Map<String, String> typed(Map<String, String> entries, String field) {
    Map<String, String> text = new LinkedHashMap<>();
    entries.forEach(
        (name, value) -> {
          Matcher m = SUFFIX.matcher(name);
          if (m.matches() && m.group(1).equals(field) && value != null && !value.isBlank()) {
            text.put(m.group(2), value);
          }
        });
    return text;
  }

  /**
   * The languages a file's header gives columns for, for these fields, in the header's order.
   *
   * @throws BadRequestException naming {@code file} and the column, when a column is for a language
   *     the charter does not declare
   */
  public static List<String> inHeader(
      Collection<String> header, Collection<String> fields, List<String> declared) {
    List<String> languages = new ArrayList<>();
    for (String column : header) {
      Matcher m = SUFFIX.matcher(column);
      if (!m.matches() || !fields.contains(m.group(1))) {
        continue;
      }
      String language = m.group(2);
      if (!declared.contains(language)) {
        throw new BadRequestException(
            "file",
            "the column '"
                + column
                + "' is for '"
                + language
                + "', not a language of this charter: its columns are "
                + String.join(
                    ", ",
                    fields.stream().flatMap(f -> columns(f, ordered(declared)).stream()).toList()));
      }
      if (!languages.contains(language)) {
        languages.add(language);
      }
    }
    return languages;
  }

  /**
   * A text whose languages without a column in the file keep what they had: a file with fewer
   * language columns deletes no translation.
   */
  public static LocalizedText keeping(
      LocalizedText read, LocalizedText stored, Collection<String> columns) {
    Map<String, String> merged = new LinkedHashMap<>();
    stored
        .values()
        .forEach(
            (language, text) -> {
              if (!columns.contains(language)) {
                merged.put(language, text);
              }
            });
    merged.putAll(read.values());
    return LocalizedText.ofMap(merged);
  }
}
