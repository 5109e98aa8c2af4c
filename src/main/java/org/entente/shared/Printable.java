package org.entente.shared;

/**
 * Makes any stored text printable by a renderer (PDF, XML, CSV, iCalendar), whatever the edge let
 * in when it was stored: text kept from before the edge refused control characters and lone
 * surrogates must render too, for everyone who may see it. What a format cannot hold becomes the
 * replacement character U+FFFD, visibly, rather than breaking the whole file or being dropped
 * silently.
 */
public final class Printable {

  /** What replaces a character a format cannot hold. */
  public static final char REPLACEMENT = '\uFFFD';

  private Printable() {}

  /**
   * The text as XML 1.0 may hold it (and the XHTML the PDF is made from): characters outside XML's
   * {@code Char} production (C0 controls other than TAB, LF and CR; U+FFFE, U+FFFF) and lone
   * surrogates replaced. Escaping {@code <} and {@code &} stays the XML writer's job.
   */
  public static String xml(String text) {
    if (text == null || clean(text, true)) {
      return text;
    }
    return replace(text, true);
  }

  /**
   * The text for a line-oriented text format (CSV, iCalendar): CR LF and a lone CR become LF, and
   * the characters {@link #xml} replaces, plus DEL and the C1 controls, replaced. TAB and LF are
   * kept.
   */
  public static String text(String text) {
    if (text == null || clean(text, false)) {
      return text;
    }
    return replace(text.replace("\r\n", "\n").replace('\r', '\n'), false);
  }

  /** Whether the text has nothing to replace. */
  private static boolean clean(String text, boolean xml) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.isSurrogate(c) || c >= 0xfffe) {
        if (c == '\t' || c == '\n' || c == '\r' && xml || xml && c >= 0x7f && c <= 0x9f) {
          continue;
        }
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
    }
    return true;
  }

  private static String replace(String text, boolean xml) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c) || c >= 0xfffe) {
        out.append(REPLACEMENT);
      } else if (c == '\t' || c == '\n' || c == '\r' && xml) {
        out.append(c);
      } else if (c < 0x20 || !xml && c >= 0x7f && c <= 0x9f) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
