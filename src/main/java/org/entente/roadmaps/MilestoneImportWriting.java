package org.entente.roadmaps;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.roadmaps.MilestoneImportCheck.Plan;
import org.entente.roadmaps.MilestoneImportCheck.Write;
import org.entente.shared.LocalizedText;
import org.entente.shared.RowBatches;
import org.entente.translations.TranslationState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writing what an import of milestones planned, in JDBC batches: new milestones (bilateral, of the
 * importer's party), changed ones, and their dependencies, which are replaced.
 */
@Repository
class MilestoneImportWriting {

  /** Rows per JDBC batch when writing. */
  private static final int BATCH = 1000;

  private final JdbcTemplate batch;

  MilestoneImportWriting(JdbcTemplate batch) {
    this.batch = batch;
  }

  /**
   * Writes a plan.
   *
   * @param projects the group's project ids by key
   */
  void write(
      Plan plan,
      UUID charterId,
      UUID groupId,
      String party,
      Map<String, UUID> projects,
      OffsetDateTime now,
      String textLanguage) {
    List<Map.Entry<UUID, String>> sources =
        translationSources(plan, groupId, textLanguage, now.toInstant());
    RowBatches.insert(
        batch,
        "insert into milestone (id, charter_id, code, title, owner_organization,"
            + " planned_start, planned_end, actual_start, actual_end, status, project_id,"
            + " classification, origin_party, group_id, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BILATERAL', ?, ?, ?, ?)",
        15,
        plan.inserts(),
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
          setString(ps, i + 11, party);
          ps.setObject(i + 12, groupId);
          ps.setObject(i + 13, now);
          ps.setObject(i + 14, now);
        });
    batch.batchUpdate(
        "update milestone set title = ?, owner_organization = ?, planned_start = ?,"
            + " planned_end = ?, actual_start = ?, actual_end = ?, status = ?,"
            + " project_id = ?, version = version + 1, updated_at = ? where id = ?",
        plan.updates(),
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
    batch.batchUpdate(
        "update milestone set translation_sources = ? where id = ?",
        sources,
        BATCH,
        (ps, e) -> {
          ps.setString(1, e.getValue());
          ps.setObject(2, e.getKey());
        });
    writeDependencies(plan);
  }

  /**
   * Where the translations of each written milestone's title stand after the import (decision
   * 0037): an import is an edit of every language at once, so a translation it leaves as it was
   * goes out of date when its source changed. Read before the writes, in one statement.
   */
  private List<Map.Entry<UUID, String>> translationSources(
      Plan plan, UUID groupId, String textLanguage, Instant now) {
    List<Map.Entry<UUID, String>> sources = new ArrayList<>();
    for (Write w : plan.inserts()) {
      sources.add(
          Map.entry(
              w.id(),
              TranslationState.unknown(null)
                  .afterEdit(LocalizedText.empty(), w.milestone().title(), textLanguage, now)
                  .toJson()));
    }
    if (plan.updates().isEmpty()) {
      return sources;
    }
    Map<UUID, LocalizedText> titles = new HashMap<>();
    Map<UUID, String> stored = new HashMap<>();
    batch.query(
        "select id, title, translation_sources from milestone where group_id = ?",
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              titles.put(id, LocalizedText.fromJson(rs.getString("title")));
              stored.put(id, rs.getString("translation_sources"));
            },
        groupId);
    for (Write w : plan.updates()) {
      sources.add(
          Map.entry(
              w.id(),
              TranslationState.fromJson(stored.get(w.id()), textLanguage)
                  .afterEdit(
                      titles.getOrDefault(w.id(), LocalizedText.empty()),
                      w.milestone().title(),
                      textLanguage,
                      now)
                  .toJson()));
    }
    return sources;
  }

  /** An updated milestone's dependencies are replaced; a new one has none yet. */
  private void writeDependencies(Plan plan) {
    batch.batchUpdate(
        "delete from milestone_dependency where milestone_id = ?",
        plan.updates(),
        BATCH,
        (ps, w) -> ps.setObject(1, w.id()));
    List<UUID[]> dependencies = new ArrayList<>();
    for (List<Write> writes : List.of(plan.inserts(), plan.updates())) {
      for (Write w : writes) {
        for (String d : w.milestone().dependsOn()) {
          dependencies.add(new UUID[] {w.id(), plan.ids().get(d)});
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
}
