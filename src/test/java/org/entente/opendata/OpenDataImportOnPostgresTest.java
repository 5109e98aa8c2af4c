package org.entente.opendata;

import org.entente.EntenteApplication;
import org.entente.testing.EmbeddedPostgresConfiguration;
import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The export's round trip, its conflicts and refusals, on PostgreSQL (both instances). */
@SpringBootTest(properties = "entente.security.bcrypt-strength=4")
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class})
@DirtiesContext
class OpenDataImportOnPostgresTest extends OpenDataImportContract {

  @Override
  Class<?>[] targetSources() {
    return new Class<?>[] {
      EntenteApplication.class, FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class
    };
  }
}
