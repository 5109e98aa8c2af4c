package org.entente.roadmaps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.translations.TranslationState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roadmaps module's one service: milestones of a working group's roadmap, its analysis as of
 * the injected clock, and its agreement through concurrence. It checks who may do what and keeps
 * the transaction; the rules are the {@link Milestone}'s, the SQL the {@link MilestoneStore}'s.
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
  private final MilestoneStore store;
  private final Milestones milestones;
  private final MilestoneAudit milestoneAudit;
  private final MilestoneQueries queries;
  private final MilestoneAudiences audiences;
  private final MilestoneOfficialTexts officialTexts;

  Roadmaps(
      JdbcClient jdbc,
      Clock clock,
      Charters charters,
      Concurrence concurrence,
      Audit audit,
      MilestoneStore store,
      Milestones milestones,
      MilestoneAudit milestoneAudit,
      MilestoneQueries queries,
      MilestoneAudiences audiences,
      MilestoneOfficialTexts officialTexts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.concurrence = concurrence;
    this.audit = audit;
    this.store = store;
    this.milestones = milestones;
    this.milestoneAudit = milestoneAudit;
    this.queries = queries;
    this.audiences = audiences;
    this.officialTexts = officialTexts;
  }

  /**
   * Adds a milestone to a working group's roadmap.
   *
   * @throws BadRequestException naming the field, or the dependency cycle it would make
   * @throws ForbiddenException when the viewer may not write in the group
   */
  @Transactional
  public MilestoneView add(
      CharterKey charterKey, String groupKey, MilestoneInput input, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    UUID groupId = group.group().id();
    if (!viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(null, "only members of " + groupKey + " add to its roadmap");
    }
    Classification classification = viewer.classificationToGive(input.classification());
    Milestone milestone =
        Milestone.of(input, input.key()).requireLanguages(group.charter().languages(), null);
    if (store.keyTaken(group.charter().id(), milestone.key())) {
      throw new BadRequestException(
          "key", "the key '" + milestone.key() + "' is taken by another milestone of this charter");
    }
    Stored added =
        new Stored(UUID.randomUUID(), groupId, milestone, classification, viewer.party(), 0);
    List<Stored> existing = milestones.visible(groupId, viewer);
    UUID projectId = milestones.checkLinks(added, existing, viewer);
    store.insert(added, group.charter().id(), projectId, now());
    store.insertDependencies(added.id(), Milestones.dependencyIds(milestone, existing));
    keepTranslationSources(added.id(), group.charter().id(), null, milestone);
    milestoneAudit.added(added.id(), charterKey, groupKey, milestone);
    return view(new WorkingGroupInCharter(group.charter(), group.group()), added.id(), viewer);
  }

  /**
   * Replaces a milestone's content, made against a version; its key stays.
   *
   * @throws ConflictException when it changed since that version
   */
  @Transactional
  public MilestoneView change(UUID id, MilestoneInput input, Viewer viewer) {
    MilestoneStore.Placement placement = queries.placement(id, viewer);
    Stored current = milestones.one(placement.groupId(), id, viewer);
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
    Milestone milestone =
        current
            .milestone()
            .revisedTo(
                Milestone.of(input, current.milestone().key())
                    .requireLanguages(languages(placement.charterId()), current.milestone()),
                current.classification() == Classification.PUBLIC);
    Stored changed =
        new Stored(
            id,
            current.groupId(),
            milestone,
            current.classification(),
            current.originParty(),
            current.version());
    List<Stored> others =
        milestones.visible(current.groupId(), viewer).stream()
            .filter(s -> !s.id().equals(id))
            .toList();
    UUID projectId = milestones.checkLinks(changed, others, viewer);
    if (!store.update(id, current.version(), milestone, projectId, now())) {
      throw new ConflictException("milestone", current.version() + 1);
    }
    store.deleteDependencies(id);
    store.insertDependencies(id, Milestones.dependencyIds(milestone, others));
    keepTranslationSources(id, placement.charterId(), current.milestone(), milestone);
    milestoneAudit.changed(id, milestone);
    return view(queries.group(placement, viewer), id, viewer);
  }

  /**
   * Keeps where the translations of a milestone's title stand after an edit of every language at
   * once (decision 0037): a translation edited with its source is made from it, one left as it was
   * goes out of date when its source changed. A new milestone passes null for {@code before}.
   */
  private void keepTranslationSources(UUID id, UUID charterId, Milestone before, Milestone after) {
    String textLanguage = textLanguage(charterId);
    TranslationState state =
        before == null
            ? TranslationState.unknown(null)
            : TranslationState.fromJson(store.translationSources(id), textLanguage);
    store.saveTranslationSources(
        id,
        state
            .afterEdit(
                before == null ? LocalizedText.empty() : before.title(),
                after.title(),
                textLanguage,
                Instant.now(clock))
            .toJson());
  }

  /** Where the translations of a milestone's title stand (read after the viewer saw it). */
  TranslationState titleTranslation(UUID id, UUID charterId) {
    return TranslationState.fromJson(store.translationSources(id), textLanguage(charterId));
  }

  /** The language the charter with this id is written in (its {@code text-language}). */
  String textLanguage(UUID charterId) {
    return charters
        .languages(charterId)
        .map(org.entente.charter.LanguagesOfCharter::textLanguage)
        .orElse(null);
  }

  /** The languages the charter with this id declares: those a milestone's title may be in. */
  List<String> languages(UUID charterId) {
    return charters
        .languages(charterId)
        .map(org.entente.charter.LanguagesOfCharter::languages)
        .orElse(List.of());
  }

  /**
   * A milestone the viewer may see, as its roadmap shows it today.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public MilestoneView milestone(UUID id, Viewer viewer) {
    MilestoneStore.Placement placement = queries.placement(id, viewer);
    milestones.one(placement.groupId(), id, viewer);
    return view(queries.group(placement, viewer), id, viewer);
  }

  /**
   * A milestone's title, or empty when there is none or the viewer may not see it: what a link to a
   * milestone shows. It reads the one row and throws nothing, unlike {@link #milestone}, which
   * builds the whole roadmap and throws when the milestone is hidden.
   */
  public Optional<LocalizedText> milestoneTitle(UUID id, Viewer viewer) {
    return store.title(id, viewer);
  }

  /**
   * Who may see a milestone, or empty when there is none or the viewer may not see it: what a
   * record that links to the milestone is checked against.
   */
  public Optional<Viewer.Audience> audience(UUID id, Viewer viewer) {
    return store.audience(id).filter(viewer::canSee);
  }

  /**
   * Who may see each of these milestones (retired ones too), by id, whoever asks, kept until a
   * record changes: what records that link to milestones check a link against before showing it.
   */
  public Map<UUID, Viewer.Audience> audiences(java.util.Collection<UUID> ids) {
    return audiences.of(ids);
  }

  /**
   * The charter's milestones the viewer may see whose title matches a search.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<org.entente.shared.SearchHit> search(
      CharterSummary charter, org.entente.shared.TextQuery query, boolean postgres, Viewer viewer) {
    return queries.search(
        charter, charters.workingGroups(charter, viewer), query, postgres, viewer);
  }

  /**
   * The charter's milestones the viewer may see whose title matches a search, with the charter's
   * working groups the caller already read (so that none is read again).
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   * @param groups the charter's working groups the viewer may see
   */
  public List<org.entente.shared.SearchHit> search(
      CharterSummary charter,
      List<WorkingGroupView> groups,
      org.entente.shared.TextQuery query,
      boolean postgres,
      Viewer viewer) {
    return queries.search(charter, groups, query, postgres, viewer);
  }

  /**
   * The open milestones (not started or in progress, not retired) of the groups whose records the
   * viewer may read, that the viewer may see and that are planned to end on or before a day, by
   * planned end: what the viewer's calendar and reminders show. Public milestones of other groups
   * are not the viewer's business here, so they are left out.
   */
  public List<RoadmapViews.DueMilestone> milestonesDue(Viewer viewer, LocalDate until) {
    return queries.milestonesDue(viewer, until);
  }

  /** A working group's roadmap as of today, with its analysis and its agreement. */
  public Roadmap roadmap(CharterKey charterKey, String groupKey, Viewer viewer) {
    return roadmap(charters.group(charterKey, groupKey, viewer), viewer);
  }

  private Roadmap roadmap(WorkingGroupInCharter group, Viewer viewer) {
    String charterKey = group.charter().key();
    String groupKey = group.group().key();
    List<Stored> milestones = this.milestones.visible(group.group().id(), viewer);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Optional<AgreementView> agreement =
        concurrence.find(ROADMAP, subjectKey(CharterKey.of(charterKey), groupKey), viewer);
    Map<String, LocalDate> baseline =
        baseline(agreement, viewer, CharterKey.of(charterKey), groupKey);
    RoadmapTimeline timeline =
        RoadmapTimeline.of(
            milestones,
            today,
            baseline,
            milestones.isEmpty() || agreement.map(a -> a.agreedVersions().isEmpty()).orElse(true)
                ? Map.of()
                : officialTexts.agreedTitles(
                    CharterKey.of(charterKey), groupKey, group.group().id()));
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
        timeline.milestones(),
        timeline.criticalPath(),
        timeline.finish(),
        agreement.orElse(null),
        changed);
  }

  static String subjectKey(CharterKey charterKey, String groupKey) {
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
    return milestones.projectPublic(milestoneId);
  }

  /** Planned ends by key in the last version both parties agreed: the baseline. */
  private Map<String, LocalDate> baseline(
      Optional<AgreementView> agreement, Viewer viewer, CharterKey charterKey, String groupKey) {
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
                  officialTexts.content(
                      ROADMAP, subjectKey(charterKey, groupKey), agreed.version(), viewer);
              for (JsonNode item : JSON.readTree(content)) {
                ends.put(
                    item.get("key").asString(), LocalDate.parse(item.get("plannedEnd").asString()));
              }
            });
    return ends;
  }

  /** A milestone as its roadmap shows it to the viewer today. */
  private MilestoneView view(WorkingGroupInCharter group, UUID id, Viewer viewer) {
    return roadmap(group, viewer).milestones().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("milestone", id.toString()));
  }

  /** The group's milestones both parties share: what a version of its roadmap is made of. */
  List<Stored> shared(UUID groupId) {
    return milestones.shared(groupId);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
