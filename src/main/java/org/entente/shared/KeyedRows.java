package org.entente.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes rows that a definition identifies by a stable key ({@code code}) within one charter:
 * inserts what is new, updates only what changed (bumping its version), and retires what the
 * definition no longer names. Table and column names come from this module's code, never from
 * input.
 */
public final class KeyedRows {

  private final JdbcClient jdbc;
  private final Clock clock;
  private int created;
  private int updated;
  private int retired;
  private final List<Change> changes = new ArrayList<>();

  /**
   * One row that was created, updated or retired.
   *
   * @param kind {@code created}, {@code updated} or {@code retired}
   */
  public record Change(String table, UUID id, String code, String kind) {}

  public KeyedRows(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Returns the id of the row for {@code code}, created or brought up to date. */
  public UUID upsert(String table, UUID charterId, String code, Map<String, Object> columns) {
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    StringBuilder set = new StringBuilder();
    StringBuilder same = new StringBuilder();
    List<Object> params = new ArrayList<>();
    List<Object> compare = new ArrayList<>();
    for (Map.Entry<String, Object> column : columns.entrySet()) {
      set.append(column.getKey()).append(" = ?, ");
      params.add(column.getValue());
      same.append(column.getKey()).append(" is not distinct from ? and ");
      compare.add(column.getValue());
    }
    String sql =
        "update "
            + table
            + " set "
            + set
            + "retired = false, version = version + 1, updated_at = ?"
            + " where charter_id = ? and code = ? and not ("
            + same
            + "retired = false)";
    params.add(now);
    params.add(charterId);
    params.add(code);
    params.addAll(compare);
    int changed = jdbc.sql(sql).params(params).update();
    UUID id =
        jdbc.sql("select id from " + table + " where charter_id = ? and code = ?")
            .params(charterId, code)
            .query(UUID.class)
            .optional()
            .orElse(null);
    if (id != null) {
      if (changed > 0) {
        updated++;
        changes.add(new Change(table, id, code, "updated"));
      }
      return id;
    }
    UUID newId = UUID.randomUUID();
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("id", newId);
    all.put("charter_id", charterId);
    all.put("code", code);
    all.putAll(columns);
    all.put("created_at", now);
    all.put("updated_at", now);
    String names = String.join(", ", all.keySet());
    String marks = String.join(", ", java.util.Collections.nCopies(all.size(), "?"));
    jdbc.sql("insert into " + table + " (" + names + ") values (" + marks + ")")
        .params(new ArrayList<>(all.values()))
        .update();
    created++;
    changes.add(new Change(table, newId, code, "created"));
    return newId;
  }

  /** Marks as retired the rows of the charter whose key the definition no longer names. */
  public void retireOthers(String table, UUID charterId, Set<String> keep) {
    retireOthers(table, charterId, keep, "");
  }

  /** As {@link #retireOthers(String, UUID, Set)}, among the rows whose key starts with a prefix. */
  public void retireOthers(String table, UUID charterId, Set<String> keep, String prefix) {
    Map<String, UUID> present = new LinkedHashMap<>();
    jdbc.sql(
            "select id, code from "
                + table
                + " where charter_id = ? and retired = false and code like ?")
        .params(charterId, prefix + "%")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> present.put(rs.getString("code"), rs.getObject("id", UUID.class)));
    for (Map.Entry<String, UUID> row : present.entrySet()) {
      String code = row.getKey();
      if (!keep.contains(code)) {
        changes.add(new Change(table, row.getValue(), code, "retired"));
        retired +=
            jdbc.sql(
                    "update "
                        + table
                        + " set retired = true, version = version + 1, updated_at = ?"
                        + " where charter_id = ? and code = ?")
                .params(
                    OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC), charterId, code)
                .update();
      }
    }
  }

  public int created() {
    return created;
  }

  public int updated() {
    return updated;
  }

  public int retired() {
    return retired;
  }

  /** Every row created, updated or retired so far, in order. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }
}
