package org.entente.audit;

import org.entente.testing.EntenteTest;

/** The logs' kept trees on H2, the embedded default. */
@EntenteTest
class TreeNodesOnH2Test extends TreeNodesContract {}
