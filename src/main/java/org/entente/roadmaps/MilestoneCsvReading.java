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
import org.entente.shared.TextLanguages;

/**
 * Reading a file of milestones: its header, and each line as a milestone or as what is wrong with
 * it. Nothing here knows the roadmap the file goes to; the {@link MilestoneImportCheck} does.
 */
final class MilestoneCsvReading {

  private MilestoneCsvReading() {}

  /** The columns a file must have, with a title column in a language of the charter. */
  private static final List<String> REQUIRED = List.of("key", "planned_start", "planned_end");

  /**
   * A file read: the languages of its title columns, in the header's order, and its lines.
   *
   * @param languages what the file says of the milestones' titles: a stored milestone keeps its
   *     title in the others
   */
  record File(List<String> languages, List<Line> lines) {}

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
   * @param declared the languages of the charter the file goes to
   * @throws BadRequestException naming {@code file} when the file is not readable CSV, its header
   *     lacks a required column or has a title column for a language the charter does not declare
   */
  static File read(Reader csv, List<String> declared) {
    List<Line> lines = new ArrayList<>();
    List<String> languages;
    try (CSVParser parser = Csv.read(csv)) {
      List<String> header = parser.getHeaderNames();
      languages = TextLanguages.inHeader(header, List.of("title"), declared);
      List<String> missing =
          new ArrayList<>(REQUIRED.stream().filter(c -> !header.contains(c)).toList());
      if (languages.isEmpty()) {
        missing.add(String.join(" or ", TextLanguages.columns("title", declared)));
      }
      if (!missing.isEmpty()) {
        throw new BadRequestException(
            "file", "the header lacks the column(s) " + String.join(", ", missing));
      }
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        try {
          lines.add(new Line(line, milestone(record, languages), null, classification(record)));
        } catch (BadRequestException e) {
          lines.add(new Line(line, null, e, null));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadRequestException("file", "the file is not readable CSV: " + e.getMessage());
    }
    return new File(languages, lines);
  }

  private static Milestone milestone(CSVRecord record, List<String> languages) {
    Map<String, String> title = new LinkedHashMap<>();
    for (String language : languages) {
      if (!get(record, "title_" + language).isEmpty()) {
        title.put(language, get(record, "title_" + language));
      }
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
