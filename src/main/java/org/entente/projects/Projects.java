package org.entente.projects;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.Charters;
import org.entente.concurrence.AgreementReached;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.concurrence.Concurrence.PublicationView;
import org.entente.concurrence.Concurrence.Published;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectList;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projects module's one service: projects of a working group, and its project list through
 * concurrence. Every read applies the visibility policy; every write is made against a version and
 * audited.
 */
@Service
@Transactional(readOnly = true)
public class Projects {

  /** The concurrence subject type of a working group's project list. */
  public static final String PROJECT_LIST = "project-list";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Readers of the stored leads and partners, their types resolved once. */
  private static final ObjectReader LEADS =
      JSON.readerFor(new TypeReference<Map<String, String>>() {});

  private static final ObjectReader PARTNERS =
      JSON.readerFor(new TypeReference<List<Partner>>() {});

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Charters charters;
  private final Concurrence concurrence;
  private final Audit audit;
  private final org.springframework.context.ApplicationEventPublisher events;

  Projects(
      JdbcClient jdbc,
      Clock clock,
      Charters charters,
      Concurrence concurrence,
      Audit audit,
      org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.concurrence = concurrence;
    this.audit = audit;
    this.events = events;
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
  public ProjectView create(String charterKey, String groupKey, ProjectInput input, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " add projects to it");
    }
    Classification classification = viewer.classificationToGive(input.classification());
    Project project =
        new Project(
            input.key(),
            LocalizedText.stripped(input.title()),
            LocalizedText.stripped(input.description()),
            input.commitments(),
            input.leads(),
            input.partners(),
            Stage.IDENTIFIED,
            null,
            input.financing(),
            input.location());
    List<UUID> commitments =
        commitmentIds(
            charterKey,
            project.commitments(),
            new Viewer.Audience(classification, viewer.party(), groupId),
            viewer);
    CharterSummary charter = group.charter();
    if (jdbc.sql("select count(*) from project where charter_id = ? and code = ?")
            .params(charter.id(), project.key())
            .query(Long.class)
            .single()
        > 0) {
      throw new BadRequestException(
          "key", "the key '" + project.key() + "' is taken by another project of this charter");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into project (id, charter_id, code, title, description, leads, partners,"
                + " stage, stage_reason, place, latitude, longitude, classification,"
                + " origin_party, group_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            charter.id(),
            project.key(),
            project.title().toJson(),
            project.description().isEmpty() ? null : project.description().toJson(),
            JSON.writeValueAsString(project.leads()),
            JSON.writeValueAsString(project.partners()),
            project.stage().name(),
            project.stageReason(),
            project.location() == null ? null : project.location().place(),
            project.location() == null ? null : project.location().latitude(),
            project.location() == null ? null : project.location().longitude(),
            classification.name(),
            viewer.party(),
            groupId,
            now,
            now)
        .update();
    writeChildren(id, commitments, project.financing());
    audit.record(
        "project.created",
        "project",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("charter", charterKey, "group", groupKey, "key", project.key()));
    return project(id, viewer);
  }

  /**
   * The projects of a working group the viewer may see, by key. Read in three statements whatever
   * their number (the projects, then the commitments and the financing of all of them), not five
   * per project.
   */
  public List<ProjectView> list(String charterKey, String groupKey, Viewer viewer) {
    WorkingGroupInCharter group = charters.group(charterKey, groupKey, viewer);
    List<Row> rows =
        jdbc.sql(
                "select * from project where group_id = :group and retired = false and "
                    + Viewer.condition()
                    + " order by code")
            .param("group", group.group().id())
            .params(viewer.parameters())
            .query(Projects::row)
            .list();
    return views(rows, group.charter().key(), group.group().key(), viewer);
  }

  /** The views of projects as the viewer may see them: a link to a hidden record is left out. */
  private List<ProjectView> views(
      List<Row> rows, String charterKey, String groupKey, Viewer viewer) {
    return views(
        rows.stream()
            .filter(r -> viewer.canSee(r.classification(), r.originParty(), r.groupId()))
            .toList(),
        charterKey,
        groupKey,
        (r, target) -> viewer.canSee(target));
  }

  /**
   * One page of the projects of a working group the viewer may see, by key: only that page is read
   * (limit and offset in SQL, and the page's commitments and financing in one statement each).
   */
  public PageOf<ProjectView> page(
      String charterKey, String groupKey, Paging paging, Viewer viewer) {
    WorkingGroupInCharter group = charters.group(charterKey, groupKey, viewer);
    String where =
        " from project where group_id = :group and retired = false and " + Viewer.condition();
    long total =
        jdbc.sql("select count(*)" + where)
            .param("group", group.group().id())
            .params(viewer.parameters())
            .query(Long.class)
            .single();
    List<Row> rows =
        jdbc.sql("select *" + where + " order by code limit :size offset :offset")
            .param("group", group.group().id())
            .params(viewer.parameters())
            .param("size", paging.size())
            .param("offset", (long) paging.page() * paging.size())
            .query(Projects::row)
            .list();
    return new PageOf<>(
        views(rows, group.charter().key(), group.group().key(), viewer),
        paging.page(),
        paging.size(),
        total);
  }

  /**
   * The views of projects of one group, their commitments and financing read for all at once.
   *
   * @param linkShown whether a project's link to a record with an audience is shown
   */
  private List<ProjectView> views(
      List<Row> visible,
      String charterKey,
      String groupKey,
      java.util.function.BiPredicate<Row, Viewer.Audience> linkShown) {
    if (visible.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = visible.stream().map(Row::id).toList();
    Map<UUID, Row> byId = new HashMap<>();
    visible.forEach(r -> byId.put(r.id(), r));
    Map<UUID, List<CommitmentRef>> commitments = new LinkedHashMap<>();
    jdbc.sql(
            "select pc.project_id, c.code, c.title, c.classification, c.origin_party, c.group_id"
                + " from project_commitment pc join commitment c"
                + " on c.id = pc.commitment_id where pc.project_id in (:ids)"
                + " order by pc.project_id, pc.position")
        .param("ids", ids)
        .query(
            rs -> {
              UUID project = rs.getObject(1, UUID.class);
              if (linkShown.test(byId.get(project), commitmentAudience(rs))) {
                commitments
                    .computeIfAbsent(project, k -> new ArrayList<>())
                    .add(
                        new CommitmentRef(
                            rs.getString(2), LocalizedText.fromJson(rs.getString(3))));
              }
            });
    Map<UUID, List<Financing>> financing = new LinkedHashMap<>();
    jdbc.sql(
            "select project_id, amount, currency, source, status from project_financing"
                + " where project_id in (:ids) order by project_id, position")
        .param("ids", ids)
        .query(
            rs -> {
              financing
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Financing(
                          rs.getBigDecimal(2),
                          rs.getString(3),
                          rs.getString(4),
                          FinancingStatus.valueOf(rs.getString(5))));
            });
    return visible.stream()
        .map(
            r ->
                stored(
                        r,
                        charterKey,
                        groupKey,
                        commitments.getOrDefault(r.id(), List.of()),
                        financing.getOrDefault(r.id(), List.of()))
                    .view())
        .toList();
  }

  /**
   * Who may see a project, or empty when there is none or the viewer may not see it: what a record
   * that links to the project is checked against.
   */
  public Optional<Viewer.Audience> audience(UUID id, Viewer viewer) {
    return jdbc.sql("select * from project where id = ? and retired = false")
        .param(id)
        .query(Projects::row)
        .optional()
        .map(Projects::audience)
        .filter(viewer::canSee);
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
    return stored(id, viewer).view();
  }

  /**
   * A project's title, or empty when there is none or the viewer may not see it: what a link to a
   * project shows. Unlike {@link #project}, it throws nothing, so a caller in the same transaction
   * can hide a link it may not show without the transaction being marked for rollback.
   */
  public Optional<LocalizedText> title(UUID id, Viewer viewer) {
    return jdbc.sql(
            "select * from project where id = :id and retired = false and " + Viewer.condition())
        .param("id", id)
        .params(viewer.parameters())
        .query(Projects::row)
        .optional()
        .filter(r -> viewer.canSee(r.classification(), r.originParty(), r.groupId()))
        .map(r -> LocalizedText.fromJson(r.title()));
  }

  /**
   * The charter's projects the viewer may see whose title or description match a search.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<org.entente.shared.SearchHit> search(
      org.entente.charter.CharterViews.CharterSummary charter,
      org.entente.shared.TextQuery query,
      boolean postgres,
      Viewer viewer) {
    UUID charterId = charter.id();
    org.entente.shared.TextQuery.Condition match =
        query.condition("p.title || ' ' || coalesce(p.description, '')", postgres, "q");
    return jdbc.sql(
            "select p.id, p.title, p.description, p.stage, g.code as group_code from project p"
                + " join working_group g on g.id = p.group_id where p.charter_id = :charter"
                + " and p.retired = false and "
                + Viewer.condition("p")
                + " and "
                + match.sql()
                + " order by p.code limit 200")
        .param("charter", charterId)
        .params(viewer.parameters())
        .params(match.params())
        .query(
            (rs, n) -> {
              String description = rs.getString("description");
              return new org.entente.shared.SearchHit(
                  "project",
                  rs.getString("id"),
                  LocalizedText.fromJson(rs.getString("title")).text(),
                  description == null ? null : LocalizedText.fromJson(description).text(),
                  rs.getString("group_code"),
                  List.of(),
                  rs.getString("stage").toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                  "/projects/" + rs.getString("id"));
            })
        .list();
  }

  /**
   * Changes a project, made against a version.
   *
   * @throws ConflictException when it changed since that version
   * @throws ForbiddenException when the viewer may see but not change it, or sets a fixed field
   */
  @Transactional
  public ProjectView update(UUID id, ProjectChange change, Viewer viewer) {
    Stored stored = stored(id, viewer);
    for (Map.Entry<String, Object> fixed : change.fixedFields().entrySet()) {
      if (fixed.getValue() != null) {
        throw new ForbiddenException(
            fixed.getKey(),
            fixed.getKey()
                + (fixed.getKey().equals("stage")
                    ? " changes through POST /api/projects/{id}/stage"
                    : " is fixed when a project is created"));
      }
    }
    mayChange(stored, viewer);
    requireVersion(change.version(), stored);
    ProjectView current = stored.view();
    Classification classification = current.classification();
    if (change.classification() != null) {
      classification = viewer.classificationToGive(change.classification());
      if (classification != current.classification()
          && (current.originParty() == null || !current.originParty().equals(viewer.party()))) {
        throw new ForbiddenException(
            "classification",
            "only an official of the party that made it may change its classification");
      }
    }
    Project project =
        new Project(
            current.key(),
            change.title() == null ? current.title() : LocalizedText.stripped(change.title()),
            change.description() == null
                ? current.description()
                : LocalizedText.stripped(change.description()),
            change.commitments() == null
                ? current.commitments().stream().map(CommitmentRef::key).toList()
                : change.commitments(),
            change.leads() == null ? current.leads() : change.leads(),
            change.partners() == null ? current.partners() : change.partners(),
            Stage.valueOf(current.stage().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
            current.stageReason(),
            change.financing() == null ? current.financing() : change.financing(),
            change.location() == null ? current.location() : change.location());
    Viewer.Audience audience =
        new Viewer.Audience(classification, current.originParty(), stored.groupId());
    List<UUID> commitments =
        commitmentIds(current.charter(), project.commitments(), audience, viewer);
    if (classification != current.classification()) {
      // Records that link to the project must stay within its audience: their modules refuse.
      events.publishEvent(new ProjectReclassified(id, audience));
    }
    save(id, project, classification, stored.version());
    writeChildren(id, commitments, project.financing());
    audit.record(
        "project.updated",
        "project",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("key", project.key(), "version", stored.version() + 1));
    return project(id, viewer);
  }

  /**
   * Moves a project to another stage, made against a version.
   *
   * @throws BadRequestException when the move is not allowed, or gives no reason where one is
   *     needed
   */
  @Transactional
  public ProjectView moveTo(UUID id, String stage, String reason, Long version, Viewer viewer) {
    Stored stored = stored(id, viewer);
    mayChange(stored, viewer);
    requireVersion(version, stored);
    if (stage == null) {
      throw new BadRequestException("stage", "say which stage the project moves to");
    }
    Project moved = stored.project().moveTo(Stage.fromCode(stage), reason);
    save(id, moved, stored.view().classification(), stored.version());
    audit.record(
        "project.stage-changed",
        "project",
        id.toString(),
        Outcome.SUCCESS,
        Map.of(
            "key", moved.key(),
            "from", stored.project().stage().code(),
            "to", moved.stage().code()));
    return project(id, viewer);
  }

  /** A working group's project list and the agreement on it, as far as the viewer may see. */
  public ProjectList projectList(String charterKey, String groupKey, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    List<ProjectView> projects = listed(group, viewer);
    Optional<AgreementView> agreement =
        concurrence.find(PROJECT_LIST, subjectKey(charterKey, groupKey), viewer);
    boolean changed =
        agreement
            .map(a -> !a.fingerprint().equals(Concurrence.fingerprint(canonical(shared(group)))))
            .orElse(false);
    return new ProjectList(charterKey, groupKey, projects, agreement.orElse(null), changed);
  }

  /**
   * Submits the group's bilateral and public projects, as they are now, as the next version of its
   * project list: nothing changes when they are as the current version.
   */
  @Transactional
  public ProjectList submitProjectList(String charterKey, String groupKey, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    // The version is the list's own content, the same whoever submits it.
    List<ProjectView> projects = shared(group);
    if (projects.isEmpty()) {
      throw new BadRequestException("projects", "a project list needs at least one project");
    }
    List<String> parties =
        charters.overview(charterKey, viewer).parties().stream().map(p -> p.key()).toList();
    concurrence.submit(
        new Concurrence.Subject(
            PROJECT_LIST,
            subjectKey(charterKey, groupKey),
            group.charter().id(),
            group.group().id()),
        parties,
        canonical(projects),
        viewer);
    return projectList(charterKey, groupKey, viewer);
  }

  /** The viewer approves a version of the group's project list for their party. */
  @Transactional
  public ProjectList approveProjectList(
      String charterKey, String groupKey, int version, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    concurrence.approve(PROJECT_LIST, subjectKey(charterKey, groupKey), version, viewer);
    return projectList(charterKey, groupKey, viewer);
  }

  /** The viewer disputes the group's project list for their party, with a reason. */
  @Transactional
  public ProjectList disputeProjectList(
      String charterKey, String groupKey, String reason, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    concurrence.dispute(PROJECT_LIST, subjectKey(charterKey, groupKey), reason, viewer);
    return projectList(charterKey, groupKey, viewer);
  }

  /** The viewer reopens the group's project list for their party. */
  @Transactional
  public ProjectList reopenProjectList(String charterKey, String groupKey, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    concurrence.reopen(PROJECT_LIST, subjectKey(charterKey, groupKey), viewer);
    return projectList(charterKey, groupKey, viewer);
  }

  /**
   * A co-chair proposes to publish a version of the group's project list that both parties agreed.
   *
   * @throws ForbiddenException when the group is restricted (its records are never published), the
   *     viewer is no co-chair, or the version is not agreed
   */
  @Transactional
  public PublicationView proposePublication(
      String charterKey, String groupKey, int version, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    if (group.group().restricted()) {
      throw new ForbiddenException(null, "the records of a restricted group are never published");
    }
    return concurrence.proposePublication(
        PROJECT_LIST, subjectKey(charterKey, groupKey), version, viewer);
  }

  /**
   * The viewer's party approves publishing the proposed version of the group's project list; with
   * both parties' approval its projects become public.
   */
  @Transactional
  public PublicationView approvePublication(
      String charterKey, String groupKey, int version, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    return concurrence.approvePublication(
        PROJECT_LIST, subjectKey(charterKey, groupKey), version, viewer);
  }

  /** Where the publication of the group's project list stands, as far as the viewer may see. */
  public PublicationView publication(String charterKey, String groupKey, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    return concurrence
        .publication(PROJECT_LIST, subjectKey(charterKey, groupKey), viewer)
        .orElse(new PublicationView(null, null, null));
  }

  /**
   * Both parties agreed to publish a version of a project list: its projects become public, through
   * the one visibility policy (classification {@code PUBLIC}). Refused, rolling the approval back,
   * when the list changed since that version, so the public sees exactly what was agreed; never for
   * a restricted group, never a party-internal project.
   */
  @EventListener
  void on(AgreementReached reached) {
    if (!reached.subjectType().equals(Concurrence.publicationOf(PROJECT_LIST))) {
      return;
    }
    Published published = concurrence.published(PROJECT_LIST, reached.subjectKey()).orElseThrow();
    String[] keys = reached.subjectKey().split("/", 2);
    Viewer shared = sharedIn(reached.groupId());
    WorkingGroupDetail group = charters.workingGroup(keys[0], keys[1], shared);
    if (group.group().restricted()) {
      throw new ForbiddenException(null, "the records of a restricted group are never published");
    }
    List<ProjectView> now = shared(group);
    if (!Concurrence.fingerprint(canonical(now)).equals(published.fingerprint())) {
      throw new ForbiddenException(
          "version",
          "the project list changed since version "
              + published.version()
              + " was agreed: agree its new version, then publish that");
    }
    List<String> codes = new ArrayList<>();
    for (tools.jackson.databind.JsonNode item : JSON.readTree(published.content())) {
      codes.add(item.get("key").asString());
    }
    int count =
        codes.isEmpty()
            ? 0
            : jdbc.sql(
                    "update project set classification = 'PUBLIC', version = version + 1,"
                        + " updated_at = :now where group_id = :group and code in (:codes) and"
                        + " classification = 'BILATERAL' and retired = false")
                .param("now", now())
                .param("group", reached.groupId())
                .param("codes", codes)
                .update();
    audit.record(
        "project-list.published",
        "agreement",
        reached.subjectKey(),
        Outcome.SUCCESS,
        Map.of("version", published.version(), "projects", count));
  }

  /**
   * Who sees what both parties share in one group and nothing else: no party, so nothing
   * party-internal; used to read the records an agreement publishes.
   */
  private static Viewer sharedIn(UUID group) {
    return new Viewer(
        null,
        null,
        false,
        java.util.Set.of(),
        java.util.Set.of(group),
        java.util.Set.of(),
        java.util.Set.of(),
        false);
  }

  /** The projects of a group's list as the viewer sees them: not party-internal, not retired. */
  private List<ProjectView> listed(WorkingGroupDetail group, Viewer viewer) {
    return list(group.charter().key(), group.group().key(), viewer).stream()
        .filter(p -> p.classification() != Classification.PARTY_INTERNAL)
        .toList();
  }

  /**
   * What a version of a group's project list is made of: its projects that both parties share, each
   * with only the links everyone who sees it may follow. Built from the records themselves, never
   * from one viewer's view of them, so it is the same whoever submits or checks it.
   */
  private List<ProjectView> shared(WorkingGroupDetail group) {
    List<Row> rows =
        jdbc.sql(
                "select * from project where group_id = :group and retired = false"
                    + " and classification <> 'PARTY_INTERNAL' order by code")
            .param("group", group.group().id())
            .query(Projects::row)
            .list();
    return views(
        rows,
        group.charter().key(),
        group.group().key(),
        (r, target) -> audience(r).within(target));
  }

  private static Viewer.Audience audience(Row r) {
    return new Viewer.Audience(r.classification(), r.originParty(), r.groupId());
  }

  private static Viewer.Audience commitmentAudience(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    return new Viewer.Audience(
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getObject("group_id", UUID.class));
  }

  static String subjectKey(String charterKey, String groupKey) {
    return charterKey + "/" + groupKey;
  }

  /**
   * The canonical content of a project list: its projects by key, each with what both parties agree
   * on, as JSON with a fixed field order. Two lists with the same projects give the same bytes, so
   * the same fingerprint.
   */
  static String canonical(List<ProjectView> projects) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ProjectView p :
        projects.stream().sorted(java.util.Comparator.comparing(ProjectView::key)).toList()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", p.key());
      item.put("title", new java.util.TreeMap<>(p.title().values()));
      item.put("description", new java.util.TreeMap<>(p.description().values()));
      item.put("commitments", p.commitments().stream().map(CommitmentRef::key).sorted().toList());
      item.put("leads", new java.util.TreeMap<>(p.leads()));
      item.put("partners", p.partners());
      item.put("stage", p.stage());
      item.put(
          "financing",
          p.financing().stream()
              .map(
                  f ->
                      List.of(
                          f.amount()
                              .setScale(2, java.math.RoundingMode.UNNECESSARY)
                              .toPlainString(),
                          f.currency(),
                          String.valueOf(f.source()),
                          f.status().name()))
              .toList());
      item.put("location", p.location());
      items.add(item);
    }
    return JSON.writeValueAsString(items);
  }

  private void mayChange(Stored stored, Viewer viewer) {
    ProjectView p = stored.view();
    if (p.classification() == Classification.PUBLIC) {
      throw new ForbiddenException(
          null, "a published project changes only through both parties' agreement");
    }
    if (!viewer.mayWriteIn(stored.groupId())) {
      throw new ForbiddenException(null, "you may read this project but not change it");
    }
  }

  private static void requireVersion(Long version, Stored stored) {
    if (version == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (version != stored.version()) {
      throw new ConflictException("project", stored.version());
    }
  }

  private void save(UUID id, Project project, Classification classification, long version) {
    int updated =
        jdbc.sql(
                "update project set title = ?, description = ?, leads = ?, partners = ?,"
                    + " stage = ?, stage_reason = ?, place = ?, latitude = ?, longitude = ?,"
                    + " classification = ?, version = version + 1, updated_at = ?"
                    + " where id = ? and version = ?")
            .params(
                project.title().toJson(),
                project.description().isEmpty() ? null : project.description().toJson(),
                JSON.writeValueAsString(project.leads()),
                JSON.writeValueAsString(project.partners()),
                project.stage().name(),
                project.stageReason(),
                project.location() == null ? null : project.location().place(),
                project.location() == null ? null : project.location().latitude(),
                project.location() == null ? null : project.location().longitude(),
                classification.name(),
                now(),
                id,
                version)
            .update();
    if (updated == 0) {
      throw new ConflictException("project", version + 1);
    }
  }

  private void writeChildren(UUID id, List<UUID> commitments, List<Financing> financing) {
    jdbc.sql("delete from project_commitment where project_id = ?").param(id).update();
    int position = 0;
    for (UUID commitment : commitments) {
      jdbc.sql(
              "insert into project_commitment (project_id, commitment_id, position)"
                  + " values (?, ?, ?)")
          .params(id, commitment, position++)
          .update();
    }
    jdbc.sql("delete from project_financing where project_id = ?").param(id).update();
    position = 0;
    for (Financing line : financing) {
      jdbc.sql(
              "insert into project_financing (project_id, position, amount, currency, source,"
                  + " status) values (?, ?, ?, ?, ?, ?)")
          .params(
              id, position++, line.amount(), line.currency(), line.source(), line.status().name())
          .update();
    }
  }

  /**
   * The commitments a project links to: ones the viewer may see (any other is answered as missing,
   * so its existence does not show), at least as widely visible as the project.
   */
  private List<UUID> commitmentIds(
      String charterKey, List<String> keys, Viewer.Audience project, Viewer viewer) {
    List<UUID> ids = new ArrayList<>();
    for (String key : keys) {
      CommitmentView commitment;
      try {
        commitment = charters.commitment(charterKey, key, viewer);
      } catch (NotFoundException e) {
        throw new BadRequestException("commitments", "the charter has no commitment '" + key + "'");
      }
      Viewer.requireLink(
          "commitments",
          project,
          "project",
          jdbc.sql("select classification, origin_party, group_id from commitment where id = ?")
              .param(commitment.id())
              .query((rs, n) -> commitmentAudience(rs))
              .single(),
          "commitment");
      if (!ids.contains(commitment.id())) {
        ids.add(commitment.id());
      }
    }
    return ids;
  }

  private record Stored(UUID groupId, long version, Project project, ProjectView view) {}

  /** A project's row as stored. */
  private record Row(
      UUID id,
      UUID charterId,
      UUID groupId,
      String code,
      String title,
      String description,
      String leads,
      String partners,
      String stage,
      String stageReason,
      String place,
      Double latitude,
      Double longitude,
      Classification classification,
      String originParty,
      long version) {}

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("charter_id", UUID.class),
        rs.getObject("group_id", UUID.class),
        rs.getString("code"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("leads"),
        rs.getString("partners"),
        rs.getString("stage"),
        rs.getString("stage_reason"),
        rs.getString("place"),
        (Double) rs.getObject("latitude"),
        (Double) rs.getObject("longitude"),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getLong("version"));
  }

  private Stored stored(UUID id, Viewer viewer) {
    Row row =
        jdbc.sql(
                "select * from project where id = :id and retired = false and "
                    + Viewer.condition())
            .param("id", id)
            .params(viewer.parameters())
            .query(Projects::row)
            .optional()
            .filter(r -> viewer.canSee(r.classification(), r.originParty(), r.groupId()))
            .orElseThrow(() -> new NotFoundException("project", String.valueOf(id)));
    String charterKey =
        jdbc.sql("select code from charter where id = ?")
            .param(row.charterId())
            .query(String.class)
            .single();
    String groupKey =
        jdbc.sql("select code from working_group where id = ?")
            .param(row.groupId())
            .query(String.class)
            .single();
    // A link to a commitment the viewer may not see is left out, key and all.
    List<CommitmentRef> commitments =
        jdbc
            .sql(
                "select c.code, c.title, c.classification, c.origin_party, c.group_id"
                    + " from project_commitment pc join commitment c on c.id ="
                    + " pc.commitment_id where pc.project_id = ? order by pc.position")
            .param(id)
            .query(
                (rs, n) ->
                    viewer.canSee(commitmentAudience(rs))
                        ? new CommitmentRef(
                            rs.getString(1), LocalizedText.fromJson(rs.getString(2)))
                        : null)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    List<Financing> financing =
        jdbc.sql(
                "select amount, currency, source, status from project_financing"
                    + " where project_id = ? order by position")
            .param(id)
            .query(
                (rs, n) ->
                    new Financing(
                        rs.getBigDecimal(1),
                        rs.getString(2),
                        rs.getString(3),
                        FinancingStatus.valueOf(rs.getString(4))))
            .list();
    return stored(row, charterKey, groupKey, commitments, financing);
  }

  private static Stored stored(
      Row row,
      String charterKey,
      String groupKey,
      List<CommitmentRef> commitments,
      List<Financing> financing) {
    Map<String, String> leads = LEADS.readValue(row.leads());
    List<Partner> partners = PARTNERS.readValue(row.partners());
    Location location =
        row.place() == null && row.latitude() == null
            ? null
            : new Location(row.place(), row.latitude(), row.longitude());
    Project project =
        new Project(
            row.code(),
            LocalizedText.fromJson(row.title()),
            row.description() == null
                ? LocalizedText.empty()
                : LocalizedText.fromJson(row.description()),
            commitments.stream().map(CommitmentRef::key).toList(),
            leads,
            partners,
            Stage.valueOf(row.stage()),
            row.stageReason(),
            financing,
            location);
    ProjectView view =
        new ProjectView(
            row.id(),
            charterKey,
            groupKey,
            row.code(),
            project.title(),
            project.description(),
            commitments,
            leads,
            partners,
            project.stage().code(),
            row.stageReason(),
            financing,
            location,
            row.classification(),
            row.originParty(),
            row.version());
    return new Stored(row.groupId(), row.version(), project, view);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
