package org.entente.meetings;

import org.entente.testing.EntenteTest;

/** Withdrawing a published joint statement, on H2. */
@EntenteTest
class StatementWithdrawalTest extends StatementWithdrawalContract {}
