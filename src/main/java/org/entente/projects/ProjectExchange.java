package org.entente.projects;

import static org.entente.exchange.Column.optional;
import static org.entente.exchange.Column.reference;
import static org.entente.exchange.Column.required;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.exchange.CharterKeys;
import org.entente.exchange.Kind;
import org.entente.exchange.RecordExchange;
import org.entente.exchange.RecordRows;
import org.entente.exchange.RecordTable;
import org.entente.identity.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What leaves the projects module: projects, their commitments and their financing. */
@Component
@Order(10)
class ProjectExchange implements RecordExchange {

  static final RecordTable PROJECT =
      new RecordTable(
          "project",
          RecordTable.versioned(
              required("id", Kind.ID),
              required("code", Kind.TEXT),
              required("title", Kind.TEXT),
              optional("description", Kind.TEXT),
              required("leads", Kind.TEXT),
              required("partners", Kind.TEXT),
              required("stage", Kind.TEXT),
              optional("stage_reason", Kind.TEXT),
              optional("place", Kind.TEXT),
              optional("latitude", Kind.DOUBLE),
              optional("longitude", Kind.DOUBLE),
              required("group_id", Kind.GROUP)),
          true);

  static final RecordTable COMMITMENTS =
      new RecordTable(
          "project_commitment",
          List.of(
              reference("project_id", "project", true),
              required("commitment_id", Kind.COMMITMENT),
              required("position", Kind.INT)),
          false);

  static final RecordTable FINANCING =
      new RecordTable(
          "project_financing",
          List.of(
              reference("project_id", "project", true),
              required("position", Kind.INT),
              required("amount", Kind.DECIMAL),
              required("currency", Kind.TEXT),
              optional("source", Kind.TEXT),
              required("status", Kind.TEXT)),
          false);

  private static final String OF_CHARTER =
      " where p.charter_id = :charter and p.retired = false and ";

  private static final Map<String, String> SELECT =
      Map.of(
          "project",
          "select p.* from project p" + OF_CHARTER + Viewer.condition("p") + " order by p.id",
          "project_commitment",
          "select x.* from project_commitment x join project p on p.id = x.project_id"
              + OF_CHARTER
              + Viewer.condition("p")
              + " order by x.project_id, x.position",
          "project_financing",
          "select x.* from project_financing x join project p on p.id = x.project_id"
              + OF_CHARTER
              + Viewer.condition("p")
              + " order by x.project_id, x.position");

  private final JdbcClient jdbc;

  ProjectExchange(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<RecordTable> tables() {
    return List.of(PROJECT, COMMITMENTS, FINANCING);
  }

  @Override
  public List<Map<String, Object>> rows(RecordTable table, CharterKeys keys, Viewer reader) {
    return jdbc.sql(SELECT.get(table.name()))
        .param("charter", keys.charterId())
        .params(reader.parameters())
        .query((rs, n) -> RecordRows.read(table, rs, keys))
        .list();
  }

  @Override
  public boolean holdsRecords(UUID charterId) {
    return jdbc.sql("select count(*) from project where charter_id = ?")
            .param(charterId)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public void insert(RecordTable table, Map<String, Object> row, UUID charterId) {
    RecordRows.insert(jdbc, table, row, charterId);
  }
}
