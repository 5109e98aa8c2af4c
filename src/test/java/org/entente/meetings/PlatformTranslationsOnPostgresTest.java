package org.entente.meetings;

import org.entente.testing.EntentePostgresTest;

/** A dialogue platform's texts in the translation workflow, on PostgreSQL. */
@EntentePostgresTest
class PlatformTranslationsOnPostgresTest extends PlatformTranslationsContract {}
