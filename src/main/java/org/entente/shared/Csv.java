package org.entente.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The product's one way to write and read CSV (RFC 4180, a header row, UTF-8), so that every file
 * it gives out is safe to open in a spreadsheet and every file it reads back means what it wrote.
 *
 * <p><b>Formulas.</b> Following OWASP's guidance on CSV injection, a cell that starts with {@code
 * =}, {@code +}, {@code -}, {@code @}, TAB or CR (or LF, which a CR becomes when written), or with
 * the full-width {@code ＝ ＋ － ＠} (which spreadsheets with an East Asian input method may turn into
 * the same operators), is written with a single quote in front, which spreadsheets show as text and
 * do not evaluate. A cell that is only a number ({@code -5}, {@code -12.5}, {@code -1.5E3}) is left
 * as it is: a spreadsheet reads it as that number and nothing more, and amounts and coordinates
 * stay numbers; {@code -5+1} is not a number and is quoted. A cell that starts with a quote that
 * reading would remove gets one more, so reading always gives back exactly the text written.
 *
 * <p><b>Reading.</b> {@link #get} gives a cell's text: one leading quote in front of what would
 * have been quoted ({@code '=1+2} reads as {@code =1+2}, as a spreadsheet shows it), in Unicode
 * NFC, CR LF and CR as LF; a cell with another control character or a lone surrogate is refused,
 * naming the column. A header that cannot be read (a name twice, a name missing) refuses the file
 * with a 400 naming {@code file}.
 *
 * <p><b>Writing.</b> Every cell goes through {@link Printable#text} first, so text stored before
 * the edge refused control characters still gives a file that reads back.
 */
public final class Csv {

  /** The characters a formula may start with, full-width forms included. */
  private static final String FORMULA_START = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static final CSVFormat READ =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  private Csv() {}

  /** A file being written: one header, then rows. */
  public static final class Writer {

    private final StringWriter out = new StringWriter();
    private final CSVPrinter printer;

    private Writer(List<String> header) {
      try {
        printer =
            new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** One row; each cell as {@link #cell} writes it. */
    public Writer row(Object... cells) {
      return row(List.of(cells));
    }

    /** One row; each cell as {@link #cell} writes it ({@code null} as an empty cell). */
    public Writer row(Iterable<?> cells) {
      try {
        for (Object c : cells) {
          printer.print(cell(c));
        }
        printer.println();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** The file so far. */
    @Override
    public String toString() {
      try {
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }
  }

  /** Starts a file with this header. */
  public static Writer writer(String... header) {
    return new Writer(List.of(header));
  }

  /** Starts a file with this header. */
  public static Writer writer(List<String> header) {
    return new Writer(header);
  }

  /**
   * A cell as written: {@code null} as empty, the text made printable, then quoted when it could
   * start a formula or when reading would otherwise remove its leading quote.
   */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = Printable.text(String.valueOf(value));
    return formula(text) || readRemovesQuote(text) ? "'" + text : text;
  }

  /** Whether a spreadsheet could take the text for a formula. */
  static boolean formula(String text) {
    return !text.isEmpty()
        && FORMULA_START.indexOf(text.charAt(0)) >= 0
        && !NUMBER.matcher(text).matches();
  }

  /** Whether reading removes the text's leading quote (it was put there by {@link #cell}). */
  static boolean readRemovesQuote(String text) {
    if (text.length() < 2 || text.charAt(0) != '\'') {
      return false;
    }
    String rest = text.substring(1);
    return formula(rest) || rest.charAt(0) == '\'';
  }

  /**
   * Reads a file with a header row (values trimmed, empty lines skipped).
   *
   * @throws BadRequestException naming {@code file} when the header cannot be read: not CSV, a
   *     column named twice or not named
   */
  public static CSVParser read(Reader in) {
    try {
      CSVParser parser = READ.parse(in);
      Set<String> names = new HashSet<>();
      for (String name : parser.getHeaderNames()) {
        if (!names.add(name)) {
          throw new BadRequestException("file", "the header names the column '" + name + "' twice");
        }
      }
      return parser;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new BadRequestException("file", "the header row cannot be read: " + reason(e));
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Printable.text(message);
  }

  /**
   * A cell's text as written by {@link #cell}, normalised as the edge normalises text: {@code ""}
   * when the row has no such column.
   *
   * @throws BadRequestException naming the column when the cell holds a control character (other
   *     than TAB and line breaks) or a lone surrogate
   */
  public static String get(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return "";
    }
    String text = record.get(column);
    if (readRemovesQuote(text)) {
      text = text.substring(1);
    }
    return normalise(text, column);
  }

  /** The edge's one rule for text ({@link InputText}), with the column named in a refusal. */
  static String normalise(String text, String column) {
    String problem = InputText.problem(text);
    if (problem != null) {
      throw new BadRequestException(column, "the column '" + column + "': " + problem);
    }
    return InputText.normaliseAdmitted(text);
  }
}
