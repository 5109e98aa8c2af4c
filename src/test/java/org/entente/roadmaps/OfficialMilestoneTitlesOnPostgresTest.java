package org.entente.roadmaps;

import org.entente.testing.EntentePostgresTest;

/** Whether a milestone's title is official, on PostgreSQL. */
@EntentePostgresTest
class OfficialMilestoneTitlesOnPostgresTest extends OfficialMilestoneTitlesContract {}
