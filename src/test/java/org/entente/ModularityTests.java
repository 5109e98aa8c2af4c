package org.entente;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules depend on each other only through their public API, without cycles. The generated
 * documentation goes to docs/modules, where it is kept with the code.
 */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(EntenteApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeDocumentation()
        .writeIndividualModulesAsPlantUml();
  }
}
