package org.entente.opendata;

import org.entente.EntenteApplication;
import org.entente.testing.EntenteTest;
import org.entente.testing.FixedClockConfiguration;

/** The export's round trip, its conflicts and refusals, on H2. */
@EntenteTest
class OpenDataImportTest extends OpenDataImportContract {

  @Override
  Class<?>[] targetSources() {
    return new Class<?>[] {EntenteApplication.class, FixedClockConfiguration.class};
  }
}
