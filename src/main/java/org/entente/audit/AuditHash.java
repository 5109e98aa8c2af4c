package org.entente.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over every field of an event and the previous hash, each written as its
 * length in UTF-8 bytes, a colon and the value (null as {@code -}), so no two different events can
 * be written the same way.
 *
 * <p>The fields in order: seq, occurredAt (as {@link Instant#toString}), actor, party, action,
 * recordType, recordId, outcome, sourceAddress, details, prevHash. {@link #middle} encodes the
 * fields between seq and prevHash, so that PostgreSQL can add those two under the head's lock and
 * hash the same bytes (see {@link Audit}).
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
    digest.update(
        middle(
            occurredAt,
            actor,
            party,
            action,
            recordType,
            recordId,
            outcome,
            sourceAddress,
            details));
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

  /** The encoded fields from occurredAt to details: what is hashed between seq and prevHash. */
  static byte[] middle(
      Instant occurredAt,
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      AuditEvent.Outcome outcome,
      String sourceAddress,
      String details) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    field(out, occurredAt.toString());
    field(out, actor);
    field(out, party);
    field(out, action);
    field(out, recordType);
    field(out, recordId);
    field(out, outcome.name());
    field(out, sourceAddress);
    field(out, details);
    return out.toByteArray();
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

  private static void field(ByteArrayOutputStream out, String value) {
    if (value == null) {
      out.write('-');
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(':');
    out.writeBytes(bytes);
    out.write(';');
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
