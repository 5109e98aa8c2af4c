package org.entente.definition;

import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;

/** Charter storage on the embedded default database, H2 in PostgreSQL mode. */
@EntenteTest
@CleanAfterEachTest
class CharterStorageOnH2Test extends CharterStorageContract {}
