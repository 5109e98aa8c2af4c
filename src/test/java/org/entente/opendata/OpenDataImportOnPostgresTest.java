package org.entente.opendata;

import org.entente.EntenteApplication;
import org.entente.testing.EmbeddedPostgresConfiguration;
import org.entente.testing.EntentePostgresTest;
import org.entente.testing.FixedClockConfiguration;

/** The export's round trip, its conflicts and refusals, on PostgreSQL (both instances). */
@EntentePostgresTest
class OpenDataImportOnPostgresTest extends OpenDataImportContract {

  @Override
  Class<?>[] targetSources() {
    return new Class<?>[] {
      EntenteApplication.class, FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class
    };
  }
}
