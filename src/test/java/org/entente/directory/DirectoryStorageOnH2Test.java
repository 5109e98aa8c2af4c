package org.entente.directory;

import org.entente.testing.EntenteTest;

/** The directory on H2, the embedded default. */
@EntenteTest
class DirectoryStorageOnH2Test extends DirectoryStorageContract {}
