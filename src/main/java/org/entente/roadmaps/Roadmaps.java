package org.entente.roadmaps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.concurrence.AgreementReached;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.concurrence.Concurrence.PublicationView;
import org.entente.concurrence.Concurrence.Published;
import org.entente.identity.Viewer;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
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

  Roadmaps(
      JdbcClient jdbc,
      Clock clock,
      Charters charters,
      Concurrence concurrence,
      Audit audit,
      MilestoneStore store,
      Milestones milestones,
      MilestoneAudit milestoneAudit,
      MilestoneQueries queries) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.concurrence = concurrence;
    this.audit = audit;
    this.store = store;
    this.milestones = milestones;
    this.milestoneAudit = milestoneAudit;
    this.queries = queries;
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
    Milestone milestone = Milestone.of(input, input.key());
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
                Milestone.of(input, current.milestone().key()),
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
    milestoneAudit.changed(id, milestone);
    return view(queries.group(placement, viewer), id, viewer);
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
  public Roadmap roadmap(String charterKey, String groupKey, Viewer viewer) {
    return roadmap(charters.group(charterKey, groupKey, viewer), viewer);
  }

  private Roadmap roadmap(WorkingGroupInCharter group, Viewer viewer) {
    String charterKey = group.charter().key();
    String groupKey = group.group().key();
    List<Stored> milestones = this.milestones.visible(group.group().id(), viewer);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Optional<AgreementView> agreement =
        concurrence.find(ROADMAP, subjectKey(charterKey, groupKey), viewer);
    Map<String, LocalDate> baseline = baseline(agreement, viewer, charterKey, groupKey);
    RoadmapTimeline timeline = RoadmapTimeline.of(milestones, today, baseline);
    boolean changed =
        agreement
            .map(
                a ->
                    !a.fingerprint()
                        .equals(Concurrence.fingerprint(canonical(shared(group.group().id())))))
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

  /** Submits the roadmap's bilateral milestones as they are now as its next version. */
  @Transactional
  public Roadmap submit(String charterKey, String groupKey, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, groupKey, viewer);
    // The version is the roadmap's own content, the same whoever submits it.
    List<Stored> milestones = shared(group.group().id());
    if (milestones.isEmpty()) {
      throw new BadRequestException("milestones", "a roadmap needs at least one milestone");
    }
    List<String> parties =
        charters.overview(charterKey, viewer).parties().stream().map(p -> p.key()).toList();
    concurrence.submit(
        new Concurrence.Subject(
            ROADMAP, subjectKey(charterKey, groupKey), group.charter().id(), group.group().id()),
        parties,
        canonical(milestones),
        viewer);
    return roadmap(charterKey, groupKey, viewer);
  }

  /** The viewer approves a version of the roadmap for their party. */
  @Transactional
  public Roadmap approve(String charterKey, String groupKey, int version, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    concurrence.approve(ROADMAP, subjectKey(charterKey, groupKey), version, viewer);
    return roadmap(charterKey, groupKey, viewer);
  }

  /** The viewer disputes the roadmap for their party, with a reason. */
  @Transactional
  public Roadmap dispute(String charterKey, String groupKey, String reason, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    concurrence.dispute(ROADMAP, subjectKey(charterKey, groupKey), reason, viewer);
    return roadmap(charterKey, groupKey, viewer);
  }

  /** The viewer reopens the roadmap for their party. */
  @Transactional
  public Roadmap reopen(String charterKey, String groupKey, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    concurrence.reopen(ROADMAP, subjectKey(charterKey, groupKey), viewer);
    return roadmap(charterKey, groupKey, viewer);
  }

  /**
   * A co-chair proposes to publish a version of the group's roadmap that both parties agreed.
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
    // Milestones that belong to projects not yet public may be proposed: publication takes
    // effect only when both parties agreed it, and that is refused until those projects are
    // public (see onPublicationAgreed), so the two lists can be proposed and approved together.
    return concurrence.proposePublication(
        ROADMAP, subjectKey(charterKey, groupKey), version, viewer);
  }

  /** The viewer's party approves publishing the proposed version of the group's roadmap. */
  @Transactional
  public PublicationView approvePublication(
      String charterKey, String groupKey, int version, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    return concurrence.approvePublication(
        ROADMAP, subjectKey(charterKey, groupKey), version, viewer);
  }

  /** Where the publication of the group's roadmap stands, as far as the viewer may see. */
  public PublicationView publication(String charterKey, String groupKey, Viewer viewer) {
    charters.workingGroup(charterKey, groupKey, viewer);
    return concurrence
        .publication(ROADMAP, subjectKey(charterKey, groupKey), viewer)
        .orElse(new PublicationView(null, null, null));
  }

  /**
   * Both parties agreed to publish a version of a roadmap: its milestones become public through the
   * one visibility policy. Refused, rolling the approval back, when the roadmap changed since that
   * version; never for a restricted group, never a party-internal milestone.
   */
  @EventListener
  void on(AgreementReached reached) {
    if (!reached.subjectType().equals(Concurrence.publicationOf(ROADMAP))) {
      return;
    }
    Published published = concurrence.published(ROADMAP, reached.subjectKey()).orElseThrow();
    String[] keys = reached.subjectKey().split("/", 2);
    Viewer shared =
        new Viewer(
            null,
            null,
            false,
            java.util.Set.of(),
            java.util.Set.of(reached.groupId()),
            java.util.Set.of(),
            java.util.Set.of(),
            false);
    WorkingGroupDetail group = charters.workingGroup(keys[0], keys[1], shared);
    if (group.group().restricted()) {
      throw new ForbiddenException(null, "the records of a restricted group are never published");
    }
    List<Stored> agreed = shared(reached.groupId());
    if (!Concurrence.fingerprint(canonical(agreed)).equals(published.fingerprint())) {
      throw new ForbiddenException(
          "version",
          "the roadmap changed since version "
              + published.version()
              + " was agreed: agree its new version, then publish that");
    }
    requirePublicLinks(agreed);
    List<String> codes = new ArrayList<>();
    for (JsonNode item : JSON.readTree(published.content())) {
      codes.add(item.get("key").asString());
    }
    int count =
        codes.isEmpty()
            ? 0
            : jdbc.sql(
                    "update milestone set classification = 'PUBLIC', version = version + 1,"
                        + " updated_at = :now where group_id = :group and code in (:codes) and"
                        + " classification = 'BILATERAL' and retired = false")
                .param("now", now())
                .param("group", reached.groupId())
                .param("codes", codes)
                .update();
    audit.record(
        "roadmap.published",
        "agreement",
        reached.subjectKey(),
        Outcome.SUCCESS,
        Map.of("version", published.version(), "milestones", count));
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
  private void requirePublicLinks(List<Stored> milestones) {
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

  /** The canonical content of a roadmap version: its milestones by key, fields in fixed order. */
  static String canonical(List<Stored> milestones) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Stored s :
        milestones.stream()
            .sorted(java.util.Comparator.comparing((Stored x) -> x.milestone().key()))
            .toList()) {
      Milestone m = s.milestone();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", m.key());
      item.put("title", new java.util.TreeMap<>(m.title().values()));
      item.put("owner", m.owner());
      item.put("plannedStart", m.plannedStart().toString());
      item.put("plannedEnd", m.plannedEnd().toString());
      item.put("project", m.project());
      item.put("dependsOn", m.dependsOn().stream().sorted().toList());
      items.add(item);
    }
    return JSON.writeValueAsString(items);
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

  /** A milestone as its roadmap shows it to the viewer today. */
  private MilestoneView view(WorkingGroupInCharter group, UUID id, Viewer viewer) {
    return roadmap(group, viewer).milestones().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("milestone", id.toString()));
  }

  /** The group's milestones both parties share: what a version of its roadmap is made of. */
  private List<Stored> shared(UUID groupId) {
    return milestones.shared(groupId);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
