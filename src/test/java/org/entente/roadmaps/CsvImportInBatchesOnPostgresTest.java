package org.entente.roadmaps;

import org.entente.testing.EmbeddedPostgresConfiguration;
import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Project and milestone files of thousands of rows, imported in batches, on PostgreSQL. */
@SpringBootTest(properties = "entente.security.bcrypt-strength=4")
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class})
@DirtiesContext
class CsvImportInBatchesOnPostgresTest extends CsvImportInBatchesContract {}
