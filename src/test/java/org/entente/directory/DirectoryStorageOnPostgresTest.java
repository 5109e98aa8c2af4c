package org.entente.directory;

import org.entente.testing.EntentePostgresTest;

/** The directory on PostgreSQL, the production database (embedded for the suite). */
@EntentePostgresTest
class DirectoryStorageOnPostgresTest extends DirectoryStorageContract {}
