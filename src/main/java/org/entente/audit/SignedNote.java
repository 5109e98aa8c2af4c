package org.entente.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Signed notes as the C2SP signed-note specification writes them (the format of Go's checksum
 * database, {@code golang.org/x/mod/sumdb/note}, and of the checkpoints of Certificate Transparency
 * tiled logs, Trillian, Sigstore and the witnesses), with Ed25519 keys, and the checkpoint text of
 * C2SP tlog-checkpoint. A party's auditor can check Entente's checkpoints with any implementation
 * of these, or with the few lines of {@code docs/transparency.md}.
 *
 * <p>A note is its text (UTF-8, ending in a newline), a blank line, and one line per signature:
 * {@code "— " name " " base64(key ID || signature)}, where the signature is Ed25519 over the text
 * and the key ID the first four bytes of SHA-256(name || 0x0A || 0x01 || public key). A verifier
 * key is written {@code name "+" hex(key ID) "+" base64(0x01 || public key)}.
 */
final class SignedNote {

  /** The algorithm byte of Ed25519 in keys and key IDs. */
  static final byte ED25519 = 0x01;

  /** X.509 SubjectPublicKeyInfo of an Ed25519 key, before its 32 bytes. */
  private static final byte[] PUBLIC_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  /** PKCS#8 of an Ed25519 key, before its 32-byte seed. */
  private static final byte[] PRIVATE_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  private static final String DASH = "\u2014 ";

  private SignedNote() {}

  /** The 32 bytes of an Ed25519 public key (the end of its X.509 encoding). */
  static byte[] raw(PublicKey key) {
    byte[] encoded = key.getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  /** An Ed25519 public key from its 32 bytes. */
  static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(concat(PUBLIC_PREFIX, raw)));
  }

  /** An Ed25519 private key from its 32-byte seed. */
  static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(new PKCS8EncodedKeySpec(concat(PRIVATE_PREFIX, seed)));
  }

  /** The key ID: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key). */
  static byte[] keyId(String name, byte[] rawPublicKey) {
    MessageDigest digest = sha256();
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0x0A);
    digest.update(ED25519);
    digest.update(rawPublicKey);
    return Arrays.copyOf(digest.digest(), 4);
  }

  /** The verifier key, {@code name+keyid+base64}, that a reader compares out of band. */
  static String verifierKey(String name, byte[] rawPublicKey) {
    return name
        + "+"
        + HexFormat.of().formatHex(keyId(name, rawPublicKey))
        + "+"
        + Base64.getEncoder().encodeToString(concat(new byte[] {ED25519}, rawPublicKey));
  }

  /** The note: the text, a blank line, and the signature of the key named {@code name}. */
  static String sign(String text, String name, PrivateKey key, byte[] rawPublicKey) {
    checkText(text);
    checkName(name);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(text.getBytes(StandardCharsets.UTF_8));
      byte[] signature = concat(keyId(name, rawPublicKey), signer.sign());
      return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(signature) + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a note", e);
    }
  }

  /**
   * The text of a note that the key of this verifier key signed; empty when the note is malformed,
   * the key is malformed, or no signature line of the note is a valid signature by that key.
   */
  static Optional<String> open(String note, String verifierKey) {
    Optional<Verifier> verifier = Verifier.parse(verifierKey);
    int split = note.lastIndexOf("\n\n");
    if (verifier.isEmpty() || split < 0 || !note.endsWith("\n")) {
      return Optional.empty();
    }
    String text = note.substring(0, split + 1);
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    for (String line : note.substring(split + 2).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (!line.startsWith(DASH)) {
        return Optional.empty();
      }
      String[] parts = line.substring(DASH.length()).split(" ", -1);
      if (parts.length == 2 && parts[0].equals(verifier.get().name())) {
        byte[] blob;
        try {
          blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        if (blob.length == 68
            && Arrays.equals(Arrays.copyOf(blob, 4), verifier.get().keyId())
            && verifier.get().verifies(message, Arrays.copyOfRange(blob, 4, 68))) {
          return Optional.of(text);
        }
      }
    }
    return Optional.empty();
  }

  /** A parsed verifier key. */
  record Verifier(String name, byte[] keyId, byte[] rawPublicKey) {

    static Optional<Verifier> parse(String verifierKey) {
      String[] parts = verifierKey.split("\\+", 3);
      if (parts.length != 3 || parts[1].length() != 8 || parts[0].isEmpty()) {
        return Optional.empty();
      }
      try {
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
          return Optional.empty();
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        byte[] id = HexFormat.of().parseHex(parts[1]);
        if (!Arrays.equals(id, SignedNote.keyId(parts[0], raw))) {
          return Optional.empty();
        }
        return Optional.of(new Verifier(parts[0], id, raw));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    boolean verifies(byte[] message, byte[] signature) {
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey(rawPublicKey));
        verifier.update(message);
        return verifier.verify(signature);
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
  }

  /**
   * A checkpoint's text (C2SP tlog-checkpoint): the log's origin, the tree size in decimal and the
   * root hash in base64, one a line, then any extension lines.
   */
  static String checkpoint(String origin, long size, byte[] root, List<String> extensions) {
    checkName(origin);
    StringBuilder text = new StringBuilder();
    text.append(origin)
        .append('\n')
        .append(size)
        .append('\n')
        .append(Base64.getEncoder().encodeToString(root))
        .append('\n');
    for (String extension : extensions) {
      if (extension.isEmpty() || extension.contains("\n")) {
        throw new IllegalArgumentException("an extension line is one line of text");
      }
      text.append(extension).append('\n');
    }
    return text.toString();
  }

  /** The origin, size and root of a checkpoint's text; empty when it is not one. */
  static Optional<Checkpoint> readCheckpoint(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 4 || !lines[lines.length - 1].isEmpty() || lines[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
        return Optional.empty();
      }
      byte[] root = Base64.getDecoder().decode(lines[2]);
      if (root.length != MerkleTree.HASH_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new Checkpoint(lines[0], Long.parseLong(lines[1]), root));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** What a checkpoint says: the log, its size and its root hash. */
  record Checkpoint(String origin, long size, byte[] root) {}

  private static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
      throw new IllegalArgumentException("a note's text ends in a newline and has no blank line");
    }
  }

  /** Refuses a key name or origin the format cannot carry. */
  static void checkName(String name) {
    if (name.isEmpty() || name.contains(" ") || name.contains("\n") || name.contains("+")) {
      throw new IllegalArgumentException("a key name has no space, newline or plus: " + name);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
