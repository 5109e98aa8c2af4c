package org.entente.shared;

import java.text.Normalizer;

/**
 * The one rule for text that comes in, wherever it comes from (JSON bodies, query and path
 * parameters, form fields, CSV cells, file names): it is stored in Unicode normalization form C,
 * with line breaks as LF (browsers send CRLF, old files a lone CR), and it holds no other control
 * character (C0 but TAB and LF, DEL, C1), no lone surrogate and no noncharacter U+FFFE or U+FFFF,
 * none of which any renderer (PDF, XML, CSV, iCal) can print. Text longer than {@link #MAX_LENGTH}
 * characters is refused too: no field is meant to hold a book.
 *
 * <p>Importers and any other code reading text that did not pass through the web edge call {@link
 * #normalise(String, String)} for each value, naming the field (for a CSV cell, the column).
 */
public final class InputText {

  /** The most characters one text field may hold (a long minutes text is some 50,000). */
  public static final int MAX_LENGTH = 100_000;

  private InputText() {}

  /**
   * The text as it is kept: NFC, with CRLF and CR turned into LF. Null stays null.
   *
   * @param field the field, parameter or column the text was given in, named in the refusal
   * @throws BadRequestException naming the field, when the text holds a character refused here or
   *     is longer than {@link #MAX_LENGTH}
   */
  public static String normalise(String field, String value) {
    if (value == null) {
      return null;
    }
    String problem = problem(value);
    if (problem != null) {
      throw new BadRequestException(field, field + ": " + problem);
    }
    return normaliseAdmitted(value);
  }

  /**
   * Why this text is refused, in a sentence that does not repeat the text, or null when it is
   * admitted (then {@link #normaliseAdmitted(String)} gives its kept form).
   */
  public static String problem(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_LENGTH) {
      return "at most " + MAX_LENGTH + " characters; this text has " + value.length();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return loneSurrogate(c, i);
      }
      if (Character.isLowSurrogate(c)) {
        return loneSurrogate(c, i);
      }
      if (refused(c)) {
        return String.format(
            "control character U+%04X at position %d; only text, tabs and line breaks are"
                + " accepted",
            (int) c, i + 1);
      }
    }
    return null;
  }

  /** The kept form of a text {@link #problem(String)} admits: line breaks as LF, then NFC. */
  public static String normaliseAdmitted(String value) {
    if (value == null) {
      return null;
    }
    String lines =
        value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    return Normalizer.isNormalized(lines, Normalizer.Form.NFC)
        ? lines
        : Normalizer.normalize(lines, Normalizer.Form.NFC);
  }

  /** Whether this character is refused (CR is not: it becomes a line break). */
  static boolean refused(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF';
  }

  private static String loneSurrogate(char c, int index) {
    return String.format(
        "lone surrogate U+%04X at position %d is not a character; the text is not valid Unicode",
        (int) c, index + 1);
  }
}
