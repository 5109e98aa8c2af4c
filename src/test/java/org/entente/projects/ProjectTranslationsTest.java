package org.entente.projects;

import org.entente.testing.EntenteTest;

/** A project's texts in the translation workflow, on H2. */
@EntenteTest
class ProjectTranslationsTest extends ProjectTranslationsContract {}
