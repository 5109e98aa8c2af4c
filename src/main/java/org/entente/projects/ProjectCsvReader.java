package org.entente.projects;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.entente.projects.Project.Partner;
import org.entente.projects.Project.PartnerRole;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectCsv.RowError;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.Csv;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextLanguages;

/**
 * Reads a file of projects (the columns of {@link ProjectCsvColumns}) into projects, each checked
 * by its own rules and then by {@link ProjectCsvCheck}; a bad row becomes an error naming its line
 * and field, and reading goes on so that every bad line is named.
 */
final class ProjectCsvReader {

  private static final int MAX_ROWS = 1_000_000;

  private ProjectCsvReader() {}

  /**
   * A row read and checked: its line, its project and the ids of the commitments it serves.
   *
   * @param columns what the file says of a project: a stored project keeps what it does not say
   * @param classification the classification the row names, or null when it names none
   */
  record Row(
      long line,
      Project project,
      List<UUID> commitments,
      ProjectCsvColumns columns,
      Classification classification) {

    /** A row of a file that says every field of a project, naming no classification. */
    Row(long line, Project project, List<UUID> commitments) {
      this(line, project, commitments, ALL, null);
    }

    /** The same row, the fields its file does not say taken from the stored project. */
    Row keeping(Project stored) {
      Project p = project;
      Project merged =
          new Project(
              p.key(),
              texts(p.title(), stored.title()),
              columns.description()
                  ? texts(p.description(), stored.description())
                  : stored.description(),
              p.commitments(),
              columns.givesLeads() ? p.leads() : stored.leads(),
              columns.givesPartners() ? p.partners() : stored.partners(),
              p.stage(),
              p.stageReason(),
              columns.givesFinancing()
                  ? datesKept(p.financing(), stored.financing())
                  : stored.financing(),
              p.location());
      return new Row(line, merged, commitments, columns, classification);
    }

    /** A text as the file gives it, in the languages it has no column for as stored. */
    private LocalizedText texts(LocalizedText read, LocalizedText stored) {
      return columns.languages().isEmpty()
          ? read
          : TextLanguages.keeping(read, stored, columns.languages());
    }

    /**
     * The lines a file gives, each with the date of the stored line at its place when the file has
     * no date columns and the line is otherwise that one: a file with fewer columns deletes
     * nothing.
     */
    private List<Financing> datesKept(List<Financing> read, List<Financing> stored) {
      if (columns.financingDates()) {
        return read;
      }
      List<Financing> lines = new ArrayList<>();
      for (int i = 0; i < read.size(); i++) {
        Financing f = read.get(i);
        Financing was = i < stored.size() ? stored.get(i) : null;
        boolean same =
            was != null
                && f.amount().compareTo(was.amount()) == 0
                && f.currency().equals(was.currency())
                && java.util.Objects.equals(f.source(), was.source())
                && f.status() == was.status();
        lines.add(
            same ? new Financing(f.amount(), f.currency(), f.source(), f.status(), was.date()) : f);
      }
      return lines;
    }
  }

  /** The columns of a file that says every field. */
  static final ProjectCsvColumns ALL =
      new ProjectCsvColumns(
          List.of(), List.of(1), List.of(1), List.of(), false, true, true, true, true);

  /** The rows of a file that passed, and the errors of those that did not. */
  record Rows(List<Row> rows, List<RowError> errors) {}

  /**
   * Reads every row of a file.
   *
   * @param declared the languages of the charter the file goes to
   * @param progress told the number of rows read so far, every thousand rows
   * @throws BadRequestException when the file is not CSV, lacks a column, has one for a language
   *     the charter does not declare or has too many rows
   */
  static Rows read(
      Reader csv, List<String> declared, ProjectCsvCheck check, LongConsumer progress) {
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    try (CSVParser parser = Csv.read(csv)) {
      ProjectCsvColumns columns = ProjectCsvColumns.of(parser.getHeaderNames(), declared);
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (rows.size() + errors.size() >= MAX_ROWS) {
          throw new BadRequestException("file", "a file has at most " + MAX_ROWS + " rows");
        }
        if (record.getRecordNumber() % 1000 == 0) {
          progress.accept(record.getRecordNumber());
        }
        try {
          rows.add(check.row(row(record, line, check, columns)));
        } catch (BadRequestException e) {
          errors.add(new RowError(line, e.field(), e.getMessage()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadRequestException("file", "the file is not readable CSV: " + e.getMessage());
    }
    return new Rows(rows, errors);
  }

  /** The project a row describes with the commitments it serves, checked by its own rules. */
  private static Row row(
      CSVRecord record, long line, ProjectCsvCheck check, ProjectCsvColumns columns) {
    List<String> keys = split(get(record, "commitments"));
    List<UUID> ids = check.commitments(keys);
    String stage = get(record, "stage");
    String reason = get(record, "stage_reason");
    String classification = get(record, "classification");
    Project project =
        new Project(
            get(record, "key"),
            text(record, "title", columns),
            text(record, "description", columns),
            keys,
            leads(record, columns),
            partners(record, columns),
            stage.isEmpty() ? Stage.IDENTIFIED : Stage.parse("stage", stage),
            reason.isEmpty() ? null : reason,
            columns.legacyFinancing()
                ? legacyFinancing(record)
                : financing(record, columns, check.today()),
            location(record));
    return new Row(line, project, ids, columns, classification(classification));
  }

  private static LocalizedText text(CSVRecord record, String field, ProjectCsvColumns columns) {
    Map<String, String> text = new LinkedHashMap<>();
    columns
        .languages()
        .forEach(language -> put(text, language, get(record, field + "_" + language)));
    return LocalizedText.ofMap(text);
  }

  private static Classification classification(String code) {
    if (code.isEmpty()) {
      return null;
    }
    try {
      return Classification.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("classification", e.getMessage());
    }
  }

  /** The leads: one column per party ({@code lead_US}), or the earlier {@code US=…;AZ=…}. */
  private static Map<String, String> leads(CSVRecord record, ProjectCsvColumns columns) {
    Map<String, String> leads = new LinkedHashMap<>();
    for (String party : columns.leads()) {
      put(leads, party, get(record, "lead_" + party));
    }
    for (String pair : split(get(record, "leads"))) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new BadRequestException("leads", "leads are PARTY=organization, separated by ;");
      }
      leads.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return leads;
  }

  /** The partners in their numbered columns; a number whose columns are all empty is none. */
  private static List<Partner> partners(CSVRecord record, ProjectCsvColumns columns) {
    List<Partner> partners = new ArrayList<>();
    for (int n : columns.partners()) {
      String prefix = "partner_" + n + "_";
      String name = get(record, prefix + "name");
      String kind = get(record, prefix + "kind");
      String role = get(record, prefix + "role");
      if (name.isEmpty() && kind.isEmpty() && role.isEmpty()) {
        continue;
      }
      if (name.isEmpty()) {
        throw new BadRequestException(prefix + "name", "partner " + n + " needs a name");
      }
      partners.add(new Partner(name, kind.isEmpty() ? null : kind, role(prefix + "role", role)));
    }
    return partners;
  }

  private static PartnerRole role(String column, String role) {
    for (PartnerRole r : PartnerRole.values()) {
      if (r.name().equalsIgnoreCase(role)) {
        return r;
      }
    }
    throw new BadRequestException(
        column, "a partner's role is funding, accountable, extending or implementing");
  }

  /**
   * The financing lines in their numbered columns; a number whose columns are all empty is none.
   */
  private static List<Financing> financing(
      CSVRecord record, ProjectCsvColumns columns, LocalDate today) {
    List<Financing> lines = new ArrayList<>();
    for (int n : columns.financing()) {
      String prefix = "financing_" + n + "_";
      List<String> cells =
          ProjectCsvColumns.FINANCING.stream().map(part -> get(record, prefix + part)).toList();
      if (cells.stream().allMatch(String::isEmpty)) {
        continue;
      }
      Financing line = line(cells, prefix + "amount", prefix + "currency", prefix + "status");
      lines.add(dated(line, cells.get(4), prefix + "date", today));
    }
    return lines;
  }

  /** The earlier release's one financing line, or none when it gives no amount. */
  private static List<Financing> legacyFinancing(CSVRecord record) {
    List<String> cells =
        ProjectCsvColumns.LEGACY_FINANCING.stream().map(column -> get(record, column)).toList();
    if (cells.get(0).isEmpty()) {
      return List.of();
    }
    return List.of(line(cells, "amount", "financing", "financing_status"));
  }

  /** A financing line from its amount, currency, status and source. */
  private static Financing line(
      List<String> cells, String amountColumn, String currencyColumn, String statusColumn) {
    String amount = cells.get(0);
    if (amount.isEmpty()) {
      throw new BadRequestException(amountColumn, "a financing line needs an amount");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw new BadRequestException(amountColumn, "'" + amount + "' is not an amount");
    }
    String source = cells.get(3);
    return new Financing(
        value,
        CurrencyCode.parse(currencyColumn, cells.get(1)),
        source.isEmpty() ? null : source,
        FinancingStatus.parse(statusColumn, cells.get(2)));
  }

  /**
   * The line with the date its column gives (yyyy-MM-dd), none when empty.
   *
   * @throws BadRequestException naming the column when it is no date, or one the line cannot have
   */
  private static Financing dated(Financing line, String date, String column, LocalDate today) {
    if (date.isEmpty()) {
      return line;
    }
    Financing dated;
    try {
      dated =
          new Financing(
              line.amount(), line.currency(), line.source(), line.status(), LocalDate.parse(date));
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequestException(column, "'" + date + "' is not a date such as 2026-05-31");
    }
    dated.requirePossibleOn(today, column);
    return dated;
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
