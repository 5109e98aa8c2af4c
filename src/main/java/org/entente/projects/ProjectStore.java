package org.entente.projects;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.projects.Project.CurrencyCode;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Location;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.Paging;
import org.entente.shared.TextQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projects' own tables: {@code project} and its child rows {@code project_commitment} and
 * {@code project_financing}. Names no other module's table: the records a project links to are kept
 * here by id only.
 */
@Repository
class ProjectStore {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  ProjectStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A project's commitments by id and its financing lines, each in their order. */
  record Children(List<UUID> commitments, List<Financing> financing) {
    static final Children NONE = new Children(List.of(), List.of());
  }

  /** The projects of a group the viewer may see, by key. */
  List<ProjectRow> inGroup(UUID group, Viewer viewer) {
    return jdbc.sql(
            "select * from project where group_id = :group and retired = false and "
                + Viewer.condition()
                + " order by code")
        .param("group", group)
        .params(viewer.parameters())
        .query(ProjectRow::map)
        .list();
  }

  /** How many projects of a group the viewer may see. */
  long countInGroup(UUID group, Viewer viewer) {
    return jdbc.sql(
            "select count(*) from project where group_id = :group and retired = false and "
                + Viewer.condition())
        .param("group", group)
        .params(viewer.parameters())
        .query(Long.class)
        .single();
  }

  /** One page of the projects of a group the viewer may see, by key. */
  List<ProjectRow> pageInGroup(UUID group, Paging paging, Viewer viewer) {
    return jdbc.sql(
            "select * from project where group_id = :group and retired = false and "
                + Viewer.condition()
                + " order by code limit :size offset :offset")
        .param("group", group)
        .params(viewer.parameters())
        .param("size", paging.size())
        .param("offset", (long) paging.page() * paging.size())
        .query(ProjectRow::map)
        .list();
  }

  /** The projects of a group both parties share: not party-internal, not retired, by key. */
  List<ProjectRow> sharedInGroup(UUID group) {
    return jdbc.sql(
            "select * from project where group_id = :group and retired = false"
                + " and classification <> 'PARTY_INTERNAL' order by code")
        .param("group", group)
        .query(ProjectRow::map)
        .list();
  }

  /** A project that is not retired, whoever may see it. */
  Optional<ProjectRow> find(UUID id) {
    return jdbc.sql("select * from project where id = ? and retired = false")
        .param(id)
        .query(ProjectRow::map)
        .optional();
  }

  /** A project that is not retired, if the viewer may see it. */
  Optional<ProjectRow> visible(UUID id, Viewer viewer) {
    return jdbc.sql(
            "select * from project where id = :id and retired = false and " + Viewer.condition())
        .param("id", id)
        .params(viewer.parameters())
        .query(ProjectRow::map)
        .optional()
        .filter(r -> r.visibleTo(viewer));
  }

  /**
   * The commitments and financing lines of these projects, in one statement whatever their number.
   */
  Map<UUID, Children> children(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return children("project_id in (:ids)", Map.of("ids", ids));
  }

  /** The commitments and financing lines of every project of a group, in one statement. */
  Map<UUID, Children> childrenInGroup(UUID group) {
    return children(
        "project_id in (select id from project where group_id = :group)", Map.of("group", group));
  }

  private Map<UUID, Children> children(String which, Map<String, ?> params) {
    Map<UUID, List<UUID>> commitments = new LinkedHashMap<>();
    Map<UUID, List<Financing>> financing = new LinkedHashMap<>();
    jdbc.sql(
            "select project_id, position, commitment_id, cast(null as numeric(20, 2)) as amount,"
                + " cast(null as varchar(3)) as currency, cast(null as varchar(300)) as source,"
                + " cast(null as varchar(16)) as status, cast(null as date) as dated_on"
                + " from project_commitment where "
                + which
                + " union all select project_id, position, cast(null as uuid), amount, currency,"
                + " source, status, dated_on from project_financing where "
                + which
                + " order by 1, 2")
        .params(params)
        .query(
            rs -> {
              UUID project = rs.getObject(1, UUID.class);
              UUID commitment = rs.getObject(3, UUID.class);
              if (commitment != null) {
                commitments.computeIfAbsent(project, k -> new ArrayList<>()).add(commitment);
              } else {
                financing
                    .computeIfAbsent(project, k -> new ArrayList<>())
                    .add(
                        new Financing(
                            rs.getBigDecimal(4),
                            new CurrencyCode(rs.getString(5)),
                            rs.getString(6),
                            FinancingStatus.valueOf(rs.getString(7)),
                            rs.getObject(8, java.time.LocalDate.class)));
              }
            });
    Map<UUID, Children> children = new LinkedHashMap<>();
    java.util.Set<UUID> ids = new java.util.LinkedHashSet<>(commitments.keySet());
    ids.addAll(financing.keySet());
    for (UUID id : ids) {
      children.put(
          id,
          new Children(
              commitments.getOrDefault(id, List.of()), financing.getOrDefault(id, List.of())));
    }
    return children;
  }

  /** Whether a project of the charter has this key, retired or not. */
  boolean keyTaken(UUID charterId, String key) {
    return jdbc.sql("select count(*) from project where charter_id = ? and code = ?")
            .params(charterId, key)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Stores a new project (without its child rows). */
  void insert(
      UUID id,
      UUID charterId,
      UUID groupId,
      Project project,
      Classification classification,
      String originParty,
      OffsetDateTime now) {
    Location location = project.location();
    jdbc.sql(
            "insert into project (id, charter_id, code, title, description, leads, partners,"
                + " stage, stage_reason, place, latitude, longitude, classification,"
                + " origin_party, group_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            charterId,
            project.key(),
            project.title().toJson(),
            project.description().isEmpty() ? null : project.description().toJson(),
            JSON.writeValueAsString(project.leads()),
            JSON.writeValueAsString(project.partners()),
            project.stage().name(),
            project.stageReason(),
            location == null ? null : location.place(),
            location == null ? null : location.latitude(),
            location == null ? null : location.longitude(),
            classification.name(),
            originParty,
            groupId,
            now,
            now)
        .update();
  }

  /**
   * Stores a project's content and classification, made against a version.
   *
   * @throws ConflictException when it changed since that version
   */
  void save(
      UUID id, Project project, Classification classification, long version, OffsetDateTime now) {
    Location location = project.location();
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
                location == null ? null : location.place(),
                location == null ? null : location.latitude(),
                location == null ? null : location.longitude(),
                classification.name(),
                now,
                id,
                version)
            .update();
    if (updated == 0) {
      throw new ConflictException("project", version + 1);
    }
  }

  /** Where the translations of a project's texts stand, as stored (null when never kept). */
  String translationSources(UUID id) {
    return jdbc.sql("select translation_sources from project where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Keeps where the translations of a project's texts stand, in the write that changed them. */
  void saveTranslationSources(UUID id, String sources) {
    jdbc.sql("update project set translation_sources = ? where id = ?")
        .params(sources, id)
        .update();
  }

  /**
   * Stores a project's texts after one translation was saved, made against a version.
   *
   * @throws ConflictException when it changed since that version
   */
  void saveTranslation(
      UUID id,
      org.entente.shared.LocalizedText title,
      org.entente.shared.LocalizedText description,
      String sources,
      long version,
      OffsetDateTime now) {
    int updated =
        jdbc.sql(
                "update project set title = ?, description = ?, translation_sources = ?,"
                    + " version = version + 1, updated_at = ? where id = ? and version = ?")
            .params(
                title.toJson(),
                description.isEmpty() ? null : description.toJson(),
                sources,
                now,
                id,
                version)
            .update();
    if (updated == 0) {
      throw new ConflictException("project", version + 1);
    }
  }

  /** A project's row with where the translations of its texts stand. */
  record Translating(ProjectRow row, String sources) {}

  /**
   * The projects of a charter the viewer may see whose texts may still change (not retired, not
   * published), by key.
   */
  List<Translating> translatable(UUID charterId, Viewer viewer) {
    return jdbc
        .sql(
            "select * from project where charter_id = :charter and retired = false"
                + " and classification <> 'PUBLIC' and "
                + Viewer.condition()
                + " order by code")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) -> new Translating(ProjectRow.map(rs, n), rs.getString("translation_sources")))
        .list()
        .stream()
        .filter(t -> t.row().visibleTo(viewer))
        .toList();
  }

  /** Replaces a project's commitments and financing lines. */
  void writeChildren(UUID id, List<UUID> commitments, List<Financing> financing) {
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
                  + " status, dated_on) values (?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              position++,
              line.amount(),
              line.currency().code(),
              line.source(),
              line.status().name(),
              line.date())
          .update();
    }
  }

  /** A project that matched a search. */
  record Match(UUID id, UUID groupId, String title, String description, Project.Stage stage) {}

  /** The charter's projects the viewer may see that match a search, by key, at most 200. */
  List<Match> search(UUID charterId, TextQuery query, boolean postgres, Viewer viewer) {
    TextQuery.Condition match =
        query.condition("p.title || ' ' || coalesce(p.description, '')", postgres, "q");
    return jdbc.sql(
            "select p.id, p.group_id, p.title, p.description, p.stage from project p"
                + " where p.charter_id = :charter and p.retired = false and "
                + Viewer.condition("p")
                + " and "
                + match.sql()
                + " order by p.code limit 200")
        .param("charter", charterId)
        .params(viewer.parameters())
        .params(match.params())
        .query(
            (rs, n) ->
                new Match(
                    rs.getObject("id", UUID.class),
                    rs.getObject("group_id", UUID.class),
                    rs.getString("title"),
                    rs.getString("description"),
                    Project.Stage.valueOf(rs.getString("stage"))))
        .list();
  }
}
