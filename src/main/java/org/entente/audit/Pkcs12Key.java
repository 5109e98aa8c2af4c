package org.entente.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The deployment's signing key read from a PKCS#12 key store, as a key vault or {@code keytool
 * -genkeypair -keyalg Ed25519 -storetype PKCS12} gives it: the Ed25519 private key of one entry and
 * the public key of its certificate. Only the key pair is used; the certificate's names and dates
 * mean nothing to the audit trail.
 */
final class Pkcs12Key {

  private Pkcs12Key() {}

  /** Whether the file is a PKCS#12 key store, by its name ({@code .p12} or {@code .pfx}). */
  static boolean isPkcs12(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".p12") || lower.endsWith(".pfx");
  }

  /**
   * The key pair of the store's one private key entry, or of the entry named {@code alias}.
   *
   * @throws IllegalArgumentException naming what is wrong: a wrong password, no such entry, more
   *     than one entry and no alias, or a key that is not Ed25519
   */
  static KeyPair read(Path file, String password, String alias) throws IOException {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException
          || String.valueOf(e.getMessage()).contains("password")) {
        throw new IllegalArgumentException(
            "the key store's password is wrong (entente.audit.signing-key-password)", e);
      }
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("it is not a PKCS#12 key store (" + e.getMessage() + ")");
    }
    try {
      String entry = entry(store, alias);
      PrivateKey key = (PrivateKey) store.getKey(entry, secret);
      Certificate certificate = store.getCertificate(entry);
      if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
        throw new IllegalArgumentException(
            "the key of entry '" + entry + "' is " + key.getAlgorithm() + ", not Ed25519");
      }
      if (certificate == null) {
        throw new IllegalArgumentException("entry '" + entry + "' has no certificate");
      }
      return SigningKey.checked(new KeyPair(certificate.getPublicKey(), key));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "its key cannot be read with that password (" + e.getMessage() + ")", e);
    }
  }

  private static String entry(KeyStore store, String alias) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String name : Collections.list(store.aliases())) {
      if (store.isKeyEntry(name)) {
        keys.add(name);
      }
    }
    if (alias != null && !alias.isBlank()) {
      if (!keys.contains(alias)) {
        throw new IllegalArgumentException(
            "it has no key entry '" + alias + "' (its key entries: " + keys + ")");
      }
      return alias;
    }
    if (keys.size() != 1) {
      throw new IllegalArgumentException(
          "it has "
              + keys.size()
              + " key entries "
              + keys
              + ": name one in entente.audit.signing-key-alias");
    }
    return keys.get(0);
  }
}
