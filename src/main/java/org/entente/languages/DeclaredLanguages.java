package org.entente.languages;

import java.util.List;

/**
 * The languages the loaded charters declare ({@code charter.languages} of each definition): the
 * module that keeps the charters provides it, and the interface offers these languages besides
 * English. Without one (the languages module started alone), the interface offers the languages it
 * has a translation for.
 */
public interface DeclaredLanguages {

  /** The declared languages as the definitions write them ({@code en}, {@code az}, {@code uk}). */
  List<String> languages();
}
