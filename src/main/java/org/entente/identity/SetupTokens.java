package org.entente.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one-time link that creates the first administrator while no account exists: the token is
 * shown once and only its hash is stored. {@link Accounts} is the entry point.
 */
@Component
class SetupTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountStore store;

  SetupTokens(AccountStore store) {
    this.store = store;
  }

  /** A new token while no account exists, replacing any earlier one; empty otherwise. */
  Optional<String> issue(java.time.OffsetDateTime now) {
    if (store.count() > 0) {
      return Optional.empty();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    store.setupToken(AccountRules.sha256(token), now);
    return Optional.of(token);
  }

  /** Whether a token is the current, unused one while no account exists. */
  boolean isValid(String token) {
    if (token == null || token.isBlank() || store.count() > 0) {
      return false;
    }
    return store
        .unusedSetupToken()
        .map(
            hash ->
                MessageDigest.isEqual(
                    hash.getBytes(StandardCharsets.US_ASCII),
                    AccountRules.sha256(token).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  /**
   * Locks the token and checks it, for the first administrator's creation in this transaction.
   *
   * @throws Accounts.SetupClosedException when the token is wrong, used, or an account exists
   */
  void open(String token) {
    store.lockSetupToken();
    if (!isValid(token)) {
      throw new Accounts.SetupClosedException();
    }
  }

  void use(java.time.OffsetDateTime now) {
    store.useSetupToken(now);
  }
}
