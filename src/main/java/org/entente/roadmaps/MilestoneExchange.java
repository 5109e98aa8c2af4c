package org.entente.roadmaps;

import static org.entente.exchange.Column.optional;
import static org.entente.exchange.Column.reference;
import static org.entente.exchange.Column.required;
import static org.entente.exchange.RecordType.string;
import static org.entente.exchange.RecordType.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.exchange.Kind;
import org.entente.exchange.Reader;
import org.entente.exchange.RecordTable;
import org.entente.exchange.RecordType;
import org.entente.exchange.TableExchange;
import org.entente.identity.Viewer;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.CharterKey;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What leaves the roadmaps module: milestones and their dependencies; to the public, the milestones
 * both parties agreed to publish, group by group, with their public fields (a project or milestone
 * the public does not receive is not named through them: {@link org.entente.exchange.Publication}).
 */
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
              required("group_id", Kind.GROUP),
              // where its title's translations stand (V35, decision 0037): it travels with it
              optional("translation_sources", Kind.TEXT)),
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

  static final RecordType MILESTONES =
      RecordType.of(
              "milestones",
              "id",
              "key",
              "workingGroup",
              "project",
              "title*",
              "owner",
              "plannedStart",
              "plannedEnd",
              "actualStart",
              "actualEnd",
              "status",
              "dependsOn")
          .referring("project", "projects")
          .referring("dependsOn", "milestones");

  private final Roadmaps roadmaps;
  private final Charters charters;

  MilestoneExchange(JdbcClient jdbc, Roadmaps roadmaps, Charters charters) {
    super(jdbc, List.of(MILESTONE, DEPENDENCY), SELECT, "milestone");
    this.roadmaps = roadmaps;
    this.charters = charters;
  }

  @Override
  public List<RecordType> types(Reader reader) {
    return reader.isPublic() ? List.of(MILESTONES) : List.of();
  }

  @Override
  public List<Map<String, Object>> records(RecordType type, CharterKey charterKey, Reader reader) {
    if (!type.name().equals(MILESTONES.name())) {
      return super.records(type, charterKey, reader);
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (WorkingGroupView g : charters.workingGroups(charterKey, null, reader.viewer())) {
      for (MilestoneView m : roadmaps.roadmap(charterKey, g.key(), reader.viewer()).milestones()) {
        records.add(milestone(g.key(), m));
      }
    }
    return records;
  }

  private static Map<String, Object> milestone(String group, MilestoneView m) {
    return MILESTONES.record(
        "id",
        m.id().toString(),
        "key",
        m.key(),
        "workingGroup",
        group,
        "project",
        m.project(),
        "title",
        texts(m.title()),
        "owner",
        m.owner(),
        "plannedStart",
        string(m.plannedStart()),
        "plannedEnd",
        string(m.plannedEnd()),
        "actualStart",
        string(m.actualStart()),
        "actualEnd",
        string(m.actualEnd()),
        "status",
        m.status(),
        "dependsOn",
        m.dependsOn());
  }
}
