package org.entente.charter;

import java.util.List;
import org.entente.languages.DeclaredLanguages;
import org.springframework.stereotype.Component;

/** Tells the interface which languages the loaded charters declare. */
@Component
class CharterLanguages implements DeclaredLanguages {

  private final Charters charters;

  CharterLanguages(Charters charters) {
    this.charters = charters;
  }

  @Override
  public List<String> languages() {
    return charters.declaredLanguages();
  }
}
