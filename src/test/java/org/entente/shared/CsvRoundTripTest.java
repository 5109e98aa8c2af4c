package org.entente.shared;

import org.entente.testing.EntenteTest;

/** Every record type with CSV round-trips without a change, on H2. */
@EntenteTest
class CsvRoundTripTest extends CsvRoundTripContract {}
