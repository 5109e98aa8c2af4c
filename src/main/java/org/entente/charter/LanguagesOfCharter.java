package org.entente.charter;

import java.util.List;

/**
 * The languages a charter declares: those its records may carry (in the definition's order), and
 * the one its text was written in ({@code text-language}), where a text given in no named language
 * belongs.
 */
public record LanguagesOfCharter(List<String> languages, String textLanguage) {

  public LanguagesOfCharter {
    languages = List.copyOf(languages);
  }
}
