package org.entente.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over every field of an event and the previous hash, each written as its
 * length in UTF-8 bytes, a colon and the value (null as {@code -}), so no two different events can
 * be written the same way.
 */
final class AuditHash {

  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  static String of(
      long seq,
      Instant occurredAt,
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      AuditEvent.Outcome outcome,
      String sourceAddress,
      String details,
      String prevHash) {
    MessageDigest digest = sha256();
    field(digest, Long.toString(seq));
    field(digest, occurredAt.toString());
    field(digest, actor);
    field(digest, party);
    field(digest, action);
    field(digest, recordType);
    field(digest, recordId);
    field(digest, outcome.name());
    field(digest, sourceAddress);
    field(digest, details);
    field(digest, prevHash);
    return HexFormat.of().formatHex(digest.digest());
  }

  static String of(AuditEvent e) {
    return of(
        e.seq(),
        e.occurredAt(),
        e.actor(),
        e.party(),
        e.action(),
        e.recordType(),
        e.recordId(),
        e.outcome(),
        e.sourceAddress(),
        e.details(),
        e.prevHash());
  }

  private static void field(MessageDigest digest, String value) {
    if (value == null) {
      digest.update((byte) '-');
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
    digest.update((byte) ';');
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
