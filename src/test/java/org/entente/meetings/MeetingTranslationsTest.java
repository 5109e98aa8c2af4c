package org.entente.meetings;

import org.entente.testing.EntenteTest;

/** A meeting's texts in the translation workflow, on H2. */
@EntenteTest
class MeetingTranslationsTest extends MeetingTranslationsContract {}
