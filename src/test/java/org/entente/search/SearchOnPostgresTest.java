package org.entente.search;

import org.entente.testing.EntentePostgresTest;

/** Search on PostgreSQL: its full-text search. */
@EntentePostgresTest
class SearchOnPostgresTest extends SearchContract {}
