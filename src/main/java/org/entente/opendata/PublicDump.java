package org.entente.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Partner;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.LocalizedText;

/**
 * The record types of the public dump, each with its columns, and their rows made from what the
 * public may see ({@link PublicRecords}). Every row has every column of its type, null when empty.
 */
final class PublicDump {

  private PublicDump() {}

  /** A column of a record type: its name, and whether it holds a text in several languages. */
  record Column(String name, boolean localized) {}

  /** The languages a localized column is split into in CSV. */
  static final List<String> LANGUAGES = List.of("en", "az");

  /** The record types of the public dump, each with its columns, in the dump's order. */
  static final Map<String, List<Column>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("areas", columns("key", "name*", "description*"));
    TYPES.put(
        "commitments", columns("key", "title*", "action*", "clause", "areas", "workingGroups"));
    TYPES.put(
        "working-groups",
        columns("key", "name*", "description*", "areas", "coChairs", "restricted"));
    TYPES.put(
        "projects",
        columns(
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
            "longitude"));
    TYPES.put("financing", columns("project", "line", "amount", "currency", "source", "status"));
    TYPES.put(
        "milestones",
        columns(
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
            "dependsOn"));
    TYPES.put(
        "statements",
        columns("meeting", "meetingTitle", "body", "heldOn", "place", "text", "publishedAt"));
    TYPES.put(
        "indicators",
        columns(
            "id",
            "key",
            "name*",
            "unit",
            "direction",
            "area",
            "commitments",
            "ownerOrganization",
            "definition",
            "dataSource",
            "status"));
    TYPES.put(
        "indicator-values",
        columns(
            "indicator",
            "id",
            "kind",
            "year",
            "date",
            "value",
            "unit",
            "publisher",
            "sourceUrl",
            "note",
            "official",
            "used"));
  }

  private static List<Column> columns(String... names) {
    List<Column> columns = new ArrayList<>();
    for (String n : names) {
      columns.add(
          n.endsWith("*")
              ? new Column(n.substring(0, n.length() - 1), true)
              : new Column(n, false));
    }
    return List.copyOf(columns);
  }

  /** The rows of one record type. */
  static List<Map<String, Object>> rows(String type, PublicRecords r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    switch (type) {
      case "areas" -> r.areas().forEach(a -> rows.add(area(a)));
      case "commitments" -> r.commitments().forEach(c -> rows.add(commitment(c)));
      case "working-groups" -> r.groups().forEach(g -> rows.add(group(g)));
      case "projects" -> r.projects().forEach(p -> rows.add(project(p)));
      case "financing" -> r.projects().forEach(p -> financing(p, rows));
      case "milestones" -> milestones(r, rows);
      case "statements" -> r.statements().forEach(s -> rows.add(statement(s)));
      case "indicators" -> r.indicators().forEach(i -> rows.add(indicator(i)));
      case "indicator-values" -> r.indicators().forEach(i -> values(i, rows));
      default -> throw new IllegalArgumentException(type);
    }
    return rows;
  }

  private static Map<String, Object> area(AreaOverview a) {
    return row(
        "key",
        a.area().key(),
        "name",
        texts(a.area().name()),
        "description",
        texts(a.area().description()));
  }

  private static Map<String, Object> commitment(CommitmentView c) {
    return row(
        "key",
        c.key(),
        "title",
        texts(c.title()),
        "action",
        texts(c.action()),
        "clause",
        c.clause() == null ? null : c.clause().number(),
        "areas",
        keys(c.areas()),
        "workingGroups",
        keys(c.workingGroups()));
  }

  private static Map<String, Object> group(WorkingGroupView g) {
    return row(
        "key",
        g.key(),
        "name",
        texts(g.name()),
        "description",
        texts(g.description()),
        "areas",
        keys(g.areas()),
        "coChairs",
        g.coChairs().stream().map(c -> c.party() + ": " + c.office().text()).toList(),
        "restricted",
        g.restricted());
  }

  private static Map<String, Object> project(ProjectView p) {
    return row(
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
        "leads",
        p.leads() == null
            ? List.of()
            : p.leads().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(),
        "partners",
        p.partners() == null ? List.of() : p.partners().stream().map(PublicDump::partner).toList(),
        "place",
        p.location() == null ? null : p.location().place(),
        "latitude",
        p.location() == null ? null : p.location().latitude(),
        "longitude",
        p.location() == null ? null : p.location().longitude());
  }

  private static void financing(ProjectView p, List<Map<String, Object>> rows) {
    int line = 1;
    for (Financing f : p.financing() == null ? List.<Financing>of() : p.financing()) {
      rows.add(
          row(
              "project",
              p.key(),
              "line",
              line++,
              "amount",
              f.amount() == null ? null : f.amount().toPlainString(),
              "currency",
              f.currency().code(),
              "source",
              f.source(),
              "status",
              f.status() == null ? null : f.status().name().toLowerCase()));
    }
  }

  private static void milestones(PublicRecords r, List<Map<String, Object>> rows) {
    Set<String> projectKeys =
        r.projects().stream().map(ProjectView::key).collect(Collectors.toSet());
    Set<String> milestoneKeys = new LinkedHashSet<>();
    r.milestones().forEach(m -> milestoneKeys.add(m.key()));
    r.milestonesByGroup()
        .forEach(
            (group, list) ->
                list.forEach(m -> rows.add(milestone(group, m, projectKeys, milestoneKeys))));
  }

  private static Map<String, Object> milestone(
      String group, MilestoneView m, Set<String> projectKeys, Set<String> milestoneKeys) {
    return row(
        "id",
        m.id().toString(),
        "key",
        m.key(),
        "workingGroup",
        group,
        // a project the public may not see is not named, not even by its key
        "project",
        projectKeys.contains(m.project()) ? m.project() : null,
        "title",
        texts(m.title()),
        "owner",
        m.owner(),
        "plannedStart",
        str(m.plannedStart()),
        "plannedEnd",
        str(m.plannedEnd()),
        "actualStart",
        str(m.actualStart()),
        "actualEnd",
        str(m.actualEnd()),
        "status",
        m.status(),
        "dependsOn",
        m.dependsOn().stream().filter(milestoneKeys::contains).toList());
  }

  private static Map<String, Object> statement(PublishedStatement s) {
    return row(
        "meeting",
        s.meetingId().toString(),
        "meetingTitle",
        s.meetingTitle(),
        "body",
        s.bodyName(),
        "heldOn",
        str(s.heldOn()),
        "place",
        s.place(),
        "text",
        s.text(),
        "publishedAt",
        str(s.publishedAt()));
  }

  private static Map<String, Object> indicator(IndicatorView i) {
    return row(
        "id",
        i.id().toString(),
        "key",
        i.key(),
        "name",
        texts(i.name()),
        "unit",
        i.unit(),
        "direction",
        i.direction(),
        "area",
        i.area(),
        "commitments",
        i.commitments(),
        "ownerOrganization",
        i.ownerOrganization(),
        "definition",
        i.definition(),
        "dataSource",
        i.dataSource(),
        "status",
        i.status() == null ? null : i.status().status());
  }

  private static void values(IndicatorView i, List<Map<String, Object>> rows) {
    for (ValueView v : i.values()) {
      rows.add(
          row(
              "indicator",
              i.key(),
              "id",
              v.id().toString(),
              "kind",
              v.kind(),
              "year",
              v.year(),
              "date",
              str(v.date()),
              "value",
              v.value() == null ? null : v.value().toPlainString(),
              "unit",
              v.unit(),
              "publisher",
              v.publisher(),
              "sourceUrl",
              v.sourceUrl(),
              "note",
              v.note(),
              "official",
              v.official(),
              "used",
              v.used()));
    }
  }

  static Map<String, String> texts(LocalizedText text) {
    return text == null ? Map.of() : text.values();
  }

  private static List<String> keys(List<Ref> refs) {
    return refs.stream().map(Ref::key).toList();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static String partner(Partner p) {
    String role = p.role() == null ? "" : " (" + p.role().name().toLowerCase() + ")";
    return p.name() + role;
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }
}
