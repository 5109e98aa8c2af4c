package org.entente.meetings;

import org.entente.testing.EntenteTest;

/** Meetings on H2, the embedded default. */
@EntenteTest
class MeetingStorageOnH2Test extends MeetingStorageContract {}
