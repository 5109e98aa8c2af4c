package org.entente.roadmaps;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.roadmaps.Milestone.Status;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.Csv;
import org.entente.shared.LocalizedText;

/**
 * Reading a file of milestones: its header, and each line as a milestone or as what is wrong with
 * it. Nothing here knows the roadmap the file goes to; the {@link MilestoneImportCheck} does.
 */
final class MilestoneCsvReading {

  private MilestoneCsvReading() {}

  /** The columns a file must have. */
  private static final List<String> REQUIRED =
      List.of("key", "title_en", "planned_start", "planned_end");

  /**
   * One line of the file: the milestone on it, or why there is none.
   *
   * @param line its line number in the file
   * @param classification the classification the line names, or null when it names none
   */
  record Line(
      long line, Milestone milestone, BadRequestException error, Classification classification) {}

  /**
   * Every line of the file, in order.
   *
   * @throws BadRequestException naming {@code file} when the file is not readable CSV or its header
   *     lacks a required column
   */
  static List<Line> read(Reader csv) {
    List<Line> lines = new ArrayList<>();
    try (CSVParser parser = Csv.read(csv)) {
      List<String> missing =
          REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new BadRequestException(
            "file", "the header lacks the column(s) " + String.join(", ", missing));
      }
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        try {
          lines.add(new Line(line, milestone(record), null, classification(record)));
        } catch (BadRequestException e) {
          lines.add(new Line(line, null, e, null));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadRequestException("file", "the file is not readable CSV: " + e.getMessage());
    }
    return lines;
  }

  private static Milestone milestone(CSVRecord record) {
    Map<String, String> title = new LinkedHashMap<>();
    if (!get(record, "title_en").isEmpty()) {
      title.put("en", get(record, "title_en"));
    }
    if (!get(record, "title_az").isEmpty()) {
      title.put("az", get(record, "title_az"));
    }
    List<String> deps = new ArrayList<>();
    for (String d : get(record, "depends_on").split(";")) {
      if (!d.isBlank()) {
        deps.add(d.strip());
      }
    }
    String status = get(record, "status");
    return new Milestone(
        get(record, "key"),
        LocalizedText.ofMap(title),
        get(record, "owner").isEmpty() ? null : get(record, "owner"),
        date(record, "planned_start"),
        date(record, "planned_end"),
        date(record, "actual_start"),
        date(record, "actual_end"),
        status.isEmpty() ? Status.NOT_STARTED : Status.fromCode(status),
        get(record, "project").isEmpty() ? null : get(record, "project"),
        deps);
  }

  private static Classification classification(CSVRecord record) {
    String code = get(record, "classification");
    if (code.isEmpty()) {
      return null;
    }
    try {
      return Classification.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("classification", e.getMessage());
    }
  }

  private static LocalDate date(CSVRecord record, String column) {
    String value = get(record, column);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(column, "'" + value + "' is not a date such as 2027-03-31");
    }
  }

  private static String get(CSVRecord record, String column) {
    return Csv.get(record, column);
  }
}
