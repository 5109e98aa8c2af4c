package org.entente.definition;

import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntentePostgresTest;

/** Charter storage on PostgreSQL, the production database (embedded for the suite). */
@EntentePostgresTest
@CleanAfterEachTest
class CharterStorageOnPostgresTest extends CharterStorageContract {}
