package org.entente.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints of the audit chain. Each deployment has its own Ed25519 key (made on first
 * use, kept in a file only the application reads). A checkpoint signs the head's sequence number
 * and hash; given one later, {@link #check} says whether today's chain still extends it — which a
 * rewritten history cannot, even if it was rehashed from end to end.
 */
@Service
public class Checkpoints {

  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
  private static final String PURPOSE = "entente-audit-checkpoint/1";

  private final JdbcClient jdbc;
  private final AuditVerifier verifier;
  private final Clock clock;
  private final Path keyFile;
  private volatile KeyPair keys;

  Checkpoints(
      JdbcClient jdbc,
      AuditVerifier verifier,
      Clock clock,
      @Value("${entente.audit.signing-key-file:./data/audit-signing.key}") String keyFile) {
    this.jdbc = jdbc;
    this.verifier = verifier;
    this.clock = clock;
    this.keyFile = Path.of(keyFile);
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

  /** Signs the current head. */
  @Transactional(readOnly = true)
  public SignedCheckpoint export() {
    Audit.ChainHead head =
        jdbc.sql("select seq, hash from audit_head where id = 1")
            .query((rs, n) -> new Audit.ChainHead(rs.getLong("seq"), rs.getString("hash")))
            .single();
    Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    KeyPair pair = keys();
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(pair.getPrivate());
      signer.update(message(head.seq(), head.hash(), at));
      return new SignedCheckpoint(
          head.seq(),
          head.hash(),
          at,
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
          Base64.getEncoder().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint", e);
    }
  }

  /** Checks a checkpoint against today's chain. */
  @Transactional(readOnly = true)
  public CheckResult check(SignedCheckpoint checkpoint) {
    required("publicKey", checkpoint.publicKey());
    required("signature", checkpoint.signature());
    required("hash", checkpoint.hash());
    required("signedAt", checkpoint.signedAt());
    boolean ours =
        Base64.getEncoder()
            .encodeToString(keys().getPublic().getEncoded())
            .equals(checkpoint.publicKey());
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(checkpoint.publicKey())));
      Signature verifierSignature = Signature.getInstance("Ed25519");
      verifierSignature.initVerify(key);
      verifierSignature.update(message(checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt()));
      if (!verifierSignature.verify(Base64.getDecoder().decode(checkpoint.signature()))) {
        return new CheckResult(false, ours, "the signature does not match the checkpoint");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return new CheckResult(false, ours, "the checkpoint's key or signature cannot be read");
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

  private static byte[] message(long seq, String hash, Instant at) {
    return (PURPOSE + "\n" + seq + "\n" + hash + "\n" + at).getBytes(StandardCharsets.UTF_8);
  }

  private KeyPair keys() {
    KeyPair pair = keys;
    if (pair == null) {
      synchronized (this) {
        if (keys == null) {
          keys = loadOrCreate();
        }
        pair = keys;
      }
    }
    return pair;
  }

  private KeyPair loadOrCreate() {
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      if (Files.exists(keyFile)) {
        String[] lines = Files.readString(keyFile).strip().split("\n");
        PrivateKey privateKey =
            factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0].strip())));
        PublicKey publicKey =
            factory.generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(lines[1].strip())));
        return new KeyPair(publicKey, privateKey);
      }
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Path parent = keyFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String text =
          Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
              + "\n"
              + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
              + "\n";
      Files.writeString(keyFile, text);
      try {
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the folder's permissions apply
      }
      log.info("Created the audit signing key {}", keyFile.toAbsolutePath());
      return pair;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the audit signing key " + keyFile, e);
    } catch (GeneralSecurityException
        | IllegalArgumentException
        | ArrayIndexOutOfBoundsException e) {
      throw new IllegalStateException("the audit signing key " + keyFile + " cannot be read", e);
    }
  }
}
