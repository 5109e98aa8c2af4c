package org.entente.projects;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.projects.Project.CurrencyCode;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectCsv.RowError;
import org.entente.shared.BadRequestException;
import org.entente.shared.Csv;
import org.entente.shared.LocalizedText;

/**
 * Reads a file of projects (the columns of {@link ProjectCsv}) into projects, each checked by its
 * own rules and then by {@link ProjectCsvCheck}; a bad row becomes an error naming its line and
 * field, and reading goes on so that every bad line is named.
 */
final class ProjectCsvReader {

  private static final int MAX_ROWS = 1_000_000;

  private ProjectCsvReader() {}

  /** A row read and checked: its line, its project and the ids of the commitments it serves. */
  record Row(long line, Project project, List<UUID> commitments) {}

  /** The rows of a file that passed, and the errors of those that did not. */
  record Rows(List<Row> rows, List<RowError> errors) {}

  /**
   * Reads every row of a file.
   *
   * @param progress told the number of rows read so far, every thousand rows
   * @throws BadRequestException when the file is not CSV, lacks a column or has too many rows
   */
  static Rows read(Reader csv, ProjectCsvCheck check, LongConsumer progress) {
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    try (CSVParser parser = Csv.read(csv)) {
      requireColumns(parser);
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (rows.size() + errors.size() >= MAX_ROWS) {
          throw new BadRequestException("file", "a file has at most " + MAX_ROWS + " rows");
        }
        if (record.getRecordNumber() % 1000 == 0) {
          progress.accept(record.getRecordNumber());
        }
        try {
          rows.add(check.row(row(record, line, check)));
        } catch (BadRequestException e) {
          errors.add(new RowError(line, e.field(), e.getMessage()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadRequestException("file", "the file is not readable CSV: " + e.getMessage());
    }
    return new Rows(rows, errors);
  }

  private static void requireColumns(CSVParser parser) {
    List<String> missing = new ArrayList<>();
    for (String column : List.of("key", "title_en", "title_az", "commitments")) {
      if (!parser.getHeaderMap().containsKey(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw new BadRequestException(
          "file", "the header lacks the column(s) " + String.join(", ", missing));
    }
  }

  /** The project a row describes with the commitments it serves, checked by its own rules. */
  private static Row row(CSVRecord record, long line, ProjectCsvCheck check) {
    Map<String, String> title = new LinkedHashMap<>();
    put(title, "en", get(record, "title_en"));
    put(title, "az", get(record, "title_az"));
    List<String> keys = split(get(record, "commitments"));
    List<UUID> ids = check.commitments(keys);
    Map<String, String> leads = new LinkedHashMap<>();
    for (String pair : split(get(record, "leads"))) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new BadRequestException("leads", "leads are PARTY=organization, separated by ;");
      }
      leads.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    List<Financing> financing = financing(record);
    Location location = location(record);
    String stage = get(record, "stage");
    String reason = get(record, "stage_reason");
    Project project =
        new Project(
            get(record, "key"),
            LocalizedText.ofMap(title),
            LocalizedText.empty(),
            keys,
            leads,
            List.of(),
            stage.isEmpty() ? Stage.IDENTIFIED : Stage.parse("stage", stage),
            reason.isEmpty() ? null : reason,
            financing,
            location);
    return new Row(line, project, ids);
  }

  /** The row's one financing line, or none when it gives no amount. */
  private static List<Financing> financing(CSVRecord record) {
    String amount = get(record, "amount");
    if (amount.isEmpty()) {
      return List.of();
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw new BadRequestException("amount", "'" + amount + "' is not an amount");
    }
    FinancingStatus status =
        FinancingStatus.parse("financing_status", get(record, "financing_status"));
    String source = get(record, "financing_source");
    return List.of(
        new Financing(
            value,
            CurrencyCode.parse("financing", get(record, "currency")),
            source.isEmpty() ? null : source,
            status));
  }

  private static Location location(CSVRecord record) {
    String place = get(record, "place");
    String lat = get(record, "latitude");
    String lon = get(record, "longitude");
    if (place.isEmpty() && lat.isEmpty() && lon.isEmpty()) {
      return null;
    }
    try {
      return new Location(
          place.isEmpty() ? null : place,
          lat.isEmpty() ? null : Double.valueOf(lat),
          lon.isEmpty() ? null : Double.valueOf(lon));
    } catch (NumberFormatException e) {
      throw new BadRequestException("latitude", "latitude and longitude are decimal degrees");
    }
  }

  private static String get(CSVRecord record, String column) {
    return Csv.get(record, column);
  }

  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(";")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (!value.isEmpty()) {
      map.put(key, value);
    }
  }
}
