package org.entente.opendata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicators;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Csv;
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
    return List.copyOf(PublicDump.TYPES.keySet());
  }

  // ---------------------------------------------------------------- the public dump

  /**
   * Everything the public may see of a charter, by record type; each row a map from column to a
   * string, number, boolean, list of strings, or text by language.
   *
   * @throws NotFoundException when there is no such charter, or it is not public
   */
  public Map<String, Object> dump(CharterKey charterKey) {
    PublicRecords records = publicRecords(charterKey);
    Map<String, Object> dump = new LinkedHashMap<>();
    dump.put("format", DUMP_FORMAT);
    dump.put("generatedAt", Instant.now(clock).toString());
    dump.put("charter", charterRow(records.charter()));
    for (String type : PublicDump.TYPES.keySet()) {
      dump.put(type, PublicDump.rows(type, records));
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
  public String csv(CharterKey charterKey, String type) {
    List<PublicDump.Column> columns = PublicDump.TYPES.get(type);
    if (columns == null) {
      throw new BadRequestException(
          "type", "'" + type + "' is not a record type; use one of " + String.join(", ", types()));
    }
    List<Map<String, Object>> rows = PublicDump.rows(type, publicRecords(charterKey));
    List<String> header = new ArrayList<>();
    for (PublicDump.Column c : columns) {
      if (c.localized()) {
        PublicDump.LANGUAGES.forEach(l -> header.add(c.name() + "_" + l));
      } else {
        header.add(c.name());
      }
    }
    Csv.Writer out = Csv.writer(header);
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (PublicDump.Column c : columns) {
        Object value = row.get(c.name());
        if (c.localized()) {
          Map<?, ?> texts = value instanceof Map<?, ?> m ? m : Map.of();
          PublicDump.LANGUAGES.forEach(l -> cells.add(cell(texts.get(l))));
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
  public String iati(CharterKey charterKey) {
    PublicRecords records = publicRecords(charterKey);
    return new IatiWriter(reportingOrg, Instant.now(clock)).write(records);
  }

  PublicRecords publicRecords(CharterKey charterKey) {
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

  private List<CommitmentView> allCommitments(CharterKey charterKey, Viewer viewer) {
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
    row.put("title", PublicDump.texts(c.title()));
    row.put("shortTitle", PublicDump.texts(c.shortTitle()));
    row.put("signedOn", c.signedOn().toString());
    row.put("signedAt", PublicDump.texts(c.signedAt()));
    row.put("languages", c.languages());
    return row;
  }

  // ---------------------------------------------------------------- export and import

  /**
   * Everything of a charter the viewer may see, as rows of its tables: what {@link
   * #importExport(Map, Viewer)} takes back into an empty instance.
   *
   * @throws NotFoundException when there is no such charter, or the viewer may not see it
   */
  public Map<String, Object> export(CharterKey charterKey, Viewer viewer) {
    charters.require(charterKey, viewer);
    return tables.export(charterKey.value(), viewer);
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
