package org.entente.projects;

import static org.entente.exchange.Column.optional;
import static org.entente.exchange.Column.reference;
import static org.entente.exchange.Column.required;

import java.util.List;
import java.util.Map;
import org.entente.exchange.Kind;
import org.entente.exchange.RecordTable;
import org.entente.exchange.TableExchange;
import org.entente.identity.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What leaves the projects module: projects, their commitments and their financing. */
@Component
@Order(10)
class ProjectExchange extends TableExchange {

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

  ProjectExchange(JdbcClient jdbc) {
    super(jdbc, List.of(PROJECT, COMMITMENTS, FINANCING), SELECT, "project");
  }
}
