package org.entente.concurrence;

import org.entente.testing.EntentePostgresTest;

/** Withdrawing a publication, on PostgreSQL. */
@EntentePostgresTest
class WithdrawalOnPostgresTest extends WithdrawalContract {}
