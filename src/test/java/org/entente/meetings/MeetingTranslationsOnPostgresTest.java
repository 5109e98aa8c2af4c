package org.entente.meetings;

import org.entente.testing.EntentePostgresTest;

/** A meeting's texts in the translation workflow, on PostgreSQL. */
@EntentePostgresTest
class MeetingTranslationsOnPostgresTest extends MeetingTranslationsContract {}
