package org.entente.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Body;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The action_item table. An action item carries its meeting's classification and group, so the
 * owner's work list reads it through the one visibility condition without its meeting.
 */
@Repository
class ActionItemStore {

  /**
   * An action item as stored, with its meeting's title, body and classification; {@code
   * milestoneId} is the milestone it became, before that link is checked.
   */
  record Row(
      UUID id,
      UUID meetingId,
      LocalizedText meetingTitle,
      UUID charterId,
      LocalizedText title,
      String ownerOrganization,
      String ownerUsername,
      LocalDate dueOn,
      ActionItem.Status status,
      UUID milestoneId,
      Viewer.Audience audience,
      long version,
      Body meetingBody,
      Classification meetingClassification) {}

  private final JdbcClient jdbc;

  ActionItemStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new open action item with its meeting's classification and group, and where its
   * title's translations stand.
   */
  void insert(UUID id, Meeting meeting, ActionItem.New item, String source, OffsetDateTime now) {
    jdbc.sql(
            "insert into action_item (id, meeting_id, charter_id, title, owner_organization,"
                + " owner_username, due_on, status, classification, origin_party, group_id,"
                + " created_at, updated_at, translation_source) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?)")
        .params(
            id,
            meeting.id(),
            meeting.charterId(),
            MeetingTexts.stored(item.title()),
            item.ownerOrganization(),
            item.ownerUsername(),
            item.dueOn(),
            ActionItem.Status.OPEN.name(),
            meeting.classification().name(),
            meeting.originParty(),
            meeting.groupId(),
            now,
            now,
            source)
        .update();
  }

  /**
   * The action items the viewer may see that meet a condition on {@code a} (and, when {@code
   * meetingVisible}, whose meeting the viewer may see too), by due date.
   */
  List<Row> find(String condition, Map<String, ?> params, boolean meetingVisible, Viewer viewer) {
    return jdbc.sql(
            "select a.*, m.title as meeting_title, m.body_kind,"
                + " m.classification as meeting_classification"
                + " from action_item a join meeting m on m.id = a.meeting_id where "
                + condition
                + " and "
                + Viewer.condition("a")
                + (meetingVisible ? " and " + Viewer.condition("m") : "")
                + " order by a.due_on, a.created_at, a.id")
        .params(params)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new Row(
                    rs.getObject("id", UUID.class),
                    rs.getObject("meeting_id", UUID.class),
                    MeetingTexts.read(rs.getString("meeting_title")),
                    rs.getObject("charter_id", UUID.class),
                    MeetingTexts.read(rs.getString("title")),
                    rs.getString("owner_organization"),
                    rs.getString("owner_username"),
                    rs.getObject("due_on", LocalDate.class),
                    ActionItem.Status.valueOf(rs.getString("status")),
                    rs.getObject("milestone_id", UUID.class),
                    new Viewer.Audience(
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("origin_party"),
                        rs.getObject("group_id", UUID.class)),
                    rs.getLong("version"),
                    Body.valueOf(rs.getString("body_kind")),
                    Classification.valueOf(rs.getString("meeting_classification"))))
        .list();
  }

  /** Stores a change, if the item is still at its version; whether it was. */
  boolean update(UUID id, ActionItem.Changed changed, long version, OffsetDateTime now) {
    return jdbc.sql(
                "update action_item set status = ?, due_on = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ?")
            .params(changed.status().name(), changed.dueOn(), now, id, version)
            .update()
        > 0;
  }

  boolean becameMilestone(UUID id) {
    return jdbc.sql("select count(*) from action_item where id = ? and milestone_id is not null")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  void linkMilestone(UUID id, UUID milestoneId, OffsetDateTime now) {
    jdbc.sql(
            "update action_item set milestone_id = ?, version = version + 1, updated_at = ?"
                + " where id = ?")
        .params(milestoneId, now, id)
        .update();
  }
}
