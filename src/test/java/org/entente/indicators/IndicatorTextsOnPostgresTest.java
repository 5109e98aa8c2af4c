package org.entente.indicators;

import org.entente.testing.EntentePostgresTest;

/** An indicator's texts in the languages of its charter, on PostgreSQL. */
@EntentePostgresTest
class IndicatorTextsOnPostgresTest extends IndicatorTextsContract {}
