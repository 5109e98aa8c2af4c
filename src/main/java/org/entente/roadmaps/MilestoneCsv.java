package org.entente.roadmaps;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneCsvReading.Line;
import org.entente.roadmaps.MilestoneImportCheck.Checked;
import org.entente.roadmaps.MilestoneImportCheck.Known;
import org.entente.roadmaps.MilestoneImportCheck.Plan;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.Csv;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextLanguages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A working group's milestones as CSV: export, and import that is idempotent by key and all or
 * nothing per file; dependencies may name milestones of the file or already stored, and a cycle
 * among them refuses the file, named. The file is read by {@link MilestoneCsvReading}, checked by
 * {@link MilestoneImportCheck} and written by {@link MilestoneImportWriting}.
 *
 * <p>Columns: {@code key}, a {@code title_LANG} column per language of the charter ({@code
 * title_en, title_az}, English first; decision 0036), {@code owner, planned_start, planned_end,
 * actual_start, actual_end, status, project, depends_on} (keys separated by {@code ;}), {@code
 * classification}; dates as YYYY-MM-DD. A file needs one title column at least, and none for a
 * language the charter does not declare; a stored milestone keeps its title in the languages the
 * file has no column for. An import neither reclassifies a milestone nor creates one that is not
 * bilateral: a line naming another classification is refused (decision 0032).
 */
@Service
public class MilestoneCsv {

  /** The columns after the titles. */
  private static final List<String> FIELDS =
      List.of(
          "owner",
          "planned_start",
          "planned_end",
          "actual_start",
          "actual_end",
          "status",
          "project",
          "depends_on",
          "classification");

  /** The header of a file of a charter in English and Azerbaijani, such as the default one. */
  static final String[] HEADER = header(List.of("en", "az")).toArray(String[]::new);

  /** The header of a file whose titles are in these languages. */
  static List<String> header(List<String> languages) {
    List<String> header = new ArrayList<>(List.of("key"));
    header.addAll(TextLanguages.columns("title", languages));
    header.addAll(FIELDS);
    return header;
  }

  private final Clock clock;
  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Milestones milestones;
  private final MilestoneStore store;
  private final MilestoneImportWriting writing;
  private final MilestoneAudit audit;

  MilestoneCsv(
      Clock clock,
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Milestones milestones,
      MilestoneStore store,
      MilestoneImportWriting writing,
      MilestoneAudit audit) {
    this.clock = clock;
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.milestones = milestones;
    this.store = store;
    this.writing = writing;
    this.audit = audit;
  }

  /** One refused row: its line in the file, the field and what is wrong. */
  public record RowError(long line, String field, String message) {}

  /** What an import did; nothing is stored when there are errors. */
  public record ImportReport(
      int rows, int created, int updated, int unchanged, List<RowError> errors) {}

  /** The group's milestones the viewer may see, as CSV. */
  @Transactional(readOnly = true)
  public String export(CharterKey charterKey, String groupKey, Viewer viewer) {
    List<String> languages =
        TextLanguages.ordered(
            charters.languages(charterKey).map(LanguagesOfCharter::languages).orElse(List.of()));
    Csv.Writer out = Csv.writer(header(languages));
    for (MilestoneView m : roadmaps.roadmap(charterKey, groupKey, viewer).milestones()) {
      List<Object> cells = new ArrayList<>(List.of(m.key()));
      languages.forEach(l -> cells.add(m.title().values().getOrDefault(l, "")));
      cells.addAll(
          List.of(
              Objects.toString(m.owner(), ""),
              m.plannedStart(),
              m.plannedEnd(),
              Objects.toString(m.actualStart(), ""),
              Objects.toString(m.actualEnd(), ""),
              m.status(),
              Objects.toString(m.project(), ""),
              String.join(";", m.dependsOn()),
              m.classification().code()));
      out.row(cells);
    }
    return out.toString();
  }

  /**
   * Imports a group's milestones from CSV, for a member who may write in the group.
   *
   * @throws ForbiddenException when the viewer may not write in the group
   */
  @Transactional
  public ImportReport importCsv(CharterKey charterKey, String groupKey, Reader csv, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    UUID charterId = group.charter().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " import its roadmap");
    }
    // Imported milestones are bilateral: they link only to records at least as widely visible; a
    // party-internal milestone of the importer's party keeps its party-internal project.
    List<Projects.Link> links = projects.links(groupId);
    Map<String, UUID> projectIds = new HashMap<>();
    Set<String> internalProjects = new HashSet<>();
    for (Projects.Link p : links) {
      boolean internal = p.audience().classification() == Classification.PARTY_INTERNAL;
      if (!p.retired() && (!internal || viewer.canSee(p.audience()))) {
        projectIds.put(p.key(), p.id());
        if (internal) {
          internalProjects.add(p.key());
        }
      }
    }
    List<RawMilestone> raw = milestones.raw(groupId, links);
    Map<String, Classification> classes = new HashMap<>();
    Map<String, LocalizedText> titles = new HashMap<>();
    for (RawMilestone r : raw) {
      // only those the importer may see: another key is refused as "already used", undescribed
      if (viewer.canSee(r.audience())) {
        Milestone m = r.keeping(t -> true).milestone();
        classes.put(m.key(), r.audience().classification());
        titles.put(m.key(), m.title());
      }
    }
    MilestoneImportCheck check =
        check(charterId, groupId, raw, projectIds, viewer, internalProjects);
    MilestoneCsvReading.File file = MilestoneCsvReading.read(csv, group.charter().languages());
    Checked checked =
        check.check(classified(titled(file.lines(), titles, file.languages()), classes));
    if (!checked.errors().isEmpty()) {
      return new ImportReport(checked.rows().size(), 0, 0, 0, checked.errors());
    }
    Plan plan = check.plan(checked.rows());
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    writing.write(
        plan,
        charterId,
        groupId,
        viewer.party(),
        projectIds,
        now,
        charters.languages(charterId).map(LanguagesOfCharter::textLanguage).orElse(null));
    ImportReport report =
        new ImportReport(
            plan.rows(), plan.inserts().size(), plan.updates().size(), plan.unchanged(), List.of());
    if (report.created() + report.updated() > 0) {
      audit.imported(groupId, charterKey, groupKey, report);
    }
    return report;
  }

  /** What a file is checked against: the group's projects and milestones, the charter's keys. */
  private MilestoneImportCheck check(
      UUID charterId,
      UUID groupId,
      List<RawMilestone> raw,
      Map<String, UUID> projectIds,
      Viewer viewer,
      Set<String> internalProjects) {
    Map<String, Known> stored = new HashMap<>();
    for (RawMilestone r : raw) {
      Milestone m = r.keeping(target -> true).milestone();
      stored.put(m.key(), new Known(r.id(), m.fingerprint(), m.dependsOn()));
    }
    Set<String> internal = new HashSet<>();
    Map<String, Boolean> elsewhere = new HashMap<>();
    for (MilestoneStore.Key key : store.keys(charterId)) {
      UUID holder = key.audience().group();
      if (groupId.equals(holder)
          && key.audience().classification() == Classification.PARTY_INTERNAL) {
        internal.add(key.key());
      }
      boolean visible = !key.retired() && viewer.canSee(key.audience());
      if (visible && groupId.equals(holder)) {
        continue;
      }
      elsewhere.put(key.key(), visible);
      stored.remove(key.key());
    }
    return new MilestoneImportCheck(projectIds, stored, elsewhere, internal, internalProjects);
  }

  /**
   * The lines, each with its stored milestone's title in the languages the file has no column for:
   * a file with fewer language columns deletes no translation.
   */
  private static List<Line> titled(
      List<Line> lines, Map<String, LocalizedText> stored, List<String> columns) {
    return lines.stream()
        .map(
            l -> {
              LocalizedText was = l.milestone() == null ? null : stored.get(l.milestone().key());
              if (was == null) {
                return l;
              }
              Milestone m = l.milestone();
              return new Line(
                  l.line(),
                  new Milestone(
                      m.key(),
                      TextLanguages.keeping(m.title(), was, columns),
                      m.owner(),
                      m.plannedStart(),
                      m.plannedEnd(),
                      m.actualStart(),
                      m.actualEnd(),
                      m.status(),
                      m.project(),
                      m.dependsOn()),
                  l.error(),
                  l.classification());
            })
        .toList();
  }

  /**
   * The lines, each that names another classification than its stored milestone's (bilateral for a
   * new one) refused naming {@code classification}.
   */
  private static List<Line> classified(List<Line> lines, Map<String, Classification> stored) {
    return lines.stream()
        .map(
            l -> {
              if (l.classification() == null) {
                return l;
              }
              Classification now =
                  stored.getOrDefault(l.milestone().key(), Classification.BILATERAL);
              return l.classification() == now
                  ? l
                  : new Line(
                      l.line(),
                      null,
                      new BadRequestException(
                          "classification",
                          stored.containsKey(l.milestone().key())
                              ? "milestone '"
                                  + l.milestone().key()
                                  + "' is "
                                  + now.code()
                                  + ": an import does not change a classification"
                              : "an import creates bilateral milestones: leave the"
                                  + " classification empty or create it on its page"),
                      null);
            })
        .toList();
  }
}
