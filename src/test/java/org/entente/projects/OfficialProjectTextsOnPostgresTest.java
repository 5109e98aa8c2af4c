package org.entente.projects;

import org.entente.testing.EntentePostgresTest;

/** Whether a project's texts are official, on PostgreSQL. */
@EntentePostgresTest
class OfficialProjectTextsOnPostgresTest extends OfficialProjectTextsContract {}
