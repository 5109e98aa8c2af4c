package org.entente.projects;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectCsvCheck.Existing;
import org.entente.projects.ProjectCsvCheck.Stored;
import org.entente.projects.ProjectCsvCheck.Write;
import org.entente.projects.ProjectStore.Children;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.RowBatches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * The SQL of a CSV import of projects: what it compares the file with, and its writes, in batches
 * (a few statements for thousands of rows).
 */
@Repository
class ProjectImportStore {

  /** Rows per JDBC batch when writing. */
  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ProjectStore store;

  ProjectImportStore(JdbcClient jdbc, JdbcTemplate batch, ProjectStore store) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.store = store;
  }

  /** Every project of the charter by key, retired ones too, and whether the viewer may see it. */
  Map<String, Existing> existing(UUID charterId, Viewer viewer) {
    Map<String, Existing> existing = new HashMap<>();
    jdbc.sql(
            "select id, group_id, code, stage, classification, origin_party, retired"
                + " from project where charter_id = ?")
        .param(charterId)
        .query(
            (RowCallbackHandler)
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
    return existing;
  }

  /** The stored projects of a group that are not retired, as an import compares them, by id. */
  Map<UUID, Stored> stored(UUID charterId, UUID groupId) {
    Map<UUID, Children> children = store.childrenInGroup(groupId);
    Map<UUID, Stored> result = new HashMap<>();
    for (ProjectRow row :
        jdbc.sql("select * from project where charter_id = ? and group_id = ? and retired = false")
            .params(charterId, groupId)
            .query(ProjectRow::map)
            .list()) {
      Children c = children.getOrDefault(row.id(), Children.NONE);
      Project p =
          new Project(
              row.code(),
              LocalizedText.fromJson(row.title()),
              row.description() == null
                  ? LocalizedText.empty()
                  : LocalizedText.fromJson(row.description()),
              List.of("x"),
              ProjectStore.JSON.readValue(row.leads(), new TypeReference<Map<String, String>>() {}),
              ProjectStore.JSON.readValue(row.partners(), new TypeReference<List<Partner>>() {}),
              row.stage(),
              row.stageReason(),
              c.financing(),
              row.location());
      result.put(row.id(), new Stored(p, c.commitments(), row.classification()));
    }
    return result;
  }

  /**
   * Writes an import's plan: new projects (bilateral, made by the viewer's party), updated ones,
   * and the child rows of both (an updated project's are replaced).
   */
  void write(
      ProjectCsvCheck.Plan plan,
      UUID charterId,
      UUID groupId,
      Viewer viewer,
      OffsetDateTime now,
      String textLanguage) {
    List<Map.Entry<UUID, String>> sources =
        translationSources(plan, groupId, textLanguage, now.toInstant());
    insert(plan.inserts(), charterId, groupId, viewer, now);
    update(plan.updates(), now);
    batch.batchUpdate(
        "update project set translation_sources = ? where id = ?",
        sources,
        BATCH,
        (ps, e) -> {
          ps.setString(1, e.getValue());
          ps.setObject(2, e.getKey());
        });
    batch.batchUpdate(
        "delete from project_commitment where project_id = ?",
        plan.updates(),
        BATCH,
        (ps, w) -> ps.setObject(1, w.id()));
    batch.batchUpdate(
        "delete from project_financing where project_id = ?",
        plan.updates(),
        BATCH,
        (ps, w) -> ps.setObject(1, w.id()));
    children(plan.inserts(), plan.updates());
  }

  /**
   * Where the translations of each written project's texts stand after the import (decision 0037):
   * an import is an edit of every language at once, so a translation it leaves as it was goes out
   * of date when its source changed. Read before the writes, in one statement.
   */
  private List<Map.Entry<UUID, String>> translationSources(
      ProjectCsvCheck.Plan plan, UUID groupId, String textLanguage, java.time.Instant now) {
    LocalizedText none = LocalizedText.empty();
    List<Map.Entry<UUID, String>> sources = new java.util.ArrayList<>();
    for (Write w : plan.inserts()) {
      sources.add(
          Map.entry(
              w.id(),
              ProjectTranslationSources.none()
                  .afterEdit(none, none, w.row().project(), textLanguage, now)
                  .toJson()));
    }
    if (plan.updates().isEmpty()) {
      return sources;
    }
    Map<UUID, ProjectRow> before = new HashMap<>();
    Map<UUID, String> stored = new HashMap<>();
    jdbc.sql("select * from project where group_id = ? and retired = false")
        .param(groupId)
        .query(
            rs -> {
              ProjectRow row = ProjectRow.map(rs, 0);
              before.put(row.id(), row);
              stored.put(row.id(), rs.getString("translation_sources"));
            });
    for (Write w : plan.updates()) {
      ProjectRow row = before.get(w.id());
      sources.add(
          Map.entry(
              w.id(),
              ProjectTranslationSources.fromJson(stored.get(w.id()), textLanguage)
                  .afterEdit(
                      LocalizedText.fromJson(row.title()),
                      row.description() == null ? none : LocalizedText.fromJson(row.description()),
                      w.row().project(),
                      textLanguage,
                      now)
                  .toJson()));
    }
    return sources;
  }

  private void insert(
      List<Write> inserts, UUID charterId, UUID groupId, Viewer viewer, OffsetDateTime now) {
    RowBatches.insert(
        batch,
        "insert into project (id, charter_id, code, title, description, leads, partners,"
            + " stage, stage_reason, place, latitude, longitude, classification, origin_party,"
            + " group_id, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BILATERAL', ?, ?, ?, ?)",
        16,
        inserts,
        (ps, i, w) -> {
          Project p = w.row().project();
          ps.setObject(i, w.id());
          ps.setObject(i + 1, charterId);
          ps.setString(i + 2, p.key());
          ps.setString(i + 3, p.title().toJson());
          setString(ps, i + 4, description(p));
          ps.setString(i + 5, ProjectStore.JSON.writeValueAsString(p.leads()));
          ps.setString(i + 6, ProjectStore.JSON.writeValueAsString(p.partners()));
          ps.setString(i + 7, p.stage().name());
          setLocation(ps, i + 8, p.stageReason(), p.location());
          setString(ps, i + 12, viewer.party());
          ps.setObject(i + 13, groupId);
          ps.setObject(i + 14, now);
          ps.setObject(i + 15, now);
        });
  }

  private void update(List<Write> updates, OffsetDateTime now) {
    batch.batchUpdate(
        "update project set title = ?, description = ?, leads = ?, partners = ?, stage = ?,"
            + " stage_reason = ?, place = ?, latitude = ?, longitude = ?, version = version + 1,"
            + " updated_at = ? where id = ?",
        updates,
        BATCH,
        (ps, w) -> {
          Project p = w.row().project();
          ps.setString(1, p.title().toJson());
          setString(ps, 2, description(p));
          ps.setString(3, ProjectStore.JSON.writeValueAsString(p.leads()));
          ps.setString(4, ProjectStore.JSON.writeValueAsString(p.partners()));
          ps.setString(5, p.stage().name());
          setLocation(ps, 6, p.stageReason(), p.location());
          ps.setObject(10, now);
          ps.setObject(11, w.id());
        });
  }

  /** The description as stored: none when it has no text. */
  private static String description(Project p) {
    return p.description().isEmpty() ? null : p.description().toJson();
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
        "insert into project_financing (project_id, position, amount, currency, source, status,"
            + " dated_on)",
        "(?, ?, ?, ?, ?, ?, ?)",
        7,
        financing,
        (ps, i, line) -> {
          Financing f = (Financing) line[2];
          ps.setObject(i, line[0]);
          ps.setInt(i + 1, (Integer) line[1]);
          ps.setBigDecimal(i + 2, f.amount());
          ps.setString(i + 3, f.currency().code());
          setString(ps, i + 4, f.source());
          ps.setString(i + 5, f.status().name());
          if (f.date() == null) {
            ps.setNull(i + 6, Types.DATE);
          } else {
            ps.setObject(i + 6, f.date());
          }
        });
  }
}
