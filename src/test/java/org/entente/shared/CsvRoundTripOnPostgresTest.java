package org.entente.shared;

import org.entente.testing.EntentePostgresTest;

/** Every record type with CSV round-trips without a change, on PostgreSQL. */
@EntentePostgresTest
class CsvRoundTripOnPostgresTest extends CsvRoundTripContract {}
