package org.entente.charter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterViews.AreaView;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.ClauseView;
import org.entente.charter.CharterViews.CoChairView;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.DialoguePlatformView;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.identity.Viewer;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.Source;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a charter's structure (its overview's other parts: {@link CharterOverviewReader}). Each
 * method loads one kind of record for the whole charter in one query and joins in memory: a charter
 * has tens or hundreds of records, never millions.
 */
final class CharterReader {

  /** What a charter's summary shows: not its long texts. */
  private static final String SUMMARY_COLUMNS =
      "id, code, title, short_title, signed_on, signed_at, languages, text_language,"
          + " classification,"
          + " definition_name, loaded_at, party_order";

  /** The visibility policy's condition, for tables queried without an alias. */
  static final String VISIBLE = " and " + Viewer.condition();

  private final JdbcClient jdbc;

  CharterReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<CharterSummary> charters(Viewer viewer) {
    return jdbc.sql(
            "select "
                + SUMMARY_COLUMNS
                + " from charter where "
                + Viewer.condition()
                + " order by signed_on desc, code")
        .params(viewer.parameters())
        .query((rs, n) -> summary(rs))
        .list();
  }

  Optional<CharterSummary> charter(String code, Viewer viewer) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " from charter where code = :code" + VISIBLE)
        .param("code", code)
        .params(viewer.parameters())
        .query((rs, n) -> summary(rs))
        .optional();
  }

  /** A platform's status while both parties have not agreed to establish it. */
  static final String PROPOSED = "proposed";

  /** The charter's dialogue platforms the viewer may see, in the charter's order. */
  List<DialoguePlatformView> platforms(UUID charterId, Viewer viewer) {
    Map<UUID, List<Ref>> platformAreas =
        areaRefs("dialogue_platform_area", "dialogue_platform_id", charterId, viewer);
    return jdbc.sql(
            "select * from dialogue_platform where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new DialoguePlatformView(
                    rs.getObject("id", UUID.class),
                    rs.getString("code"),
                    text(rs, "name"),
                    text(rs, "purpose"),
                    platformAreas.getOrDefault(rs.getObject("id", UUID.class), List.of()),
                    // one made in the application and not yet established is proposed (0034)
                    rs.getBoolean("established_in_app")
                            && rs.getString("status").equals("ENVISAGED")
                        ? PROPOSED
                        : rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                    source(rs),
                    Classification.valueOf(rs.getString("classification"))))
        .list();
  }

  List<AreaView> areas(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select * from area where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new AreaView(rs.getString("code"), text(rs, "name"), text(rs, "description")))
        .list();
  }

  /** The commitments, with the groups the viewer may see of the charter already read. */
  List<CommitmentView> commitments(UUID charterId, List<WorkingGroupView> groups, Viewer viewer) {
    Map<UUID, ClauseView> clauses = clauses(charterId, viewer);
    Map<UUID, List<Ref>> commitmentAreas =
        areaRefs("commitment_area", "commitment_id", charterId, viewer);
    return jdbc.sql(
            "select * from commitment where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              List<Ref> areas = commitmentAreas.getOrDefault(id, List.of());
              List<String> areaKeys = areas.stream().map(Ref::key).toList();
              return new CommitmentView(
                  id,
                  rs.getString("code"),
                  text(rs, "title"),
                  text(rs, "action"),
                  clauses.get(rs.getObject("clause_id", UUID.class)),
                  areas,
                  groups.stream()
                      .filter(g -> g.areas().stream().anyMatch(a -> areaKeys.contains(a.key())))
                      .map(g -> new Ref(g.key(), g.name()))
                      .toList(),
                  source(rs),
                  Classification.valueOf(rs.getString("classification")));
            })
        .list();
  }

  List<WorkingGroupView> workingGroups(UUID charterId, Viewer viewer) {
    Map<UUID, List<Ref>> groupAreas =
        areaRefs("working_group_area", "working_group_id", charterId, viewer);
    Map<UUID, List<CoChairView>> chairs = new LinkedHashMap<>();
    jdbc.sql(
            "select c.working_group_id, c.party_code, c.office from co_chair c join working_group"
                + " g on g.id = c.working_group_id left join party p on p.charter_id ="
                + " g.charter_id and p.code = c.party_code where g.charter_id = :charter"
                + " order by p.position")
        .param("charter", charterId)
        .query(
            rs -> {
              chairs
                  .computeIfAbsent(
                      rs.getObject("working_group_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new CoChairView(
                          rs.getString("party_code"),
                          LocalizedText.fromJson(rs.getString("office"))));
            });
    return jdbc.sql(
            "select * from working_group where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new WorkingGroupView(
                  id,
                  rs.getString("code"),
                  text(rs, "name"),
                  text(rs, "description"),
                  groupAreas.getOrDefault(id, List.of()),
                  chairs.getOrDefault(id, List.of()),
                  rs.getBoolean("restricted"),
                  source(rs),
                  Classification.valueOf(rs.getString("classification")));
            })
        .list();
  }

  /**
   * The areas linked to each owner through a link table, in the charter's order of areas. Table and
   * column names come from this class, never from input.
   */
  private Map<UUID, List<Ref>> areaRefs(
      String linkTable, String ownerColumn, UUID charterId, Viewer viewer) {
    Map<UUID, List<Ref>> refs = new LinkedHashMap<>();
    jdbc.sql(
            "select l."
                + ownerColumn
                + " as owner, a.code, a.name from "
                + linkTable
                + " l join area a on a.id = l.area_id where a.charter_id = :charter and "
                + Viewer.condition("a")
                + " order by a.position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            rs -> {
              refs.computeIfAbsent(rs.getObject("owner", UUID.class), k -> new ArrayList<>())
                  .add(new Ref(rs.getString("code"), text(rs, "name")));
            });
    return refs;
  }

  /** The articles with their clauses, in the charter's order. */
  List<org.entente.charter.CharterViews.ArticleView> articles(UUID charterId, Viewer viewer) {
    Map<String, List<ClauseView>> byArticle = new LinkedHashMap<>();
    Map<String, ClauseView> first = new LinkedHashMap<>();
    for (ClauseView clause : clauses(charterId, viewer).values()) {
      byArticle.computeIfAbsent(clause.articleKey(), k -> new ArrayList<>()).add(clause);
      first.putIfAbsent(clause.articleKey(), clause);
    }
    List<org.entente.charter.CharterViews.ArticleView> articles = new ArrayList<>();
    for (Map.Entry<String, List<ClauseView>> e : byArticle.entrySet()) {
      ClauseView c = first.get(e.getKey());
      articles.add(
          new org.entente.charter.CharterViews.ArticleView(
              e.getKey(), c.articleNumber(), c.articleTitle(), List.copyOf(e.getValue())));
    }
    return articles;
  }

  private Map<UUID, ClauseView> clauses(UUID charterId, Viewer viewer) {
    Map<UUID, ClauseView> clauses = new LinkedHashMap<>();
    jdbc.sql(
            "select c.*, a.code as article_code, a.number as article_number, a.title as"
                + " article_title from clause c join article a on a.id = c.article_id where"
                + " c.charter_id = :charter and "
                + Viewer.condition("c")
                + " and "
                + Viewer.condition("a")
                + " order by c.position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            rs -> {
              clauses.put(
                  rs.getObject("id", UUID.class),
                  new ClauseView(
                      rs.getString("code"),
                      rs.getString("number"),
                      text(rs, "text"),
                      source(rs),
                      rs.getString("article_code"),
                      rs.getString("article_number"),
                      text(rs, "article_title")));
            });
    return clauses;
  }

  static CharterSummary summary(ResultSet rs) throws SQLException {
    OffsetDateTime loaded = rs.getObject("loaded_at", OffsetDateTime.class);
    StoredLanguages languages =
        StoredLanguages.decode(rs.getString("languages"), rs.getString("text_language"));
    return new CharterSummary(
        rs.getObject("id", UUID.class),
        rs.getString("code"),
        text(rs, "title"),
        text(rs, "short_title"),
        rs.getObject("signed_on", LocalDate.class),
        text(rs, "signed_at"),
        languages.languages(),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("definition_name"),
        loaded == null ? null : loaded.toInstant(),
        languages.workingTranslations(),
        languages.quoteLanguage(),
        StoredPartyOrder.decode(rs.getString("party_order")));
  }

  static LocalizedText text(ResultSet rs, String column) throws SQLException {
    return LocalizedText.fromJson(rs.getString(column));
  }

  static Source source(ResultSet rs) throws SQLException {
    return new Source(
        rs.getString("source_document"), rs.getString("source_quote"), rs.getString("source_url"));
  }
}
