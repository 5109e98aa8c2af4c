package org.entente.roadmaps;

import java.io.IOException;
import java.io.Reader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.roadmaps.Milestone.Status;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.Csv;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.RowBatches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A working group's milestones as CSV: export, and import that is idempotent by key and all or
 * nothing per file; dependencies may name milestones of the file or already stored, and a cycle
 * among them refuses the file, named.
 *
 * <p>Columns: {@code key, title_en, title_az, owner, planned_start, planned_end, actual_start,
 * actual_end, status, project, depends_on} (keys separated by {@code ;}); dates as YYYY-MM-DD.
 */
@Service
public class MilestoneCsv {

  static final String[] HEADER = {
    "key",
    "title_en",
    "title_az",
    "owner",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "status",
    "project",
    "depends_on"
  };

  /** Rows per JDBC batch when writing. */
  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Clock clock;
  private final Charters charters;
  private final Roadmaps roadmaps;
  private final Audit audit;

  MilestoneCsv(
      JdbcClient jdbc,
      JdbcTemplate batch,
      Clock clock,
      Charters charters,
      Roadmaps roadmaps,
      Audit audit) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.clock = clock;
    this.charters = charters;
    this.roadmaps = roadmaps;
    this.audit = audit;
  }

  /** One refused row: its line in the file, the field and what is wrong. */
  public record RowError(long line, String field, String message) {}

  /** What an import did; nothing is stored when there are errors. */
  public record ImportReport(
      int rows, int created, int updated, int unchanged, List<RowError> errors) {}

  /** The group's milestones the viewer may see, as CSV. */
  @Transactional(readOnly = true)
  public String export(String charterKey, String groupKey, Viewer viewer) {
    Csv.Writer out = Csv.writer(HEADER);
    for (MilestoneView m : roadmaps.roadmap(charterKey, groupKey, viewer).milestones()) {
      out.row(
          m.key(),
          m.title().values().getOrDefault("en", ""),
          m.title().values().getOrDefault("az", ""),
          Objects.toString(m.owner(), ""),
          m.plannedStart(),
          m.plannedEnd(),
          Objects.toString(m.actualStart(), ""),
          Objects.toString(m.actualEnd(), ""),
          m.status(),
          Objects.toString(m.project(), ""),
          String.join(";", m.dependsOn()));
    }
    return out.toString();
  }

  private record Row(long line, Milestone milestone) {}

  private record Stored(UUID id, String fingerprint, List<String> dependsOn) {}

  /** A milestone to insert or update, with its id. */
  private record Write(UUID id, Milestone milestone) {}

  /**
   * Imports a group's milestones from CSV, for a member who may write in the group.
   *
   * @throws ForbiddenException when the viewer may not write in the group
   */
  @Transactional
  public ImportReport importCsv(String charterKey, String groupKey, Reader csv, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    UUID charterId = group.charter().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " import its roadmap");
    }
    Map<String, UUID> projects = new HashMap<>();
    // Imported milestones are bilateral: they link only to records at least as widely visible.
    jdbc.sql(
            "select code, id from project where group_id = ? and retired = false"
                + " and classification <> 'PARTY_INTERNAL'")
        .param(groupId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> projects.put(rs.getString(1), rs.getObject(2, UUID.class)));
    Map<String, Stored> stored = stored(groupId);
    java.util.Set<String> internal =
        new java.util.HashSet<>(
            jdbc.sql(
                    "select code from milestone where group_id = ?"
                        + " and classification = 'PARTY_INTERNAL'")
                .param(groupId)
                .query(String.class)
                .list());
    // Keys are unique in the charter. Only the group's milestones the importer may see are
    // brought up to date; a key held by a milestone of another group they may see is named as
    // such, and one held by a record they may not see (or a retired one) is only "already used",
    // so that an import neither changes nor describes what the importer may not see.
    Map<String, Boolean> elsewhere = new HashMap<>();
    jdbc.sql(
            "select code, group_id, classification, origin_party, retired from milestone"
                + " where charter_id = ?")
        .param(charterId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  UUID holder = rs.getObject("group_id", UUID.class);
                  boolean visible =
                      !rs.getBoolean("retired")
                          && viewer.canSee(
                              Classification.valueOf(rs.getString("classification")),
                              rs.getString("origin_party"),
                              holder);
                  String code = rs.getString("code");
                  if (visible && groupId.equals(holder)) {
                    return;
                  }
                  elsewhere.put(code, visible);
                  stored.remove(code);
                });
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<String, Long> lines = new HashMap<>();
    try (CSVParser parser = Csv.read(csv)) {
      List<String> missing = new ArrayList<>();
      for (String column : List.of("key", "title_en", "planned_start", "planned_end")) {
        if (!parser.getHeaderMap().containsKey(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        throw new BadRequestException(
            "file", "the header lacks the column(s) " + String.join(", ", missing));
      }
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        try {
          Milestone m = milestone(record);
          Long earlier = lines.putIfAbsent(m.key(), line);
          if (earlier != null) {
            throw new BadRequestException(
                "key", "the key '" + m.key() + "' is also on line " + earlier);
          }
          Boolean visibleElsewhere = elsewhere.get(m.key());
          if (visibleElsewhere != null) {
            throw new BadRequestException(
                "key",
                visibleElsewhere
                    ? "the key '" + m.key() + "' belongs to a milestone of another group"
                    : "the key '" + m.key() + "' is already used in this charter");
          }
          if (m.project() != null && !projects.containsKey(m.project())) {
            throw new BadRequestException(
                "project", "the working group has no project '" + m.project() + "'");
          }
          rows.add(new Row(line, m));
        } catch (BadRequestException e) {
          errors.add(new RowError(line, e.field(), e.getMessage()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadRequestException("file", "the file is not readable CSV: " + e.getMessage());
    }
    // dependencies: on milestones of the file or already stored, without a cycle
    Map<String, List<String>> graph = new LinkedHashMap<>();
    stored.forEach((key, s) -> graph.put(key, s.dependsOn()));
    for (Row row : rows) {
      graph.put(row.milestone().key(), row.milestone().dependsOn());
    }
    for (Row row : rows) {
      for (String d : row.milestone().dependsOn()) {
        if (!graph.containsKey(d) || internal.contains(d)) {
          errors.add(
              new RowError(row.line(), "depends_on", "the roadmap has no milestone '" + d + "'"));
        }
      }
    }
    if (errors.isEmpty()) {
      ScheduleAnalysis.cycle(graph)
          .ifPresent(
              cycle ->
                  errors.add(
                      new RowError(
                          lines.getOrDefault(cycle.get(0), 0L),
                          "depends_on",
                          "these dependencies make a cycle: "
                              + String.join(" depends on ", cycle))));
    }
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparingLong(RowError::line));
      return new ImportReport(rows.size(), 0, 0, 0, List.copyOf(errors));
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    Map<String, UUID> ids = new HashMap<>();
    stored.forEach((key, s) -> ids.put(key, s.id()));
    List<Write> inserts = new ArrayList<>();
    List<Write> updates = new ArrayList<>();
    for (Row row : rows) {
      Milestone m = row.milestone();
      Stored known = stored.get(m.key());
      if (known == null) {
        UUID id = UUID.randomUUID();
        ids.put(m.key(), id);
        inserts.add(new Write(id, m));
        created++;
      } else if (!fingerprint(m).equals(known.fingerprint())) {
        updates.add(new Write(known.id(), m));
        updated++;
      } else {
        unchanged++;
      }
    }
    RowBatches.insert(
        batch,
        "insert into milestone (id, charter_id, code, title, owner_organization,"
            + " planned_start, planned_end, actual_start, actual_end, status, project_id,"
            + " classification, origin_party, group_id, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BILATERAL', ?, ?, ?, ?)",
        15,
        inserts,
        (ps, i, w) -> {
          Milestone m = w.milestone();
          ps.setObject(i, w.id());
          ps.setObject(i + 1, charterId);
          ps.setString(i + 2, m.key());
          ps.setString(i + 3, m.title().toJson());
          setString(ps, i + 4, m.owner());
          ps.setObject(i + 5, m.plannedStart());
          ps.setObject(i + 6, m.plannedEnd());
          setDate(ps, i + 7, m.actualStart());
          setDate(ps, i + 8, m.actualEnd());
          ps.setString(i + 9, m.status().name());
          setUuid(ps, i + 10, m.project() == null ? null : projects.get(m.project()));
          setString(ps, i + 11, viewer.party());
          ps.setObject(i + 12, groupId);
          ps.setObject(i + 13, now);
          ps.setObject(i + 14, now);
        });
    batch.batchUpdate(
        "update milestone set title = ?, owner_organization = ?, planned_start = ?,"
            + " planned_end = ?, actual_start = ?, actual_end = ?, status = ?,"
            + " project_id = ?, version = version + 1, updated_at = ? where id = ?",
        updates,
        BATCH,
        (ps, w) -> {
          Milestone m = w.milestone();
          ps.setString(1, m.title().toJson());
          setString(ps, 2, m.owner());
          ps.setObject(3, m.plannedStart());
          ps.setObject(4, m.plannedEnd());
          setDate(ps, 5, m.actualStart());
          setDate(ps, 6, m.actualEnd());
          ps.setString(7, m.status().name());
          setUuid(ps, 8, m.project() == null ? null : projects.get(m.project()));
          ps.setObject(9, now);
          ps.setObject(10, w.id());
        });
    // an updated milestone's dependencies are replaced; a new one has none yet
    batch.batchUpdate(
        "delete from milestone_dependency where milestone_id = ?",
        updates,
        BATCH,
        (ps, w) -> ps.setObject(1, w.id()));
    List<UUID[]> dependencies = new ArrayList<>();
    for (List<Write> writes : List.of(inserts, updates)) {
      for (Write w : writes) {
        for (String d : w.milestone().dependsOn()) {
          dependencies.add(new UUID[] {w.id(), ids.get(d)});
        }
      }
    }
    RowBatches.insert(
        batch,
        "insert into milestone_dependency (milestone_id, depends_on)",
        "(?, ?)",
        2,
        dependencies,
        (ps, i, d) -> {
          ps.setObject(i, d[0]);
          ps.setObject(i + 1, d[1]);
        });
    if (created + updated > 0) {
      audit.record(
          "milestones.imported",
          "working_group",
          groupId.toString(),
          Outcome.SUCCESS,
          Map.of(
              "charter", charterKey,
              "group", groupKey,
              "rows", rows.size(),
              "created", created,
              "updated", updated,
              "unchanged", unchanged));
    }
    return new ImportReport(rows.size(), created, updated, unchanged, List.of());
  }

  private Map<String, Stored> stored(UUID groupId) {
    Map<UUID, List<String>> dependencies = new HashMap<>();
    jdbc.sql(
            "select d.milestone_id, m.code from milestone_dependency d join milestone m"
                + " on m.id = d.depends_on where m.group_id = ?")
        .param(groupId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    dependencies
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getString(2)));
    Map<String, Stored> stored = new HashMap<>();
    jdbc.sql(
            "select m.*, p.code as project_code from milestone m left join project p"
                + " on p.id = m.project_id where m.group_id = ? and m.retired = false")
        .param(groupId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  UUID id = rs.getObject("id", UUID.class);
                  List<String> deps =
                      dependencies.getOrDefault(id, List.of()).stream().sorted().toList();
                  Milestone m =
                      new Milestone(
                          rs.getString("code"),
                          LocalizedText.fromJson(rs.getString("title")),
                          rs.getString("owner_organization"),
                          rs.getObject("planned_start", LocalDate.class),
                          rs.getObject("planned_end", LocalDate.class),
                          rs.getObject("actual_start", LocalDate.class),
                          rs.getObject("actual_end", LocalDate.class),
                          Status.valueOf(rs.getString("status")),
                          rs.getString("project_code"),
                          deps);
                  stored.put(m.key(), new Stored(id, fingerprint(m), deps));
                });
    return stored;
  }

  private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static void setDate(PreparedStatement ps, int index, LocalDate value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DATE);
    } else {
      ps.setObject(index, value);
    }
  }

  private static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }

  private static String fingerprint(Milestone m) {
    return String.join(
        "|",
        new java.util.TreeMap<>(m.title().values()).toString(),
        Objects.toString(m.owner(), ""),
        m.plannedStart().toString(),
        m.plannedEnd().toString(),
        Objects.toString(m.actualStart(), ""),
        Objects.toString(m.actualEnd(), ""),
        m.status().name(),
        Objects.toString(m.project(), ""),
        String.join(";", m.dependsOn().stream().sorted().toList()));
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
