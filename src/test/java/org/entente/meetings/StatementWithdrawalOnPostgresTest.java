package org.entente.meetings;

import org.entente.testing.EntentePostgresTest;

/** Withdrawing a published joint statement, on PostgreSQL. */
@EntentePostgresTest
class StatementWithdrawalOnPostgresTest extends StatementWithdrawalContract {}
