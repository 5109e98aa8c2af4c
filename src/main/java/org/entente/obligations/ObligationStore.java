package org.entente.obligations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationRule.Recurrence;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.shared.Classification;
import org.entente.shared.KeyedRows;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the obligations module: its tables {@code obligation_rule} and {@code
 * obligation_event}, and no other module's. Reads a viewer asks for apply the one visibility
 * condition ({@link Viewer#condition(String)}).
 */
@Repository
class ObligationStore {

  private static final String HISTORY = "history:";

  private final JdbcClient jdbc;
  private final Clock clock;

  ObligationStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A rule as stored; {@code anchor} is {@code signing} or a date. */
  record StoredRule(
      String code,
      LocalizedText title,
      String clause,
      Recurrence recurrence,
      Period period,
      String anchor,
      String appliesTo,
      String eventKind,
      String deliverable) {

    /** The day counting starts: the anchor's date, or the signing date. */
    LocalDate start(LocalDate signedOn) {
      return anchor.equals("signing") ? signedOn : LocalDate.parse(anchor);
    }
  }

  /**
   * Stores a charter's rules and the events of its dated history, by key (see {@link
   * Obligations#synchronize}).
   *
   * @param groupIds the ids of the charter's working groups, by key
   * @return what changed, for the audit trail
   */
  List<KeyedRows.Change> synchronize(
      UUID charterId,
      List<ObligationRule> rules,
      List<ObligationEvent> history,
      Map<String, UUID> groupIds) {
    KeyedRows rows = new KeyedRows(jdbc, clock);
    int position = 0;
    for (ObligationRule rule : rules) {
      Map<String, Object> columns = new LinkedHashMap<>();
      columns.put("title", rule.title().toJson());
      columns.put("clause_code", rule.clause());
      columns.put("recurrence", rule.recurrence().name());
      columns.put("period", rule.period().toString());
      columns.put("anchor", rule.from() == null ? "signing" : rule.from().toString());
      columns.put("applies_to", rule.appliesTo());
      columns.put("event_kind", rule.eventKind());
      columns.put("deliverable", rule.deliverable());
      columns.put("position", position++);
      rows.upsert("obligation_rule", charterId, rule.key(), columns);
    }
    rows.retireOthers(
        "obligation_rule",
        charterId,
        rules.stream().map(ObligationRule::key).collect(Collectors.toSet()));
    Set<String> keep = new LinkedHashSet<>();
    for (ObligationEvent event : history) {
      Map<String, Object> columns = new LinkedHashMap<>();
      columns.put("kind", event.kind());
      columns.put("subject", event.subject());
      columns.put("deliverable", event.deliverable());
      columns.put("occurred_on", event.date());
      columns.put("title", event.title().toJson());
      columns.put("source", EventSource.DEFINITION.name());
      columns.put("group_id", event.subject() == null ? null : groupIds.get(event.subject()));
      rows.upsert("obligation_event", charterId, HISTORY + event.key(), columns);
      keep.add(HISTORY + event.key());
    }
    rows.retireOthers("obligation_event", charterId, keep, HISTORY);
    return rows.changes();
  }

  /** The charter's current rules the viewer may see, in the charter's order. */
  List<StoredRule> rules(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select * from obligation_rule where charter_id = :charter and retired = false and "
                + Viewer.condition()
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new StoredRule(
                    rs.getString("code"),
                    LocalizedText.fromJson(rs.getString("title")),
                    rs.getString("clause_code"),
                    Recurrence.valueOf(rs.getString("recurrence")),
                    Period.parse(rs.getString("period")),
                    rs.getString("anchor"),
                    rs.getString("applies_to"),
                    rs.getString("event_kind"),
                    rs.getString("deliverable")))
        .list();
  }

  /**
   * An event an agreement or a held meeting recorded, whoever may see it, with its code ({@code
   * agreement:...}, {@code meeting:<id>}): what {@link KnownEvents} checks against what was
   * published.
   */
  record Sourced(RecordedEvent event, String code, EventSource source) {}

  /** The charter's current events that agreements and held meetings recorded, unfiltered. */
  List<Sourced> fromAgreementsAndMeetings(UUID charterId) {
    return jdbc.sql(
            "select * from obligation_event where charter_id = :charter and retired = false"
                + " and source in ('AGREEMENT', 'MEETING') order by occurred_on, created_at")
        .param("charter", charterId)
        .query(
            (rs, n) ->
                new Sourced(
                    recorded(rs),
                    rs.getString("code"),
                    EventSource.valueOf(rs.getString("source"))))
        .list();
  }

  /** The charter's current events the viewer may see, oldest first. */
  List<RecordedEvent> events(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select * from obligation_event where charter_id = :charter and retired = false and "
                + Viewer.condition()
                + " order by occurred_on, created_at")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query((rs, n) -> recorded(rs))
        .list();
  }

  /** One current event of the charter, if the viewer may see it. */
  Optional<RecordedEvent> event(UUID charterId, UUID id, Viewer viewer) {
    return jdbc.sql(
            "select * from obligation_event where charter_id = :charter and id = :id"
                + " and retired = false and "
                + Viewer.condition())
        .param("charter", charterId)
        .param("id", id)
        .params(viewer.parameters())
        .query((rs, n) -> recorded(rs))
        .optional();
  }

  /** Stores an event recorded through the API. */
  EventView insert(UUID charterId, NewEvent e) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    insert(
        new Row(
            id,
            charterId,
            "api:" + id,
            e.kind(),
            e.subject(),
            e.deliverable(),
            e.occurredOn(),
            LocalizedText.of("en", e.title()),
            e.note(),
            EventSource.API,
            e.classification(),
            e.originParty(),
            e.group()),
        now);
    return new EventView(
        id,
        e.kind(),
        e.subject(),
        e.deliverable(),
        e.occurredOn(),
        LocalizedText.of("en", e.title()),
        e.note(),
        EventSource.API.code(),
        now.toInstant(),
        e.classification(),
        e.originParty(),
        0);
  }

  /** Stores an event that came from elsewhere: an agreement, a meeting. */
  void insert(Row row) {
    insert(row, now());
  }

  /**
   * Changes an event recorded through the API, if it still has the version given.
   *
   * @return whether it had
   */
  boolean update(UUID id, long version, EventView changed) {
    return jdbc.sql(
                "update obligation_event set title = ?, note = ?, occurred_on = ?,"
                    + " classification = ?, version = version + 1, updated_at = ?"
                    + " where id = ? and version = ?")
            .params(
                changed.title().toJson(),
                changed.note(),
                changed.occurredOn(),
                changed.classification().name(),
                now(),
                id,
                version)
            .update()
        > 0;
  }

  /** An event as it is inserted. */
  record Row(
      UUID id,
      UUID charterId,
      String code,
      String kind,
      String subject,
      String deliverable,
      LocalDate occurredOn,
      LocalizedText title,
      String note,
      EventSource source,
      Classification classification,
      String originParty,
      UUID group) {}

  private void insert(Row r, OffsetDateTime now) {
    jdbc.sql(
            "insert into obligation_event (id, charter_id, code, kind, subject, deliverable,"
                + " occurred_on, title, note, source, classification, origin_party, group_id,"
                + " created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.id(),
            r.charterId(),
            r.code(),
            r.kind(),
            r.subject(),
            r.deliverable(),
            r.occurredOn(),
            r.title().toJson(),
            r.note(),
            r.source().name(),
            r.classification().name(),
            r.originParty(),
            r.group(),
            now,
            now)
        .update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }

  private static RecordedEvent recorded(ResultSet rs) throws SQLException {
    return new RecordedEvent(
        new EventView(
            rs.getObject("id", UUID.class),
            rs.getString("kind"),
            rs.getString("subject"),
            rs.getString("deliverable"),
            rs.getObject("occurred_on", LocalDate.class),
            LocalizedText.fromJson(rs.getString("title")),
            rs.getString("note"),
            EventSource.valueOf(rs.getString("source")).code(),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            Classification.valueOf(rs.getString("classification")),
            rs.getString("origin_party"),
            rs.getLong("version")),
        rs.getObject("group_id", UUID.class));
  }
}
