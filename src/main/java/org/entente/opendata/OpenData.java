package org.entente.opendata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.exchange.Publication;
import org.entente.exchange.Reader;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicators;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open data module's one service. The public dump and its CSV files hold what each module's
 * record exchange gives the public ({@link Publication}, {@link Reader#PUBLIC}): the module says
 * which of its records and which fields leave; this lays them out. The IATI file is made as an
 * anonymous visitor through the other modules' services. The export and the import of a whole
 * charter's records go through {@link RecordTables}, which applies the one visibility condition to
 * every table it reads.
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
  private final Publication publication;
  private final Clock clock;
  private final ReportingOrg reportingOrg;

  OpenData(
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Meetings meetings,
      Indicators indicators,
      RecordTables tables,
      Publication publication,
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
    this.publication = publication;
    this.clock = clock;
    this.reportingOrg = new ReportingOrg(reportingOrgRef, reportingOrgName, reportingOrgType);
  }

  /** The record types there is a CSV file of, in the dump's order. */
  public static List<String> types() {
    return PublicDump.TYPES;
  }

  // ---------------------------------------------------------------- the public dump

  /**
   * Everything the public may see of a charter, by record type; each row a map from column to a
   * string, number, boolean, list of strings, or text by language. Each module says which of its
   * records and which fields the public receives ({@link Reader#PUBLIC}).
   *
   * @throws NotFoundException when there is no such charter, or it is not public
   */
  public Map<String, Object> dump(CharterKey charterKey) {
    List<String> names = new ArrayList<>();
    names.add(PublicDump.CHARTER);
    names.addAll(PublicDump.TYPES);
    Map<String, List<Map<String, Object>>> published =
        publication.records(charterKey, Reader.PUBLIC, names);
    Map<String, Object> dump = new LinkedHashMap<>();
    dump.put("format", DUMP_FORMAT);
    dump.put("generatedAt", Instant.now(clock).toString());
    dump.putAll(PublicDump.records(published));
    return dump;
  }

  /**
   * One record type of the public dump as CSV (RFC 4180, a header row; a text in several languages
   * as one column per language of the charter, e.g. {@code title_en}, {@code title_az}; a list
   * joined by {@code ; }).
   *
   * @throws NotFoundException when there is no such charter, or it is not public
   * @throws BadRequestException naming {@code type} when it is not one of {@link #types()}
   */
  public String csv(CharterKey charterKey, String type) {
    if (!PublicDump.TYPES.contains(type)) {
      throw new BadRequestException(
          "type", "'" + type + "' is not a record type; use one of " + String.join(", ", types()));
    }
    // the charter first: not found unless the public may see it
    Map<String, List<Map<String, Object>>> published =
        publication.records(charterKey, Reader.PUBLIC, List.of(PublicDump.CHARTER, type));
    return PublicDump.csv(
        publication.type(type, Reader.PUBLIC).orElseThrow(),
        published.get(type),
        PublicDump.languages(published.get(PublicDump.CHARTER).get(0)));
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
   * @throws org.entente.shared.StateConflictException (409) when this instance already holds
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
