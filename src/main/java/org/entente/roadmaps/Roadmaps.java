package org.entente.roadmaps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.Charters;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.roadmaps.Milestone.Status;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.roadmaps.ScheduleAnalysis.Analysis;
import org.entente.roadmaps.ScheduleAnalysis.Item;
import org.entente.roadmaps.ScheduleAnalysis.Result;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roadmaps module's one service: milestones of a working group's roadmap, its analysis as of
 * the injected clock, and its agreement through concurrence.
 */
@Service
@Transactional(readOnly = true)
public class Roadmaps {

  /** The concurrence subject type of a working group's roadmap. */
  public static final String ROADMAP = "roadmap";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Charters charters;
  private final Concurrence concurrence;
  private final Audit audit;

  Roadmaps(JdbcClient jdbc, Clock clock, Charters charters, Concurrence concurrence, Audit audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.concurrence = concurrence;
    this.audit = audit;
  }

  /** A milestone as stored, with what the analysis needs. */
  record Stored(
      UUID id,
      UUID groupId,
      Milestone milestone,
      Classification classification,
      String originParty,
      long version) {

    Viewer.Audience audience() {
      return new Viewer.Audience(classification, originParty, groupId);
    }
  }

  /**
   * Adds a milestone to a working group's roadmap.
   *
   * @throws BadRequestException naming the field, or the dependency cycle it would make
   * @throws ForbiddenException when the viewer may not write in the group
   */
  @Transactional
  public MilestoneView add(
      String charterKey, String groupKey, MilestoneInput input, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " add to its roadmap");
    }
    Classification classification = viewer.classificationToGive(input.classification());
    Milestone milestone = milestone(input, input.key());
    if (jdbc.sql("select count(*) from milestone where charter_id = ? and code = ?")
            .params(group.charter().id(), milestone.key())
            .query(Long.class)
            .single()
        > 0) {
      throw new BadRequestException(
          "key", "the key '" + milestone.key() + "' is taken by another milestone of this charter");
    }
    List<Stored> existing = stored(groupId, viewer);
    checkDependencies(milestone, existing);
    Viewer.Audience audience = new Viewer.Audience(classification, viewer.party(), groupId);
    checkDependencyLinks(audience, milestone, existing);
    UUID projectId =
        projectId(group.charter().id(), groupId, milestone.project(), audience, viewer);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into milestone (id, charter_id, code, title, owner_organization,"
                + " planned_start, planned_end, actual_start, actual_end, status, project_id,"
                + " classification, origin_party, group_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            group.charter().id(),
            milestone.key(),
            milestone.title().toJson(),
            milestone.owner(),
            milestone.plannedStart(),
            milestone.plannedEnd(),
            milestone.actualStart(),
            milestone.actualEnd(),
            milestone.status().name(),
            projectId,
            classification.name(),
            viewer.party(),
            groupId,
            now,
            now)
        .update();
    writeDependencies(id, milestone, existing);
    audit.record(
        "milestone.added",
        "milestone",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("charter", charterKey, "group", groupKey, "key", milestone.key()));
    return roadmap(charterKey, groupKey, viewer).milestones().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Replaces a milestone's content, made against a version; its key stays.
   *
   * @throws ConflictException when it changed since that version
   */
  @Transactional
  public MilestoneView change(UUID id, MilestoneInput input, Viewer viewer) {
    Stored current = one(id, viewer);
    if (!viewer.mayWriteIn(current.groupId())) {
      throw new ForbiddenException(null, "you may read this milestone but not change it");
    }
    if (input.key() != null && !input.key().equals(current.milestone().key())) {
      throw new ForbiddenException("key", "key is fixed when a milestone is added");
    }
    if (input.classification() != null
        && viewer.classificationToGive(input.classification()) != current.classification()) {
      throw new ForbiddenException(
          "classification", "a milestone's classification is fixed when it is added");
    }
    if (input.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (input.version() != current.version()) {
      throw new ConflictException("milestone", current.version());
    }
    Milestone milestone = milestone(input, current.milestone().key());
    if (current.classification() == Classification.PUBLIC
        && !samePlan(current.milestone(), milestone)) {
      throw new ForbiddenException(
          null,
          "a published milestone's plan changes only through both parties' agreement; its status"
              + " and actual dates may change");
    }
    List<Stored> others =
        stored(current.groupId(), viewer).stream().filter(s -> !s.id().equals(id)).toList();
    checkDependencies(milestone, others);
    Viewer.Audience audience = current.audience();
    checkDependencyLinks(audience, milestone, others);
    UUID charterId =
        jdbc.sql("select charter_id from milestone where id = ?")
            .param(id)
            .query(UUID.class)
            .single();
    UUID projectId = projectId(charterId, current.groupId(), milestone.project(), audience, viewer);
    int updated =
        jdbc.sql(
                "update milestone set title = ?, owner_organization = ?, planned_start = ?,"
                    + " planned_end = ?, actual_start = ?, actual_end = ?, status = ?,"
                    + " project_id = ?, version = version + 1, updated_at = ?"
                    + " where id = ? and version = ?")
            .params(
                milestone.title().toJson(),
                milestone.owner(),
                milestone.plannedStart(),
                milestone.plannedEnd(),
                milestone.actualStart(),
                milestone.actualEnd(),
                milestone.status().name(),
                projectId,
                now(),
                id,
                current.version())
            .update();
    if (updated == 0) {
      throw new ConflictException("milestone", current.version() + 1);
    }
    jdbc.sql("delete from milestone_dependency where milestone_id = ?").param(id).update();
    writeDependencies(id, milestone, others);
    audit.record(
        "milestone.changed",
        "milestone",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("key", milestone.key(), "status", milestone.status().code()));
    String[] keys = keys(id);
    return roadmap(keys[0], keys[1], viewer).milestones().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /**
   * A milestone the viewer may see, as its roadmap shows it today.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public MilestoneView milestone(UUID id, Viewer viewer) {
    one(id, viewer);
    String[] keys = keys(id);
    return roadmap(keys[0], keys[1], viewer).milestones().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("milestone", id.toString()));
  }

  /**
   * A milestone's title, or empty when there is none or the viewer may not see it: what a link to a
   * milestone shows. It reads the one row and throws nothing, unlike {@link #milestone}, which
   * builds the whole roadmap and throws when the milestone is hidden.
   */
  public Optional<LocalizedText> milestoneTitle(UUID id, Viewer viewer) {
    return jdbc.sql(
            "select title, classification, origin_party, group_id from milestone where id = :id"
                + " and retired = false and "
                + Viewer.condition())
        .param("id", id)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                viewer.canSee(
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("origin_party"),
                        rs.getObject("group_id", UUID.class))
                    ? Optional.of(LocalizedText.fromJson(rs.getString("title")))
                    : Optional.<LocalizedText>empty())
        .optional()
        .flatMap(title -> title);
  }

  /**
   * Who may see a milestone, or empty when there is none or the viewer may not see it: what a
   * record that links to the milestone is checked against.
   */
  public Optional<Viewer.Audience> audience(UUID id, Viewer viewer) {
    return jdbc.sql(
            "select classification, origin_party, group_id from milestone"
                + " where id = ? and retired = false")
        .param(id)
        .query((rs, n) -> audience(rs, ""))
        .optional()
        .filter(viewer::canSee);
  }

  /**
   * Who may see each of these milestones (retired ones too), by id, in one statement, whoever asks:
   * what records that link to milestones check a link against before showing it.
   */
  public Map<UUID, Viewer.Audience> audiences(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Viewer.Audience> audiences = new HashMap<>();
    jdbc.sql("select id, classification, origin_party, group_id from milestone where id in (:ids)")
        .param("ids", List.copyOf(new java.util.LinkedHashSet<>(ids)))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> audiences.put(rs.getObject("id", UUID.class), audience(rs, "")));
    return audiences;
  }

  /**
   * The charter's milestones the viewer may see whose title matches a search.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<org.entente.shared.SearchHit> search(
      org.entente.charter.CharterViews.CharterSummary charter,
      org.entente.shared.TextQuery query,
      boolean postgres,
      Viewer viewer) {
    UUID charterId = charter.id();
    String charterKey = charter.key();
    org.entente.shared.TextQuery.Condition match =
        query.condition("m.title || ' ' || coalesce(m.owner_organization, '')", postgres, "q");
    return jdbc.sql(
            "select m.id, m.title, m.owner_organization, m.status, g.code as group_code"
                + " from milestone m join working_group g on g.id = m.group_id"
                + " where m.charter_id = :charter and m.retired = false and "
                + Viewer.condition("m")
                + " and "
                + match.sql()
                + " order by m.planned_end, m.code limit 200")
        .param("charter", charterId)
        .params(viewer.parameters())
        .params(match.params())
        .query(
            (rs, n) ->
                new org.entente.shared.SearchHit(
                    "milestone",
                    rs.getString("id"),
                    LocalizedText.fromJson(rs.getString("title")).text(),
                    rs.getString("owner_organization"),
                    rs.getString("group_code"),
                    List.of(),
                    rs.getString("status").toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "/charters/"
                        + charterKey
                        + "/working-groups/"
                        + rs.getString("group_code")
                        + "/workspace"))
        .list();
  }

  /** A working group's roadmap as of today, with its analysis and its agreement. */
  public Roadmap roadmap(String charterKey, String groupKey, Viewer viewer) {
    WorkingGroupInCharter group = charters.group(charterKey, groupKey, viewer);
    List<Stored> milestones = stored(group.group().id(), viewer);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Set<String> keys =
        milestones.stream().map(s -> s.milestone().key()).collect(Collectors.toSet());
    Analysis analysis =
        ScheduleAnalysis.analyse(
            milestones.stream()
                .map(
                    s ->
                        new Item(
                            s.milestone().key(),
                            s.milestone().plannedStart(),
                            s.milestone().plannedEnd(),
                            s.milestone().actualEnd(),
                            s.milestone().status() == Status.DONE,
                            s.milestone().dependsOn().stream().filter(keys::contains).toList()))
                .toList(),
            today);
    Optional<AgreementView> agreement =
        concurrence.find(ROADMAP, subjectKey(charterKey, groupKey), viewer);
    Map<String, LocalDate> baseline = baseline(agreement, viewer, charterKey, groupKey);
    List<MilestoneView> views = new ArrayList<>();
    for (Stored s : milestones) {
      Milestone m = s.milestone();
      Result r = analysis.milestones().get(m.key());
      LocalDate baseEnd = baseline.get(m.key());
      views.add(
          new MilestoneView(
              s.id(),
              m.key(),
              m.title(),
              m.owner(),
              m.plannedStart(),
              m.plannedEnd(),
              m.actualStart(),
              m.actualEnd(),
              m.status().code(),
              m.project(),
              m.dependsOn(),
              r.forecastStart(),
              r.forecastFinish(),
              r.slackDays(),
              r.critical(),
              r.standing(),
              r.cause(),
              baseEnd,
              baseEnd == null ? null : ChronoUnit.DAYS.between(baseEnd, r.forecastFinish()),
              s.classification(),
              s.originParty(),
              s.version()));
    }
    boolean changed =
        agreement
            .map(
                a ->
                    !a.fingerprint()
                        .equals(
                            Concurrence.fingerprint(
                                RoadmapSubject.canonical(shared(group.group().id())))))
            .orElse(false);
    return new Roadmap(
        charterKey,
        groupKey,
        today,
        views,
        analysis.criticalPath(),
        milestones.isEmpty() ? null : analysis.finish(),
        agreement.orElse(null),
        changed);
  }

  /**
   * A project is about to get another classification: refused while a milestone that links to it
   * would then link to a less widely visible record.
   */
  @EventListener
  void on(org.entente.projects.ProjectReclassified reclassified) {
    List<Viewer.Audience> linking =
        jdbc.sql(
                "select classification, origin_party, group_id from milestone"
                    + " where project_id = ? and retired = false")
            .param(reclassified.projectId())
            .query((rs, n) -> audience(rs, ""))
            .list();
    for (Viewer.Audience from : linking) {
      if (!from.within(reclassified.audience())) {
        throw new BadRequestException(
            "classification",
            "a "
                + from.code()
                + " milestone belongs to this project: a project may not be less widely visible"
                + " than the milestones that link to it");
      }
    }
  }

  /** Whether two milestones have the same plan: what a roadmap version agrees on. */
  private static boolean samePlan(Milestone a, Milestone b) {
    return a.title().equals(b.title())
        && java.util.Objects.equals(a.owner(), b.owner())
        && a.plannedStart().equals(b.plannedStart())
        && a.plannedEnd().equals(b.plannedEnd())
        && java.util.Objects.equals(a.project(), b.project())
        && java.util.Set.copyOf(a.dependsOn()).equals(java.util.Set.copyOf(b.dependsOn()));
  }

  static String subjectKey(String charterKey, String groupKey) {
    return charterKey + "/" + groupKey;
  }

  /**
   * Refuses to publish milestones that link to a project not public: a public record links only to
   * public ones, so the project list's publication is agreed first (checked when the roadmap's
   * publication is agreed, not when it is proposed). Links to milestones stay inside the roadmap,
   * which is published whole.
   */
  void requirePublicLinks(List<Stored> milestones) {
    for (Stored s : milestones) {
      if (s.milestone().project() != null
          && s.classification() != Classification.PUBLIC
          && !projectPublic(s.id())) {
        throw new ForbiddenException(
            "project",
            "milestone '"
                + s.milestone().key()
                + "' belongs to project '"
                + s.milestone().project()
                + "', which is not public: publish the group's project list first");
      }
    }
  }

  private boolean projectPublic(UUID milestoneId) {
    return jdbc.sql(
                "select count(*) from milestone m join project p on p.id = m.project_id"
                    + " where m.id = ? and p.classification = 'PUBLIC'")
            .param(milestoneId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Planned ends by key in the last version both parties agreed: the baseline. */
  private Map<String, LocalDate> baseline(
      Optional<AgreementView> agreement, Viewer viewer, String charterKey, String groupKey) {
    Map<String, LocalDate> ends = new HashMap<>();
    agreement
        .flatMap(
            a ->
                a.agreedVersions().isEmpty()
                    ? Optional.empty()
                    : Optional.of(a.agreedVersions().get(a.agreedVersions().size() - 1)))
        .ifPresent(
            agreed -> {
              String content =
                  concurrence.content(
                      ROADMAP, subjectKey(charterKey, groupKey), agreed.version(), viewer);
              for (JsonNode item : JSON.readTree(content)) {
                ends.put(
                    item.get("key").asString(), LocalDate.parse(item.get("plannedEnd").asString()));
              }
            });
    return ends;
  }

  private void checkDependencies(Milestone milestone, List<Stored> others) {
    Map<String, List<String>> graph = new LinkedHashMap<>();
    for (Stored s : others) {
      graph.put(s.milestone().key(), s.milestone().dependsOn());
    }
    for (String d : milestone.dependsOn()) {
      if (!graph.containsKey(d)) {
        throw new BadRequestException(
            "dependsOn", "the roadmap has no milestone '" + d + "' to depend on");
      }
    }
    graph.put(milestone.key(), milestone.dependsOn());
    ScheduleAnalysis.cycle(graph)
        .ifPresent(
            cycle -> {
              throw new BadRequestException(
                  "dependsOn",
                  "these dependencies make a cycle: " + String.join(" depends on ", cycle));
            });
  }

  private void writeDependencies(UUID id, Milestone milestone, List<Stored> others) {
    for (String d : milestone.dependsOn()) {
      UUID other =
          others.stream().filter(s -> s.milestone().key().equals(d)).findFirst().orElseThrow().id();
      jdbc.sql("insert into milestone_dependency (milestone_id, depends_on) values (?, ?)")
          .params(id, other)
          .update();
    }
  }

  /** Refuses a dependency on a milestone less widely visible than the one that depends on it. */
  private static void checkDependencyLinks(
      Viewer.Audience audience, Milestone milestone, List<Stored> others) {
    for (String d : milestone.dependsOn()) {
      others.stream()
          .filter(s -> s.milestone().key().equals(d))
          .findFirst()
          .ifPresent(
              target ->
                  Viewer.requireLink(
                      "dependsOn", audience, "milestone", target.audience(), "milestone"));
    }
  }

  /**
   * The project a milestone belongs to: one of the group's the viewer may see (any other is
   * answered as missing, so its existence does not show), at least as widely visible as the
   * milestone.
   */
  private UUID projectId(
      UUID charterId, UUID groupId, String projectKey, Viewer.Audience milestone, Viewer viewer) {
    if (projectKey == null) {
      return null;
    }
    record Target(UUID id, Viewer.Audience audience) {}
    Target target =
        jdbc.sql(
                "select id, classification, origin_party, group_id from project"
                    + " where charter_id = ? and group_id = ? and code = ? and retired = false")
            .params(charterId, groupId, projectKey)
            .query(
                (rs, n) ->
                    new Target(
                        rs.getObject("id", UUID.class),
                        new Viewer.Audience(
                            Classification.valueOf(rs.getString("classification")),
                            rs.getString("origin_party"),
                            rs.getObject("group_id", UUID.class))))
            .optional()
            .filter(t -> viewer.canSee(t.audience()))
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "project", "the working group has no project '" + projectKey + "'"));
    Viewer.requireLink("project", milestone, "milestone", target.audience(), "project");
    return target.id();
  }

  private Stored one(UUID id, Viewer viewer) {
    UUID groupId =
        jdbc.sql(
                "select group_id from milestone where id = :id and retired = false and "
                    + Viewer.condition())
            .param("id", id)
            .params(viewer.parameters())
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("milestone", String.valueOf(id)));
    return stored(groupId, viewer).stream()
        .filter(s -> s.id().equals(id))
        .filter(s -> viewer.canSee(s.classification(), s.originParty(), s.groupId()))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("milestone", String.valueOf(id)));
  }

  /**
   * The open milestones (not started or in progress, not retired) of the groups whose records the
   * viewer may read, that the viewer may see and that are planned to end on or before a day, by
   * planned end: what the viewer's calendar and reminders show. Public milestones of other groups
   * are not the viewer's business here, so they are left out.
   */
  public List<RoadmapViews.DueMilestone> milestonesDue(Viewer viewer, LocalDate until) {
    if (!viewer.signedIn() || viewer.operator() || viewer.groups().isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select m.id, m.code, m.title, m.planned_end, m.status, c.code as charter_code,"
                + " g.code as group_code, g.name as group_name from milestone m"
                + " join charter c on c.id = m.charter_id"
                + " join working_group g on g.id = m.group_id"
                + " where m.retired = false and m.status in ('NOT_STARTED', 'IN_PROGRESS')"
                + " and m.planned_end <= :until and m.group_id in (:viewerGroups) and "
                + Viewer.condition("m")
                + " order by m.planned_end, c.code, m.code")
        .param("until", until)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new RoadmapViews.DueMilestone(
                    rs.getObject("id", UUID.class),
                    rs.getString("charter_code"),
                    rs.getString("group_code"),
                    LocalizedText.fromJson(rs.getString("group_name")),
                    rs.getString("code"),
                    LocalizedText.fromJson(rs.getString("title")),
                    rs.getObject("planned_end", LocalDate.class),
                    Status.valueOf(rs.getString("status")).code()))
        .list();
  }

  /** A milestone's charter and group keys. */
  private String[] keys(UUID id) {
    return jdbc.sql(
            "select c.code, g.code from milestone m join charter c on c.id = m.charter_id"
                + " join working_group g on g.id = m.group_id where m.id = ?")
        .param(id)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .single();
  }

  /** A link from a milestone: the key of the record it points at, and who may see that record. */
  private record Link(String key, Viewer.Audience audience) {}

  /** A milestone as stored, with its links to whatever they point at, visible or not. */
  private record Raw(
      UUID id,
      UUID groupId,
      Milestone milestone,
      Classification classification,
      String originParty,
      long version,
      Link project,
      List<Link> dependsOn) {

    Viewer.Audience audience() {
      return new Viewer.Audience(classification, originParty, groupId);
    }

    /** The milestone with only the links that pass a test. */
    Stored keeping(java.util.function.Predicate<Viewer.Audience> shown) {
      Milestone m = milestone;
      Milestone linked =
          new Milestone(
              m.key(),
              m.title(),
              m.owner(),
              m.plannedStart(),
              m.plannedEnd(),
              m.actualStart(),
              m.actualEnd(),
              m.status(),
              project != null && shown.test(project.audience()) ? project.key() : null,
              dependsOn.stream()
                  .filter(d -> shown.test(d.audience()))
                  .map(Link::key)
                  .sorted()
                  .toList());
      return new Stored(id, groupId, linked, classification, originParty, version);
    }
  }

  /**
   * The group's milestones the viewer may see, by planned start, with their dependencies; a link to
   * a record the viewer may not see is left out, key and all.
   */
  private List<Stored> stored(UUID groupId, Viewer viewer) {
    return raw(groupId).stream()
        .filter(r -> viewer.canSee(r.audience()))
        .map(r -> r.keeping(viewer::canSee))
        .toList();
  }

  /**
   * What a version of the group's roadmap is made of: its milestones that both parties share, with
   * only the links that everyone who sees the milestone may follow. Built from the records
   * themselves, never from one viewer's view of them, so it is the same whoever submits or checks
   * it.
   */
  List<Stored> shared(UUID groupId) {
    return raw(groupId).stream()
        .filter(r -> r.classification() != Classification.PARTY_INTERNAL)
        .map(r -> r.keeping(target -> r.audience().within(target)))
        .toList();
  }

  /** All of the group's milestones as stored, by planned start, with their links. */
  private List<Raw> raw(UUID groupId) {
    Map<UUID, List<Link>> dependencies = new HashMap<>();
    jdbc.sql(
            "select d.milestone_id, m.code, m.classification, m.origin_party, m.group_id"
                + " from milestone_dependency d join milestone m on m.id = d.depends_on"
                + " join milestone o on o.id = d.milestone_id where o.group_id = :group")
        .param("group", groupId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    dependencies
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Link(rs.getString(2), audience(rs, ""))));
    return jdbc.sql(
            "select m.*, p.code as project_code, p.classification as project_classification,"
                + " p.origin_party as project_origin_party, p.group_id as project_group_id"
                + " from milestone m left join project p on p.id = m.project_id"
                + " where m.group_id = :group and m.retired = false"
                + " order by m.planned_start, m.code")
        .param("group", groupId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              Milestone m =
                  new Milestone(
                      rs.getString("code"),
                      LocalizedText.fromJson(rs.getString("title")),
                      rs.getString("owner_organization"),
                      rs.getObject("planned_start", LocalDate.class),
                      rs.getObject("planned_end", LocalDate.class),
                      rs.getObject("actual_start", LocalDate.class),
                      rs.getObject("actual_end", LocalDate.class),
                      Status.valueOf(rs.getString("status")),
                      null,
                      List.of());
              return new Raw(
                  id,
                  rs.getObject("group_id", UUID.class),
                  m,
                  Classification.valueOf(rs.getString("classification")),
                  rs.getString("origin_party"),
                  rs.getLong("version"),
                  rs.getString("project_code") == null
                      ? null
                      : new Link(rs.getString("project_code"), audience(rs, "project_")),
                  dependencies.getOrDefault(id, List.of()));
            })
        .list();
  }

  private static Viewer.Audience audience(java.sql.ResultSet rs, String prefix)
      throws java.sql.SQLException {
    return new Viewer.Audience(
        Classification.valueOf(rs.getString(prefix + "classification")),
        rs.getString(prefix + "origin_party"),
        rs.getObject(prefix + "group_id", UUID.class));
  }

  private static Milestone milestone(MilestoneInput input, String key) {
    return new Milestone(
        key,
        LocalizedText.stripped(input.title()),
        input.owner() == null || input.owner().isBlank() ? null : input.owner().strip(),
        input.plannedStart(),
        input.plannedEnd(),
        input.actualStart(),
        input.actualEnd(),
        input.status() == null ? Status.NOT_STARTED : Status.fromCode(input.status()),
        input.project(),
        input.dependsOn());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
