package org.entente.roadmaps;

import org.entente.testing.EntentePostgresTest;

/** A milestone's title in the translation workflow, on PostgreSQL. */
@EntentePostgresTest
class MilestoneTranslationsOnPostgresTest extends MilestoneTranslationsContract {}
