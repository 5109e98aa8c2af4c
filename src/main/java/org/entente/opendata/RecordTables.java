package org.entente.opendata;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A charter's records as rows of their tables, for the export and the import: a restore, not an
 * API, so every field is carried as stored (ids, versions, times), and what an instance makes for
 * itself is referred to by its key (working groups, dialogue platforms and commitments come from
 * the charter's definition, with ids of their own in each instance). Every table read applies the
 * one visibility condition ({@link Viewer#condition(String)}), on its own rows or its parent's; a
 * reference to a row the viewer may not see is left out, not even its id is carried.
 */
@Component
class RecordTables {

  /** The format name and version of an export. */
  static final String FORMAT = "entente-export/1";

  /** How a column is carried. */
  enum Kind {
    ID,
    TEXT,
    INT,
    LONG,
    DECIMAL,
    DOUBLE,
    BOOL,
    DATE,
    TIMESTAMP,
    /** a working group's or dialogue platform's id, carried as its key */
    GROUP,
    /** a commitment's id, carried as its key */
    COMMITMENT
  }

  /**
   * A column.
   *
   * @param ref for an id: the table it refers to (its {@code id}), or null
   * @param required whether a row must have a value
   */
  record Col(String name, Kind kind, String ref, boolean required) {}

  /**
   * A table the export carries.
   *
   * @param select its rows of a charter the viewer may see ({@code :charter} and the viewer's
   *     parameters), in a stable order
   * @param ofCharter whether the table has a {@code charter_id} column
   */
  record Table(String name, List<Col> columns, String select, boolean ofCharter) {}

  private static Col c(String name, Kind kind) {
    return new Col(name, kind, null, false);
  }

  private static Col req(String name, Kind kind) {
    return new Col(name, kind, null, true);
  }

  private static Col ref(String name, String table, boolean required) {
    return new Col(name, Kind.ID, table, required);
  }

  private static List<Col> versioned(Col... cols) {
    List<Col> all = new ArrayList<>(List.of(cols));
    all.add(req("classification", Kind.TEXT));
    all.add(c("origin_party", Kind.TEXT));
    all.add(c("version", Kind.LONG));
    all.add(req("created_at", Kind.TIMESTAMP));
    all.add(req("updated_at", Kind.TIMESTAMP));
    return List.copyOf(all);
  }

  /** The tables, in the order they are imported (a row after the rows it refers to). */
  static final List<Table> TABLES =
      List.of(
          new Table(
              "project",
              versioned(
                  req("id", Kind.ID),
                  req("code", Kind.TEXT),
                  req("title", Kind.TEXT),
                  c("description", Kind.TEXT),
                  req("leads", Kind.TEXT),
                  req("partners", Kind.TEXT),
                  req("stage", Kind.TEXT),
                  c("stage_reason", Kind.TEXT),
                  c("place", Kind.TEXT),
                  c("latitude", Kind.DOUBLE),
                  c("longitude", Kind.DOUBLE),
                  req("group_id", Kind.GROUP)),
              "select p.* from project p where p.charter_id = :charter and p.retired = false and "
                  + Viewer.condition("p")
                  + " order by p.id",
              true),
          new Table(
              "project_commitment",
              List.of(
                  ref("project_id", "project", true),
                  req("commitment_id", Kind.COMMITMENT),
                  req("position", Kind.INT)),
              "select x.* from project_commitment x join project p on p.id = x.project_id"
                  + " where p.charter_id = :charter and p.retired = false and "
                  + Viewer.condition("p")
                  + " order by x.project_id, x.position",
              false),
          new Table(
              "project_financing",
              List.of(
                  ref("project_id", "project", true),
                  req("position", Kind.INT),
                  req("amount", Kind.DECIMAL),
                  req("currency", Kind.TEXT),
                  c("source", Kind.TEXT),
                  req("status", Kind.TEXT)),
              "select x.* from project_financing x join project p on p.id = x.project_id"
                  + " where p.charter_id = :charter and p.retired = false and "
                  + Viewer.condition("p")
                  + " order by x.project_id, x.position",
              false),
          new Table(
              "milestone",
              versioned(
                  req("id", Kind.ID),
                  req("code", Kind.TEXT),
                  req("title", Kind.TEXT),
                  c("owner_organization", Kind.TEXT),
                  req("planned_start", Kind.DATE),
                  req("planned_end", Kind.DATE),
                  c("actual_start", Kind.DATE),
                  c("actual_end", Kind.DATE),
                  req("status", Kind.TEXT),
                  ref("project_id", "project", false),
                  req("group_id", Kind.GROUP)),
              "select m.* from milestone m where m.charter_id = :charter and m.retired = false and "
                  + Viewer.condition("m")
                  + " order by m.id",
              true),
          new Table(
              "milestone_dependency",
              List.of(ref("milestone_id", "milestone", true), ref("depends_on", "milestone", true)),
              "select x.* from milestone_dependency x join milestone m on m.id = x.milestone_id"
                  + " where m.charter_id = :charter and m.retired = false and "
                  + Viewer.condition("m")
                  + " order by x.milestone_id, x.depends_on",
              false),
          new Table(
              "indicator",
              versioned(
                  req("id", Kind.ID),
                  req("code", Kind.TEXT),
                  req("name", Kind.TEXT),
                  req("unit", Kind.TEXT),
                  req("direction", Kind.TEXT),
                  c("area_key", Kind.TEXT),
                  c("owner_organization", Kind.TEXT),
                  c("definition", Kind.TEXT),
                  c("data_source", Kind.TEXT),
                  c("group_id", Kind.GROUP)),
              "select i.* from indicator i where i.charter_id = :charter and "
                  + Viewer.condition("i")
                  + " order by i.id",
              true),
          new Table(
              "indicator_commitment",
              List.of(ref("indicator_id", "indicator", true), req("commitment_key", Kind.TEXT)),
              "select x.* from indicator_commitment x join indicator i on i.id = x.indicator_id"
                  + " where i.charter_id = :charter and "
                  + Viewer.condition("i")
                  + " order by x.indicator_id, x.commitment_key",
              false),
          new Table(
              "indicator_value",
              List.of(
                  req("id", Kind.ID),
                  ref("indicator_id", "indicator", true),
                  req("kind", Kind.TEXT),
                  c("period_year", Kind.INT),
                  c("period_date", Kind.DATE),
                  req("amount", Kind.DECIMAL),
                  c("source_url", Kind.TEXT),
                  req("publisher", Kind.TEXT),
                  c("note", Kind.TEXT),
                  req("official", Kind.BOOL),
                  req("used", Kind.BOOL),
                  ref("superseded_by", "indicator_value", false),
                  req("created_at", Kind.TIMESTAMP)),
              "select x.* from indicator_value x join indicator i on i.id = x.indicator_id"
                  + " where i.charter_id = :charter and "
                  + Viewer.condition("i")
                  + " order by x.indicator_id, x.id",
              false),
          new Table(
              "meeting",
              versioned(
                  req("id", Kind.ID),
                  req("body_kind", Kind.TEXT),
                  req("title", Kind.TEXT),
                  req("starts_at", Kind.TIMESTAMP),
                  req("ends_at", Kind.TIMESTAMP),
                  req("time_zone", Kind.TEXT),
                  c("place", Kind.TEXT),
                  req("online", Kind.BOOL),
                  req("status", Kind.TEXT),
                  c("minutes", Kind.TEXT),
                  c("group_id", Kind.GROUP)),
              "select m.* from meeting m where m.charter_id = :charter and "
                  + Viewer.condition("m")
                  + " order by m.id",
              true),
          new Table(
              "meeting_participant",
              List.of(
                  req("id", Kind.ID),
                  ref("meeting_id", "meeting", true),
                  c("party", Kind.TEXT),
                  req("organization", Kind.TEXT),
                  c("person_name", Kind.TEXT),
                  req("attendance", Kind.TEXT),
                  req("position", Kind.INT)),
              "select x.* from meeting_participant x join meeting m on m.id = x.meeting_id"
                  + " where m.charter_id = :charter and "
                  + Viewer.condition("m")
                  + " order by x.meeting_id, x.position, x.id",
              false),
          new Table(
              "agenda_item",
              List.of(
                  req("id", Kind.ID),
                  ref("meeting_id", "meeting", true),
                  req("position", Kind.INT),
                  req("title", Kind.TEXT),
                  c("commitment_key", Kind.TEXT),
                  ref("project_id", "project", false),
                  ref("milestone_id", "milestone", false)),
              "select x.* from agenda_item x join meeting m on m.id = x.meeting_id"
                  + " where m.charter_id = :charter and "
                  + Viewer.condition("m")
                  + " order by x.meeting_id, x.position, x.id",
              false),
          new Table(
              "meeting_decision",
              List.of(
                  req("id", Kind.ID),
                  ref("meeting_id", "meeting", true),
                  ref("agenda_item_id", "agenda_item", false),
                  req("position", Kind.INT),
                  req("text", Kind.TEXT)),
              "select x.* from meeting_decision x join meeting m on m.id = x.meeting_id"
                  + " where m.charter_id = :charter and "
                  + Viewer.condition("m")
                  + " order by x.meeting_id, x.position, x.id",
              false),
          new Table(
              "action_item",
              versioned(
                  req("id", Kind.ID),
                  ref("meeting_id", "meeting", true),
                  req("title", Kind.TEXT),
                  c("owner_organization", Kind.TEXT),
                  c("owner_username", Kind.TEXT),
                  req("due_on", Kind.DATE),
                  req("status", Kind.TEXT),
                  ref("milestone_id", "milestone", false),
                  c("group_id", Kind.GROUP)),
              "select a.* from action_item a where a.charter_id = :charter and "
                  + Viewer.condition("a")
                  + " order by a.id",
              true),
          new Table(
              "joint_statement",
              List.of(
                  ref("meeting_id", "meeting", true),
                  req("text", Kind.TEXT),
                  req("publish", Kind.BOOL),
                  c("published_at", Kind.TIMESTAMP),
                  c("version", Kind.LONG),
                  req("created_at", Kind.TIMESTAMP),
                  req("updated_at", Kind.TIMESTAMP)),
              "select x.* from joint_statement x join meeting m on m.id = x.meeting_id"
                  + " where m.charter_id = :charter and "
                  + Viewer.condition("m")
                  + " order by x.meeting_id",
              false));

  /** The tables whose rows make a charter's instance not empty. */
  private static final List<String> OWNED = List.of("project", "milestone", "meeting");

  private final JdbcClient jdbc;
  private final Charters charters;
  private final Audit audit;
  private final Clock clock;

  RecordTables(JdbcClient jdbc, Charters charters, Audit audit, Clock clock) {
    this.jdbc = jdbc;
    this.charters = charters;
    this.audit = audit;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- export

  /** The charter's records the viewer may see, by table. */
  Map<String, Object> export(String charterKey, Viewer viewer) {
    UUID charterId = charters.idOf(charterKey).orElseThrow();
    Map<UUID, String> groups = groupKeys(charterId);
    Map<UUID, String> commitments = commitmentKeys(charterId, viewer);
    Set<String> areas = areaKeys(charterId, viewer);
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    Map<String, Set<String>> ids = new HashMap<>();
    for (Table table : TABLES) {
      List<Map<String, Object>> read =
          jdbc.sql(table.select())
              .param("charter", charterId)
              .params(viewer.parameters())
              .query((rs, n) -> read(table, rs, groups, commitments))
              .list();
      List<Map<String, Object>> kept = new ArrayList<>();
      for (Map<String, Object> row : read) {
        if (keep(table, row, ids) && linksShown(table, row, commitments, areas)) {
          kept.add(row);
          if (row.get("id") instanceof String id) {
            ids.computeIfAbsent(table.name(), t -> new HashSet<>()).add(id);
          }
        }
      }
      rows.put(table.name(), kept);
    }
    auditRestricted(charterId, rows);
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("format", FORMAT);
    export.put("charter", charterKey);
    export.put("exportedAt", Instant.now(clock).toString());
    export.put("tables", rows);
    return export;
  }

  /**
   * Whether a row goes into the export: a row that needs a row the export does not carry does not;
   * a reference it may do without is emptied.
   */
  private static boolean keep(Table table, Map<String, Object> row, Map<String, Set<String>> ids) {
    for (Col col : table.columns()) {
      if (col.ref() == null || row.get(col.name()) == null) {
        continue;
      }
      if (col.ref().equals(table.name())) {
        continue; // within the same table, e.g. a value superseded by another of its indicator
      }
      boolean carried = ids.getOrDefault(col.ref(), Set.of()).contains(row.get(col.name()));
      if (!carried) {
        if (col.required()) {
          return false;
        }
        row.put(col.name(), null);
      }
    }
    return true;
  }

  private static Map<String, Object> read(
      Table table, ResultSet rs, Map<UUID, String> groups, Map<UUID, String> commitments)
      throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Col col : table.columns()) {
      String n = col.name();
      Object value =
          switch (col.kind()) {
            case ID -> str(rs.getObject(n, UUID.class));
            case TEXT -> rs.getString(n);
            case INT -> (Integer) rs.getObject(n, Integer.class);
            case LONG -> (Long) rs.getObject(n, Long.class);
            case DECIMAL -> {
              BigDecimal d = rs.getBigDecimal(n);
              yield d == null ? null : d.toPlainString();
            }
            case DOUBLE -> (Double) rs.getObject(n, Double.class);
            case BOOL -> (Boolean) rs.getObject(n, Boolean.class);
            case DATE -> str(rs.getObject(n, LocalDate.class));
            case TIMESTAMP -> {
              OffsetDateTime t = rs.getObject(n, OffsetDateTime.class);
              yield t == null ? null : t.toInstant().toString();
            }
            case GROUP -> {
              UUID id = rs.getObject(n, UUID.class);
              yield id == null ? null : groups.get(id);
            }
            case COMMITMENT -> {
              UUID id = rs.getObject(n, UUID.class);
              yield id == null ? null : commitments.get(id);
            }
          };
      row.put(n, value);
    }
    return row;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private Map<UUID, String> groupKeys(UUID charterId) {
    Map<UUID, String> keys = new HashMap<>();
    for (String table : List.of("working_group", "dialogue_platform")) {
      jdbc.sql("select id, code from " + table + " where charter_id = ?")
          .param(charterId)
          .query((rs, n) -> keys.put(rs.getObject("id", UUID.class), rs.getString("code")))
          .list();
    }
    return keys;
  }

  /** All of the charter's commitments: what an import resolves keys against. */
  private Map<UUID, String> commitmentKeys(UUID charterId) {
    Map<UUID, String> keys = new HashMap<>();
    jdbc.sql("select id, code from commitment where charter_id = ?")
        .param(charterId)
        .query((rs, n) -> keys.put(rs.getObject("id", UUID.class), rs.getString("code")))
        .list();
    return keys;
  }

  /** The charter's commitments the viewer may see: a link to any other is not exported. */
  private Map<UUID, String> commitmentKeys(UUID charterId, Viewer viewer) {
    Map<UUID, String> keys = new HashMap<>();
    jdbc.sql(
            "select id, code from commitment where charter_id = :charter and " + Viewer.condition())
        .param("charter", charterId)
        .params(viewer.parameters())
        .query((rs, n) -> keys.put(rs.getObject("id", UUID.class), rs.getString("code")))
        .list();
    return keys;
  }

  /** The keys of the charter's areas the viewer may see. */
  private Set<String> areaKeys(UUID charterId, Viewer viewer) {
    return new HashSet<>(
        jdbc.sql("select code from area where charter_id = :charter and " + Viewer.condition())
            .param("charter", charterId)
            .params(viewer.parameters())
            .query(String.class)
            .list());
  }

  /**
   * Whether a row goes into the export as far as its links to commitments and areas go: a link to
   * one the viewer may not see (stored before links had to follow visibility) is emptied, and a row
   * that is nothing but such a link is left out, so the export never names a hidden record.
   */
  private static boolean linksShown(
      Table table, Map<String, Object> row, Map<UUID, String> commitments, Set<String> areas) {
    for (Col col : table.columns()) {
      Object value = row.get(col.name());
      boolean hidden =
          switch (col.name()) {
            case "commitment_key" -> value != null && !commitments.containsValue(value);
            case "area_key" -> value != null && !areas.contains(value);
            default -> col.kind() == Kind.COMMITMENT && value == null;
          };
      if (hidden) {
        if (col.required()) {
          return false;
        }
        row.put(col.name(), null);
      }
    }
    return true;
  }

  /** An export that holds non-public records of a restricted group is a read to record. */
  private void auditRestricted(UUID charterId, Map<String, List<Map<String, Object>>> rows) {
    Set<String> restricted =
        new HashSet<>(
            jdbc.sql("select code from working_group where charter_id = ? and restricted")
                .param(charterId)
                .query(String.class)
                .list());
    int count = 0;
    for (Table table : TABLES) {
      if (table.columns().stream().noneMatch(c -> c.kind() == Kind.GROUP)) {
        continue;
      }
      for (Map<String, Object> row : rows.get(table.name())) {
        if (restricted.contains(row.get("group_id"))
            && !"PUBLIC".equals(row.get("classification"))) {
          count++;
        }
      }
    }
    if (count > 0) {
      audit.recordRead("charter-export", charterId.toString(), Map.of("restrictedRecords", count));
    }
  }

  // ---------------------------------------------------------------- import

  /**
   * Imports an export, all or nothing, in the caller's transaction.
   *
   * @return the rows imported by table, and under {@code kept} the indicators this instance had
   *     already (loaded with the charter's reference data), which are left as they are
   */
  Map<String, Integer> importRows(Map<String, Object> export) {
    if (export == null || !FORMAT.equals(export.get("format"))) {
      throw new BadRequestException("format", "not an Entente export: format must be " + FORMAT);
    }
    if (!(export.get("charter") instanceof String charterKey) || charterKey.isBlank()) {
      throw new BadRequestException("charter", "the export names no charter");
    }
    if (!(export.get("tables") instanceof Map<?, ?> tables)) {
      throw new BadRequestException("tables", "the export has no tables");
    }
    for (Object name : tables.keySet()) {
      if (TABLES.stream().noneMatch(t -> t.name().equals(name))) {
        throw new BadRequestException("tables." + name, "not a table an export carries");
      }
    }
    UUID charterId =
        charters
            .idOf(charterKey)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "charter",
                        "this instance has no charter '"
                            + charterKey
                            + "': load its definition first"));
    Map<String, UUID> groups = new HashMap<>();
    groupKeys(charterId).forEach((id, key) -> groups.put(key, id));
    Map<String, UUID> commitments = new HashMap<>();
    commitmentKeys(charterId).forEach((id, key) -> commitments.put(key, id));
    Set<String> existingIndicators =
        new HashSet<>(
            jdbc.sql("select code from indicator where charter_id = ?")
                .param(charterId)
                .query(String.class)
                .list());

    // First every row is read and checked; only then is anything written.
    Map<String, List<Map<String, Object>>> parsed = new LinkedHashMap<>();
    Map<String, Set<Object>> ids = new HashMap<>();
    Set<Object> keptIndicators = new HashSet<>();
    int kept = 0;
    for (Table table : TABLES) {
      Object listed = tables.get(table.name());
      List<Map<String, Object>> out = new ArrayList<>();
      if (listed != null && !(listed instanceof List<?>)) {
        throw new BadRequestException("tables." + table.name(), "must be a list of rows");
      }
      List<?> rows = listed == null ? List.of() : (List<?>) listed;
      for (int i = 0; i < rows.size(); i++) {
        String at = "tables." + table.name() + "[" + i + "]";
        if (!(rows.get(i) instanceof Map<?, ?> raw)) {
          throw new BadRequestException(at, "a row is an object");
        }
        Map<String, Object> row = parse(table, raw, at, groups, commitments);
        if (table.name().equals("indicator") && existingIndicators.contains(row.get("code"))) {
          keptIndicators.add(row.get("id"));
          kept++;
          continue;
        }
        if (dependsOnKept(table, row, keptIndicators)) {
          continue;
        }
        for (Col col : table.columns()) {
          Object value = row.get(col.name());
          if (col.ref() != null
              && value != null
              && !col.ref().equals(table.name())
              && !ids.getOrDefault(col.ref(), Set.of()).contains(value)) {
            throw new BadRequestException(
                at + "." + col.name(), "refers to a " + col.ref() + " the file does not hold");
          }
        }
        if (row.get("id") != null
            && !ids.computeIfAbsent(table.name(), t -> new HashSet<>()).add(row.get("id"))) {
          throw new BadRequestException(at + ".id", "the file holds this id twice");
        }
        out.add(row);
      }
      parsed.put(table.name(), out);
    }

    // A malformed file is refused as such (400) before an instance's records are (409).
    for (String owned : OWNED) {
      long n =
          jdbc.sql("select count(*) from " + owned + " where charter_id = ?")
              .param(charterId)
              .query(Long.class)
              .single();
      if (n > 0) {
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "This instance already holds records of the charter '"
                    + charterKey
                    + "' ("
                    + owned
                    + "); an export is imported into an empty instance only. Nothing was imported.");
        problem.setTitle("Not empty");
        throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    try {
      for (Table table : TABLES) {
        List<Map<String, Object>> rows = parsed.get(table.name());
        for (Map<String, Object> row : rows) {
          insert(table, row, charterId);
        }
        counts.put(table.name(), rows.size());
      }
      // a value's correction is set once every value is in
      for (Map<String, Object> value : parsed.get("indicator_value")) {
        if (value.get("superseded_by") != null) {
          jdbc.sql("update indicator_value set superseded_by = ? where id = ?")
              .params(value.get("superseded_by"), value.get("id"))
              .update();
        }
      }
    } catch (DuplicateKeyException e) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT,
              "A record of the file exists in this instance already (same id or key)."
                  + " Nothing was imported.");
      problem.setTitle("Not empty");
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    } catch (DataAccessException e) {
      throw new BadRequestException(
          "tables", "the file's records do not fit this instance's database; nothing was imported");
    }
    counts.put("kept", kept);
    audit.record("charter.imported", "charter", charterId.toString(), Outcome.SUCCESS, counts);
    return counts;
  }

  private static boolean dependsOnKept(Table table, Map<String, Object> row, Set<Object> kept) {
    return table.name().startsWith("indicator_") && kept.contains(row.get("indicator_id"));
  }

  private static Map<String, Object> parse(
      Table table,
      Map<?, ?> raw,
      String at,
      Map<String, UUID> groups,
      Map<String, UUID> commitments) {
    for (Object key : raw.keySet()) {
      if (table.columns().stream().noneMatch(c -> c.name().equals(key))) {
        throw new BadRequestException(at + "." + key, "not a column of " + table.name());
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (Col col : table.columns()) {
      String field = at + "." + col.name();
      Object v = raw.get(col.name());
      if (v == null) {
        if (col.required()) {
          throw new BadRequestException(field, "is required");
        }
        row.put(col.name(), null);
        continue;
      }
      try {
        row.put(
            col.name(),
            switch (col.kind()) {
              case ID -> UUID.fromString(text(v, field));
              case TEXT -> text(v, field);
              case INT -> Math.toIntExact(whole(v, field));
              case LONG -> whole(v, field);
              case DECIMAL -> new BigDecimal(v instanceof Number ? v.toString() : text(v, field));
              case DOUBLE -> {
                if (!(v instanceof Number n)) {
                  throw new BadRequestException(field, "must be a number");
                }
                yield n.doubleValue();
              }
              case BOOL -> {
                if (!(v instanceof Boolean b)) {
                  throw new BadRequestException(field, "must be true or false");
                }
                yield b;
              }
              case DATE -> LocalDate.parse(text(v, field));
              case TIMESTAMP -> Instant.parse(text(v, field)).atOffset(ZoneOffset.UTC);
              case GROUP -> {
                UUID id = groups.get(text(v, field));
                if (id == null) {
                  throw new BadRequestException(
                      field, "the charter here has no working group or platform '" + v + "'");
                }
                yield id;
              }
              case COMMITMENT -> {
                UUID id = commitments.get(text(v, field));
                if (id == null) {
                  throw new BadRequestException(
                      field, "the charter here has no commitment '" + v + "'");
                }
                yield id;
              }
            });
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        throw new BadRequestException(field, "is not a valid " + col.kind().name().toLowerCase());
      }
    }
    return row;
  }

  private static String text(Object v, String field) {
    if (!(v instanceof String s)) {
      throw new BadRequestException(field, "must be a string");
    }
    return s;
  }

  private static long whole(Object v, String field) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b) {
      return b.longValueExact();
    }
    throw new BadRequestException(field, "must be a whole number");
  }

  private void insert(Table table, Map<String, Object> row, UUID charterId) {
    List<String> names = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    for (Col col : table.columns()) {
      names.add(col.name());
      Object value = row.get(col.name());
      if (col.name().equals("superseded_by")) {
        value = null;
      }
      if (col.name().equals("version") && value == null) {
        value = 0L;
      }
      params.put(col.name(), value);
    }
    if (table.ofCharter()) {
      names.add("charter_id");
      params.put("charter_id", charterId);
    }
    String sql =
        "insert into "
            + table.name()
            + " ("
            + String.join(", ", names)
            + ") values ("
            + String.join(", ", names.stream().map(n -> ":" + n).toList())
            + ")";
    var spec = jdbc.sql(sql);
    for (var p : params.entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    spec.update();
  }
}
