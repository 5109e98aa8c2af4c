package org.entente.indicators;

import org.entente.testing.EntentePostgresTest;

/** An indicator's texts in the translation workflow, on PostgreSQL. */
@EntentePostgresTest
class IndicatorTranslationsOnPostgresTest extends IndicatorTranslationsContract {}
