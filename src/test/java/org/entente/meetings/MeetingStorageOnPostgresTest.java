package org.entente.meetings;

import org.entente.testing.EntentePostgresTest;

/** Meetings on PostgreSQL, the production database (embedded for the suite). */
@EntentePostgresTest
class MeetingStorageOnPostgresTest extends MeetingStorageContract {}
