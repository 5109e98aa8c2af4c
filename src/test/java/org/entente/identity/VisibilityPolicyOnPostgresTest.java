package org.entente.identity;

import org.entente.testing.EntentePostgresTest;

/** The visibility policy on PostgreSQL, the production database (embedded for the suite). */
@EntentePostgresTest
class VisibilityPolicyOnPostgresTest extends VisibilityPolicyContract {}
