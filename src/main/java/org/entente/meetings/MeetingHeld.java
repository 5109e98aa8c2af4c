package org.entente.meetings;

import java.time.LocalDate;
import java.util.UUID;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;

/**
 * Published, in the transaction that marks it, when a meeting of the framework or of a working
 * group is held: listeners record what it meets (the "at least annually" obligations).
 *
 * @param subject {@code framework} or the working group's key
 * @param title the meeting's title in each language it is written in
 * @param heldOn the day it started, in the meeting's own time zone
 */
public record MeetingHeld(
    UUID meetingId,
    UUID charterId,
    String subject,
    UUID groupId,
    LocalizedText title,
    LocalDate heldOn,
    Classification classification,
    String originParty) {}
