package org.entente.charter;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.RecordChanges;
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
import org.entente.shared.CharterKey;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charter module's one service: stores charters from their definitions ({@link CharterSync})
 * and answers questions about them, the working groups and commitments from what is kept until a
 * record changes ({@link CharterStructure}). Unknown keys answer {@link NotFoundException}.
 */
@Service
@Transactional(readOnly = true)
public class Charters {

  private final JdbcClient jdbc;
  private final CharterReader reader;
  private final CharterOverviewReader overviewReader;
  private final CharterStructure structure;
  private final CharterSync sync;
  private final CharterSearch search;
  private final PlatformWriter platformWriter;

  /** The languages of the charters asked about, kept until a record changes. */
  private final RecordChanges.Kept<String, Optional<LanguagesOfCharter>> keptLanguages;

  Charters(
      JdbcClient jdbc, Clock clock, Audit audit, RecordChanges changes, CharterStructure kept) {
    this.jdbc = jdbc;
    this.reader = new CharterReader(jdbc);
    this.overviewReader = new CharterOverviewReader(jdbc, reader);
    this.structure = kept;
    this.sync = new CharterSync(jdbc, clock, audit);
    this.search = new CharterSearch(jdbc);
    this.platformWriter = new PlatformWriter(jdbc, clock, audit);
    this.keptLanguages = changes.kept(64);
  }

  /**
   * The key of the charter with this id, whoever may see it: for modules that keep the charter's id
   * on their own records. Never shown to anyone as it is. Keys never change: one already read costs
   * no statement.
   */
  public Optional<String> keyOf(UUID charterId) {
    return structure.key(all -> all.charterKey(charterId));
  }

  /**
   * The key of a working group or dialogue platform of any charter, by its id, whoever may see it:
   * for modules that keep the body's id on their own records. Never shown to anyone as it is. Keys
   * never change: one already read costs no statement.
   */
  public Optional<String> bodyKey(UUID bodyId) {
    return structure.key(all -> all.body(bodyId).map(CharterIndex.Entry::key));
  }

  /**
   * Every charter's records by id and key, whoever may see them, retired ones too, kept until a
   * record changes and asked for once in a web request: for modules that keep ids of the charter's
   * records on their own (see {@link CharterIndex}).
   */
  public CharterIndex.All indexes() {
    return structure.indexes();
  }

  /**
   * The languages any loaded charter declares ({@code charter.languages}), each once, whoever may
   * see the charter: the languages records' texts may be given in and pages are offered in.
   */
  public List<String> declaredLanguages() {
    return indexes().languages();
  }

  /** The {@link CharterIndex} of the charter with this id, or empty when there is none. */
  public Optional<CharterIndex> index(UUID charterId) {
    return indexes().charter(charterId);
  }

  /** The index of the charter with this key, whoever may see it, or empty when there is none. */
  public Optional<CharterIndex> index(CharterKey charterKey) {
    return indexes().charter(charterKey.value());
  }

  /**
   * A working group or a dialogue platform of any charter, by its id, whoever may see it (the
   * caller checks its audience), or empty when there is none.
   */
  public Optional<CharterIndex.Entry> body(UUID bodyId) {
    return indexes().body(bodyId);
  }

  /**
   * Stores a charter's content, creating, updating or retiring records by their keys. Running it
   * twice with the same content changes nothing.
   */
  @Transactional
  public SyncReport synchronize(CharterContent content) {
    structure.forgetInRequest();
    return sync.synchronize(content);
  }

  /** All charters the viewer may see, by signing date, newest first. */
  public List<CharterSummary> list(Viewer viewer) {
    return structure.charters(viewer);
  }

  public Optional<CharterSummary> find(CharterKey charterKey, Viewer viewer) {
    return reader.charter(charterKey.value(), viewer);
  }

  /**
   * The charter with this key, if the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public CharterSummary require(CharterKey charterKey, Viewer viewer) {
    return find(charterKey, viewer)
        .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
  }

  /**
   * The id of the charter with this key, whoever may see it: for modules that keep their own
   * records of a charter in step with its definition. Never shown to anyone.
   */
  public Optional<UUID> idOf(CharterKey charterKey) {
    return jdbc.sql("select id from charter where code = ?")
        .param(charterKey.value())
        .query(UUID.class)
        .optional();
  }

  /**
   * The languages the charter with this id declares, whoever may see it: for modules that keep a
   * text per language of the charter on their own records. Empty when there is no such charter.
   */
  public Optional<LanguagesOfCharter> languages(UUID charterId) {
    return languages("id", charterId);
  }

  /** The languages the charter with this key declares, whoever may see it. */
  public Optional<LanguagesOfCharter> languages(CharterKey charterKey) {
    return languages("code", charterKey.value());
  }

  private Optional<LanguagesOfCharter> languages(String column, Object value) {
    return keptLanguages.get(column + " " + value, () -> readLanguages(column, value));
  }

  private Optional<LanguagesOfCharter> readLanguages(String column, Object value) {
    return jdbc.sql("select languages, text_language from charter where " + column + " = ?")
        .param(value)
        .query(
            (rs, n) ->
                new LanguagesOfCharter(
                    StoredLanguages.decode(rs.getString(1), rs.getString(2)).languages(),
                    rs.getString(2)))
        .optional();
  }

  /** Everything the overview page shows, as far as the viewer may see it. */
  public CharterOverview overview(CharterKey charterKey, Viewer viewer) {
    return overviewReader
        .overview(charterKey.value(), viewer, id -> structure.both(id, viewer))
        .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
  }

  /**
   * The charter's text: its articles in order, each with its clauses, as far as the viewer may see.
   */
  public List<org.entente.charter.CharterViews.ArticleView> articles(
      CharterKey charterKey, Viewer viewer) {
    return reader.articles(require(charterKey, viewer).id(), viewer);
  }

  /** The charter's areas of cooperation, each with its commitments and groups. */
  public List<AreaOverview> areas(CharterKey charterKey, Viewer viewer) {
    return overview(charterKey, viewer).areas();
  }

  /**
   * Commitments of a charter the viewer may see, in the charter's order.
   *
   * @param area only those in this area (its key), or all when null
   * @param workingGroup only those a working group carries (its key), or all when null
   */
  public PageOf<CommitmentView> commitments(
      CharterKey charterKey, String area, String workingGroup, Paging paging, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    List<CommitmentView> all = structure.commitments(charter.id(), viewer);
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

  public CommitmentView commitment(CharterKey charterKey, String commitmentKey, Viewer viewer) {
    return commitmentOf(require(charterKey, viewer), commitmentKey, viewer);
  }

  /**
   * Who may see a commitment of the charter, or empty when there is none or the viewer may not see
   * it: what a record that links to the commitment is checked against, and what decides whether a
   * link to it is shown.
   */
  public Optional<Viewer.Audience> commitmentAudience(
      CharterKey charterKey, String commitmentKey, Viewer viewer) {
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
  CommitmentOfCharter commitmentOfCharter(
      CharterKey charterKey, String commitmentKey, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    return new CommitmentOfCharter(charter, commitmentOf(charter, commitmentKey, viewer));
  }

  private CommitmentView commitmentOf(CharterSummary charter, String commitmentKey, Viewer viewer) {
    return structure.commitments(charter.id(), viewer).stream()
        .filter(c -> c.key().equals(commitmentKey))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("commitment", commitmentKey));
  }

  /**
   * The charter's working groups the viewer may see.
   *
   * @param area only the groups that cover this area (its key), or all when null
   */
  public List<WorkingGroupView> workingGroups(CharterKey charterKey, String area, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    return structure.groups(charter.id(), viewer).stream()
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
  public Bodies bodies(CharterKey charterKey, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    return new Bodies(
        charter, structure.groups(charter.id(), viewer), reader.platforms(charter.id(), viewer));
  }

  /** The charter's dialogue platforms the viewer may see, in the charter's order. */
  public List<DialoguePlatformView> platforms(CharterKey charterKey, Viewer viewer) {
    return reader.platforms(require(charterKey, viewer).id(), viewer);
  }

  /**
   * A dialogue platform the viewer may see.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public DialoguePlatformView platform(CharterKey charterKey, String platformKey, Viewer viewer) {
    return platforms(charterKey, viewer).stream()
        .filter(p -> p.key().equals(platformKey))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("dialogue platform", platformKey));
  }

  /**
   * A dialogue platform proposed in the application and not yet established: what both parties
   * agree to establish it (decision 0034).
   *
   * @param classification its classification's code (a proposal is bilateral)
   */
  public record ProposedPlatform(
      UUID id,
      String charter,
      String key,
      LocalizedText name,
      LocalizedText purpose,
      String classification) {}

  /**
   * The platform of the charter proposed and not yet established, if there is one. Not filtered by
   * a viewer: for the agreement that establishes it, whose parties saw it.
   */
  public Optional<ProposedPlatform> proposedPlatform(CharterKey charterKey, String platformKey) {
    return idOf(charterKey).flatMap(id -> platformWriter.proposed(id, charterKey, platformKey));
  }

  /**
   * Changes a proposed platform's name and purpose.
   *
   * @throws org.entente.shared.StateConflictException when it is no proposal (any more)
   */
  @Transactional
  public void reviseProposedPlatform(
      CharterKey charterKey,
      String platformKey,
      Map<String, String> name,
      Map<String, String> purpose,
      Viewer viewer) {
    platform(charterKey, platformKey, viewer);
    ProposedPlatform proposed = requireProposed(charterKey, platformKey);
    structure.forgetInRequest();
    platformWriter.revise(
        proposed,
        LocalizedText.stripped(name),
        LocalizedText.stripped(purpose),
        languages(charterKey).map(LanguagesOfCharter::languages).orElse(List.of()),
        viewer);
  }

  /**
   * Where the translations of a platform's name and purpose stand, as the meetings module keeps
   * them (decision 0037): its JSON, or empty when none is kept (a platform of the definition, or
   * one made before V37). Not filtered by a viewer: the caller read the platform as its viewer.
   */
  public Optional<String> platformTranslationSources(CharterKey charterKey, String platformKey) {
    return idOf(charterKey).flatMap(id -> platformWriter.translationSources(id, platformKey));
  }

  /** Keeps where the translations of a platform's texts stand, in the transaction of the edit. */
  @Transactional
  public void keepPlatformTranslationSources(
      CharterKey charterKey, String platformKey, String sources) {
    idOf(charterKey)
        .ifPresent(id -> platformWriter.keepTranslationSources(id, platformKey, sources));
  }

  /**
   * Saves a translation of a proposed platform's name or purpose ({@code changed}: the proposal
   * with it) and their states, audited; the caller submits the proposal for agreement again.
   */
  @Transactional
  public void translateProposedPlatform(
      ProposedPlatform changed, String sources, String text, String language) {
    structure.forgetInRequest();
    platformWriter.translate(changed, changed.name(), changed.purpose(), sources, text, language);
  }

  private ProposedPlatform requireProposed(CharterKey charterKey, String platformKey) {
    return proposedPlatform(charterKey, platformKey)
        .orElseThrow(
            () ->
                new org.entente.shared.StateConflictException(
                    "Not proposed",
                    "the dialogue platform '" + platformKey + "' is established: no proposal",
                    java.util.Map.of()));
  }

  /** Establishes a proposed platform both parties agreed (in the transaction of the agreement). */
  @Transactional
  public void establishAgreedPlatform(ProposedPlatform platform, int agreedVersion) {
    structure.forgetInRequest();
    platformWriter.establishAgreed(platform, agreedVersion);
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
      CharterKey charterKey,
      String key,
      Map<String, String> name,
      Map<String, String> purpose,
      String classification,
      Viewer viewer) {
    structure.forgetInRequest();
    platformWriter.establish(
        require(charterKey, viewer),
        key,
        LocalizedText.stripped(name),
        LocalizedText.stripped(purpose),
        classification,
        viewer);
    return platform(charterKey, key, viewer);
  }

  /**
   * The charter's commitments the viewer may see whose title or action match a search, with their
   * areas.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<org.entente.shared.SearchHit> search(
      CharterSummary charter, org.entente.shared.TextQuery query, boolean postgres, Viewer viewer) {
    return search.commitments(charter, query, postgres, viewer);
  }

  /**
   * The working groups the viewer may see of a charter the charter module already gave this viewer
   * (from {@link #list} or {@link #require}): kept until a record changes, so it reads no charter
   * row again.
   */
  public List<WorkingGroupView> workingGroups(CharterSummary charter, Viewer viewer) {
    return structure.groups(charter.id(), viewer);
  }

  /**
   * A working group whose records may be published, as {@link #workingGroup} gives it.
   *
   * @throws ForbiddenException when the group is restricted: its records are never published
   */
  public WorkingGroupDetail publishableGroup(
      CharterKey charterKey, String groupKey, Viewer viewer) {
    WorkingGroupDetail group = workingGroup(charterKey, groupKey, viewer);
    if (group.group().restricted()) {
      throw new ForbiddenException(null, "the records of a restricted group are never published");
    }
    return group;
  }

  /**
   * A working group and its charter.
   *
   * @throws NotFoundException when the viewer may not see the charter, or there is no such group
   */
  public WorkingGroupInCharter group(CharterKey charterKey, String groupKey, Viewer viewer) {
    CharterSummary charter = require(charterKey, viewer);
    WorkingGroupView group =
        structure.groups(charter.id(), viewer).stream()
            .filter(g -> g.key().equals(groupKey))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("working group", groupKey));
    return new WorkingGroupInCharter(charter, group);
  }

  /** A working group with the commitments it carries. */
  public WorkingGroupDetail workingGroup(CharterKey charterKey, String groupKey, Viewer viewer) {
    WorkingGroupInCharter found = group(charterKey, groupKey, viewer);
    List<CommitmentView> carried =
        structure.commitments(found.charter().id(), viewer).stream()
            .filter(c -> c.workingGroups().stream().anyMatch(g -> g.key().equals(groupKey)))
            .toList();
    return new WorkingGroupDetail(found.charter(), found.group(), carried);
  }
}
