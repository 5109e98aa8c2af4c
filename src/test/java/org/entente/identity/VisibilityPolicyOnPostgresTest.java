package org.entente.identity;

import org.entente.testing.EmbeddedPostgresConfiguration;
import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The visibility policy on PostgreSQL, the production database (embedded for the suite). */
@SpringBootTest
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class})
@DirtiesContext
class VisibilityPolicyOnPostgresTest extends VisibilityPolicyContract {}
