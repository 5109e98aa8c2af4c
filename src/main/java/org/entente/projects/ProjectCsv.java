package org.entente.projects;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Partner;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.Csv;
import org.entente.shared.ForbiddenException;
import org.entente.shared.Paging;
import org.entente.shared.TextLanguages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A working group's projects as CSV: export, and import that is idempotent by the projects' keys (a
 * replay changes nothing), all or nothing per file (one bad row refuses the file, naming every bad
 * line), in one transaction, audited as one event. The file is read by {@link ProjectCsvReader},
 * its rows checked by {@link ProjectCsvCheck} and written by {@link ProjectImportStore}.
 *
 * <p>Columns ({@link ProjectCsvColumns}, decisions 0032 and 0036): {@code key}, a {@code
 * title_LANG} and a {@code description_LANG} column per language of the charter ({@code title_en,
 * title_az}, English first), {@code commitments} (keys separated by {@code ;}), {@code
 * classification, stage, stage_reason, place, latitude, longitude}, one {@code lead_PARTY} column
 * per party that leads a project, then {@code partner_N_name, partner_N_kind, partner_N_role} and
 * {@code financing_N_amount, financing_N_currency, financing_N_status, financing_N_source} for as
 * many partners and financing lines as a project has. A stored project keeps what a file has no
 * column for; the earlier release's file (one financing line, {@code leads}) is still read.
 */
@Service
public class ProjectCsv {

  /** Commitments read per page of the charter module's list. */
  private static final int PAGE = 100;

  private final ProjectImportStore store;
  private final Clock clock;
  private final Charters charters;
  private final ProjectAudit audit;

  ProjectCsv(ProjectImportStore store, Clock clock, Charters charters, ProjectAudit audit) {
    this.store = store;
    this.clock = clock;
    this.charters = charters;
    this.audit = audit;
  }

  /** One refused row: its line in the file, the field and what is wrong. */
  public record RowError(long line, String field, String message) {}

  /** What an import did, or would have done: nothing is stored when there are errors. */
  public record ImportReport(
      int rows, int created, int updated, int unchanged, List<RowError> errors) {}

  /** The group's bilateral and party-internal projects the viewer may see, as CSV. */
  @Transactional(readOnly = true)
  public String export(CharterKey charterKey, String groupKey, Viewer viewer, Projects projects) {
    List<ProjectViews.ProjectView> list = projects.list(charterKey, groupKey, viewer);
    int partners = 1;
    int financing = 1;
    Set<String> parties = new TreeSet<>();
    for (ProjectViews.ProjectView p : list) {
      partners = Math.max(partners, p.partners().size());
      financing = Math.max(financing, p.financing().size());
      parties.addAll(p.leads().keySet());
    }
    List<String> languages = languages(charterKey);
    Csv.Writer out = Csv.writer(ProjectCsvColumns.header(languages, partners, financing, parties));
    for (ProjectViews.ProjectView p : list) {
      out.row(row(p, languages, partners, financing, parties));
    }
    return out.toString();
  }

  /** A project's cells, in the order of {@link ProjectCsvColumns#header}. */
  private static List<Object> row(
      ProjectViews.ProjectView p,
      List<String> languages,
      int partners,
      int financing,
      Set<String> parties) {
    Project.Location at = p.location();
    List<Object> cells = new ArrayList<>();
    cells.add(p.key());
    languages.forEach(l -> cells.add(p.title().values().getOrDefault(l, "")));
    languages.forEach(l -> cells.add(p.description().values().getOrDefault(l, "")));
    cells.addAll(
        List.of(
            String.join(
                ";", p.commitments().stream().map(ProjectViews.CommitmentRef::key).toList()),
            p.classification().code(),
            p.stage(),
            Objects.toString(p.stageReason(), ""),
            at == null ? "" : Objects.toString(at.place(), ""),
            at == null ? "" : Objects.toString(at.latitude(), ""),
            at == null ? "" : Objects.toString(at.longitude(), "")));
    parties.forEach(party -> cells.add(p.leads().getOrDefault(party, "")));
    for (int n = 0; n < partners; n++) {
      Partner x = n < p.partners().size() ? p.partners().get(n) : null;
      cells.add(x == null ? "" : x.name());
      cells.add(x == null ? "" : Objects.toString(x.kind(), ""));
      cells.add(x == null ? "" : x.role().name().toLowerCase(Locale.ROOT));
    }
    for (int n = 0; n < financing; n++) {
      Financing f = n < p.financing().size() ? p.financing().get(n) : null;
      cells.add(f == null ? "" : f.amount().toPlainString());
      cells.add(f == null ? "" : f.currency().code());
      cells.add(f == null ? "" : f.status().name().toLowerCase(Locale.ROOT));
      cells.add(f == null ? "" : Objects.toString(f.source(), ""));
      cells.add(f == null ? "" : Objects.toString(f.date(), ""));
    }
    return cells;
  }

  /**
   * Imports a group's projects from CSV, for a member who may write in the group: new keys are
   * created (bilateral), known keys updated when they differ, the rest left as they are.
   *
   * @param progress told the number of rows read so far, every thousand rows
   * @throws ForbiddenException when the viewer may not write in the group
   */
  @Transactional
  public ImportReport importCsv(
      CharterKey charterKey, String groupKey, Reader csv, Viewer viewer, LongConsumer progress) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    UUID charterId = group.charter().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " import its projects");
    }
    ProjectCsvCheck check =
        new ProjectCsvCheck(
            groupId,
            linkable(charterKey, groupId, viewer),
            store.existing(charterId, viewer),
            store.stored(charterId, groupId),
            LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    ProjectCsvReader.Rows read =
        ProjectCsvReader.read(csv, group.charter().languages(), check, progress);
    int rows = read.rows().size();
    if (!read.errors().isEmpty()) {
      return new ImportReport(rows + read.errors().size(), 0, 0, 0, List.copyOf(read.errors()));
    }
    ProjectCsvCheck.Plan plan = check.plan(read.rows());
    store.write(
        plan,
        charterId,
        groupId,
        viewer,
        now(),
        charters
            .languages(charterId)
            .map(org.entente.charter.LanguagesOfCharter::textLanguage)
            .orElse(null));
    progress.accept(rows);
    int created = plan.inserts().size();
    int updated = plan.updates().size();
    if (created + updated > 0) {
      audit.imported(groupId, charterKey, groupKey, rows, created, updated, plan.unchanged());
    }
    return new ImportReport(rows, created, updated, plan.unchanged(), List.of());
  }

  /**
   * The ids of the charter's commitments an imported project may link to, by key: those the viewer
   * sees that are at least as widely visible as a bilateral project of the group.
   */
  private Map<String, UUID> linkable(CharterKey charterKey, UUID groupId, Viewer viewer) {
    Map<String, UUID> commitments = new HashMap<>();
    List<CommitmentView> page;
    int number = 0;
    do {
      page =
          charters.commitments(charterKey, null, null, new Paging(number++, PAGE), viewer).items();
      page.forEach(c -> commitments.put(c.key(), c.id()));
    } while (page.size() == PAGE);
    Viewer.Audience imported =
        new Viewer.Audience(Classification.BILATERAL, viewer.party(), groupId);
    commitments
        .keySet()
        .removeIf(
            key ->
                charters
                    .commitmentAudience(charterKey, key, viewer)
                    .filter(imported::within)
                    .isEmpty());
    return commitments;
  }

  /** The languages of the charter's text columns: its own, English first. */
  private List<String> languages(CharterKey charterKey) {
    return TextLanguages.ordered(
        charters.languages(charterKey).map(LanguagesOfCharter::languages).orElse(List.of()));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
