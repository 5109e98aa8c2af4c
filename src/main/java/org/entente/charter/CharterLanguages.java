package org.entente.charter;

import java.util.List;
import org.entente.languages.DeclaredLanguages;
import org.springframework.stereotype.Component;

/**
 * Tells the interface which languages the loaded charters declare ({@link
 * Charters#declaredLanguages()}), from the charters' structure itself rather than through the
 * transactional {@link Charters}: pages ask many times each.
 */
@Component
class CharterLanguages implements DeclaredLanguages {

  private final CharterStructure structure;

  CharterLanguages(CharterStructure structure) {
    this.structure = structure;
  }

  @Override
  public List<String> languages() {
    return structure.indexes().languages();
  }
}
