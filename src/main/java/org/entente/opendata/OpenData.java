package org.entente.opendata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.indicators.Indicators;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.meetings.Meetings;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Partner;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.Csv;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open data module's one service. The public dump, its CSV files and the IATI file are made as
 * an anonymous visitor through the other modules' services, so they hold exactly what the public
 * may see; the export and the import of a whole charter's records go through {@link RecordTables},
 * which applies the one visibility condition to every table it reads.
 */
@Service
@Transactional(readOnly = true)
public class OpenData {

  /** The format name and version of the public dump. */
  public static final String DUMP_FORMAT = "entente-open-data/1";

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

  /**
   * Who reports the IATI file: the organisation identifier (registered with IATI), its name and its
   * IATI organisation type code.
   */
  record ReportingOrg(String ref, String name, String type) {}

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Meetings meetings;
  private final Indicators indicators;
  private final RecordTables tables;
  private final Clock clock;
  private final ReportingOrg reportingOrg;

  OpenData(
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Meetings meetings,
      Indicators indicators,
      RecordTables tables,
      Clock clock,
      @Value("${entente.open-data.iati.reporting-org:XX-ENTENTE}") String reportingOrgRef,
      @Value("${entente.open-data.iati.reporting-org-name:Entente charter secretariat}")
          String reportingOrgName,
      @Value("${entente.open-data.iati.reporting-org-type:10}") String reportingOrgType) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.meetings = meetings;
    this.indicators = indicators;
    this.tables = tables;
    this.clock = clock;
    this.reportingOrg = new ReportingOrg(reportingOrgRef, reportingOrgName, reportingOrgType);
  }

  /** The record types there is a CSV file of, in the dump's order. */
  public static List<String> types() {
    return List.copyOf(TYPES.keySet());
  }

  // ---------------------------------------------------------------- the public dump

  /**
   * Everything the public may see of a charter, by record type; each row a map from column to a
   * string, number, boolean, list of strings, or text by language.
   *
   * @throws NotFoundException when there is no such charter, or it is not public
   */
  public Map<String, Object> dump(String charterKey) {
    PublicRecords records = publicRecords(charterKey);
    Map<String, Object> dump = new LinkedHashMap<>();
    dump.put("format", DUMP_FORMAT);
    dump.put("generatedAt", Instant.now(clock).toString());
    dump.put("charter", charterRow(records.charter()));
    for (String type : TYPES.keySet()) {
      dump.put(type, rows(type, records));
    }
    return dump;
  }

  /**
   * One record type of the public dump as CSV (RFC 4180, a header row; a text in several languages
   * as one column per language, e.g. {@code title_en}, {@code title_az}; a list joined by {@code ;
   * }).
   *
   * @throws NotFoundException when there is no such charter, or it is not public
   * @throws BadRequestException naming {@code type} when it is not one of {@link #types()}
   */
  public String csv(String charterKey, String type) {
    List<Column> columns = TYPES.get(type);
    if (columns == null) {
      throw new BadRequestException(
          "type", "'" + type + "' is not a record type; use one of " + String.join(", ", types()));
    }
    List<Map<String, Object>> rows = rows(type, publicRecords(charterKey));
    List<String> header = new ArrayList<>();
    for (Column c : columns) {
      if (c.localized()) {
        LANGUAGES.forEach(l -> header.add(c.name() + "_" + l));
      } else {
        header.add(c.name());
      }
    }
    Csv.Writer out = Csv.writer(header);
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (Column c : columns) {
        Object value = row.get(c.name());
        if (c.localized()) {
          Map<?, ?> texts = value instanceof Map<?, ?> m ? m : Map.of();
          LANGUAGES.forEach(l -> cells.add(cell(texts.get(l))));
        } else {
          cells.add(cell(value));
        }
      }
      out.row(cells);
    }
    return out.toString();
  }

  /** A cell as text: a list joined by "; " ({@link Csv} makes it safe for spreadsheets). */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining("; "))
        : String.valueOf(value);
  }

  /**
   * The charter's public projects with financing as an IATI activity file (version 2.03).
   *
   * @throws NotFoundException when there is no such charter, or it is not public
   */
  public String iati(String charterKey) {
    PublicRecords records = publicRecords(charterKey);
    return new IatiWriter(reportingOrg, Instant.now(clock)).write(records);
  }

  /** What the public may see of a charter, read as an anonymous visitor. */
  record PublicRecords(
      CharterSummary charter,
      List<AreaOverview> areas,
      List<CommitmentView> commitments,
      List<WorkingGroupView> groups,
      List<ProjectView> projects,
      Map<String, List<MilestoneView>> milestonesByGroup,
      List<PublishedStatement> statements,
      List<IndicatorView> indicators) {

    List<MilestoneView> milestones() {
      return milestonesByGroup.values().stream().flatMap(List::stream).toList();
    }
  }

  PublicRecords publicRecords(String charterKey) {
    Viewer anyone = Viewer.ANONYMOUS;
    CharterSummary charter = charters.require(charterKey, anyone);
    List<WorkingGroupView> groups = charters.workingGroups(charterKey, null, anyone);
    List<ProjectView> projectList = new ArrayList<>();
    Map<String, List<MilestoneView>> milestones = new LinkedHashMap<>();
    for (WorkingGroupView g : groups) {
      projectList.addAll(projects.list(charterKey, g.key(), anyone));
      milestones.put(g.key(), roadmaps.roadmap(charterKey, g.key(), anyone).milestones());
    }
    return new PublicRecords(
        charter,
        charters.areas(charterKey, anyone),
        allCommitments(charterKey, anyone),
        groups,
        projectList,
        milestones,
        meetings.publishedStatements(charterKey),
        indicators.list(charterKey, anyone));
  }

  private List<CommitmentView> allCommitments(String charterKey, Viewer viewer) {
    List<CommitmentView> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      var slice =
          charters.commitments(
              charterKey,
              null,
              null,
              new org.entente.shared.Paging(page, org.entente.shared.Paging.MAX_SIZE),
              viewer);
      all.addAll(slice.items());
      if (slice.items().size() < org.entente.shared.Paging.MAX_SIZE) {
        return all;
      }
    }
  }

  private static Map<String, Object> charterRow(CharterSummary c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", c.key());
    row.put("title", texts(c.title()));
    row.put("shortTitle", texts(c.shortTitle()));
    row.put("signedOn", c.signedOn().toString());
    row.put("signedAt", texts(c.signedAt()));
    row.put("languages", c.languages());
    return row;
  }

  private static Map<String, String> texts(LocalizedText text) {
    return text == null ? Map.of() : text.values();
  }

  private static List<String> keys(List<Ref> refs) {
    return refs.stream().map(Ref::key).toList();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  /** The rows of one record type; every row has every column of the type, null when empty. */
  private static List<Map<String, Object>> rows(String type, PublicRecords r) {
    Set<String> projectKeys =
        r.projects().stream().map(ProjectView::key).collect(Collectors.toSet());
    Set<String> milestoneKeys = new LinkedHashSet<>();
    r.milestones().forEach(m -> milestoneKeys.add(m.key()));
    List<Map<String, Object>> rows = new ArrayList<>();
    switch (type) {
      case "areas" ->
          r.areas()
              .forEach(
                  a ->
                      rows.add(
                          row(
                              "key",
                              a.area().key(),
                              "name",
                              texts(a.area().name()),
                              "description",
                              texts(a.area().description()))));
      case "commitments" ->
          r.commitments()
              .forEach(
                  c ->
                      rows.add(
                          row(
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
                              keys(c.workingGroups()))));
      case "working-groups" ->
          r.groups()
              .forEach(
                  g ->
                      rows.add(
                          row(
                              "key",
                              g.key(),
                              "name",
                              texts(g.name()),
                              "description",
                              texts(g.description()),
                              "areas",
                              keys(g.areas()),
                              "coChairs",
                              g.coChairs().stream()
                                  .map(c -> c.party() + ": " + c.office().text())
                                  .toList(),
                              "restricted",
                              g.restricted())));
      case "projects" ->
          r.projects()
              .forEach(
                  p ->
                      rows.add(
                          row(
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
                                  : p.leads().entrySet().stream()
                                      .map(e -> e.getKey() + ": " + e.getValue())
                                      .toList(),
                              "partners",
                              p.partners() == null
                                  ? List.of()
                                  : p.partners().stream().map(OpenData::partner).toList(),
                              "place",
                              p.location() == null ? null : p.location().place(),
                              "latitude",
                              p.location() == null ? null : p.location().latitude(),
                              "longitude",
                              p.location() == null ? null : p.location().longitude())));
      case "financing" ->
          r.projects()
              .forEach(
                  p -> {
                    int line = 1;
                    for (Financing f :
                        p.financing() == null ? List.<Financing>of() : p.financing()) {
                      rows.add(
                          row(
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
                              f.status() == null ? null : f.status().name().toLowerCase()));
                    }
                  });
      case "milestones" ->
          r.milestonesByGroup()
              .forEach(
                  (group, list) ->
                      list.forEach(
                          m ->
                              rows.add(
                                  row(
                                      "id",
                                      m.id().toString(),
                                      "key",
                                      m.key(),
                                      "workingGroup",
                                      group,
                                      // a project the public may not see is not named, not even
                                      // by its key
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
                                      m.dependsOn().stream()
                                          .filter(milestoneKeys::contains)
                                          .toList()))));
      case "statements" ->
          r.statements()
              .forEach(
                  s ->
                      rows.add(
                          row(
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
                              str(s.publishedAt()))));
      case "indicators" ->
          r.indicators()
              .forEach(
                  i ->
                      rows.add(
                          row(
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
                              i.status() == null ? null : i.status().status())));
      case "indicator-values" ->
          r.indicators()
              .forEach(
                  i -> {
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
                  });
      default -> throw new IllegalArgumentException(type);
    }
    return rows;
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

  // ---------------------------------------------------------------- export and import

  /**
   * Everything of a charter the viewer may see, as rows of its tables: what {@link
   * #importExport(Map, Viewer)} takes back into an empty instance.
   *
   * @throws NotFoundException when there is no such charter, or the viewer may not see it
   */
  public Map<String, Object> export(String charterKey, Viewer viewer) {
    charters.require(charterKey, viewer);
    return tables.export(charterKey, viewer);
  }

  /**
   * Imports an export into this instance, all or nothing: its charter must be loaded here (from its
   * definition) and hold none of the records an export carries.
   *
   * @return how many rows of each table were imported
   * @throws org.entente.shared.ForbiddenException unless the caller is the operator token or an
   *     administrator
   * @throws BadRequestException naming what is wrong with the file
   * @throws org.springframework.web.ErrorResponseException 409 when this instance already holds
   *     records of the charter
   */
  @Transactional
  public Map<String, Integer> importExport(Map<String, Object> export, Viewer viewer) {
    if (!viewer.operator() && !viewer.has(org.entente.identity.Role.ADMINISTRATOR)) {
      throw new org.entente.shared.ForbiddenException(
          null, "only the operator or an administrator imports an export");
    }
    return tables.importRows(export);
  }
}
