package org.entente.projects;

import org.entente.testing.EntenteTest;

/** Whether a project's texts are official, on H2. */
@EntenteTest
class OfficialProjectTextsTest extends OfficialProjectTextsContract {}
