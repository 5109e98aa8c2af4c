package org.entente.concurrence;

import org.entente.testing.EntenteTest;

/** Withdrawing a publication, on H2. */
@EntenteTest
class WithdrawalTest extends WithdrawalContract {}
