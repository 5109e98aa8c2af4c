package org.entente.indicators;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.LanguagesOfCharter;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.indicators.Indicators.ImportReport;
import org.entente.indicators.Indicators.RowError;
import org.entente.shared.BadRequestException;
import org.entente.shared.Csv;
import org.entente.shared.TextLanguages;
import org.springframework.stereotype.Component;

/** An indicator's values as CSV: the export, and the import that reads the same columns. */
@Component
class IndicatorCsv {

  /**
   * The columns of an indicator's values as CSV, in export and import, with a {@code note_LANG}
   * column per language of the charter (decision 0041) in place of the one {@code note} the file
   * had before; the import still reads a {@code note} column, as the note in the charter's text
   * language. The unit is the indicator's in the first of its languages; the import accepts it in
   * any of them.
   */
  static String[] header(List<String> languages) {
    List<String> header = new ArrayList<>(List.of("kind", "year", "date", "value", "unit"));
    header.add("source_url");
    header.add("publisher");
    header.addAll(TextLanguages.columns("note", TextLanguages.ordered(languages)));
    header.add("official");
    header.add("used");
    return header.toArray(String[]::new);
  }

  private static final List<String> REQUIRED =
      List.of("kind", "year", "value", "unit", "publisher");
  private static final int MAX_ROWS = 10_000;

  private final IndicatorStore store;
  private final Audit audit;

  IndicatorCsv(IndicatorStore store, Audit audit) {
    this.store = store;
    this.audit = audit;
  }

  /**
   * An indicator's current values (not the superseded ones), the import's columns, a note column
   * per language of its charter.
   */
  static String export(IndicatorView indicator, List<String> languages) {
    List<String> ordered = TextLanguages.ordered(languages);
    Csv.Writer out = Csv.writer(header(languages));
    String unit = indicator.unit().in(ordered.get(0)).text();
    for (ValueView v : indicator.values()) {
      if (v.supersededBy() != null) {
        continue;
      }
      List<Object> row = new ArrayList<>();
      row.add(v.kind());
      row.add(v.year() == null ? "" : v.year());
      row.add(v.date() == null ? "" : v.date());
      row.add(v.value().toPlainString());
      row.add(unit);
      row.add(v.sourceUrl() == null ? "" : v.sourceUrl());
      row.add(v.publisher());
      for (String language : ordered) {
        row.add(v.note() == null ? "" : v.note().values().getOrDefault(language, ""));
      }
      row.add(v.official());
      row.add(v.used());
      out.row(row.toArray());
    }
    return out.toString();
  }

  /** What reading a file found: the values to store, and the rows already stored. */
  private record Read(int rows, int unchanged, List<CheckedValue> pending, List<RowError> errors) {}

  /**
   * Imports values into an indicator the viewer may write: all or nothing, idempotent, audited as
   * one event (see {@link Indicators#importCsv}).
   */
  ImportReport importValues(Indicator indicator, LanguagesOfCharter languages, Reader csv) {
    IndicatorValues values =
        new IndicatorValues(indicator, store.values(indicator.id()), languages);
    Read read = read(values, csv);
    if (!read.errors().isEmpty()) {
      return new ImportReport(read.rows(), 0, 0, read.errors());
    }
    for (CheckedValue c : read.pending()) {
      store.store(indicator, c);
    }
    if (!read.pending().isEmpty()) {
      audit.record(
          "indicator.values-imported",
          "indicator",
          indicator.id().toString(),
          Outcome.SUCCESS,
          Map.of(
              "rows",
              read.rows(),
              "created",
              read.pending().size(),
              "unchanged",
              read.unchanged()));
    }
    return new ImportReport(read.rows(), read.pending().size(), read.unchanged(), List.of());
  }

  private static Read read(IndicatorValues values, Reader csv) {
    List<CheckedValue> pending = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    int rows = 0;
    int unchanged = 0;
    try (CSVParser parser = Csv.read(csv)) {
      Set<String> header = new HashSet<>(parser.getHeaderNames());
      for (String required : REQUIRED) {
        if (!header.contains(required)) {
          errors.add(new RowError(1, required, "the header has no column '" + required + "'"));
        }
      }
      if (!errors.isEmpty()) {
        return new Read(0, 0, pending, errors);
      }
      for (CSVRecord r : parser) {
        rows++;
        if (rows > MAX_ROWS) {
          errors.add(new RowError(r.getRecordNumber() + 1, null, "at most " + MAX_ROWS + " rows"));
          break;
        }
        try {
          ValueInput input = input(r);
          if (values.holds(input)) {
            unchanged++;
          } else {
            pending.add(values.check(input, pending));
          }
        } catch (BadRequestException e) {
          errors.add(new RowError(r.getRecordNumber() + 1, e.field(), e.getMessage()));
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      errors.add(new RowError(0, null, "not a CSV file: " + e.getMessage()));
    }
    return new Read(rows, unchanged, pending, errors);
  }

  /** A row as a value to add ({@code used} read as asking to use it). */
  private static ValueInput input(CSVRecord r) {
    String year = get(r, "year");
    Integer y;
    try {
      y = year == null ? null : Integer.valueOf(year);
    } catch (NumberFormatException e) {
      throw new BadRequestException("year", "'" + year + "' is not a year");
    }
    String official = get(r, "official");
    String used = get(r, "used");
    return new ValueInput(
        get(r, "kind"),
        y,
        get(r, "date"),
        get(r, "value"),
        get(r, "unit"),
        get(r, "source_url"),
        get(r, "publisher"),
        note(r),
        official == null ? null : Boolean.valueOf(official),
        used == null ? null : Boolean.valueOf(used),
        null);
  }

  /**
   * A row's note: by language from its {@code note_LANG} columns (a column for a language the
   * charter lacks is refused by the value's rules), or from a {@code note} column as files had it
   * before, the note in the charter's text language.
   */
  private static Object note(CSVRecord r) {
    Map<String, String> typed = TextLanguages.typed(r.toMap(), "note");
    if (!typed.isEmpty() || !r.isMapped("note")) {
      return typed;
    }
    return get(r, "note");
  }

  private static String get(CSVRecord r, String column) {
    String v = Csv.get(r, column);
    return v.isBlank() ? null : v.trim();
  }
}
