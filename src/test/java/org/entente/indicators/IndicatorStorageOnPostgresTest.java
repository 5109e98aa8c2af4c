package org.entente.indicators;

import org.entente.testing.EmbeddedPostgresConfiguration;
import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Indicators on PostgreSQL, the production database (embedded for the suite). */
@SpringBootTest(properties = "entente.security.bcrypt-strength=4")
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class})
@DirtiesContext
class IndicatorStorageOnPostgresTest extends IndicatorStorageContract {}
