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
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.indicators.Indicators.ImportReport;
import org.entente.indicators.Indicators.RowError;
import org.entente.shared.BadRequestException;
import org.entente.shared.Csv;
import org.springframework.stereotype.Component;

/** An indicator's values as CSV: the export, and the import that reads the same columns. */
@Component
class IndicatorCsv {

  /** The columns of an indicator's values as CSV, in export and import. */
  static final String[] HEADER = {
    "kind", "year", "date", "value", "unit", "source_url", "publisher", "note", "official", "used"
  };

  private static final List<String> REQUIRED =
      List.of("kind", "year", "value", "unit", "publisher");
  private static final int MAX_ROWS = 10_000;

  private final IndicatorStore store;
  private final Audit audit;

  IndicatorCsv(IndicatorStore store, Audit audit) {
    this.store = store;
    this.audit = audit;
  }

  /** An indicator's current values (not the superseded ones), the import's columns. */
  static String export(IndicatorView indicator) {
    Csv.Writer out = Csv.writer(HEADER);
    for (ValueView v : indicator.values()) {
      if (v.supersededBy() != null) {
        continue;
      }
      out.row(
          v.kind(),
          v.year() == null ? "" : v.year(),
          v.date() == null ? "" : v.date(),
          v.value().toPlainString(),
          indicator.unit(),
          v.sourceUrl() == null ? "" : v.sourceUrl(),
          v.publisher(),
          v.note() == null ? "" : v.note(),
          v.official(),
          v.used());
    }
    return out.toString();
  }

  /** What reading a file found: the values to store, and the rows already stored. */
  private record Read(int rows, int unchanged, List<CheckedValue> pending, List<RowError> errors) {}

  /**
   * Imports values into an indicator the viewer may write: all or nothing, idempotent, audited as
   * one event (see {@link Indicators#importCsv}).
   */
  ImportReport importValues(Indicator indicator, Reader csv) {
    IndicatorValues values = new IndicatorValues(indicator, store.values(indicator.id()));
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
        get(r, "note"),
        official == null ? null : Boolean.valueOf(official),
        used == null ? null : Boolean.valueOf(used),
        null);
  }

  private static String get(CSVRecord r, String column) {
    String v = Csv.get(r, column);
    return v.isBlank() ? null : v.trim();
  }
}
