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
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The deployment's Ed25519 key that signs audit checkpoints. It is given as PEM text ({@code
 * entente.audit.signing-key}, the environment variable {@code ENTENTE_AUDIT_SIGNING_KEY}), or kept
 * in a file only the application reads ({@code entente.audit.signing-key-file}, PEM or the two
 * base64 lines Entente writes), which is made on first use when it does not exist. PEM means a
 * {@code PRIVATE KEY} block (PKCS#8) and a {@code PUBLIC KEY} block (X.509), as {@code openssl
 * genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write them. A file named {@code
 * .p12} or {@code .pfx} is a PKCS#12 key store ({@link Pkcs12Key}), opened with {@code
 * entente.audit.signing-key-password}; it is never made by the application.
 *
 * <p>With the {@code postgres} profile (production) the key must not be a file inside {@code
 * ./data}, where the application keeps its own files: whoever administers the host's data would
 * hold the key that vouches for the record. The application then refuses to start.
 */
@Component
class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

  /** The profile of a production deployment. */
  static final String PRODUCTION = "postgres";

  private final Path file;
  private final String given;
  private final String password;
  private final String alias;
  private volatile KeyPair keys;

  SigningKey(String file, String given, Environment environment) {
    this(file, given, environment, "", "");
  }

  /**
   * @param password the PKCS#12 key store's password, when the file is one ({@code .p12}, {@code
   *     .pfx}; {@link Pkcs12Key})
   * @param alias its entry, when it has more than one key
   */
  @org.springframework.beans.factory.annotation.Autowired
  SigningKey(
      @Value("${entente.audit.signing-key-file:./data/audit-signing.key}") String file,
      @Value("${entente.audit.signing-key:}") String given,
      Environment environment,
      @Value("${entente.audit.signing-key-password:}") String password,
      @Value("${entente.audit.signing-key-alias:}") String alias) {
    this.password = password;
    this.alias = alias;
    this.file = Path.of(file);
    this.given = given == null || given.isBlank() ? null : given;
    if (this.given == null
        && environment.matchesProfiles(PRODUCTION)
        && insideTheDataFolder(this.file)) {
      throw new IllegalStateException(
          "The audit signing key "
              + this.file.toAbsolutePath().normalize()
              + " is inside ./data, beside the application's own files. In production give it as"
              + " PEM in ENTENTE_AUDIT_SIGNING_KEY (entente.audit.signing-key), or set"
              + " entente.audit.signing-key-file to a file outside ./data; see"
              + " docs/deployment.md.");
    }
  }

  /** Whether a file is inside {@code ./data} of the folder the application runs in. */
  static boolean insideTheDataFolder(Path file) {
    return file.toAbsolutePath().normalize().startsWith(Path.of("data").toAbsolutePath());
  }

  /** Where the key is kept. */
  Path file() {
    return file;
  }

  /** The public key, X.509, base64: what a checkpoint carries. */
  String publicKey() {
    return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
  }

  /** The public key's 32 bytes, as signed notes name it. */
  byte[] rawPublicKey() {
    return SignedNote.raw(keys().getPublic());
  }

  /** A signed note of this text under this key name ({@link SignedNote}). */
  String signNote(String text, String name) {
    return SignedNote.sign(text, name, keys().getPrivate(), rawPublicKey());
  }

  /** The signature of a message, base64. */
  String sign(byte[] message) {
    return sign(keys().getPrivate(), message);
  }

  private static String sign(PrivateKey key, byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
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

  /**
   * A key pair from PEM text or from the two base64 lines Entente writes (private, then public).
   *
   * @throws IllegalArgumentException when it is neither, or the public key is not the private key's
   */
  static KeyPair read(String text) {
    String privateKey;
    String publicKey;
    if (text.contains("-----BEGIN")) {
      privateKey = pemBlock(text, "PRIVATE KEY");
      publicKey = pemBlock(text, "PUBLIC KEY");
    } else {
      String[] lines = text.strip().split("\n");
      if (lines.length != 2) {
        throw new IllegalArgumentException(
            "it is neither PEM nor two lines of base64 (private key, public key)");
      }
      privateKey = lines[0].strip();
      publicKey = lines[1].strip();
    }
    KeyPair pair;
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      pair =
          new KeyPair(
              factory.generatePublic(
                  new X509EncodedKeySpec(Base64.getMimeDecoder().decode(publicKey))),
              factory.generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(privateKey))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("it is not an Ed25519 key pair (" + e.getMessage() + ")");
    }
    return checked(pair);
  }

  /**
   * The pair, once a signature by its private key verifies with its public key.
   *
   * @throws IllegalArgumentException when the public key is not the private key's
   */
  static KeyPair checked(KeyPair pair) {
    byte[] probe = "entente signing key probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String publicText = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    if (!verifies(publicText, probe, sign(pair.getPrivate(), probe))) {
      throw new IllegalArgumentException("its public key is not the public key of its private key");
    }
    return pair;
  }

  private static String pemBlock(String text, String label) {
    String begin = "-----BEGIN " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf("-----END " + label + "-----");
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "it has no "
              + label
              + " block"
              + (label.equals("PUBLIC KEY")
                  ? " (add it with: openssl pkey -in key.pem -pubout >> key.pem)"
                  : ""));
    }
    return text.substring(from + begin.length(), to).strip();
  }

  private KeyPair loadOrCreate() {
    if (given != null) {
      try {
        return read(given);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "the audit signing key in entente.audit.signing-key cannot be read: " + e.getMessage(),
            e);
      }
    }
    try {
      if (Pkcs12Key.isPkcs12(file)) {
        // a key store is made by whoever keeps the keys, never by the application
        if (!Files.exists(file)) {
          throw new IllegalArgumentException("the key store does not exist");
        }
        return Pkcs12Key.read(file, password, alias);
      }
      if (Files.exists(file)) {
        return read(Files.readString(file));
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
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the audit signing key " + file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
