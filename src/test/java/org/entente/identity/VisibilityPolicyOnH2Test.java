package org.entente.identity;

import org.entente.testing.EntenteTest;

/** The visibility policy on the embedded default database, H2 in PostgreSQL mode. */
@EntenteTest
class VisibilityPolicyOnH2Test extends VisibilityPolicyContract {}
