package org.entente.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment's keys over time: the key that signs now ({@link SigningKey}) and the earlier ones
 * it was rotated from ({@code entente.audit.previous-public-keys}), which sign nothing any more but
 * still vouch for what they signed. A checkpoint signed with an earlier key is this deployment's,
 * so a rotation neither breaks the start-up check against the checkpoint file nor makes older
 * checkpoints look foreign; and the earlier keys stay published, so that a reader can check what
 * they signed (issue 20, docs/deployment.md "Rotating the signing key", decision 0044).
 *
 * <p>An earlier key is given by its public half only, as the deployment published it: the X.509
 * base64 of the checkpoints ({@code MCowBQYDK2VwAyEA…}) or a signed-note verifier key ({@code
 * name+keyid+base64}). A private key never needs to outlive its rotation.
 */
@Component
class KeyHistory {

  /**
   * A key the deployment signed with before.
   *
   * @param name the key's name in signed notes
   * @param publicKey the X.509 public key, base64, as checkpoints carry it
   * @param raw the 32 bytes of the Ed25519 public key
   */
  record Earlier(String name, String publicKey, byte[] raw) {}

  private final SigningKey current;
  private final List<Earlier> earlier;

  KeyHistory(
      SigningKey current,
      @Value("${entente.audit.previous-public-keys:}") List<String> previous,
      @Value("${entente.audit.key-name:entente}") String name) {
    this.current = current;
    this.earlier = parse(previous, name, current.publicKey());
  }

  /** The key that signs now. */
  SigningKey current() {
    return current;
  }

  /** The earlier keys, in the order they were given (newest first, by convention). */
  List<Earlier> earlier() {
    return earlier;
  }

  /** Whether this X.509 public key (base64) is the deployment's, now or before a rotation. */
  boolean isThisDeployments(String publicKey) {
    return publicKey != null
        && (publicKey.equals(current.publicKey())
            || earlier.stream().anyMatch(k -> k.publicKey().equals(publicKey)));
  }

  /**
   * Reads the earlier keys; an entry that is neither form, or that is the signing key itself, stops
   * the start with the entry's position and the reason (a typo must not silently distrust, or
   * trust, a key).
   */
  static List<Earlier> parse(List<String> given, String name, String currentPublicKey) {
    List<Earlier> keys = new ArrayList<>();
    if (given == null) {
      return keys;
    }
    for (int i = 0; i < given.size(); i++) {
      String entry = given.get(i);
      if (entry == null || entry.isBlank()) {
        continue;
      }
      String where = "entente.audit.previous-public-keys[" + i + "]";
      Earlier key =
          read(entry.strip(), name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          where
                              + " is not an Ed25519 public key: give the X.509 base64 that"
                              + " checkpoints carry (MCowBQYDK2VwAyEA…) or a verifier key"
                              + " (name+keyid+base64)"));
      if (key.publicKey().equals(currentPublicKey)) {
        throw new IllegalStateException(
            where + " is the key that signs now: list only the keys it was rotated from");
      }
      if (keys.stream().noneMatch(k -> k.publicKey().equals(key.publicKey()))) {
        keys.add(key);
      }
    }
    return List.copyOf(keys);
  }

  /** One entry in either form, or empty when it is neither. */
  static Optional<Earlier> read(String entry, String name) {
    // a verifier key's ID is a hash of its name and key, so base64 (which may hold '+') never
    // passes for one
    Optional<SignedNote.Verifier> verifier = SignedNote.Verifier.parse(entry);
    if (verifier.isPresent()) {
      byte[] raw = verifier.get().rawPublicKey();
      return Optional.of(new Earlier(verifier.get().name(), x509(raw), raw));
    }
    try {
      byte[] der = Base64.getDecoder().decode(entry);
      if (der.length != 44) {
        return Optional.empty();
      }
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      byte[] raw = SignedNote.raw(key);
      return Optional.of(new Earlier(name, x509(raw), raw));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private static String x509(byte[] raw) {
    try {
      return Base64.getEncoder().encodeToString(SignedNote.publicKey(raw).getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("an Ed25519 key of 32 bytes is always readable", e);
    }
  }
}
