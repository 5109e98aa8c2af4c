package org.entente.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment's public key as readers need it to check its signatures themselves: the verifier
 * key of signed notes ({@code docs/transparency.md}), the X.509 public key the checkpoints of the
 * chain carry, and a fingerprint to compare out of band (read over the telephone, printed in a
 * letter). Public: it says nothing about any record.
 */
@Component
class DeploymentKey {

  private final KeyHistory history;
  private final String name;

  DeploymentKey(KeyHistory history, @Value("${entente.audit.key-name:entente}") String name) {
    this.history = history;
    this.name = name;
    try {
      SignedNote.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("entente.audit.key-name: " + e.getMessage(), e);
    }
  }

  /**
   * What is published.
   *
   * @param name the key's name in signed notes
   * @param verifierKey {@code name+keyid+base64}, the line a witness keeps
   * @param publicKey the X.509 public key, base64, as checkpoints of the chain carry it
   * @param fingerprint SHA-256 of the 32-byte public key, in hex, in groups of four
   * @param earlier the keys it was rotated from, newest first: they sign nothing any more, and what
   *     they signed is still the deployment's
   */
  record Published(
      String name,
      String verifierKey,
      String publicKey,
      String fingerprint,
      List<EarlierKey> earlier) {}

  /**
   * A key the deployment signed with before a rotation.
   *
   * @param verifierKey {@code name+keyid+base64}
   * @param publicKey the X.509 public key, base64
   * @param fingerprint SHA-256 of the 32-byte public key, in hex, in groups of four
   */
  record EarlierKey(String verifierKey, String publicKey, String fingerprint) {}

  Published published() {
    SigningKey key = history.current();
    byte[] raw = key.rawPublicKey();
    List<EarlierKey> earlier =
        history.earlier().stream()
            .map(
                k ->
                    new EarlierKey(
                        SignedNote.verifierKey(k.name(), k.raw()),
                        k.publicKey(),
                        fingerprint(k.raw())))
            .toList();
    return new Published(
        name, SignedNote.verifierKey(name, raw), key.publicKey(), fingerprint(raw), earlier);
  }

  /** SHA-256 of the key's 32 bytes in hex, in groups of four digits, to be read aloud. */
  static String fingerprint(byte[] raw) {
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
      StringBuilder grouped = new StringBuilder();
      for (int i = 0; i < hex.length(); i += 4) {
        if (i > 0) {
          grouped.append(' ');
        }
        grouped.append(hex, i, i + 4);
      }
      return grouped.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
