package org.entente.roadmaps;

import org.entente.testing.EntenteTest;

/** Whether a milestone's title is official, on H2. */
@EntenteTest
class OfficialMilestoneTitlesTest extends OfficialMilestoneTitlesContract {}
