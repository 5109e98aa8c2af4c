package org.entente.testing;

import java.util.Set;
import org.entente.identity.Viewer;

/** Viewers for tests that call services directly, without a request. */
public final class TestViewers {

  private TestViewers() {}

  /** The deployment's operator token: sees what the public sees, records public facts. */
  public static final Viewer OPERATOR =
      new Viewer("operator", null, false, Set.of(), Set.of(), Set.of(), Set.of(), true);

  /** Someone not logged in. */
  public static final Viewer ANONYMOUS = Viewer.ANONYMOUS;
}
