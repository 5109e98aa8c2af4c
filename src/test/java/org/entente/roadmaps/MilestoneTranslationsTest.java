package org.entente.roadmaps;

import org.entente.testing.EntenteTest;

/** A milestone's title in the translation workflow, on H2. */
@EntenteTest
class MilestoneTranslationsTest extends MilestoneTranslationsContract {}
