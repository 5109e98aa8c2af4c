package org.entente.charter;

import java.util.List;

/**
 * The languages a charter declares: those its records may carry (in the definition's order), and
 * the one its text was written in ({@code text-language}), where a text given in no named language
 * belongs.
 */
public record CharterLanguages(List<String> languages, String textLanguage) {

  public CharterLanguages {
    languages = List.copyOf(languages);
  }
}
