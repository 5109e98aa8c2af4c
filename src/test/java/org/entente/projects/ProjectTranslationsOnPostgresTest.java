package org.entente.projects;

import org.entente.testing.EntentePostgresTest;

/** A project's texts in the translation workflow, on PostgreSQL. */
@EntentePostgresTest
class ProjectTranslationsOnPostgresTest extends ProjectTranslationsContract {}
