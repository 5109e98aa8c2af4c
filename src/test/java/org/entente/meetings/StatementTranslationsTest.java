package org.entente.meetings;

import org.entente.testing.EntenteTest;

/** The translation workflow on joint statements, on H2. */
@EntenteTest
class StatementTranslationsTest extends StatementTranslationsContract {}
