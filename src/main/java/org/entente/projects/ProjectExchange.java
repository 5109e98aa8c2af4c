package org.entente.projects;

import static org.entente.exchange.Column.optional;
import static org.entente.exchange.Column.reference;
import static org.entente.exchange.Column.required;
import static org.entente.exchange.RecordType.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.exchange.Kind;
import org.entente.exchange.Reader;
import org.entente.exchange.RecordTable;
import org.entente.exchange.RecordType;
import org.entente.exchange.TableExchange;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Partner;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.CharterKey;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What leaves the projects module: projects, their commitments and their financing; to the public,
 * the projects both parties agreed to publish and their financing, with their public fields.
 */
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
              required("group_id", Kind.GROUP),
              // where its texts' translations stand (V34, decision 0037): it travels with them
              optional("translation_sources", Kind.TEXT)),
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
              required("status", Kind.TEXT),
              optional("dated_on", Kind.DATE)),
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

  static final RecordType PROJECTS =
      RecordType.of(
          "projects",
          "id",
          "key",
          "workingGroup",
          "title*",
          "description*",
          "stage",
          "commitments",
          "leads",
          "partners",
          "place",
          "latitude",
          "longitude");

  static final RecordType FINANCING_LINES =
      RecordType.of(
          "financing", "project", "line", "amount", "currency", "source", "status", "date");

  private final Projects projects;
  private final Charters charters;

  ProjectExchange(JdbcClient jdbc, Projects projects, Charters charters) {
    super(jdbc, List.of(PROJECT, COMMITMENTS, FINANCING), SELECT, "project");
    this.projects = projects;
    this.charters = charters;
  }

  @Override
  public List<RecordType> types(Reader reader) {
    return reader.isPublic() ? List.of(PROJECTS, FINANCING_LINES) : List.of();
  }

  @Override
  public List<Map<String, Object>> records(RecordType type, CharterKey charterKey, Reader reader) {
    List<ProjectView> list = new ArrayList<>();
    for (WorkingGroupView g : charters.workingGroups(charterKey, null, reader.viewer())) {
      list.addAll(projects.list(charterKey, g.key(), reader.viewer()));
    }
    List<Map<String, Object>> records = new ArrayList<>();
    switch (type.name()) {
      case "projects" -> list.forEach(p -> records.add(project(p)));
      case "financing" -> list.forEach(p -> financing(p, records));
      default -> super.records(type, charterKey, reader);
    }
    return records;
  }

  private static Map<String, Object> project(ProjectView p) {
    return PROJECTS.record(
        "id",
        p.id().toString(),
        "key",
        p.key(),
        "workingGroup",
        p.workingGroup(),
        "title",
        texts(p.title()),
        "description",
        texts(p.description()),
        "stage",
        p.stage(),
        "commitments",
        p.commitments().stream().map(c -> c.key()).toList(),
        // by party: the same project gives the same record
        "leads",
        p.leads() == null
            ? List.of()
            : new TreeMap<>(p.leads())
                .entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(),
        "partners",
        p.partners() == null
            ? List.of()
            : p.partners().stream().map(ProjectExchange::partner).toList(),
        "place",
        p.location() == null ? null : p.location().place(),
        "latitude",
        p.location() == null ? null : p.location().latitude(),
        "longitude",
        p.location() == null ? null : p.location().longitude());
  }

  private static void financing(ProjectView p, List<Map<String, Object>> records) {
    int line = 1;
    for (Financing f : p.financing() == null ? List.<Financing>of() : p.financing()) {
      records.add(
          FINANCING_LINES.record(
              "project",
              p.key(),
              "line",
              line++,
              "amount",
              f.amount() == null ? null : f.amount().toPlainString(),
              "currency",
              f.currency(),
              "source",
              f.source(),
              "status",
              f.status() == null ? null : f.status().name().toLowerCase(),
              "date",
              f.date() == null ? null : f.date().toString()));
    }
  }

  private static String partner(Partner p) {
    String role = p.role() == null ? "" : " (" + p.role().name().toLowerCase() + ")";
    return p.name() + role;
  }
}
