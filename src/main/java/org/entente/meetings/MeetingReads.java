package org.entente.meetings;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.Concurrence;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Body;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.AgendaItemView;
import org.entente.meetings.MeetingViews.DecisionView;
import org.entente.meetings.MeetingViews.HeldMeeting;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.MeetingViews.ParticipantView;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.meetings.MeetingViews.StatementView;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.NotFoundException;
import org.entente.shared.SearchHit;
import org.entente.shared.TextQuery;
import org.springframework.stereotype.Component;

/**
 * Meetings as a viewer sees them: one meeting with everything it produced, lists of meetings (their
 * times in the viewer's party's zone), search hits and published statements. Each list read of a
 * restricted group's meetings that are not public is recorded.
 */
@Component
class MeetingReads {

  private final Charters charters;
  private final MeetingStore store;
  private final MeetingChildren children;
  private final StatementStore statements;
  private final AgendaLinks links;
  private final ActionItemReads actionItems;
  private final Concurrence concurrence;
  private final MeetingAudit audit;

  MeetingReads(
      Charters charters,
      MeetingStore store,
      MeetingChildren children,
      StatementStore statements,
      AgendaLinks links,
      ActionItemReads actionItems,
      Concurrence concurrence,
      MeetingAudit audit) {
    this.charters = charters;
    this.store = store;
    this.children = children;
    this.statements = statements;
    this.links = links;
    this.actionItems = actionItems;
    this.concurrence = concurrence;
    this.audit = audit;
  }

  /** The charter's names, as the records stand. */
  CharterIndex.All names() {
    return charters.indexes();
  }

  /** The meeting with its participants, agenda, decisions, action items and statement. */
  MeetingView full(Meeting m, CharterIndex.All names, Viewer viewer) {
    List<ParticipantView> participants = children.participants(m.id());
    List<AgendaItemView> agenda =
        children.agenda(m.id()).stream()
            .map(row -> links.shown(CharterKey.of(m.charterKey()), row, viewer))
            .toList();
    List<DecisionView> decisions = children.decisions(m.id());
    List<ActionItemView> actions = actionItems.ofMeeting(m.id(), viewer, names);
    LanguagesOfCharter languages =
        charters.languages(m.charterId()).orElse(new LanguagesOfCharter(List.of(), "en"));
    StatementView statement =
        statements
            .find(m.id())
            .map(
                s ->
                    new StatementView(
                        s.text(),
                        StatementTexts.missing(s.text(), languages),
                        s.translations(languages.textLanguage()).source(),
                        s.translations(languages.textLanguage())
                            .statuses(s.text(), languages.languages()),
                        s.publish(),
                        s.publishedAt(),
                        s.version(),
                        concurrence
                            .find(Meetings.JOINT_STATEMENT, m.id().toString(), viewer)
                            .orElse(null)))
            .orElse(null);
    return view(
        m,
        names,
        zoneFor(CharterKey.of(m.charterKey()), viewer, names),
        participants,
        agenda,
        decisions,
        actions,
        statement);
  }

  /** Meetings as a list shows them, without what they produced; a recorded read when restricted. */
  List<MeetingView> shown(List<Meeting> meetings, CharterIndex.All names, Viewer viewer) {
    recordRestrictedReads(meetings, names);
    Map<String, Optional<ZoneId>> zones = new HashMap<>();
    return meetings.stream()
        .map(
            m ->
                view(
                    m,
                    names,
                    zones.computeIfAbsent(
                        m.charterKey(), k -> zoneFor(CharterKey.of(k), viewer, names)),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null))
        .toList();
  }

  /** Records the read of those meetings that are a restricted group's and not public. */
  void recordRestrictedReads(List<Meeting> meetings, CharterIndex.All names) {
    audit.restrictedReads(
        meetings.stream()
            .filter(
                m ->
                    m.classification() != Classification.PUBLIC
                        && names
                            .body(m.groupId())
                            .map(CharterIndex.Entry::restricted)
                            .orElse(false))
            .map(m -> m.id().toString())
            .toList());
  }

  /**
   * The zone a viewer sees a charter's times in: their party's, as the charter's definition gives
   * it; for everyone else, each meeting's own.
   */
  Optional<ZoneId> zoneFor(CharterKey charterKey, Viewer viewer, CharterIndex.All names) {
    return viewer.official()
        ? names.partyZone(charterKey.value(), viewer.party())
        : Optional.empty();
  }

  /**
   * The charter's meetings the viewer may see whose title, place or minutes match a search, and the
   * published joint statements whose text does (those anyone may read).
   */
  List<SearchHit> search(CharterSummary charter, TextQuery query, boolean postgres, Viewer viewer) {
    CharterIndex.All names = names();
    TextQuery.Condition match =
        query.condition(
            "m.title || ' ' || coalesce(m.place, '') || ' ' || coalesce(m.minutes, '')",
            postgres,
            "q");
    List<Meeting> found = store.matching(charter.id(), match, viewer, names);
    recordRestrictedReads(found, names);
    List<StatementStore.Published> published =
        statements.matching(charter.id(), query.condition("s.text", postgres, "s"), names);
    return hits(found, published, names);
  }

  /** Search hits: the meetings found, then the published statements found. */
  private List<SearchHit> hits(
      List<Meeting> meetings, List<StatementStore.Published> published, CharterIndex.All names) {
    List<SearchHit> hits = new ArrayList<>();
    for (Meeting m : meetings) {
      hits.add(
          new SearchHit(
              "meeting",
              m.id().toString(),
              m.title().text(),
              bodyName(m, names) + ", " + m.day(),
              bodyKey(m, names),
              List.of(),
              m.status().code(),
              "/meetings/" + m.id()));
    }
    for (StatementStore.Published p : published) {
      String text = p.text().text();
      hits.add(
          new SearchHit(
              "statement",
              p.meeting().id().toString(),
              "Joint statement: " + p.meeting().title().text(),
              text.length() > 240 ? text.substring(0, 240) + "…" : text,
              bodyKey(p.meeting(), names),
              List.of(),
              "published",
              "/statements/" + p.meeting().id()));
    }
    return hits;
  }

  /**
   * The charter's meetings held whose joint statement is published: anyone may know that these took
   * place, on which day, where and of which body, as the published statement says.
   */
  List<HeldMeeting> publiclyHeld(UUID charterId) {
    CharterIndex.All names = names();
    return statements.published(charterId, names).stream()
        .map(StatementStore.Published::meeting)
        .filter(m -> m.status() == Meeting.Status.HELD)
        .map(
            m ->
                new HeldMeeting(
                    m.id(),
                    m.body() == Body.FRAMEWORK ? "framework" : bodyKey(m, names),
                    m.groupId(),
                    m.title(),
                    bodyName(m, names),
                    m.day(),
                    m.place()))
        .toList();
  }

  /** The published joint statements of a charter, newest first. */
  List<PublishedStatement> publishedStatements(CharterKey charterKey) {
    CharterIndex.All names = names();
    return names
        .charterId(charterKey.value())
        .map(
            charter ->
                statements.published(charter, names).stream()
                    .map(p -> published(p, names))
                    .toList())
        .orElse(List.of());
  }

  /**
   * A published joint statement.
   *
   * @throws NotFoundException when there is no such meeting, or its statement is not published
   */
  PublishedStatement publishedStatement(UUID meetingId) {
    CharterIndex.All names = names();
    return statements
        .publishedOf(meetingId, names)
        .map(p -> published(p, names))
        .orElseThrow(() -> new NotFoundException("joint statement", String.valueOf(meetingId)));
  }

  /** A published statement, as anyone may read it. */
  private PublishedStatement published(StatementStore.Published p, CharterIndex.All names) {
    Meeting m = p.meeting();
    return new PublishedStatement(
        m.id(),
        m.charterKey(),
        m.title(),
        bodyName(m, names),
        m.day(),
        m.place(),
        p.text(),
        p.publishedAt());
  }

  /** The key of the group or platform a meeting is of; null for the framework. */
  static String bodyKey(Meeting m, CharterIndex.All names) {
    return m.body() == Body.FRAMEWORK
        ? null
        : names.body(m.groupId()).map(CharterIndex.Entry::key).orElse(null);
  }

  static String bodyName(Meeting m, CharterIndex.All names) {
    if (m.body() == Body.FRAMEWORK) {
      return "Partnership framework";
    }
    // in the reader's language (the request's), or the language the name has
    String language =
        org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
    return names.body(m.groupId()).map(b -> b.name().in(language).text()).orElse("");
  }

  private static MeetingView view(
      Meeting m,
      CharterIndex.All names,
      Optional<ZoneId> partyZone,
      List<ParticipantView> participants,
      List<AgendaItemView> agenda,
      List<DecisionView> decisions,
      List<ActionItemView> actions,
      StatementView statement) {
    return new MeetingView(
        m.id(),
        m.charterKey(),
        m.body().code(),
        m.body() == Body.FRAMEWORK ? "framework" : bodyKey(m, names),
        bodyName(m, names),
        m.groupId(),
        m.title(),
        m.start().atZone(m.zone()),
        m.end().atZone(m.zone()),
        partyZone.orElse(m.zone()),
        m.place(),
        m.online(),
        m.status().code(),
        m.minutes().isEmpty() ? null : m.minutes(),
        m.classification(),
        m.originParty(),
        m.version(),
        participants,
        agenda,
        decisions,
        actions,
        statement);
  }
}
