package org.entente.charter;

import java.util.ArrayList;
import java.util.List;

/**
 * The charter's {@code languages} column: its languages, comma-separated, each with how its texts
 * are held. {@code az:working} is a language whose texts are a working translation; a plain tag is
 * an authentic (official) language; {@code ru:quoted} names the language of the source quotes when
 * it is not the text-language (and is not one of the charter's languages). A charter without
 * working translations or foreign quotes stores exactly what it stored before the marks existed
 * ({@code az,en}).
 *
 * @param languages the charter's languages, in the definition's order
 * @param workingTranslations those whose texts are working translations
 * @param quoteLanguage the language every source quote is in
 */
record StoredLanguages(
    List<String> languages, List<String> workingTranslations, String quoteLanguage) {

  private static final String WORKING = ":" + CharterContent.WORKING;
  private static final String QUOTED = ":quoted";

  /** The column's value for a definition. */
  static String encode(CharterContent content) {
    List<String> tokens = new ArrayList<>();
    List<String> working = content.workingTranslations();
    for (String language : content.languages()) {
      tokens.add(working.contains(language) ? language + WORKING : language);
    }
    if (content.quoteLanguage() != null
        && !content.quoteLanguage().equals(content.textLanguage())) {
      tokens.add(content.quoteLanguage() + QUOTED);
    }
    return String.join(",", tokens);
  }

  /** Reads the column; quotes are in the text-language unless it names their language. */
  static StoredLanguages decode(String column, String textLanguage) {
    List<String> languages = new ArrayList<>();
    List<String> working = new ArrayList<>();
    String quoteLanguage = textLanguage;
    for (String token : column.split(",")) {
      if (token.endsWith(QUOTED)) {
        quoteLanguage = token.substring(0, token.length() - QUOTED.length());
      } else if (token.endsWith(WORKING)) {
        String language = token.substring(0, token.length() - WORKING.length());
        languages.add(language);
        working.add(language);
      } else {
        languages.add(token);
      }
    }
    return new StoredLanguages(List.copyOf(languages), List.copyOf(working), quoteLanguage);
  }
}
