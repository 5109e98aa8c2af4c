package org.entente.charter;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.audit.RecordChanges;
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
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.DialoguePlatformView;
import org.entente.charter.CharterViews.SyncReport;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ForbiddenException;
import org.entente.shared.KeyedRows;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.entente.shared.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charter module's one service: stores charters from their definitions and answers questions
 * about them. Unknown keys answer {@link NotFoundException}.
 */
@Service
@Transactional(readOnly = true)
public class Charters {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CharterReader reader;
  private final org.entente.audit.Audit audit;

  Charters(JdbcClient jdbc, Clock clock, org.entente.audit.Audit audit, RecordChanges changes) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.reader = new CharterReader(jdbc);
    this.audit = audit;
    this.structures = changes.kept(MAX_KEPT);
    this.lists = changes.kept(MAX_KEPT);
    this.indexReader = new CharterIndexReader(jdbc);
    this.indexes = changes.kept(MAX_KEPT);
  }

  private final CharterIndexReader indexReader;

  private final RecordChanges.Kept<UUID, Optional<CharterIndex>> indexes;

  /**
   * The key of the charter with this id, whoever may see it: for modules that keep the charter's id
   * on their own records. Never shown to anyone as it is.
   */
  public Optional<String> keyOf(UUID charterId) {
    return index(charterId).map(CharterIndex::charterKey);
  }

  /**
   * The charter's records by id and key, whoever may see them, retired ones too, kept until a
   * record changes: for modules that keep ids of the charter's records on their own (see {@link
   * CharterIndex}).
   */
  public Optional<CharterIndex> index(UUID charterId) {
    return indexes.get(charterId, () -> indexReader.index(charterId));
  }

  /** The index of the charter with this key, whoever may see it, or empty when there is none. */
  public Optional<CharterIndex> index(String charterKey) {
    return idOf(charterKey).flatMap(this::index);
  }

  /**
   * A working group or a dialogue platform of any charter, by its id, whoever may see it (the
   * caller checks its audience), or empty when there is none.
   */
  public Optional<CharterIndex.Entry> body(UUID bodyId) {
    return indexReader
        .charterOfBody(bodyId)
        .flatMap(this::index)
        .flatMap(index -> index.body(bodyId));
  }

  /** A charter's working groups and commitments, as far as one kind of viewer may see them. */
  private record Structure(List<WorkingGroupView> groups, List<CommitmentView> commitments) {
    Structure {
      groups = List.copyOf(groups);
      commitments = List.copyOf(commitments);
    }
  }

  /**
   * What decides which records a viewer sees ({@link Viewer#parameters()}), with the charter asked
   * about (null for the list of charters): viewers alike in these share what is kept.
   */
  private record Seen(UUID charter, Set<UUID> groups, boolean official, String party) {
    static Seen of(UUID charter, Viewer viewer) {
      return new Seen(
          charter,
          viewer.groups(),
          viewer.official(),
          viewer.signedIn() && viewer.party() != null ? viewer.party() : "");
    }
  }

  /** How many charter structures, and lists of charters, are kept at most. */
  private static final int MAX_KEPT = 512;

  /**
   * A charter's working groups and commitments, and the list of charters, as each kind of viewer
   * sees them, read once per state of the records (decision 0020): every list, page and check of a
   * charter's groups and commitments starts here, and the records behind them change rarely.
   */
  private final RecordChanges.Kept<Seen, Structure> structures;

  private final RecordChanges.Kept<Seen, List<CharterSummary>> lists;

  private Structure structure(UUID charterId, Viewer viewer) {
    return structures.get(
        Seen.of(charterId, viewer),
        () -> {
          List<WorkingGroupView> groups = reader.workingGroups(charterId, viewer);
          return new Structure(groups, reader.commitments(charterId, groups, viewer));
        });
  }

  /**
   * Stores a charter's content, creating, updating or retiring records by their keys. Running it
   * twice with the same content changes nothing.
   */
  @Transactional
  public SyncReport synchronize(CharterContent content) {
    Optional<String> storedHash =
        jdbc.sql("select definition_sha256 from charter where code = ?")
            .param(content.key())
            .query(String.class)
            .optional();
    if (storedHash.isPresent() && storedHash.get().equals(content.definitionSha256())) {
      return new SyncReport(content.key(), true, 0, 0, 0);
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    UUID charterId = upsertCharter(content, now, storedHash.isPresent());
    KeyedRows rows = new KeyedRows(jdbc, clock);

    int position = 0;
    for (Party party : content.parties()) {
      rows.upsert(
          "party",
          charterId,
          party.key(),
          columns(
              "official_name", json(party.officialName()),
              "short_name", json(party.shortName()),
              "signatory", json(party.signatory()),
              "time_zone", party.timeZone(),
              "position", position++));
    }
    rows.retireOthers("party", charterId, keys(content.parties(), Party::key));

    position = 0;
    for (FoundationDocument doc : content.foundationDocuments()) {
      Map<String, Object> c =
          columns(
              "title", json(doc.title()),
              "issued_on", doc.date(),
              "place", jsonOrNull(doc.place()),
              "summary", jsonOrNull(doc.summary()),
              "position", position++);
      c.putAll(source(doc.source()));
      rows.upsert("foundation_document", charterId, doc.key(), c);
    }
    rows.retireOthers(
        "foundation_document",
        charterId,
        keys(content.foundationDocuments(), FoundationDocument::key));

    position = 0;
    for (Principle principle : content.principles()) {
      Map<String, Object> c = columns("text", json(principle.text()), "position", position++);
      c.putAll(source(principle.source()));
      rows.upsert("principle", charterId, principle.key(), c);
    }
    rows.retireOthers("principle", charterId, keys(content.principles(), Principle::key));

    Map<String, UUID> clauseIds = new LinkedHashMap<>();
    Set<String> clauseKeys = new HashSet<>();
    position = 0;
    int clausePosition = 0;
    for (Article article : content.articles()) {
      UUID articleId =
          rows.upsert(
              "article",
              charterId,
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
        clauseIds.put(clause.key(), rows.upsert("clause", charterId, clause.key(), c));
        clauseKeys.add(clause.key());
      }
    }
    rows.retireOthers("article", charterId, keys(content.articles(), Article::key));
    rows.retireOthers("clause", charterId, clauseKeys);

    Map<String, UUID> areaIds = new LinkedHashMap<>();
    position = 0;
    for (Area area : content.areas()) {
      areaIds.put(
          area.key(),
          rows.upsert(
              "area",
              charterId,
              area.key(),
              columns(
                  "name", json(area.name()),
                  "description", jsonOrNull(area.description()),
                  "position", position++)));
    }
    rows.retireOthers("area", charterId, areaIds.keySet());

    jdbc.sql(
            "delete from commitment_area where commitment_id in"
                + " (select id from commitment where charter_id = ?)")
        .param(charterId)
        .update();
    position = 0;
    for (Commitment commitment : content.commitments()) {
      Map<String, Object> c =
          columns(
              "title", json(commitment.title()),
              "action", json(commitment.action()),
              "clause_id", clauseIds.get(commitment.clause()),
              "classification", classification(commitment.classification()),
              "position", position++);
      c.putAll(source(commitment.source()));
      UUID id = rows.upsert("commitment", charterId, commitment.key(), c);
      for (String area : commitment.areas()) {
        jdbc.sql("insert into commitment_area (commitment_id, area_id) values (?, ?)")
            .params(id, areaIds.get(area))
            .update();
      }
    }
    rows.retireOthers("commitment", charterId, keys(content.commitments(), Commitment::key));

    jdbc.sql(
            "delete from working_group_area where working_group_id in"
                + " (select id from working_group where charter_id = ?)")
        .param(charterId)
        .update();
    jdbc.sql(
            "delete from co_chair where working_group_id in"
                + " (select id from working_group where charter_id = ?)")
        .param(charterId)
        .update();
    position = 0;
    for (WorkingGroup group : content.workingGroups()) {
      Map<String, Object> c =
          columns(
              "name", json(group.name()),
              "description", jsonOrNull(group.description()),
              "restricted", group.restricted(),
              "classification", classification(group.classification()),
              "position", position++);
      c.putAll(source(group.source()));
      UUID id = rows.upsert("working_group", charterId, group.key(), c);
      jdbc.sql("update working_group set group_id = id where id = ? and group_id is null")
          .param(id)
          .update();
      for (String area : group.areas()) {
        jdbc.sql("insert into working_group_area (working_group_id, area_id) values (?, ?)")
            .params(id, areaIds.get(area))
            .update();
      }
      for (Map.Entry<String, LocalizedText> chair : group.coChairs().entrySet()) {
        jdbc.sql("insert into co_chair (working_group_id, party_code, office) values (?, ?, ?)")
            .params(id, chair.getKey(), json(chair.getValue()))
            .update();
      }
    }
    rows.retireOthers("working_group", charterId, keys(content.workingGroups(), WorkingGroup::key));

    jdbc.sql(
            "delete from dialogue_platform_area where dialogue_platform_id in"
                + " (select id from dialogue_platform where charter_id = ?)")
        .param(charterId)
        .update();
    position = 0;
    for (DialoguePlatform platform : content.dialoguePlatforms()) {
      Map<String, Object> c =
          columns(
              "name", json(platform.name()),
              "purpose", jsonOrNull(platform.purpose()),
              "status", platform.status().toUpperCase(java.util.Locale.ROOT),
              "classification", classification(platform.classification()),
              "position", position++);
      c.putAll(source(platform.source()));
      UUID id = rows.upsert("dialogue_platform", charterId, platform.key(), c);
      jdbc.sql("update dialogue_platform set group_id = id where id = ? and group_id is null")
          .param(id)
          .update();
      for (String area : platform.areas()) {
        jdbc.sql("insert into dialogue_platform_area (dialogue_platform_id, area_id) values (?, ?)")
            .params(id, areaIds.get(area))
            .update();
      }
    }
    // Platforms the parties established in the application are theirs, not the definition's.
    Set<String> keepPlatforms =
        new java.util.HashSet<>(keys(content.dialoguePlatforms(), DialoguePlatform::key));
    keepPlatforms.addAll(
        jdbc.sql("select code from dialogue_platform where charter_id = ? and established_in_app")
            .param(charterId)
            .query(String.class)
            .list());
    rows.retireOthers("dialogue_platform", charterId, keepPlatforms);

    position = 0;
    for (HistoryEntry entry : content.history()) {
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
      rows.upsert("history_entry", charterId, entry.key(), c);
    }
    rows.retireOthers("history_entry", charterId, keys(content.history(), HistoryEntry::key));

    for (KeyedRows.Change change : rows.changes()) {
      audit.record(
          "record." + change.kind(),
          change.table(),
          change.id().toString(),
          org.entente.audit.AuditEvent.Outcome.SUCCESS,
          Map.of("charter", content.key(), "key", change.code(), "from", "definition"));
    }
    return new SyncReport(
        content.key(),
        false,
        rows.created() + (storedHash.isPresent() ? 0 : 1),
        rows.updated() + (storedHash.isPresent() ? 1 : 0),
        rows.retired());
  }

  private UUID upsertCharter(CharterContent content, OffsetDateTime now, boolean exists) {
    Object[] values = {
      json(content.title()),
      jsonOrNull(content.shortTitle()),
      jsonOrNull(content.summary()),
      content.signedOn(),
      json(content.signedAt()),
      String.join(",", content.languages()),
      content.textLanguage(),
      jsonOrNull(content.reading()),
      content.source().document(),
      content.source().quote(),
      content.source().url(),
      content.definitionName(),
      content.definitionSha256(),
      now,
      classification(content.classification())
    };
    if (exists) {
      Object[] params = java.util.Arrays.copyOf(values, values.length + 2);
      params[values.length] = now;
      params[values.length + 1] = content.key();
      jdbc.sql(
              "update charter set title = ?, short_title = ?, summary = ?, signed_on = ?,"
                  + " signed_at = ?, languages = ?, text_language = ?, reading = ?,"
                  + " source_document = ?, source_quote = ?, source_url = ?, definition_name = ?,"
                  + " definition_sha256 = ?, loaded_at = ?, classification = ?,"
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
                + " definition_name, definition_sha256, loaded_at, classification, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(params)
        .update();
    return id;
  }

  /** All charters the viewer may see, by signing date, newest first. */
  public List<CharterSummary> list(Viewer viewer) {
    return lists.get(Seen.of(null, viewer), () -> List.copyOf(reader.charters(viewer)));
  }

  public Optional<CharterSummary> find(String charterKey, Viewer viewer) {
    return reader.charter(charterKey, viewer);
  }

  /**
   * The charter with this key, if the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public CharterSummary require(String charterKey, Viewer viewer) {
    return find(charterKey, viewer).orElseThrow(() -> new NotFoundException("charter", charterKey));
  }

  /**
   * The id of the charter with this key, whoever may see it: for modules that keep their own
   * records of a charter in step with its definition. Never shown to anyone.
   */
  public Optional<UUID> idOf(String charterKey) {
    return jdbc.sql("select id from charter where code = ?")
        .param(charterKey)
        .query(UUID.class)
        .optional();
  }

  /** Everything the overview page shows, as far as the viewer may see it. */
  public CharterOverview overview(String charterKey, Viewer viewer) {
    return reader
        .overview(charterKey, viewer)
        .orElseThrow(() -> new NotFoundException("charter", charterKey));
  }

  /**
   * The charter's text: its articles in order, each with its clauses, as far as the viewer may see.
   */
  public List<org.entente.charter.CharterViews.ArticleView> articles(
      String charterKey, Viewer viewer) {
    return reader.articles(require(charterKey, viewer).id(), viewer);
  }

  /** The charter's areas of cooperation, each with its commitments and groups. */
  public List<AreaOverview> areas(String charterKey, Viewer viewer) {
    return overview(charterKey, viewer).areas();
  }

  /**
   * Commitments of a charter the viewer may see, in the charter's order.
   *
   * @param area only those in this area (its key), or all when null
   * @param workingGroup only those a working group carries (its key), or all when null
   */
  public PageOf<CommitmentView> commitments(
      String charterKey, String area, String workingGroup, Paging paging, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    List<CommitmentView> all = structure(charter.id(), viewer).commitments();
    List<CommitmentView> matching =
        all.stream()
            .filter(c -> area == null || c.areas().stream().anyMatch(a -> a.key().equals(area)))
            .filter(
                c ->
                    workingGroup == null
                        || c.workingGroups().stream().anyMatch(g -> g.key().equals(workingGroup)))
            .toList();
    return PageOf.slice(matching, paging);
  }

  public CommitmentView commitment(String charterKey, String commitmentKey, Viewer viewer) {
    return commitmentOf(require(charterKey, viewer), commitmentKey, viewer);
  }

  /**
   * Who may see a commitment of the charter, or empty when there is none or the viewer may not see
   * it: what a record that links to the commitment is checked against, and what decides whether a
   * link to it is shown.
   */
  public Optional<Viewer.Audience> commitmentAudience(
      String charterKey, String commitmentKey, Viewer viewer) {
    return find(charterKey, viewer)
        .flatMap(
            charter ->
                jdbc.sql(
                        "select classification, origin_party, group_id from commitment"
                            + " where charter_id = ? and code = ? and retired = false")
                    .params(charter.id(), commitmentKey)
                    .query(
                        (rs, n) ->
                            new Viewer.Audience(
                                org.entente.shared.Classification.valueOf(
                                    rs.getString("classification")),
                                rs.getString("origin_party"),
                                rs.getObject("group_id", UUID.class)))
                    .optional())
        .filter(viewer::canSee);
  }

  /** A commitment with its charter, read in one transaction: what the commitment page shows. */
  record CommitmentOfCharter(CharterSummary charter, CommitmentView commitment) {}

  /**
   * A commitment and its charter.
   *
   * @throws NotFoundException when either is missing, or the viewer may not see it
   */
  CommitmentOfCharter commitmentOfCharter(String charterKey, String commitmentKey, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    return new CommitmentOfCharter(charter, commitmentOf(charter, commitmentKey, viewer));
  }

  private CommitmentView commitmentOf(CharterSummary charter, String commitmentKey, Viewer viewer) {
    return structure(charter.id(), viewer).commitments().stream()
        .filter(c -> c.key().equals(commitmentKey))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("commitment", commitmentKey));
  }

  /**
   * The charter's working groups the viewer may see.
   *
   * @param area only the groups that cover this area (its key), or all when null
   */
  public List<WorkingGroupView> workingGroups(String charterKey, String area, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    return structure(charter.id(), viewer).groups().stream()
        .filter(g -> area == null || g.areas().stream().anyMatch(a -> a.key().equals(area)))
        .toList();
  }

  /**
   * A charter with its working groups and dialogue platforms, as far as the viewer may see them,
   * read together: what a search over the charter's records is scoped and filtered by.
   */
  public record Bodies(
      CharterSummary charter,
      List<WorkingGroupView> workingGroups,
      List<DialoguePlatformView> platforms) {}

  /**
   * The charter with its working groups and dialogue platforms.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public Bodies bodies(String charterKey, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    return new Bodies(
        charter, structure(charter.id(), viewer).groups(), reader.platforms(charter.id(), viewer));
  }

  /** The charter's dialogue platforms the viewer may see, in the charter's order. */
  public List<DialoguePlatformView> platforms(String charterKey, Viewer viewer) {
    return reader.platforms(require(charterKey, viewer).id(), viewer);
  }

  /**
   * A dialogue platform the viewer may see.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public DialoguePlatformView platform(String charterKey, String platformKey, Viewer viewer) {
    return platforms(charterKey, viewer).stream()
        .filter(p -> p.key().equals(platformKey))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("dialogue platform", platformKey));
  }

  /**
   * Establishes a further dialogue platform (clause 8.3: "additional dialogue platforms as
   * needed"), which then takes members like a working group. The definition does not retire it.
   *
   * @throws BadRequestException for a missing or taken key, or a missing name
   * @throws ForbiddenException when the viewer is not an official who may write for the charter
   */
  @Transactional
  public DialoguePlatformView establishPlatform(
      String charterKey,
      String key,
      String name,
      String purpose,
      String classification,
      Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    if (!viewer.mayWriteInFramework()) {
      throw new ForbiddenException(null, "only officials of the parties establish platforms");
    }
    if (key == null || !key.matches("[a-z0-9][a-z0-9-]{1,63}")) {
      throw new BadRequestException(
          "key", "key must have 2 to 64 lower-case letters, digits and hyphens");
    }
    if (name == null || name.isBlank() || name.length() > 300) {
      throw new BadRequestException("name", "name must have 1 to 300 characters");
    }
    if (purpose != null && purpose.length() > 2000) {
      throw new BadRequestException("purpose", "purpose must have at most 2000 characters");
    }
    Classification given = viewer.classificationToGive(classification);
    if (jdbc.sql("select count(*) from dialogue_platform where charter_id = ? and code = ?")
            .params(charter.id(), key)
            .query(Long.class)
            .single()
        > 0) {
      throw new BadRequestException("key", "the key '" + key + "' is taken by another platform");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    int position =
        jdbc.sql(
                "select coalesce(max(position), -1) + 1 from dialogue_platform where charter_id = ?")
            .param(charter.id())
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into dialogue_platform (id, charter_id, code, name, purpose, status, position,"
                + " classification, origin_party, established_in_app, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, 'ESTABLISHED', ?, ?, ?, true, ?, ?)")
        .params(
            id,
            charter.id(),
            key,
            LocalizedText.of("en", name.strip()).toJson(),
            purpose == null || purpose.isBlank()
                ? null
                : LocalizedText.of("en", purpose.strip()).toJson(),
            position,
            given.name(),
            given == Classification.PARTY_INTERNAL ? viewer.party() : null,
            now,
            now)
        .update();
    audit.record(
        "dialogue-platform.established",
        "dialogue_platform",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("charter", charterKey, "key", key, "classification", given.code()));
    return platform(charterKey, key, viewer);
  }

  /** The time zone a party's officials see times in, when the definition gives one. */
  public Optional<java.time.ZoneId> partyTimeZone(String charterKey, String party) {
    if (party == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select p.time_zone from party p join charter c on c.id = p.charter_id"
                + " where c.code = ? and p.code = ? and p.retired = false")
        .params(charterKey, party)
        .query(String.class)
        .optional()
        .filter(java.util.Objects::nonNull)
        .map(java.time.ZoneId::of);
  }

  /**
   * The charter's commitments the viewer may see whose title or action match a search, with their
   * areas.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<org.entente.shared.SearchHit> search(
      CharterSummary charter, org.entente.shared.TextQuery query, boolean postgres, Viewer viewer) {
    String charterKey = charter.key();
    org.entente.shared.TextQuery.Condition match =
        query.condition("c.title || ' ' || c.action", postgres, "q");
    record Match(UUID id, String code, String title, String action) {}
    List<Match> matches =
        jdbc.sql(
                "select c.id, c.code, c.title, c.action from commitment c where c.charter_id ="
                    + " :charter and c.retired = false and "
                    + Viewer.condition("c")
                    + " and "
                    + match.sql()
                    + " order by c.position limit 200")
            .param("charter", charter.id())
            .params(viewer.parameters())
            .params(match.params())
            .query(
                (rs, n) ->
                    new Match(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getString("action")))
            .list();
    if (matches.isEmpty()) {
      return List.of();
    }
    // The areas of all matching commitments in one statement, not one per commitment.
    Map<UUID, List<String>> areas = new java.util.HashMap<>();
    jdbc.sql(
            "select ca.commitment_id, a.code from commitment_area ca join area a on a.id ="
                + " ca.area_id where ca.commitment_id in (:ids) order by a.position")
        .param("ids", matches.stream().map(Match::id).toList())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    areas
                        .computeIfAbsent(
                            rs.getObject("commitment_id", UUID.class),
                            k -> new java.util.ArrayList<>())
                        .add(rs.getString("code")));
    return matches.stream()
        .map(
            m ->
                new org.entente.shared.SearchHit(
                    "commitment",
                    m.code(),
                    LocalizedText.fromJson(m.title()).text(),
                    LocalizedText.fromJson(m.action()).text(),
                    null,
                    List.copyOf(areas.getOrDefault(m.id(), List.of())),
                    null,
                    "/charters/" + charterKey + "/commitments/" + m.code()))
        .toList();
  }

  /**
   * A working group and its charter.
   *
   * @throws NotFoundException when the viewer may not see the charter, or there is no such group
   */
  public WorkingGroupInCharter group(String charterKey, String groupKey, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    WorkingGroupView group =
        structure(charter.id(), viewer).groups().stream()
            .filter(g -> g.key().equals(groupKey))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("working group", groupKey));
    return new WorkingGroupInCharter(charter, group);
  }

  /** A working group with the commitments it carries. */
  public WorkingGroupDetail workingGroup(String charterKey, String groupKey, Viewer viewer) {
    WorkingGroupInCharter found = group(charterKey, groupKey, viewer);
    List<CommitmentView> carried =
        structure(found.charter().id(), viewer).commitments().stream()
            .filter(c -> c.workingGroups().stream().anyMatch(g -> g.key().equals(groupKey)))
            .toList();
    return new WorkingGroupDetail(found.charter(), found.group(), carried);
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

  private static <T> Set<String> keys(List<T> items, java.util.function.Function<T, String> key) {
    return items.stream().map(key).collect(Collectors.toSet());
  }
}
