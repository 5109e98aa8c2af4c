package org.entente.meetings;

import org.entente.testing.EntentePostgresTest;

/** The translation workflow on joint statements, on PostgreSQL. */
@EntentePostgresTest
class StatementTranslationsOnPostgresTest extends StatementTranslationsContract {}
