package org.entente.definition;

import org.entente.testing.EmbeddedPostgresConfiguration;
import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Charter storage on PostgreSQL, the production database (embedded for the suite). */
@SpringBootTest
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class CharterStorageOnPostgresTest extends CharterStorageContract {}
