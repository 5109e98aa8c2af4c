package org.entente.definition;

import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Charter storage on the embedded default database, H2 in PostgreSQL mode. */
@SpringBootTest
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class CharterStorageOnH2Test extends CharterStorageContract {}
