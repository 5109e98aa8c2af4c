package org.entente;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules depend on each other only through their public API, without cycles. The generated
 * documentation goes to docs/modules, where it is kept with the code.
 */
class ModularityTests {

  /** Read once for the class: scanning the classes is most of what these tests cost. */
  private static final ApplicationModules modules = ApplicationModules.of(EntenteApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  /**
   * Every module says which modules it may use ({@code allowedDependencies} in its package-info),
   * so that {@link #modulesRespectTheirBoundaries()} checks declared dependencies, not only cycles.
   */
  @Test
  void everyModuleDeclaresTheModulesItMayUse() throws java.io.IOException {
    java.util.List<String> undeclared = new java.util.ArrayList<>();
    for (var module : modules) {
      String name = module.getBasePackage().getName();
      java.nio.file.Path info =
          java.nio.file.Path.of("src/main/java", name.replace('.', '/'), "package-info.java");
      if (!java.nio.file.Files.exists(info)
          || !java.nio.file.Files.readString(info).contains("allowedDependencies")) {
        undeclared.add(name);
      }
    }
    org.assertj.core.api.Assertions.assertThat(undeclared)
        .as("modules without allowedDependencies")
        .isEmpty();
  }

  /**
   * Writes the diagrams in docs/modules: on request ({@code ./mvnw test -Dtest=ModularityTests
   * -Dentente.module-docs=true}), as it checks nothing and the default suite's time counts.
   */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(
      named = "entente.module-docs",
      matches = "true")
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
  }
}
