package org.entente.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key of a charter ({@code az-us-2026}): what the charter's definition names it, and what its
 * addresses, records and events carry. Valid by construction: 1 to 64 lower-case letters, digits
 * and hyphens, starting with a letter or a digit, as the definition's schema says ({@code
 * $defs.key} in charter-definition.schema.json). Written as its plain text in JSON and in
 * addresses.
 */
public record CharterKey(String value) {

  /** What the charter definition's schema accepts as a key. */
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /**
   * Checks the key.
   *
   * @throws BadRequestException naming the field {@code charterKey} when it is no charter key
   */
  public CharterKey {
    if (value == null || !KEY.matcher(value).matches()) {
      throw new BadRequestException(
          "charterKey",
          "a charter key has 1 to 64 lower-case letters, digits and hyphens, such as az-us-2026");
    }
  }

  /**
   * The charter key written in this text.
   *
   * @throws BadRequestException naming the field {@code charterKey} when it is no charter key
   */
  @JsonCreator
  public static CharterKey of(String text) {
    return new CharterKey(text);
  }

  /** The charter key written in this text, or empty when the text is no charter key. */
  public static Optional<CharterKey> parse(String text) {
    return text != null && KEY.matcher(text).matches()
        ? Optional.of(new CharterKey(text))
        : Optional.empty();
  }

  /**
   * The charter key in an address: text that is no charter key names no charter, and answers the
   * same 404 as a charter that does not exist.
   *
   * @throws NotFoundException when the text is no charter key
   */
  public static CharterKey inPath(String text) {
    return parse(text).orElseThrow(() -> new NotFoundException("charter", text));
  }

  /** The key as written. */
  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
