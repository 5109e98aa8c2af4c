package org.entente.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts the PDF embeds, read so that every letter prints as itself. PDFBox 3 applies a font's
 * glyph substitutions (its GSUB table) to Latin text, and DejaVu Sans substitutes the ligature
 * glyphs ﬁ and ﬂ for "fi" and "fl": the page looked right, but a reader copying "figures" or
 * searching for "Identified", and pdftotext, got U+FB01 in place of two letters. The scripts the
 * charters are written in (Latin with Azerbaijani letters, Cyrillic) need no substitution, since
 * every letter has its own glyph; so the table is hidden from PDFBox by renaming its tag in the
 * font's table directory, and the subset embedded leaves it out.
 */
final class PrintFonts {

  /** The tag the GSUB table is renamed to: a table no reader of TrueType fonts looks for. */
  private static final byte[] HIDDEN = "XSUB".getBytes(StandardCharsets.US_ASCII);

  private PrintFonts() {}

  /** Each font read, by its path: read once, not again for every PDF (each is 0.7 MB). */
  private static final Map<String, byte[]> READ = new ConcurrentHashMap<>();

  /** The font at this class-path resource, without glyph substitutions. */
  static InputStream withoutSubstitutions(String path) {
    return new ByteArrayInputStream(READ.computeIfAbsent(path, PrintFonts::read));
  }

  private static byte[] read(String path) {
    try (InputStream in = PrintFonts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing font " + path);
      }
      return withoutSubstitutions(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the font " + path, e);
    }
  }

  /**
   * The TrueType font with its GSUB table's tag renamed: the table directory follows the 12-byte
   * offset table, 16 bytes a table (tag, checksum, offset, length).
   */
  static byte[] withoutSubstitutions(byte[] font) {
    byte[] copy = font.clone();
    ByteBuffer buffer = ByteBuffer.wrap(copy);
    int tables = Short.toUnsignedInt(buffer.getShort(4));
    for (int i = 0; i < tables; i++) {
      int entry = 12 + 16 * i;
      if (entry + 4 > copy.length) {
        break;
      }
      String tag = new String(copy, entry, 4, StandardCharsets.US_ASCII);
      if ("GSUB".equals(tag)) {
        System.arraycopy(HIDDEN, 0, copy, entry, HIDDEN.length);
      }
    }
    return copy;
  }
}
