package org.entente.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.entente.audit.RecordChanges;
import org.entente.charter.CharterViews.ArticleView;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.Published;
import org.entente.concurrence.Withdrawals;
import org.entente.concurrence.Withdrawals.Withdrawn;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorChart;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.Indicators;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.meetings.Meetings;
import org.entente.obligations.ObligationViews.Deadlines;
import org.entente.obligations.Obligations;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.reporting.Progress;
import org.entente.reporting.Progress.Node;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public portal's one service: what each public page shows, read as {@link Viewer#ANONYMOUS}
 * through the other modules, so that only public records, and of the groups' work only what both
 * parties agreed to publish, can appear; and how fresh the pages are.
 */
@Service
@Transactional(readOnly = true)
public class Portal {

  private static final Viewer PUBLIC = Viewer.ANONYMOUS;

  private final Charters charters;
  private final Progress progress;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Meetings meetings;
  private final Obligations obligations;
  private final Indicators indicators;
  private final Concurrence concurrence;
  private final Withdrawals withdrawals;
  private final RecordChanges changes;
  private final Clock clock;

  Portal(
      Charters charters,
      Progress progress,
      Projects projects,
      Roadmaps roadmaps,
      Meetings meetings,
      Obligations obligations,
      Indicators indicators,
      Concurrence concurrence,
      Withdrawals withdrawals,
      RecordChanges changes,
      Clock clock) {
    this.withdrawals = withdrawals;
    this.charters = charters;
    this.progress = progress;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.meetings = meetings;
    this.obligations = obligations;
    this.indicators = indicators;
    this.concurrence = concurrence;
    this.changes = changes;
    this.overviews = changes.kept(MAX_CACHED);
    this.clock = clock;
  }

  /**
   * One state of the records the public pages are made from, as the server sees it: a page kept
   * under one state is reused until a record changes (any record, public or not), the day turns, or
   * for another language. It is never shown to visitors: the pages' validators (ETag,
   * Last-Modified) are made from the pages' content, so that they move only with what the public
   * may see (see {@link PortalPageCache}).
   *
   * @param change the sequence number of the audit trail's last record change
   * @param day today, in UTC
   * @param language the language the pages are shown in
   */
  public record PageVersion(long change, LocalDate day, String language) {}

  /**
   * The state of the records now. Every change to a record appends to the audit trail, so the
   * trail's last record change (reads and sign-ins change no record), today's date (deadlines turn
   * overdue with the days) and the language name one state of every page.
   */
  public PageVersion version(Locale locale) {
    return new PageVersion(
        changes.last(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), language(locale));
  }

  /**
   * The language the portal shows its content in: the language of the request (one the charters
   * declare, as the languages module allows no other), English when there is none. Its pages are
   * kept per language, so that a reader of any of them gets theirs.
   */
  public static String language(Locale locale) {
    return locale == null || locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
  }

  /** The charters anyone may see. */
  public List<CharterSummary> charters() {
    return charters.list(PUBLIC);
  }

  /**
   * A public charter.
   *
   * @throws org.entente.shared.NotFoundException when there is none anyone may see
   */
  public CharterSummary charter(CharterKey charterKey) {
    return charters.require(charterKey, PUBLIC);
  }

  /** The overview: the charter, its parties, its areas with their commitments and progress. */
  public record Overview(CharterOverview overview, Node progress, Map<String, Node> byKey) {}

  /**
   * The overview, computed once per state of the records. Every change appends to the audit trail
   * in the change's own transaction, so an overview read after the trail was looked at is at least
   * as new as the last change seen there, and a later change moves that number on (see {@link
   * RecordChanges}). The day is part of the key too, as it is of the pages' entity tags. Only the
   * levels the page shows are kept: the charter, its areas and their commitments (the projects'
   * figures are left out).
   */
  public Overview overview(CharterKey charterKey) {
    return overview(charterKey, null);
  }

  /**
   * The overview, where the state of the records was already read for this request (by {@link
   * PortalPageCache}), so that it is not asked for again.
   *
   * @param version the state read before any record of the page, or null to read it now
   */
  public Overview overview(CharterKey charterKey, PageVersion version) {
    LocalDate today =
        version == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : version.day();
    OverviewKey key = new OverviewKey(charterKey.value(), today);
    java.util.function.Supplier<Overview> read =
        () -> {
          CharterOverview overview = charters.overview(charterKey, PUBLIC);
          Node tree = shown(progress.tree(charterKey, PUBLIC), 0);
          return new Overview(overview, tree, index(tree));
        };
    return version == null ? overviews.get(key, read) : overviews.get(key, version.change(), read);
  }

  /** How many charters' overviews are kept at most (there are about 150). */
  private static final int MAX_CACHED = 512;

  private record OverviewKey(String charter, LocalDate day) {}

  private final RecordChanges.Kept<OverviewKey, Overview> overviews;

  /**
   * The tree down to the commitments (depth 2), without the projects below them nor the parts the
   * commitments are made of: what the overview shows, at a fraction of the memory.
   */
  private static Node shown(Node node, int depth) {
    if (depth >= 2) {
      Progress.Figure f = node.figure();
      return new Node(
          new Progress.Figure(f.kind(), f.key(), f.name(), f.value(), f.rule(), List.of()),
          List.of());
    }
    return new Node(node.figure(), node.children().stream().map(c -> shown(c, depth + 1)).toList());
  }

  /** The charter's text, article by article. */
  public List<ArticleView> text(CharterKey charterKey) {
    return charters.articles(charterKey, PUBLIC);
  }

  /** A commitment with its progress and the public indicators that measure it, with charts. */
  public record Commitment(
      CommitmentView commitment,
      double progress,
      List<IndicatorView> indicators,
      Map<UUID, IndicatorChart> charts) {}

  public List<Commitment> commitments(CharterKey charterKey) {
    Map<String, Node> byKey = index(progress.tree(charterKey, PUBLIC));
    List<Commitment> all = new ArrayList<>();
    List<CommitmentView> commitments = new ArrayList<>();
    for (int page = 0; ; page++) {
      var slice = charters.commitments(charterKey, null, null, Paging.of(page, 100), PUBLIC);
      commitments.addAll(slice.items());
      if ((long) (page + 1) * 100 >= slice.totalItems()) {
        break;
      }
    }
    for (CommitmentView c : commitments) {
      List<IndicatorView> measuring = indicators.measuring(charterKey, c.key(), PUBLIC);
      Map<UUID, IndicatorChart> charts = new LinkedHashMap<>();
      for (IndicatorView i : measuring) {
        charts.put(i.id(), IndicatorChart.of(i));
      }
      Node node = byKey.get("commitment:" + c.key());
      all.add(new Commitment(c, node == null ? 0 : node.figure().value(), measuring, charts));
    }
    return all;
  }

  /**
   * A working group with what both parties agreed to publish of its work.
   *
   * @param listVersion the version of its project list published, or null
   * @param listPublishedOn when it was published (UTC), or null
   * @param listWithdrawn the withdrawal of its project list's publication in force, or null
   * @param roadmapWithdrawn the withdrawal of its roadmap's publication in force, or null
   */
  public record Group(
      WorkingGroupView group,
      List<ProjectView> projects,
      Map<String, Double> projectProgress,
      Integer listVersion,
      LocalDate listPublishedOn,
      List<MilestoneView> milestones,
      Integer roadmapVersion,
      LocalDate roadmapPublishedOn,
      Withdrawn listWithdrawn,
      Withdrawn roadmapWithdrawn) {

    /** The day (UTC) a publication was withdrawn, for the correction notice. */
    public LocalDate withdrawnOn(Withdrawn withdrawn) {
      return day(withdrawn.withdrawnAt());
    }
  }

  public List<Group> workingGroups(CharterKey charterKey) {
    Map<String, Node> byKey = index(progress.tree(charterKey, PUBLIC));
    List<Group> groups = new ArrayList<>();
    for (WorkingGroupView g : charters.workingGroups(charterKey, null, PUBLIC)) {
      List<ProjectView> published = projects.list(charterKey, g.key(), PUBLIC);
      Map<String, Double> figures = new LinkedHashMap<>();
      for (ProjectView p : published) {
        Node node = byKey.get("project:" + p.key());
        figures.put(p.key(), node == null ? 0 : node.figure().value());
      }
      String subject = charterKey + "/" + g.key();
      Published list = concurrence.published(Projects.PROJECT_LIST, subject).orElse(null);
      Published roadmap = concurrence.published(Roadmaps.ROADMAP, subject).orElse(null);
      groups.add(
          new Group(
              g,
              published,
              figures,
              list == null ? null : list.version(),
              list == null ? null : day(list.publishedAt()),
              roadmaps.roadmap(charterKey, g.key(), PUBLIC).milestones(),
              roadmap == null ? null : roadmap.version(),
              roadmap == null ? null : day(roadmap.publishedAt()),
              withdrawals.withdrawn(Projects.PROJECT_LIST, subject).orElse(null),
              withdrawals.withdrawn(Roadmaps.ROADMAP, subject).orElse(null)));
    }
    return groups;
  }

  /** A published joint statement and the day (UTC) it was published. */
  public record Statement(PublishedStatement statement, LocalDate publishedOn) {}

  /** The joint statements both parties agreed to publish, newest first. */
  public List<Statement> statements(CharterKey charterKey) {
    charters.require(charterKey, PUBLIC);
    return meetings.publishedStatements(charterKey).stream()
        .map(s -> new Statement(s, day(s.publishedAt())))
        .toList();
  }

  private static LocalDate day(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** The charter's deadlines as of today, from the events anyone may see. */
  public Deadlines deadlines(CharterKey charterKey) {
    return obligations.deadlines(charterKey, null, null, "due", PUBLIC);
  }

  private static Map<String, Node> index(Node tree) {
    Map<String, Node> byKey = new LinkedHashMap<>();
    walk(tree, byKey);
    return byKey;
  }

  private static void walk(Node node, Map<String, Node> byKey) {
    byKey.putIfAbsent(node.figure().kind() + ":" + node.figure().key(), node);
    for (Node child : node.children()) {
      walk(child, byKey);
    }
  }
}
