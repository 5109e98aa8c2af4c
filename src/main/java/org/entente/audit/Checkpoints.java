package org.entente.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.shared.StateConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signed checkpoints of the audit chain. Each deployment has its own Ed25519 key ({@link
 * SigningKey}). A checkpoint signs the head's sequence number and hash; given one later, {@link
 * #check} says whether today's chain still extends it — which a rewritten history cannot, even if
 * it was rehashed from end to end.
 *
 * <p>A checkpoint is signed only over a chain that verifies ({@link AuditVerifier#verify}: in
 * itself, and against the latest checkpoint kept outside the database and in it). Each one signed
 * is recorded in {@code audit_checkpoint} and replaces the one in the {@link CheckpointFile}.
 */
@Service
public class Checkpoints {

  private static final String PURPOSE = "entente-audit-checkpoint/1";

  private final JdbcClient jdbc;
  private final AuditVerifier verifier;
  private final Clock clock;
  private final KeyHistory keys;
  private final CheckpointFile file;

  Checkpoints(
      JdbcClient jdbc, AuditVerifier verifier, Clock clock, KeyHistory keys, CheckpointFile file) {
    this.jdbc = jdbc;
    this.verifier = verifier;
    this.clock = clock;
    this.keys = keys;
    this.file = file;
  }

  /**
   * A signed statement of the chain's head.
   *
   * @param publicKey the signer's Ed25519 public key, X.509, base64
   * @param signature over {@code entente-audit-checkpoint/1}, seq, hash and signedAt, base64
   */
  public record SignedCheckpoint(
      long seq, String hash, Instant signedAt, String publicKey, String signature) {}

  /**
   * Whether the chain extends a checkpoint.
   *
   * @param extendsCheckpoint true when the signature is good, the event at its sequence number has
   *     its hash, and the chain verifies from the start to today's head
   * @param problem why not, or null
   */
  public record CheckResult(
      boolean extendsCheckpoint, boolean signedByThisDeployment, String problem) {}

  /**
   * Signs the current head, once the chain verifies; records the checkpoint in the database and
   * keeps it in the checkpoint file.
   *
   * @throws ChainBroken (409) when the chain does not verify: nothing is signed over it
   */
  public SignedCheckpoint export() {
    AuditVerifier.Verification verification = verifier.verify();
    if (!verification.intact()) {
      throw new ChainBroken(verification);
    }
    return sign(new Audit.ChainHead(verification.headSeq(), verification.headHash()));
  }

  /**
   * Signs a head that the caller verified; records it and keeps it in the file. For {@link #export}
   * and for {@link ChainWatch}. One statement: the head it signs is committed already.
   */
  SignedCheckpoint sign(Audit.ChainHead head) {
    Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    SigningKey key = keys.current();
    String publicKey = key.publicKey();
    SignedCheckpoint c =
        new SignedCheckpoint(
            head.seq(), head.hash(), at, publicKey, key.sign(message(head.seq(), head.hash(), at)));
    jdbc.sql(
            "insert into audit_checkpoint (id, recorded_order, seq, hash, signed_at, public_key,"
                + " signature) select ?, coalesce(max(recorded_order), 0) + 1, ?, ?, ?, ?, ?"
                + " from audit_checkpoint")
        .params(
            UUID.randomUUID().toString(),
            c.seq(),
            c.hash(),
            OffsetDateTime.ofInstant(c.signedAt(), ZoneOffset.UTC),
            c.publicKey(),
            c.signature())
        .update();
    file.write(c);
    return c;
  }

  /** Nothing is signed over a chain that does not verify: 409, naming where it breaks. */
  public static final class ChainBroken extends StateConflictException {

    private final transient AuditVerifier.Verification verification;

    ChainBroken(AuditVerifier.Verification verification) {
      super(
          "Audit chain broken",
          "The audit chain does not verify, so no checkpoint is signed over it: broken at event "
              + verification.firstBroken()
              + ": "
              + verification.problem()
              + ".",
          Map.of("firstBroken", verification.firstBroken()));
      this.verification = verification;
    }

    /** Why the chain does not verify. */
    public AuditVerifier.Verification verification() {
      return verification;
    }
  }

  /** Checks a checkpoint against today's chain. */
  public CheckResult check(SignedCheckpoint checkpoint) {
    required("publicKey", checkpoint.publicKey());
    required("signature", checkpoint.signature());
    required("hash", checkpoint.hash());
    required("signedAt", checkpoint.signedAt());
    boolean ours = keys.isThisDeployments(checkpoint.publicKey());
    if (!readable(checkpoint.publicKey()) || !readable(checkpoint.signature())) {
      return new CheckResult(false, ours, "the checkpoint's key or signature cannot be read");
    }
    if (!SigningKey.verifies(checkpoint.publicKey(), message(checkpoint), checkpoint.signature())) {
      return new CheckResult(false, ours, "the signature does not match the checkpoint");
    }
    if (checkpoint.seq() > 0) {
      Optional<String> hash =
          jdbc.sql("select hash from audit_event where seq = ?")
              .param(checkpoint.seq())
              .query(String.class)
              .optional();
      if (hash.isEmpty()) {
        return new CheckResult(false, ours, "event " + checkpoint.seq() + " no longer exists");
      }
      if (!hash.get().equals(checkpoint.hash())) {
        return new CheckResult(
            false,
            ours,
            "event " + checkpoint.seq() + " differs from the checkpoint: history was rewritten");
      }
    }
    AuditVerifier.Verification verification = verifier.verify();
    if (!verification.intact()) {
      return new CheckResult(
          false,
          ours,
          "the chain is broken at " + verification.firstBroken() + ": " + verification.problem());
    }
    return new CheckResult(true, ours, null);
  }

  private static void required(String field, Object value) {
    if (value == null) {
      throw new org.entente.shared.BadRequestException(field, field + ": is required");
    }
  }

  private static boolean readable(String base64) {
    try {
      return base64 != null && Base64.getDecoder().decode(base64).length > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** What a checkpoint's signature covers. */
  static byte[] message(SignedCheckpoint c) {
    return message(c.seq(), c.hash(), c.signedAt());
  }

  private static byte[] message(long seq, String hash, Instant at) {
    return (PURPOSE + "\n" + seq + "\n" + hash + "\n" + at).getBytes(StandardCharsets.UTF_8);
  }
}
