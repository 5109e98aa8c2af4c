package org.entente.indicators;

import org.entente.testing.EntentePostgresTest;

/** Indicators on PostgreSQL, the production database (embedded for the suite). */
@EntentePostgresTest
class IndicatorStorageOnPostgresTest extends IndicatorStorageContract {}
