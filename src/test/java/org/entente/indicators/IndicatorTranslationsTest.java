package org.entente.indicators;

import org.entente.testing.EntenteTest;

/** An indicator's texts in the translation workflow, on H2. */
@EntenteTest
class IndicatorTranslationsTest extends IndicatorTranslationsContract {}
