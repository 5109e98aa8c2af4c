package org.entente.indicators;

import org.entente.testing.EntenteTest;

/** An indicator's texts in the languages of its charter, on H2. */
@EntenteTest
class IndicatorTextsTest extends IndicatorTextsContract {}
