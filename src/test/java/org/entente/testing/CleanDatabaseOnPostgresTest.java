package org.entente.testing;

@EntentePostgresTest
class CleanDatabaseOnPostgresTest extends CleanDatabaseContract {}
