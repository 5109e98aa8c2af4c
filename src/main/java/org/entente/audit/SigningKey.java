package org.entente.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
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
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment's Ed25519 key that signs audit checkpoints: made on first use and kept in a file
 * only the application reads ({@code entente.audit.signing-key-file}).
 */
@Component
class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

  private final Path file;
  private volatile KeyPair keys;

  SigningKey(@Value("${entente.audit.signing-key-file:./data/audit-signing.key}") String file) {
    this.file = Path.of(file);
  }

  /** Where the key is kept. */
  Path file() {
    return file;
  }

  /** The public key, X.509, base64: what a checkpoint carries. */
  String publicKey() {
    return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
  }

  /** The signature of a message, base64. */
  String sign(byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys().getPrivate());
      signer.update(message);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint", e);
    }
  }

  /**
   * Whether a signature over a message verifies with a public key (X.509, base64).
   *
   * @return false when it does not, or when the key or the signature cannot be read
   */
  static boolean verifies(String publicKey, byte[] message, String signature) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
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
      if (Files.exists(file)) {
        String[] lines = Files.readString(file).strip().split("\n");
        PrivateKey privateKey =
            factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0].strip())));
        PublicKey publicKey =
            factory.generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(lines[1].strip())));
        return new KeyPair(publicKey, privateKey);
      }
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String text =
          Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
              + "\n"
              + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
              + "\n";
      // Written whole under another name, then moved: a reader never sees half a key.
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".key-", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the folder's permissions apply
      }
      try {
        Files.writeString(temporary, text);
        // A hard link never replaces a file: when several nodes sharing the folder start at once,
        // the first key made is the one every node uses.
        try {
          Files.createLink(file, temporary);
        } catch (UnsupportedOperationException noLinks) {
          Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (FileAlreadyExistsException madeByAnother) {
        return loadOrCreate();
      } finally {
        Files.deleteIfExists(temporary);
      }
      log.info("Created the audit signing key {}", file.toAbsolutePath());
      return pair;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the audit signing key " + file, e);
    } catch (GeneralSecurityException
        | IllegalArgumentException
        | ArrayIndexOutOfBoundsException e) {
      throw new IllegalStateException("the audit signing key " + file + " cannot be read", e);
    }
  }
}
