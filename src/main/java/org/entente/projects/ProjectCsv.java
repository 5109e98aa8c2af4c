package org.entente.projects;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Stage;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A working group's projects as CSV: export, and import that is idempotent by the projects' keys (a
 * replay changes nothing), all or nothing per file (one bad row refuses the file, naming every bad
 * line), in one transaction, audited as one event.
 *
 * <p>Columns: {@code key, title_en, title_az, commitments} (keys separated by {@code ;}), {@code
 * stage, stage_reason, leads} ({@code US=Department of State;AZ=…}), {@code amount, currency,
 * financing_status, financing_source, place, latitude, longitude}. One financing line per project.
 */
@Service
public class ProjectCsv {

  static final String[] HEADER = {
    "key",
    "title_en",
    "title_az",
    "commitments",
    "stage",
    "stage_reason",
    "leads",
    "amount",
    "currency",
    "financing_status",
    "financing_source",
    "place",
    "latitude",
    "longitude"
  };

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_ROWS = 1_000_000;

  /** Rows per JDBC batch when writing. */
  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Clock clock;
  private final Charters charters;
  private final Audit audit;

  ProjectCsv(JdbcClient jdbc, JdbcTemplate batch, Clock clock, Charters charters, Audit audit) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.clock = clock;
    this.charters = charters;
    this.audit = audit;
  }

  /** One refused row: its line in the file, the field and what is wrong. */
  public record RowError(long line, String field, String message) {}

  /** What an import did, or would have done: nothing is stored when there are errors. */
  public record ImportReport(
      int rows, int created, int updated, int unchanged, List<RowError> errors) {}

  /** The group's bilateral and party-internal projects the viewer may see, as CSV. */
  @Transactional(readOnly = true)
  public String export(String charterKey, String groupKey, Viewer viewer, Projects projects) {
    Csv.Writer out = Csv.writer(HEADER);
    for (ProjectViews.ProjectView p : projects.list(charterKey, groupKey, viewer)) {
      Financing f = p.financing().isEmpty() ? null : p.financing().get(0);
      out.row(
          p.key(),
          p.title().values().getOrDefault("en", ""),
          p.title().values().getOrDefault("az", ""),
          String.join(";", p.commitments().stream().map(ProjectViews.CommitmentRef::key).toList()),
          p.stage(),
          p.stageReason() == null ? "" : p.stageReason(),
          String.join(
              ";",
              p.leads().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
          f == null ? "" : f.amount().toPlainString(),
          f == null ? "" : f.currency(),
          f == null ? "" : f.status().name().toLowerCase(java.util.Locale.ROOT),
          f == null || f.source() == null ? "" : f.source(),
          p.location() == null || p.location().place() == null ? "" : p.location().place(),
          p.location() == null || p.location().latitude() == null ? "" : p.location().latitude(),
          p.location() == null || p.location().longitude() == null ? "" : p.location().longitude());
    }
    return out.toString();
  }

  /** A row read and checked. */
  private record Row(long line, Project project, List<UUID> commitments) {}

  /** A project to insert or update, with its id. */
  private record Write(UUID id, Row row) {}

  /** What is stored of a project, to tell an update from nothing to do. */
  /**
   * A project stored under a key of the charter; {@code visible} whether the importer may see it
   * (and it is not retired): only those of the importer's group are brought up to date.
   */
  private record Existing(UUID id, UUID groupId, Stage stage, boolean visible) {}

  /**
   * Imports a group's projects from CSV, for a member who may write in the group: new keys are
   * created (bilateral), known keys updated when they differ, the rest left as they are.
   *
   * @param progress told the number of rows read so far, every thousand rows
   * @throws ForbiddenException when the viewer may not write in the group
   */
  @Transactional
  public ImportReport importCsv(
      String charterKey,
      String groupKey,
      Reader csv,
      Viewer viewer,
      java.util.function.LongConsumer progress) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    UUID charterId = group.charter().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " import its projects");
    }
    Map<String, UUID> commitments = new HashMap<>();
    for (CommitmentView c :
        charters
            .commitments(charterKey, null, null, new org.entente.shared.Paging(0, 100), viewer)
            .items()) {
      commitments.put(c.key(), c.id());
    }
    if (commitments.size() >= 100) {
      // a charter with more commitments than a page: read them all
      int page = 1;
      List<CommitmentView> more;
      do {
        more =
            charters
                .commitments(
                    charterKey, null, null, new org.entente.shared.Paging(page++, 100), viewer)
                .items();
        more.forEach(c -> commitments.put(c.key(), c.id()));
      } while (!more.isEmpty());
    }
    // Imported projects are bilateral: they link only to commitments at least as widely visible.
    org.entente.identity.Viewer.Audience imported =
        new org.entente.identity.Viewer.Audience(
            org.entente.shared.Classification.BILATERAL, viewer.party(), groupId);
    commitments
        .keySet()
        .removeIf(
            key ->
                charters
                    .commitmentAudience(charterKey, key, viewer)
                    .filter(imported::within)
                    .isEmpty());
    Map<String, Existing> existing = new HashMap<>();
    jdbc.sql(
            "select id, group_id, code, stage, classification, origin_party, retired"
                + " from project where charter_id = ?")
        .param(charterId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    existing.put(
                        rs.getString("code"),
                        new Existing(
                            rs.getObject("id", UUID.class),
                            rs.getObject("group_id", UUID.class),
                            Stage.valueOf(rs.getString("stage")),
                            !rs.getBoolean("retired")
                                && viewer.canSee(
                                    Classification.valueOf(rs.getString("classification")),
                                    rs.getString("origin_party"),
                                    rs.getObject("group_id", UUID.class)))));
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    try (CSVParser parser = Csv.read(csv)) {
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
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (rows.size() + errors.size() >= MAX_ROWS) {
          throw new BadRequestException("file", "a file has at most " + MAX_ROWS + " rows");
        }
        if (record.getRecordNumber() % 1000 == 0) {
          progress.accept(record.getRecordNumber());
        }
        try {
          Row row = row(record, line, commitments);
          Long earlier = seen.putIfAbsent(row.project().key(), line);
          if (earlier != null) {
            throw new BadRequestException(
                "key", "the key '" + row.project().key() + "' is also on line " + earlier);
          }
          Existing known = existing.get(row.project().key());
          // Keys are unique in the charter: a key held by a record the importer may not see (or
          // a retired one) is only "already used", so that the import neither changes nor
          // describes it.
          if (known != null && !known.visible()) {
            throw new BadRequestException(
                "key", "the key '" + row.project().key() + "' is already used in this charter");
          }
          if (known != null && !known.groupId().equals(groupId)) {
            throw new BadRequestException(
                "key",
                "the key '" + row.project().key() + "' belongs to a project of another group");
          }
          if (known != null
              && known.stage() != row.project().stage()
              && !known.stage().next().contains(row.project().stage())) {
            throw new BadRequestException(
                "stage",
                "project '"
                    + row.project().key()
                    + "' cannot move from "
                    + known.stage().code()
                    + " to "
                    + row.project().stage().code());
          }
          rows.add(row);
        } catch (BadRequestException e) {
          errors.add(new RowError(line, e.field(), e.getMessage()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadRequestException("file", "the file is not readable CSV: " + e.getMessage());
    }
    if (!errors.isEmpty()) {
      return new ImportReport(rows.size() + errors.size(), 0, 0, 0, List.copyOf(errors));
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    Map<UUID, String> stored = fingerprints(charterId, groupId);
    List<Write> inserts = new ArrayList<>();
    List<Write> updates = new ArrayList<>();
    for (Row row : rows) {
      Project p = row.project();
      Existing known = existing.get(p.key());
      String fingerprint = fingerprint(p, row.commitments());
      if (known == null) {
        inserts.add(new Write(UUID.randomUUID(), row));
        created++;
      } else if (!fingerprint.equals(stored.get(known.id()))) {
        updates.add(new Write(known.id(), row));
        updated++;
      } else {
        unchanged++;
      }
    }
    insert(inserts, charterId, groupId, viewer, now);
    update(updates, now);
    // an updated project's commitments and financing are replaced; a new one has none yet
    batch.batchUpdate(
        "delete from project_commitment where project_id = ?",
        updates,
        BATCH,
        (ps, w) -> ps.setObject(1, w.id()));
    batch.batchUpdate(
        "delete from project_financing where project_id = ?",
        updates,
        BATCH,
        (ps, w) -> ps.setObject(1, w.id()));
    children(inserts, updates);
    progress.accept(rows.size());
    if (created + updated > 0) {
      audit.record(
          "projects.imported",
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

  private Row row(CSVRecord record, long line, Map<String, UUID> commitmentIds) {
    Map<String, String> title = new LinkedHashMap<>();
    put(title, "en", get(record, "title_en"));
    put(title, "az", get(record, "title_az"));
    List<String> keys = split(get(record, "commitments"));
    List<UUID> ids = new ArrayList<>();
    for (String key : keys) {
      UUID id = commitmentIds.get(key);
      if (id == null) {
        throw new BadRequestException("commitments", "the charter has no commitment '" + key + "'");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    Map<String, String> leads = new LinkedHashMap<>();
    for (String pair : split(get(record, "leads"))) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new BadRequestException("leads", "leads are PARTY=organization, separated by ;");
      }
      leads.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    List<Financing> financing = List.of();
    String amount = get(record, "amount");
    if (!amount.isEmpty()) {
      BigDecimal value;
      try {
        value = new BigDecimal(amount);
      } catch (NumberFormatException e) {
        throw new BadRequestException("amount", "'" + amount + "' is not an amount");
      }
      FinancingStatus status;
      try {
        String s = get(record, "financing_status");
        status =
            s.isEmpty()
                ? FinancingStatus.PLEDGED
                : FinancingStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            "financing_status", "financing status is pledged, committed or disbursed");
      }
      String source = get(record, "financing_source");
      financing =
          List.of(
              new Financing(
                  value, get(record, "currency"), source.isEmpty() ? null : source, status));
    }
    Location location = null;
    String place = get(record, "place");
    String lat = get(record, "latitude");
    String lon = get(record, "longitude");
    if (!place.isEmpty() || !lat.isEmpty() || !lon.isEmpty()) {
      try {
        location =
            new Location(
                place.isEmpty() ? null : place,
                lat.isEmpty() ? null : Double.valueOf(lat),
                lon.isEmpty() ? null : Double.valueOf(lon));
      } catch (NumberFormatException e) {
        throw new BadRequestException("latitude", "latitude and longitude are decimal degrees");
      }
    }
    String stage = get(record, "stage");
    Project project =
        new Project(
            get(record, "key"),
            LocalizedText.ofMap(title),
            LocalizedText.empty(),
            keys,
            leads,
            List.of(),
            stage.isEmpty() ? Stage.IDENTIFIED : Stage.fromCode(stage),
            get(record, "stage_reason").isEmpty() ? null : get(record, "stage_reason"),
            financing,
            location);
    return new Row(line, project, ids);
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

  /** What an import compares: the columns a file sets, in a fixed order. */
  private static String fingerprint(Project p, List<UUID> commitments) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("title", new java.util.TreeMap<>(p.title().values()));
    f.put("commitments", commitments.stream().map(UUID::toString).sorted().toList());
    f.put("stage", p.stage().name());
    f.put("stageReason", p.stageReason());
    f.put("leads", new java.util.TreeMap<>(p.leads()));
    f.put(
        "financing",
        p.financing().stream()
            .map(
                x ->
                    List.of(
                        x.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                        x.currency(),
                        Objects.toString(x.source(), ""),
                        x.status().name()))
            .toList());
    f.put(
        "location",
        p.location() == null
            ? null
            : List.of(
                Objects.toString(p.location().place(), ""),
                Objects.toString(p.location().latitude(), ""),
                Objects.toString(p.location().longitude(), "")));
    return JSON.writeValueAsString(f);
  }

  /** The stored projects of a group, each as {@link #fingerprint}. */
  private Map<UUID, String> fingerprints(UUID charterId, UUID groupId) {
    Map<UUID, List<UUID>> commitments = new HashMap<>();
    jdbc.sql(
            "select pc.project_id, pc.commitment_id from project_commitment pc join project p on"
                + " p.id = pc.project_id where p.group_id = ? order by pc.position")
        .param(groupId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    commitments
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)));
    Map<UUID, List<Financing>> financing = new HashMap<>();
    jdbc.sql(
            "select f.project_id, f.amount, f.currency, f.source, f.status from project_financing f"
                + " join project p on p.id = f.project_id where p.group_id = ? order by f.position")
        .param(groupId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    financing
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(
                            new Financing(
                                rs.getBigDecimal(2),
                                rs.getString(3),
                                rs.getString(4),
                                FinancingStatus.valueOf(rs.getString(5)))));
    Map<UUID, String> result = new HashMap<>();
    jdbc.sql(
            "select id, code, title, leads, stage, stage_reason, place, latitude, longitude"
                + " from project"
                + " where charter_id = ? and group_id = ? and retired = false")
        .params(charterId, groupId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  UUID id = rs.getObject("id", UUID.class);
                  Double lat = (Double) rs.getObject("latitude");
                  Double lon = (Double) rs.getObject("longitude");
                  String place = rs.getString("place");
                  Project p =
                      new Project(
                          rs.getString("code"),
                          LocalizedText.fromJson(rs.getString("title")),
                          LocalizedText.empty(),
                          List.of("x"),
                          JSON.readValue(
                              rs.getString("leads"),
                              new tools.jackson.core.type.TypeReference<Map<String, String>>() {}),
                          List.of(),
                          Stage.valueOf(rs.getString("stage")),
                          rs.getString("stage_reason"),
                          financing.getOrDefault(id, List.of()),
                          place == null && lat == null ? null : new Location(place, lat, lon));
                  result.put(id, fingerprint(p, commitments.getOrDefault(id, List.of())));
                });
    return result;
  }

  private void insert(
      List<Write> inserts, UUID charterId, UUID groupId, Viewer viewer, OffsetDateTime now) {
    RowBatches.insert(
        batch,
        "insert into project (id, charter_id, code, title, description, leads, partners,"
            + " stage, stage_reason, place, latitude, longitude, classification, origin_party,"
            + " group_id, created_at, updated_at)",
        "(?, ?, ?, ?, null, ?, '[]', ?, ?, ?, ?, ?, 'BILATERAL', ?, ?, ?, ?)",
        14,
        inserts,
        (ps, i, w) -> {
          Project p = w.row().project();
          ps.setObject(i, w.id());
          ps.setObject(i + 1, charterId);
          ps.setString(i + 2, p.key());
          ps.setString(i + 3, p.title().toJson());
          ps.setString(i + 4, JSON.writeValueAsString(p.leads()));
          ps.setString(i + 5, p.stage().name());
          setLocation(ps, i + 6, p.stageReason(), p.location());
          setString(ps, i + 10, viewer.party());
          ps.setObject(i + 11, groupId);
          ps.setObject(i + 12, now);
          ps.setObject(i + 13, now);
        });
  }

  private void update(List<Write> updates, OffsetDateTime now) {
    batch.batchUpdate(
        "update project set title = ?, leads = ?, stage = ?, stage_reason = ?, place = ?,"
            + " latitude = ?, longitude = ?, version = version + 1, updated_at = ? where id = ?",
        updates,
        BATCH,
        (ps, w) -> {
          Project p = w.row().project();
          ps.setString(1, p.title().toJson());
          ps.setString(2, JSON.writeValueAsString(p.leads()));
          ps.setString(3, p.stage().name());
          setLocation(ps, 4, p.stageReason(), p.location());
          ps.setObject(8, now);
          ps.setObject(9, w.id());
        });
  }

  /** The stage reason, place, latitude and longitude, from {@code index} on. */
  private static void setLocation(
      PreparedStatement ps, int index, String stageReason, Location location) throws SQLException {
    setString(ps, index, stageReason);
    setString(ps, index + 1, location == null ? null : location.place());
    setDouble(ps, index + 2, location == null ? null : location.latitude());
    setDouble(ps, index + 3, location == null ? null : location.longitude());
  }

  private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }

  /** The commitments and financing lines of the projects written, in their order. */
  private void children(List<Write> inserts, List<Write> updates) {
    List<Object[]> commitments = new ArrayList<>();
    List<Object[]> financing = new ArrayList<>();
    for (List<Write> writes : List.of(inserts, updates)) {
      for (Write w : writes) {
        int position = 0;
        for (UUID commitment : w.row().commitments()) {
          commitments.add(new Object[] {w.id(), commitment, position++});
        }
        position = 0;
        for (Financing f : w.row().project().financing()) {
          financing.add(new Object[] {w.id(), position++, f});
        }
      }
    }
    RowBatches.insert(
        batch,
        "insert into project_commitment (project_id, commitment_id, position)",
        "(?, ?, ?)",
        3,
        commitments,
        (ps, i, c) -> {
          ps.setObject(i, c[0]);
          ps.setObject(i + 1, c[1]);
          ps.setInt(i + 2, (Integer) c[2]);
        });
    RowBatches.insert(
        batch,
        "insert into project_financing (project_id, position, amount, currency, source, status)",
        "(?, ?, ?, ?, ?, ?)",
        6,
        financing,
        (ps, i, line) -> {
          Financing f = (Financing) line[2];
          ps.setObject(i, line[0]);
          ps.setInt(i + 1, (Integer) line[1]);
          ps.setBigDecimal(i + 2, f.amount());
          ps.setString(i + 3, f.currency());
          setString(ps, i + 4, f.source());
          ps.setString(i + 5, f.status().name());
        });
  }
}
