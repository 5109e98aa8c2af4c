package org.entente.projects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.entente.charter.CharterIndex;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Partner;
import org.entente.projects.ProjectStore.Children;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.entente.shared.SearchHit;
import org.entente.shared.TextQuery;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;

/**
 * The read side of projects: the views of projects as a viewer may see them, a link to a hidden
 * record left out. A list or page is read in a fixed number of statements whatever the number of
 * projects (the rows, their child rows, the commitments they link to).
 */
@Component
class ProjectReads {

  /** Readers of the stored leads and partners, their types resolved once. */
  private static final ObjectReader LEADS =
      ProjectStore.JSON.readerFor(new TypeReference<Map<String, String>>() {});

  private static final ObjectReader PARTNERS =
      ProjectStore.JSON.readerFor(new TypeReference<List<Partner>>() {});

  private final ProjectStore store;
  private final Charters charters;

  ProjectReads(ProjectStore store, Charters charters) {
    this.store = store;
    this.charters = charters;
  }

  /** The projects of a working group the viewer may see, by key. */
  List<ProjectView> list(CharterKey charterKey, String groupKey, Viewer viewer) {
    WorkingGroupInCharter group = charters.group(charterKey, groupKey, viewer);
    return visible(
        store.inGroup(group.group().id(), viewer),
        CharterKey.of(group.charter().key()),
        group.group().key(),
        viewer);
  }

  /** One page of the projects of a working group the viewer may see, by key. */
  PageOf<ProjectView> page(CharterKey charterKey, String groupKey, Paging paging, Viewer viewer) {
    WorkingGroupInCharter group = charters.group(charterKey, groupKey, viewer);
    UUID id = group.group().id();
    long total = store.countInGroup(id, viewer);
    List<ProjectRow> rows = store.pageInGroup(id, paging, viewer);
    return new PageOf<>(
        visible(rows, CharterKey.of(group.charter().key()), group.group().key(), viewer),
        paging.page(),
        paging.size(),
        total);
  }

  /**
   * The projects of a group both parties share, each with only the links everyone who sees it may
   * follow: built from the records themselves, never from one viewer's view of them.
   */
  List<ProjectView> shared(WorkingGroupDetail group) {
    return views(
        store.sharedInGroup(group.group().id()),
        CharterKey.of(group.charter().key()),
        group.group().key(),
        (r, target) -> r.audience().within(target));
  }

  /** Who may see a project, or empty when there is none or the viewer may not see it. */
  Optional<Viewer.Audience> audience(UUID id, Viewer viewer) {
    return store.find(id).map(ProjectRow::audience).filter(viewer::canSee);
  }

  /** A project's title, or empty when there is none or the viewer may not see it. */
  Optional<LocalizedText> title(UUID id, Viewer viewer) {
    return store.visible(id, viewer).map(r -> LocalizedText.fromJson(r.title()));
  }

  /**
   * A project as stored, as the viewer sees it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  StoredProject stored(UUID id, Viewer viewer) {
    ProjectRow row =
        store
            .visible(id, viewer)
            .orElseThrow(() -> new NotFoundException("project", String.valueOf(id)));
    Children children = store.children(List.of(id)).getOrDefault(id, Children.NONE);
    Map<UUID, CharterIndex.Entry> commitments =
        commitments(row.charterId(), children.commitments());
    return stored(
        row,
        CharterKey.of(charters.keyOf(row.charterId()).orElseThrow()),
        charters.bodyKey(row.groupId()).orElseThrow(),
        children,
        commitments,
        (r, target) -> viewer.canSee(target));
  }

  /** Where the translations of a project's texts stand (read after the viewer saw it). */
  ProjectTranslationSources translationSources(UUID id, String textLanguage) {
    return ProjectTranslationSources.fromJson(store.translationSources(id), textLanguage);
  }

  /** The charter's projects the viewer may see whose title or description match a search. */
  List<SearchHit> search(CharterSummary charter, TextQuery query, boolean postgres, Viewer viewer) {
    List<ProjectStore.Match> matches = store.search(charter.id(), query, postgres, viewer);
    List<SearchHit> hits = new ArrayList<>();
    for (ProjectStore.Match m : matches) {
      hits.add(
          new SearchHit(
              "project",
              m.id().toString(),
              LocalizedText.fromJson(m.title()).text(),
              m.description() == null ? null : LocalizedText.fromJson(m.description()).text(),
              charters.bodyKey(m.groupId()).orElseThrow(),
              List.of(),
              m.stage().code(),
              "/projects/" + m.id()));
    }
    return hits;
  }

  /**
   * The charter's commitments with these ids, by id, whoever may see them (the caller checks the
   * audience): none asked for costs no statement.
   */
  private Map<UUID, CharterIndex.Entry> commitments(UUID charterId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return charters.index(charterId).map(index -> index.commitments(ids)).orElse(Map.of());
  }

  /** The views of the projects the viewer may see, links to hidden records left out. */
  private List<ProjectView> visible(
      List<ProjectRow> rows, CharterKey charterKey, String groupKey, Viewer viewer) {
    return views(
        rows.stream().filter(r -> r.visibleTo(viewer)).toList(),
        charterKey,
        groupKey,
        (r, target) -> viewer.canSee(target));
  }

  /**
   * The views of projects of one group, their child rows and linked commitments read for all at
   * once.
   *
   * @param linkShown whether a project's link to a record with an audience is shown
   */
  private List<ProjectView> views(
      List<ProjectRow> rows,
      CharterKey charterKey,
      String groupKey,
      BiPredicate<ProjectRow, Viewer.Audience> linkShown) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Children> children = store.children(rows.stream().map(ProjectRow::id).toList());
    Set<UUID> linked = new HashSet<>();
    children.values().forEach(c -> linked.addAll(c.commitments()));
    Map<UUID, CharterIndex.Entry> commitments = commitments(rows.get(0).charterId(), linked);
    return rows.stream()
        .map(
            r ->
                stored(
                        r,
                        charterKey,
                        groupKey,
                        children.getOrDefault(r.id(), Children.NONE),
                        commitments,
                        linkShown)
                    .view())
        .toList();
  }

  private static StoredProject stored(
      ProjectRow row,
      CharterKey charterKey,
      String groupKey,
      Children children,
      Map<UUID, CharterIndex.Entry> commitments,
      BiPredicate<ProjectRow, Viewer.Audience> linkShown) {
    List<CommitmentRef> refs = new ArrayList<>();
    for (UUID id : children.commitments()) {
      CharterIndex.Entry link = commitments.get(id);
      if (link != null && linkShown.test(row, link.audience())) {
        refs.add(new CommitmentRef(link.key(), link.name()));
      }
    }
    Map<String, String> leads = LEADS.readValue(row.leads());
    List<Partner> partners = PARTNERS.readValue(row.partners());
    Project project =
        new Project(
            row.code(),
            LocalizedText.fromJson(row.title()),
            row.description() == null
                ? LocalizedText.empty()
                : LocalizedText.fromJson(row.description()),
            refs.stream().map(CommitmentRef::key).toList(),
            leads,
            partners,
            row.stage(),
            row.stageReason(),
            children.financing(),
            row.location());
    ProjectView view =
        new ProjectView(
            row.id(),
            charterKey.value(),
            groupKey,
            row.code(),
            project.title(),
            project.description(),
            refs,
            leads,
            partners,
            project.stage().code(),
            row.stageReason(),
            children.financing(),
            row.location(),
            row.classification(),
            row.originParty(),
            row.version(),
            null);
    return new StoredProject(view, row.groupId(), project);
  }
}
