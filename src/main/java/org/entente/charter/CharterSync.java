package org.entente.charter;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterContent.Area;
import org.entente.charter.CharterContent.Article;
import org.entente.charter.CharterContent.Clause;
import org.entente.charter.CharterContent.Commitment;
import org.entente.charter.CharterContent.DialoguePlatform;
import org.entente.charter.CharterContent.FoundationDocument;
import org.entente.charter.CharterContent.HistoryEntry;
import org.entente.charter.CharterContent.Party;
import org.entente.charter.CharterContent.Principle;
import org.entente.charter.CharterContent.WorkingGroup;
import org.entente.charter.CharterViews.SyncReport;
import org.entente.shared.Classification;
import org.entente.shared.KeyedRows;
import org.entente.shared.LocalizedText;
import org.entente.shared.Source;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores a charter's content from its definition, part by part, by stable keys: creates what is
 * new, updates what changed, retires what left the definition, and records each change in the audit
 * trail. Runs in the caller's transaction ({@link Charters#synchronize}).
 */
final class CharterSync {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Audit audit;

  CharterSync(JdbcClient jdbc, Clock clock, Audit audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  /** One synchronization: the charter's id and the rows written so far. */
  private record Run(UUID charterId, KeyedRows rows) {}

  SyncReport synchronize(CharterContent content) {
    Optional<String> storedHash =
        jdbc.sql("select definition_sha256 from charter where code = ?")
            .param(content.key())
            .query(String.class)
            .optional();
    if (storedHash.isPresent() && storedHash.get().equals(content.definitionSha256())) {
      return new SyncReport(content.key(), true, 0, 0, 0);
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    Run run =
        new Run(upsertCharter(content, now, storedHash.isPresent()), new KeyedRows(jdbc, clock));
    parties(run, content.parties());
    documents(run, content.foundationDocuments());
    principles(run, content.principles());
    Map<String, UUID> clauseIds = articles(run, content.articles());
    Map<String, UUID> areaIds = areas(run, content.areas());
    commitments(run, content.commitments(), clauseIds, areaIds);
    workingGroups(run, content.workingGroups(), areaIds);
    platforms(run, content.dialoguePlatforms(), areaIds);
    history(run, content.history());
    KeyedRows rows = run.rows();
    for (KeyedRows.Change change : rows.changes()) {
      audit.record(
          "record." + change.kind(),
          change.table(),
          change.id().toString(),
          Outcome.SUCCESS,
          Map.of("charter", content.key(), "key", change.code(), "from", "definition"));
    }
    return new SyncReport(
        content.key(),
        false,
        rows.created() + (storedHash.isPresent() ? 0 : 1),
        rows.updated() + (storedHash.isPresent() ? 1 : 0),
        rows.retired());
  }

  private void parties(Run run, List<Party> parties) {
    int position = 0;
    for (Party party : parties) {
      run.rows()
          .upsert(
              "party",
              run.charterId(),
              party.key(),
              columns(
                  "official_name", json(party.officialName()),
                  "short_name", json(party.shortName()),
                  "signatory", json(party.signatory()),
                  "time_zone",
                      party.timeZones().isEmpty() ? null : String.join(",", party.timeZones()),
                  "position", position++));
    }
    run.rows().retireOthers("party", run.charterId(), keys(parties, Party::key));
  }

  private void documents(Run run, List<FoundationDocument> documents) {
    int position = 0;
    for (FoundationDocument doc : documents) {
      Map<String, Object> c =
          columns(
              "title", json(doc.title()),
              "issued_on", doc.date(),
              "place", jsonOrNull(doc.place()),
              "summary", jsonOrNull(doc.summary()),
              "position", position++);
      c.putAll(source(doc.source()));
      run.rows().upsert("foundation_document", run.charterId(), doc.key(), c);
    }
    run.rows()
        .retireOthers(
            "foundation_document", run.charterId(), keys(documents, FoundationDocument::key));
  }

  private void principles(Run run, List<Principle> principles) {
    int position = 0;
    for (Principle principle : principles) {
      Map<String, Object> c = columns("text", json(principle.text()), "position", position++);
      c.putAll(source(principle.source()));
      run.rows().upsert("principle", run.charterId(), principle.key(), c);
    }
    run.rows().retireOthers("principle", run.charterId(), keys(principles, Principle::key));
  }

  /** The articles and their clauses; answers the clauses' ids by key. */
  private Map<String, UUID> articles(Run run, List<Article> articles) {
    Map<String, UUID> clauseIds = new LinkedHashMap<>();
    int position = 0;
    int clausePosition = 0;
    for (Article article : articles) {
      UUID articleId =
          run.rows()
              .upsert(
                  "article",
                  run.charterId(),
                  article.key(),
                  columns(
                      "number",
                      article.number(),
                      "title",
                      json(article.title()),
                      "position",
                      position++));
      for (Clause clause : article.clauses()) {
        Map<String, Object> c =
            columns(
                "article_id",
                articleId,
                "number",
                clause.number(),
                "text",
                json(clause.text()),
                "position",
                clausePosition++);
        c.putAll(source(clause.source()));
        clauseIds.put(clause.key(), run.rows().upsert("clause", run.charterId(), clause.key(), c));
      }
    }
    run.rows().retireOthers("article", run.charterId(), keys(articles, Article::key));
    run.rows().retireOthers("clause", run.charterId(), new HashSet<>(clauseIds.keySet()));
    return clauseIds;
  }

  /** The areas; answers their ids by key. */
  private Map<String, UUID> areas(Run run, List<Area> areas) {
    Map<String, UUID> areaIds = new LinkedHashMap<>();
    int position = 0;
    for (Area area : areas) {
      areaIds.put(
          area.key(),
          run.rows()
              .upsert(
                  "area",
                  run.charterId(),
                  area.key(),
                  columns(
                      "name", json(area.name()),
                      "description", jsonOrNull(area.description()),
                      "position", position++)));
    }
    run.rows().retireOthers("area", run.charterId(), areaIds.keySet());
    return areaIds;
  }

  private void commitments(
      Run run,
      List<Commitment> commitments,
      Map<String, UUID> clauseIds,
      Map<String, UUID> areaIds) {
    clearLinks("commitment_area", "commitment_id", "commitment", run.charterId());
    int position = 0;
    for (Commitment commitment : commitments) {
      Map<String, Object> c =
          columns(
              "title", json(commitment.title()),
              "action", json(commitment.action()),
              "clause_id", clauseIds.get(commitment.clause()),
              "classification", classification(commitment.classification()),
              "position", position++);
      c.putAll(source(commitment.source()));
      UUID id = run.rows().upsert("commitment", run.charterId(), commitment.key(), c);
      linkAreas("commitment_area", "commitment_id", id, commitment.areas(), areaIds);
    }
    run.rows().retireOthers("commitment", run.charterId(), keys(commitments, Commitment::key));
  }

  private void workingGroups(Run run, List<WorkingGroup> groups, Map<String, UUID> areaIds) {
    clearLinks("working_group_area", "working_group_id", "working_group", run.charterId());
    clearLinks("co_chair", "working_group_id", "working_group", run.charterId());
    int position = 0;
    for (WorkingGroup group : groups) {
      Map<String, Object> c =
          columns(
              "name", json(group.name()),
              "description", jsonOrNull(group.description()),
              "restricted", group.restricted(),
              "classification", classification(group.classification()),
              "position", position++);
      c.putAll(source(group.source()));
      UUID id = run.rows().upsert("working_group", run.charterId(), group.key(), c);
      jdbc.sql("update working_group set group_id = id where id = ? and group_id is null")
          .param(id)
          .update();
      linkAreas("working_group_area", "working_group_id", id, group.areas(), areaIds);
      for (Map.Entry<String, LocalizedText> chair : group.coChairs().entrySet()) {
        jdbc.sql("insert into co_chair (working_group_id, party_code, office) values (?, ?, ?)")
            .params(id, chair.getKey(), json(chair.getValue()))
            .update();
      }
    }
    run.rows().retireOthers("working_group", run.charterId(), keys(groups, WorkingGroup::key));
  }

  private void platforms(Run run, List<DialoguePlatform> platforms, Map<String, UUID> areaIds) {
    clearLinks(
        "dialogue_platform_area", "dialogue_platform_id", "dialogue_platform", run.charterId());
    int position = 0;
    for (DialoguePlatform platform : platforms) {
      Map<String, Object> c =
          columns(
              "name", json(platform.name()),
              "purpose", jsonOrNull(platform.purpose()),
              "status", platform.status().toUpperCase(Locale.ROOT),
              "classification", classification(platform.classification()),
              "position", position++);
      c.putAll(source(platform.source()));
      UUID id = run.rows().upsert("dialogue_platform", run.charterId(), platform.key(), c);
      jdbc.sql("update dialogue_platform set group_id = id where id = ? and group_id is null")
          .param(id)
          .update();
      linkAreas("dialogue_platform_area", "dialogue_platform_id", id, platform.areas(), areaIds);
    }
    // Platforms the parties established in the application are theirs, not the definition's.
    Set<String> keep = new HashSet<>(keys(platforms, DialoguePlatform::key));
    keep.addAll(
        jdbc.sql("select code from dialogue_platform where charter_id = ? and established_in_app")
            .param(run.charterId())
            .query(String.class)
            .list());
    run.rows().retireOthers("dialogue_platform", run.charterId(), keep);
  }

  private void history(Run run, List<HistoryEntry> history) {
    int position = 0;
    for (HistoryEntry entry : history) {
      Map<String, Object> c =
          columns(
              "occurred_on", entry.date(),
              "kind", entry.kind(),
              "title", json(entry.title()),
              "description", jsonOrNull(entry.description()),
              "subject", entry.subject(),
              "deliverable", entry.deliverable(),
              "position", position++);
      c.putAll(source(entry.source()));
      run.rows().upsert("history_entry", run.charterId(), entry.key(), c);
    }
    run.rows().retireOthers("history_entry", run.charterId(), keys(history, HistoryEntry::key));
  }

  /**
   * Deletes the rows of a link table (or co-chairs) of the charter's records, written again from
   * the definition. Table and column names come from this class, never from input.
   */
  private void clearLinks(String linkTable, String ownerColumn, String ownerTable, UUID charterId) {
    jdbc.sql(
            "delete from "
                + linkTable
                + " where "
                + ownerColumn
                + " in (select id from "
                + ownerTable
                + " where charter_id = ?)")
        .param(charterId)
        .update();
  }

  private void linkAreas(
      String linkTable, String ownerColumn, UUID owner, List<String> areas, Map<String, UUID> ids) {
    for (String area : areas) {
      jdbc.sql("insert into " + linkTable + " (" + ownerColumn + ", area_id) values (?, ?)")
          .params(owner, ids.get(area))
          .update();
    }
  }

  private UUID upsertCharter(CharterContent content, OffsetDateTime now, boolean exists) {
    Object[] values = {
      json(content.title()),
      jsonOrNull(content.shortTitle()),
      jsonOrNull(content.summary()),
      content.signedOn(),
      json(content.signedAt()),
      StoredLanguages.encode(content),
      content.textLanguage(),
      jsonOrNull(content.reading()),
      content.source().document(),
      content.source().quote(),
      content.source().url(),
      content.definitionName(),
      content.definitionSha256(),
      now,
      classification(content.classification()),
      StoredPartyOrder.encode(content.partyOrder())
    };
    if (exists) {
      Object[] params = Arrays.copyOf(values, values.length + 2);
      params[values.length] = now;
      params[values.length + 1] = content.key();
      jdbc.sql(
              "update charter set title = ?, short_title = ?, summary = ?, signed_on = ?,"
                  + " signed_at = ?, languages = ?, text_language = ?, reading = ?,"
                  + " source_document = ?, source_quote = ?, source_url = ?, definition_name = ?,"
                  + " definition_sha256 = ?, loaded_at = ?, classification = ?, party_order = ?,"
                  + " version = version + 1, updated_at = ? where code = ?")
          .params(params)
          .update();
      return jdbc.sql("select id from charter where code = ?")
          .param(content.key())
          .query(UUID.class)
          .single();
    }
    UUID id = UUID.randomUUID();
    Object[] params = new Object[values.length + 4];
    params[0] = id;
    params[1] = content.key();
    System.arraycopy(values, 0, params, 2, values.length);
    params[values.length + 2] = now;
    params[values.length + 3] = now;
    jdbc.sql(
            "insert into charter (id, code, title, short_title, summary, signed_on, signed_at,"
                + " languages, text_language, reading, source_document, source_quote, source_url,"
                + " definition_name, definition_sha256, loaded_at, classification, party_order,"
                + " created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(params)
        .update();
    return id;
  }

  private static Map<String, Object> columns(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> source(Source source) {
    Source s = source == null ? Source.NONE : source;
    return columns(
        "source_document", s.document(), "source_quote", s.quote(), "source_url", s.url());
  }

  private static String json(LocalizedText text) {
    return text.toJson();
  }

  private static String jsonOrNull(LocalizedText text) {
    return text == null || text.isEmpty() ? null : text.toJson();
  }

  private static String classification(Classification classification) {
    return (classification == null ? Classification.PUBLIC : classification).name();
  }

  private static <T> Set<String> keys(List<T> items, Function<T, String> key) {
    return items.stream().map(key).collect(Collectors.toSet());
  }
}
