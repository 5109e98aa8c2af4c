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
 * count in full. See docs/decisions/0006-passwords.md.
 */
final class Passwords implements PasswordEncoder {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1024;

  private final BCryptPasswordEncoder bcrypt;

  Passwords(int strength) {
    this.bcrypt = new BCryptPasswordEncoder(strength);
  }

  /** Refuses a password that does not meet the policy, naming the field. */
  static void check(String field, String password) {
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
