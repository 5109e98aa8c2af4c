package org.entente.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Definition files used across the tests. */
public final class DefinitionFixtures {

  private DefinitionFixtures() {}

  /** The default Azerbaijan–U.S. charter, as shipped. */
  public static String azerbaijanUnitedStates() {
    return resource("/charters/az-us-2026.yaml");
  }

  /** A fictitious charter between Freedonia and Sylvania, signed 2025-11-30. */
  public static String freedoniaSylvania() {
    return resource("/definitions/freedonia-sylvania.yaml");
  }

  public static String resource(String path) {
    try (InputStream in = DefinitionFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
