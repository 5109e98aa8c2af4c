package org.entente.roadmaps;

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

/** What leaves the roadmaps module: milestones and their dependencies. */
@Component
@Order(20)
class MilestoneExchange extends TableExchange {

  static final RecordTable MILESTONE =
      new RecordTable(
          "milestone",
          RecordTable.versioned(
              required("id", Kind.ID),
              required("code", Kind.TEXT),
              required("title", Kind.TEXT),
              optional("owner_organization", Kind.TEXT),
              required("planned_start", Kind.DATE),
              required("planned_end", Kind.DATE),
              optional("actual_start", Kind.DATE),
              optional("actual_end", Kind.DATE),
              required("status", Kind.TEXT),
              reference("project_id", "project", false),
              required("group_id", Kind.GROUP)),
          true);

  static final RecordTable DEPENDENCY =
      new RecordTable(
          "milestone_dependency",
          List.of(
              reference("milestone_id", "milestone", true),
              reference("depends_on", "milestone", true)),
          false);

  private static final String OF_CHARTER =
      " where m.charter_id = :charter and m.retired = false and ";

  private static final Map<String, String> SELECT =
      Map.of(
          "milestone",
          "select m.* from milestone m" + OF_CHARTER + Viewer.condition("m") + " order by m.id",
          "milestone_dependency",
          "select x.* from milestone_dependency x join milestone m on m.id = x.milestone_id"
              + OF_CHARTER
              + Viewer.condition("m")
              + " order by x.milestone_id, x.depends_on");

  MilestoneExchange(JdbcClient jdbc) {
    super(jdbc, List.of(MILESTONE, DEPENDENCY), SELECT, "milestone");
  }
}
