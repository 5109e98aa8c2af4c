package org.entente.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.entente.shared.BadRequestException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password policy and how passwords are stored. Bcrypt reads only 72 bytes, so a password is
 * first reduced to the base64 of its SHA-256 (44 characters) and that is bcrypted: long passphrases
 * count in full. See docs/decisions/0006-passwords-and-sessions.md.
 */
final class Passwords implements PasswordEncoder {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1024;

  private final BCryptPasswordEncoder bcrypt;

  Passwords(int strength) {
    this.bcrypt = new BCryptPasswordEncoder(strength);
    // Reads the common-password list now, so that a missing list stops the start, not a sign-up.
    CommonPasswords.size();
  }

  /** The fewest distinct characters a password may be made of ({@code aaaaaaaaaaaa} has one). */
  static final int MIN_DISTINCT = 5;

  /**
   * Refuses a password that does not meet the policy, naming the field: too short or too long, only
   * spaces, made of fewer than {@link #MIN_DISTINCT} distinct characters, on the list of common
   * passwords (whatever its case), or containing the user name (whatever its case).
   *
   * @param username the account's user name, or null when it is not known yet
   */
  static void check(String field, String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new BadRequestException(
          field, "the password must have at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new BadRequestException(
          field, "the password must have at most " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      throw new BadRequestException(field, "the password cannot be only spaces");
    }
    if (password.codePoints().distinct().count() < MIN_DISTINCT) {
      throw new BadRequestException(
          field, "the password must be made of at least " + MIN_DISTINCT + " different characters");
    }
    if (CommonPasswords.contains(password)) {
      throw new BadRequestException(
          field, "this password is one of the most common ones, found in breaches: choose another");
    }
    if (username != null
        && !username.isBlank()
        && password
            .toLowerCase(java.util.Locale.ROOT)
            .contains(username.strip().toLowerCase(java.util.Locale.ROOT))) {
      throw new BadRequestException(field, "the password cannot contain the user name");
    }
  }

  @Override
  public String encode(CharSequence raw) {
    return bcrypt.encode(reduce(raw));
  }

  @Override
  public boolean matches(CharSequence raw, String encoded) {
    if (raw == null || encoded == null || raw.length() > MAX_LENGTH) {
      return false;
    }
    return bcrypt.matches(reduce(raw), encoded);
  }

  private static String reduce(CharSequence raw) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(raw.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
