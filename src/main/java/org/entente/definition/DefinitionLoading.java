package org.entente.definition;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the definitions when the application starts, unless turned off. */
@Component
@ConditionalOnProperty(name = "entente.definitions.load-on-start", matchIfMissing = true)
class DefinitionLoading implements ApplicationRunner {

  private final Definitions definitions;

  DefinitionLoading(Definitions definitions) {
    this.definitions = definitions;
  }

  @Override
  public void run(ApplicationArguments args) {
    definitions.loadAll();
  }
}
