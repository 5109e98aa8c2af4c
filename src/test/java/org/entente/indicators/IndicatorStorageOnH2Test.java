package org.entente.indicators;

import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Indicators on H2, the embedded default. */
@SpringBootTest(properties = "entente.security.bcrypt-strength=4")
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
@DirtiesContext
class IndicatorStorageOnH2Test extends IndicatorStorageContract {}
