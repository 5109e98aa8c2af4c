package org.entente.meetings;

import static org.entente.exchange.Column.optional;
import static org.entente.exchange.Column.reference;
import static org.entente.exchange.Column.required;
import static org.entente.exchange.RecordType.string;

import java.util.List;
import java.util.Map;
import org.entente.exchange.Kind;
import org.entente.exchange.Reader;
import org.entente.exchange.RecordTable;
import org.entente.exchange.RecordType;
import org.entente.exchange.TableExchange;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.shared.CharterKey;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What leaves the meetings module: meetings with their participants, agenda, decisions, action
 * items and joint statements; to the public, the published joint statements.
 */
@Component
@Order(40)
class MeetingExchange extends TableExchange {

  static final RecordTable MEETING =
      new RecordTable(
          "meeting",
          RecordTable.versioned(
              required("id", Kind.ID),
              required("body_kind", Kind.TEXT),
              required("title", Kind.TEXT),
              required("starts_at", Kind.TIMESTAMP),
              required("ends_at", Kind.TIMESTAMP),
              required("time_zone", Kind.TEXT),
              optional("place", Kind.TEXT),
              required("online", Kind.BOOL),
              required("status", Kind.TEXT),
              optional("minutes", Kind.TEXT),
              optional("group_id", Kind.GROUP),
              // where its texts' translations stand (V36, decision 0037): it travels with them
              optional("translation_sources", Kind.TEXT)),
          true);

  static final RecordTable PARTICIPANTS =
      new RecordTable(
          "meeting_participant",
          List.of(
              required("id", Kind.ID),
              reference("meeting_id", "meeting", true),
              optional("party", Kind.TEXT),
              required("organization", Kind.TEXT),
              optional("person_name", Kind.TEXT),
              required("attendance", Kind.TEXT),
              required("position", Kind.INT)),
          false);

  static final RecordTable AGENDA =
      new RecordTable(
          "agenda_item",
          List.of(
              required("id", Kind.ID),
              reference("meeting_id", "meeting", true),
              required("position", Kind.INT),
              required("title", Kind.TEXT),
              optional("commitment_key", Kind.TEXT),
              reference("project_id", "project", false),
              reference("milestone_id", "milestone", false),
              // where its title's translations stand (V36, decision 0037): it travels with it
              optional("translation_source", Kind.TEXT)),
          false);

  static final RecordTable DECISIONS =
      new RecordTable(
          "meeting_decision",
          List.of(
              required("id", Kind.ID),
              reference("meeting_id", "meeting", true),
              reference("agenda_item_id", "agenda_item", false),
              required("position", Kind.INT),
              required("text", Kind.TEXT),
              // where its text's translations stand (V36, decision 0037): it travels with it
              optional("translation_source", Kind.TEXT)),
          false);

  static final RecordTable ACTION_ITEMS =
      new RecordTable(
          "action_item",
          RecordTable.versioned(
              required("id", Kind.ID),
              reference("meeting_id", "meeting", true),
              required("title", Kind.TEXT),
              optional("owner_organization", Kind.TEXT),
              optional("owner_username", Kind.TEXT),
              required("due_on", Kind.DATE),
              required("status", Kind.TEXT),
              reference("milestone_id", "milestone", false),
              optional("group_id", Kind.GROUP),
              // where its title's translations stand (V36, decision 0037): it travels with it
              optional("translation_source", Kind.TEXT)),
          true);

  static final RecordTable STATEMENT =
      new RecordTable(
          "joint_statement",
          List.of(
              reference("meeting_id", "meeting", true),
              required("text", Kind.TEXT),
              required("publish", Kind.BOOL),
              optional("published_at", Kind.TIMESTAMP),
              optional("version", Kind.LONG),
              // where its translations stand (V32, decision 0037): it travels with the texts
              optional("translation_sources", Kind.TEXT),
              required("created_at", Kind.TIMESTAMP),
              required("updated_at", Kind.TIMESTAMP)),
          false);

  private static final String OF_MEETING =
      " join meeting m on m.id = x.meeting_id where m.charter_id = :charter and "
          + Viewer.condition("m");

  private static final Map<String, String> SELECT =
      Map.of(
          "meeting",
          "select m.* from meeting m where m.charter_id = :charter and "
              + Viewer.condition("m")
              + " order by m.id",
          "meeting_participant",
          "select x.* from meeting_participant x"
              + OF_MEETING
              + " order by x.meeting_id, x.position, x.id",
          "agenda_item",
          "select x.* from agenda_item x" + OF_MEETING + " order by x.meeting_id, x.position, x.id",
          "meeting_decision",
          "select x.* from meeting_decision x"
              + OF_MEETING
              + " order by x.meeting_id, x.position, x.id",
          "action_item",
          "select a.* from action_item a where a.charter_id = :charter and "
              + Viewer.condition("a")
              + " order by a.id",
          "joint_statement",
          "select x.* from joint_statement x" + OF_MEETING + " order by x.meeting_id");

  static final RecordType STATEMENTS =
      RecordType.of(
          "statements",
          "meeting",
          "meetingTitle*",
          "body",
          "heldOn",
          "place",
          "text*",
          "publishedAt");

  private final Meetings meetings;

  MeetingExchange(JdbcClient jdbc, Meetings meetings) {
    super(
        jdbc,
        List.of(MEETING, PARTICIPANTS, AGENDA, DECISIONS, ACTION_ITEMS, STATEMENT),
        SELECT,
        "meeting");
    this.meetings = meetings;
  }

  @Override
  public List<RecordType> types(Reader reader) {
    return reader.isPublic() ? List.of(STATEMENTS) : List.of();
  }

  /** The published joint statements, newest first: only they leave, and anyone may read them. */
  @Override
  public List<Map<String, Object>> records(RecordType type, CharterKey charterKey, Reader reader) {
    if (!type.name().equals(STATEMENTS.name())) {
      return super.records(type, charterKey, reader);
    }
    return meetings.publishedStatements(charterKey).stream()
        .map(MeetingExchange::statement)
        .toList();
  }

  private static Map<String, Object> statement(PublishedStatement s) {
    return STATEMENTS.record(
        "meeting",
        s.meetingId().toString(),
        "meetingTitle",
        RecordType.texts(s.meetingTitle()),
        "body",
        s.bodyName(),
        "heldOn",
        string(s.heldOn()),
        "place",
        s.place(),
        "text",
        RecordType.texts(s.text()),
        "publishedAt",
        string(s.publishedAt()));
  }
}
