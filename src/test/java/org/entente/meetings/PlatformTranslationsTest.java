package org.entente.meetings;

import org.entente.testing.EntenteTest;

/** A dialogue platform's texts in the translation workflow, on H2. */
@EntenteTest
class PlatformTranslationsTest extends PlatformTranslationsContract {}
