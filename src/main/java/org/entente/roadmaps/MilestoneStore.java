package org.entente.roadmaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.roadmaps.Milestone.Status;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextQuery;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the roadmaps module, on its own tables only ({@code milestone}, {@code
 * milestone_dependency}): charters, groups and projects are named by their ids, which their own
 * modules give.
 */
@Repository
class MilestoneStore {

  private final JdbcClient jdbc;

  MilestoneStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A milestone row with the ids it links to.
   *
   * @param milestone its content, without its links
   */
  record Row(
      UUID id,
      UUID groupId,
      Milestone milestone,
      Classification classification,
      String originParty,
      long version,
      boolean retired,
      UUID projectId,
      List<UUID> dependsOn) {

    Viewer.Audience audience() {
      return new Viewer.Audience(classification, originParty, groupId);
    }
  }

  /** Where a milestone is kept: its charter and group. */
  record Placement(UUID charterId, UUID groupId) {}

  /** A milestone that matches a search. */
  record Hit(UUID id, LocalizedText title, String owner, UUID groupId, Status status) {}

  /** An open milestone due by a day. */
  record Due(
      UUID id,
      UUID charterId,
      UUID groupId,
      String key,
      LocalizedText title,
      LocalDate plannedEnd,
      Status status) {}

  /** A key of the charter as an import sees it: who holds it, and who may see it. */
  record Key(String key, Viewer.Audience audience, boolean retired) {}

  /**
   * Every milestone of a group, retired ones too, by planned start, each with the ids of the
   * project and milestones it links to: one statement.
   */
  List<Row> rows(UUID groupId) {
    Map<UUID, Row> rows = new LinkedHashMap<>();
    jdbc.sql(
            "select m.*, d.depends_on from milestone m"
                + " left join milestone_dependency d on d.milestone_id = m.id"
                + " where m.group_id = :group order by m.planned_start, m.code")
        .param("group", groupId)
        .query(
            (RowCallbackHandler)
                rs -> {
                  UUID id = rs.getObject("id", UUID.class);
                  Row row = rows.get(id);
                  if (row == null) {
                    row = row(rs, id);
                    rows.put(id, row);
                  }
                  UUID target = rs.getObject("depends_on", UUID.class);
                  if (target != null) {
                    row.dependsOn().add(target);
                  }
                });
    return List.copyOf(rows.values());
  }

  private static Row row(ResultSet rs, UUID id) throws SQLException {
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
    return new Row(
        id,
        rs.getObject("group_id", UUID.class),
        m,
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getLong("version"),
        rs.getBoolean("retired"),
        rs.getObject("project_id", UUID.class),
        new ArrayList<>());
  }

  /** Where a current milestone the viewer's parameters admit is kept. */
  Optional<Placement> placement(UUID id, Viewer viewer) {
    return jdbc.sql(
            "select charter_id, group_id from milestone where id = :id and retired = false and "
                + Viewer.condition())
        .param("id", id)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new Placement(
                    rs.getObject("charter_id", UUID.class), rs.getObject("group_id", UUID.class)))
        .optional();
  }

  /** A milestone's group and the project it belongs to. */
  record PlacedProject(UUID groupId, UUID projectId) {}

  /** A milestone's group and project, when it belongs to one. */
  Optional<PlacedProject> placedProject(UUID id) {
    return jdbc.sql(
            "select group_id, project_id from milestone where id = ? and project_id is not null")
        .param(id)
        .query(
            (rs, n) ->
                new PlacedProject(
                    rs.getObject("group_id", UUID.class), rs.getObject("project_id", UUID.class)))
        .optional();
  }

  /** Whether a milestone of the charter, retired or not, has this key. */
  boolean keyTaken(UUID charterId, String key) {
    return jdbc.sql("select count(*) from milestone where charter_id = ? and code = ?")
            .params(charterId, key)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Every key of the charter's milestones, with who holds it and may see it. */
  List<Key> keys(UUID charterId) {
    return jdbc.sql(
            "select code, group_id, classification, origin_party, retired from milestone"
                + " where charter_id = ?")
        .param(charterId)
        .query((rs, n) -> new Key(rs.getString("code"), audience(rs), rs.getBoolean("retired")))
        .list();
  }

  /** A current milestone's title, when the viewer may see it. */
  Optional<LocalizedText> title(UUID id, Viewer viewer) {
    return jdbc.sql(
            "select title, classification, origin_party, group_id from milestone where id = :id"
                + " and retired = false and "
                + Viewer.condition())
        .param("id", id)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                viewer.canSee(audience(rs))
                    ? Optional.of(LocalizedText.fromJson(rs.getString("title")))
                    : Optional.<LocalizedText>empty())
        .optional()
        .flatMap(title -> title);
  }

  /** Who may see each of these milestones (retired ones too), by id, in one statement. */
  Map<UUID, Viewer.Audience> audiences(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Viewer.Audience> audiences = new HashMap<>();
    jdbc.sql("select id, classification, origin_party, group_id from milestone where id in (:ids)")
        .param("ids", List.copyOf(new LinkedHashSet<>(ids)))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> audiences.put(rs.getObject("id", UUID.class), audience(rs)));
    return audiences;
  }

  /** Who may see a current milestone, whoever asks. */
  Optional<Viewer.Audience> audience(UUID id) {
    return jdbc.sql(
            "select classification, origin_party, group_id from milestone"
                + " where id = ? and retired = false")
        .param(id)
        .query((rs, n) -> audience(rs))
        .optional();
  }

  /** Who may see each current milestone that belongs to a project. */
  List<Viewer.Audience> linkingTo(UUID projectId) {
    return jdbc.sql(
            "select classification, origin_party, group_id from milestone"
                + " where project_id = ? and retired = false")
        .param(projectId)
        .query((rs, n) -> audience(rs))
        .list();
  }

  /** The charter's current milestones the viewer's parameters admit whose text matches. */
  List<Hit> search(UUID charterId, TextQuery query, boolean postgres, Viewer viewer) {
    TextQuery.Condition match =
        query.condition("m.title || ' ' || coalesce(m.owner_organization, '')", postgres, "q");
    return jdbc.sql(
            "select m.id, m.title, m.owner_organization, m.status, m.group_id from milestone m"
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
                new Hit(
                    rs.getObject("id", UUID.class),
                    LocalizedText.fromJson(rs.getString("title")),
                    rs.getString("owner_organization"),
                    rs.getObject("group_id", UUID.class),
                    Status.valueOf(rs.getString("status"))))
        .list();
  }

  /**
   * The open milestones of the viewer's groups that the viewer's parameters admit, planned to end
   * on or before a day, by planned end and key.
   */
  List<Due> due(Viewer viewer, LocalDate until) {
    return jdbc.sql(
            "select m.id, m.charter_id, m.group_id, m.code, m.title, m.planned_end, m.status"
                + " from milestone m where m.retired = false"
                + " and m.status in ('NOT_STARTED', 'IN_PROGRESS')"
                + " and m.planned_end <= :until and m.group_id in (:viewerGroups) and "
                + Viewer.condition("m")
                + " order by m.planned_end, m.code")
        .param("until", until)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new Due(
                    rs.getObject("id", UUID.class),
                    rs.getObject("charter_id", UUID.class),
                    rs.getObject("group_id", UUID.class),
                    rs.getString("code"),
                    LocalizedText.fromJson(rs.getString("title")),
                    rs.getObject("planned_end", LocalDate.class),
                    Status.valueOf(rs.getString("status"))))
        .list();
  }

  /** Adds a milestone. */
  void insert(Stored added, UUID charterId, UUID projectId, OffsetDateTime now) {
    Milestone m = added.milestone();
    jdbc.sql(
            "insert into milestone (id, charter_id, code, title, owner_organization,"
                + " planned_start, planned_end, actual_start, actual_end, status, project_id,"
                + " classification, origin_party, group_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            added.id(),
            charterId,
            m.key(),
            m.title().toJson(),
            m.owner(),
            m.plannedStart(),
            m.plannedEnd(),
            m.actualStart(),
            m.actualEnd(),
            m.status().name(),
            projectId,
            added.classification().name(),
            added.originParty(),
            added.groupId(),
            now,
            now)
        .update();
  }

  /** Replaces a milestone's content if it is still at this version; false when it is not. */
  boolean update(UUID id, long version, Milestone m, UUID projectId, OffsetDateTime now) {
    return jdbc.sql(
                "update milestone set title = ?, owner_organization = ?, planned_start = ?,"
                    + " planned_end = ?, actual_start = ?, actual_end = ?, status = ?,"
                    + " project_id = ?, version = version + 1, updated_at = ?"
                    + " where id = ? and version = ?")
            .params(
                m.title().toJson(),
                m.owner(),
                m.plannedStart(),
                m.plannedEnd(),
                m.actualStart(),
                m.actualEnd(),
                m.status().name(),
                projectId,
                now,
                id,
                version)
            .update()
        > 0;
  }

  /** Where the translations of a milestone's title stand, as stored (null when never kept). */
  String translationSources(UUID id) {
    return jdbc.sql("select translation_sources from milestone where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Keeps where the translations of a milestone's title stand, in the write that changed it. */
  void saveTranslationSources(UUID id, String sources) {
    jdbc.sql("update milestone set translation_sources = ? where id = ?")
        .params(sources, id)
        .update();
  }

  /**
   * Stores a milestone's title after one translation was saved, made against a version.
   *
   * @return false when it changed since that version (nothing stored)
   */
  boolean saveTranslation(
      UUID id, LocalizedText title, String sources, long version, OffsetDateTime now) {
    return jdbc.sql(
                "update milestone set title = ?, translation_sources = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ? and retired = false")
            .params(title.toJson(), sources, now, id, version)
            .update()
        > 0;
  }

  /**
   * A milestone whose title may be translated: its id, key, group, title and where its translations
   * stand.
   */
  record Translating(UUID id, UUID groupId, LocalizedText title, String sources) {}

  /**
   * The charter's milestones the viewer may see whose title may still change (not retired, not
   * published), by key.
   */
  List<Translating> translatable(UUID charterId, Viewer viewer) {
    return jdbc
        .sql(
            "select id, group_id, title, translation_sources, classification, origin_party"
                + " from milestone where charter_id = :charter and retired = false"
                + " and classification <> 'PUBLIC' and "
                + Viewer.condition()
                + " order by code")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                viewer.canSee(audience(rs))
                    ? new Translating(
                        rs.getObject("id", UUID.class),
                        rs.getObject("group_id", UUID.class),
                        LocalizedText.fromJson(rs.getString("title")),
                        rs.getString("translation_sources"))
                    : null)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** Removes a milestone's dependencies. */
  void deleteDependencies(UUID id) {
    jdbc.sql("delete from milestone_dependency where milestone_id = ?").param(id).update();
  }

  /** Adds a milestone's dependencies. */
  void insertDependencies(UUID id, List<UUID> dependsOn) {
    for (UUID other : dependsOn) {
      jdbc.sql("insert into milestone_dependency (milestone_id, depends_on) values (?, ?)")
          .params(id, other)
          .update();
    }
  }

  private static Viewer.Audience audience(ResultSet rs) throws SQLException {
    return new Viewer.Audience(
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getObject("group_id", UUID.class));
  }
}
