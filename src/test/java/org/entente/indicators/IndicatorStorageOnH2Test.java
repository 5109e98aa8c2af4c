package org.entente.indicators;

import org.entente.testing.EntenteTest;

/** Indicators on H2, the embedded default. */
@EntenteTest
class IndicatorStorageOnH2Test extends IndicatorStorageContract {}
