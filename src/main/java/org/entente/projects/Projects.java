package org.entente.projects;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.charter.CharterIndex;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectViews.ProjectList;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projects module's one service: projects of a working group, and its project list through
 * concurrence. A thin transactional layer: the rules of a project are in {@link Project} and {@link
 * StoredProject}, its SQL in {@link ProjectStore}, its views in {@link ProjectReads}, its audit
 * events in {@link ProjectAudit}. Every read applies the visibility policy; every write is made
 * against a version and audited.
 */
@Service
@Transactional(readOnly = true)
public class Projects {

  /** The concurrence subject type of a working group's project list. */
  public static final String PROJECT_LIST = "project-list";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Charters charters;
  private final Concurrence concurrence;
  private final Audit audit;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final ProjectStore store;
  private final ProjectReads reads;
  private final ProjectAudit projectAudit;
  private final ProjectOfficialTexts officialTexts;

  Projects(
      JdbcClient jdbc,
      Clock clock,
      Charters charters,
      Concurrence concurrence,
      Audit audit,
      org.springframework.context.ApplicationEventPublisher events,
      ProjectStore store,
      ProjectReads reads,
      ProjectAudit projectAudit,
      ProjectOfficialTexts officialTexts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.concurrence = concurrence;
    this.audit = audit;
    this.events = events;
    this.store = store;
    this.reads = reads;
    this.projectAudit = projectAudit;
    this.officialTexts = officialTexts;
  }

  /**
   * Creates a project in a working group the viewer may write in.
   *
   * @throws NotFoundException when the viewer may not see the charter or group
   * @throws ForbiddenException when they may not write in the group, or ask for a classification
   *     they may not give
   * @throws BadRequestException naming the field that is wrong
   */
  @Transactional
  public ProjectView create(
      CharterKey charterKey, String groupKey, ProjectInput input, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " add projects to it");
    }
    Classification classification = viewer.classificationToGive(input.classification());
    Project project =
        input
            .project()
            .requireLanguages(group.charter().languages(), null)
            .requirePossibleDates(today());
    List<UUID> commitments =
        commitmentIds(
            charterKey,
            project.commitments(),
            new Viewer.Audience(classification, viewer.party(), groupId),
            viewer);
    CharterSummary charter = group.charter();
    if (store.keyTaken(charter.id(), project.key())) {
      throw new BadRequestException(
          "key", "the key '" + project.key() + "' is taken by another project of this charter");
    }
    UUID id = UUID.randomUUID();
    store.insert(id, charter.id(), groupId, project, classification, viewer.party(), now());
    store.writeChildren(id, commitments, project.financing());
    keepTranslationSources(id, charterKey, null, project);
    projectAudit.created(id, charterKey, groupKey, project.key(), classification);
    return project(id, viewer);
  }

  /**
   * The projects of a working group the viewer may see, by key. Read in three statements whatever
   * their number (the projects, their commitments and financing, the commitments they link to).
   */
  public List<ProjectView> list(CharterKey charterKey, String groupKey, Viewer viewer) {
    return reads.list(charterKey, groupKey, viewer);
  }

  /**
   * One page of the projects of a working group the viewer may see, by key: only that page is read
   * (limit and offset in SQL, and the page's child rows and linked commitments in one statement
   * each), each with whether its texts are official (the group's agreed list read once).
   */
  public PageOf<ProjectView> page(
      CharterKey charterKey, String groupKey, Paging paging, Viewer viewer) {
    PageOf<ProjectView> page = reads.page(charterKey, groupKey, paging, viewer);
    return new PageOf<>(
        officialTexts.withOfficial(
            page.items(), charters.group(charterKey, groupKey, viewer).group().id()),
        page.page(),
        page.size(),
        page.totalItems());
  }

  /**
   * Who may see a project, or empty when there is none or the viewer may not see it: what a record
   * that links to the project is checked against.
   */
  public Optional<Viewer.Audience> audience(UUID id, Viewer viewer) {
    return reads.audience(id, viewer);
  }

  /**
   * What a record of another module that links to a project needs of it: its key and who may see
   * it, and whether it is retired. Never shown as such; the linking module shows a link only to
   * whom may see the project.
   */
  public record Link(UUID id, String key, Viewer.Audience audience, boolean retired) {}

  /**
   * Every project of a working group, retired ones too, whoever may see them, in one statement:
   * what the roadmaps module checks and shows its links to projects by.
   */
  public List<Link> links(UUID groupId) {
    return jdbc.sql(
            "select id, code, classification, origin_party, group_id, retired from project"
                + " where group_id = ?")
        .param(groupId)
        .query(
            (rs, n) ->
                new Link(
                    rs.getObject("id", UUID.class),
                    rs.getString("code"),
                    new Viewer.Audience(
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("origin_party"),
                        rs.getObject("group_id", UUID.class)),
                    rs.getBoolean("retired")))
        .list();
  }

  /**
   * One project.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public ProjectView project(UUID id, Viewer viewer) {
    StoredProject stored = reads.stored(id, viewer);
    return stored.view().withOfficial(officialTexts.of(stored.view(), stored.groupId()));
  }

  /**
   * A project's title, or empty when there is none or the viewer may not see it: what a link to a
   * project shows. Unlike {@link #project}, it throws nothing, so a caller in the same transaction
   * can hide a link it may not show without the transaction being marked for rollback.
   */
  public Optional<LocalizedText> title(UUID id, Viewer viewer) {
    return reads.title(id, viewer);
  }

  /**
   * The charter's projects the viewer may see whose title or description match a search.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<org.entente.shared.SearchHit> search(
      CharterSummary charter, org.entente.shared.TextQuery query, boolean postgres, Viewer viewer) {
    return reads.search(charter, query, postgres, viewer);
  }

  /**
   * Changes a project, made against a version.
   *
   * @throws ConflictException when it changed since that version
   * @throws ForbiddenException when the viewer may see but not change it, or sets a fixed field
   */
  @Transactional
  public ProjectView update(UUID id, ProjectChange change, Viewer viewer) {
    StoredProject stored = reads.stored(id, viewer);
    StoredProject.refuseFixedFields(change);
    stored.requireChangeableBy(viewer);
    stored.requireVersion(change.version());
    Classification classification = stored.classificationAfter(change, viewer);
    Project project =
        stored
            .changedBy(change)
            .requireLanguages(languages(stored.view().charter()), stored.project())
            .requirePossibleDates(today());
    Viewer.Audience audience = stored.audienceAs(classification);
    List<UUID> commitments =
        commitmentIds(
            CharterKey.of(stored.view().charter()), project.commitments(), audience, viewer);
    if (classification != stored.classification()) {
      // Records that link to the project must stay within its audience: their modules refuse.
      events.publishEvent(new ProjectReclassified(id, audience));
    }
    store.save(id, project, classification, stored.version(), now());
    store.writeChildren(id, commitments, project.financing());
    keepTranslationSources(id, CharterKey.of(stored.view().charter()), stored.project(), project);
    projectAudit.updated(id, project.key(), stored.version() + 1, classification);
    return project(id, viewer);
  }

  /**
   * Keeps where the translations of a project's texts stand after an edit of every language at once
   * (decision 0037): a translation edited with its source is made from it, one left as it was goes
   * out of date when its source changed.
   */
  private void keepTranslationSources(
      UUID id, CharterKey charterKey, Project before, Project after) {
    String textLanguage =
        charters.languages(charterKey).map(LanguagesOfCharter::textLanguage).orElse(null);
    ProjectTranslationSources sources =
        before == null
            ? ProjectTranslationSources.none()
            : ProjectTranslationSources.fromJson(store.translationSources(id), textLanguage);
    LocalizedText none = LocalizedText.empty();
    store.saveTranslationSources(
        id,
        sources
            .afterEdit(
                before == null ? none : before.title(),
                before == null ? none : before.description(),
                after,
                textLanguage,
                Instant.now(clock))
            .toJson());
  }

  /** The languages the charter with this key declares: those a project's texts may be in. */
  List<String> languages(String charterKey) {
    return charters.index(CharterKey.of(charterKey)).map(CharterIndex::languages).orElse(List.of());
  }

  /**
   * Moves a project to another stage, made against a version.
   *
   * @throws BadRequestException when the move is not allowed, or gives no reason where one is
   *     needed
   */
  @Transactional
  public ProjectView moveTo(UUID id, String stage, String reason, Long version, Viewer viewer) {
    StoredProject stored = reads.stored(id, viewer);
    stored.requireChangeableBy(viewer);
    stored.requireVersion(version);
    if (stage == null) {
      throw new BadRequestException("stage", "say which stage the project moves to");
    }
    Project moved = stored.project().moveTo(Stage.parse("stage", stage), reason);
    store.save(id, moved, stored.classification(), stored.version(), now());
    projectAudit.stageChanged(id, moved.key(), stored.project().stage(), moved.stage());
    return project(id, viewer);
  }

  /** A working group's project list and the agreement on it, as far as the viewer may see. */
  public ProjectList projectList(CharterKey charterKey, String groupKey, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    List<ProjectView> projects = listed(group, viewer);
    Optional<AgreementView> agreement =
        concurrence.find(PROJECT_LIST, subjectKey(charterKey, groupKey), viewer);
    boolean changed =
        agreement
            .map(
                a ->
                    !a.fingerprint()
                        .equals(
                            Concurrence.fingerprint(ProjectListSubject.canonical(shared(group)))))
            .orElse(false);
    return new ProjectList(charterKey.value(), groupKey, projects, agreement.orElse(null), changed);
  }

  /** The projects of a group's list as the viewer sees them: not party-internal, not retired. */
  private List<ProjectView> listed(WorkingGroupDetail group, Viewer viewer) {
    return list(CharterKey.of(group.charter().key()), group.group().key(), viewer).stream()
        .filter(p -> p.classification() != Classification.PARTY_INTERNAL)
        .toList();
  }

  /**
   * What a version of a group's project list is made of: its projects that both parties share, each
   * with only the links everyone who sees it may follow. Built from the records themselves, never
   * from one viewer's view of them, so it is the same whoever submits or checks it.
   */
  List<ProjectView> shared(WorkingGroupDetail group) {
    return reads.shared(group);
  }

  static String subjectKey(CharterKey charterKey, String groupKey) {
    return charterKey + "/" + groupKey;
  }

  /**
   * The commitments a project links to: ones the viewer may see (any other is answered as missing,
   * so its existence does not show), at least as widely visible as the project.
   */
  private List<UUID> commitmentIds(
      CharterKey charterKey, List<String> keys, Viewer.Audience project, Viewer viewer) {
    List<UUID> ids = new ArrayList<>();
    for (String key : keys) {
      UUID id;
      try {
        id = charters.commitment(charterKey, key, viewer).id();
      } catch (NotFoundException e) {
        throw new BadRequestException("commitments", "the charter has no commitment '" + key + "'");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      return ids;
    }
    Map<UUID, CharterIndex.Entry> linked =
        charters.index(charterKey).orElseThrow().commitments(ids);
    for (UUID id : ids) {
      Viewer.requireLink(
          "commitments", project, "project", linked.get(id).audience(), "commitment");
    }
    return ids;
  }

  private java.time.LocalDate today() {
    return java.time.LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
