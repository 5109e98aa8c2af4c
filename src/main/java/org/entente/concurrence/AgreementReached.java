package org.entente.concurrence;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, in the transaction of the last approval, when both parties have approved the same
 * version of a subject: listeners record what it meets (e.g. the three-month obligation).
 */
public record AgreementReached(
    String subjectType,
    String subjectKey,
    UUID charterId,
    UUID groupId,
    int version,
    String fingerprint,
    Instant agreedAt) {}
