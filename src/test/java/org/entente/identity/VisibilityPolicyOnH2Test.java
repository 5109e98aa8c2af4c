package org.entente.identity;

import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The visibility policy on the embedded default database, H2 in PostgreSQL mode. */
@SpringBootTest
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
@DirtiesContext
class VisibilityPolicyOnH2Test extends VisibilityPolicyContract {}
