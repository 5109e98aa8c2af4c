package org.entente.meetings;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Attendance;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.meetings.MeetingViews.DecisionView;
import org.entente.meetings.MeetingViews.ParticipantView;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A meeting's child rows: its participants with their attendance, its agenda items and their links,
 * and its decisions, each in the meeting's order. Seen with the meeting; nothing here checks who
 * may see them.
 */
@Repository
class MeetingChildren {

  /** An agenda item as stored, before its links are checked against the viewer. */
  record AgendaRow(
      UUID id,
      int position,
      LocalizedText title,
      String commitment,
      UUID projectId,
      UUID milestoneId) {}

  private final JdbcClient jdbc;

  MeetingChildren(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a participant at the end of the list; its id. */
  UUID addParticipant(UUID meetingId, ParticipantInput p) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into meeting_participant (id, meeting_id, party, organization, person_name,"
                + " attendance, position) values (?, ?, ?, ?, ?, ?, (select coalesce(max(position),"
                + " 0) + 1 from meeting_participant where meeting_id = ?))")
        .params(
            id,
            meetingId,
            p.party(),
            p.organization(),
            p.personName(),
            Attendance.fromCode(p.attendance(), "attendance").name(),
            meetingId)
        .update();
    return id;
  }

  /** Records a participant's attendance; whether the meeting has that participant. */
  boolean recordAttendance(UUID meetingId, UUID participant, Attendance attendance) {
    return jdbc.sql("update meeting_participant set attendance = ? where id = ? and meeting_id = ?")
            .params(attendance.name(), participant, meetingId)
            .update()
        > 0;
  }

  /** Adds an agenda item at the end of the agenda, with where its title's translations stand. */
  void addAgendaItem(
      UUID meetingId, UUID id, LocalizedText title, AgendaLinks.Checked links, String source) {
    jdbc.sql(
            "insert into agenda_item (id, meeting_id, position, title, commitment_key, project_id,"
                + " milestone_id, translation_source) values (?, ?, (select coalesce(max(position),"
                + " 0) + 1 from agenda_item where meeting_id = ?), ?, ?, ?, ?, ?)")
        .params(
            id,
            meetingId,
            meetingId,
            MeetingTexts.stored(title),
            links.commitment(),
            links.projectId(),
            links.milestoneId(),
            source)
        .update();
  }

  boolean hasAgendaItem(UUID meetingId, UUID agendaItemId) {
    return jdbc.sql("select count(*) from agenda_item where id = ? and meeting_id = ?")
            .params(agendaItemId, meetingId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Records a decision at the end of the meeting's decisions, with where its text's translations
   * stand.
   */
  void addDecision(UUID meetingId, UUID id, UUID agendaItemId, LocalizedText text, String source) {
    jdbc.sql(
            "insert into meeting_decision (id, meeting_id, agenda_item_id, position, text,"
                + " translation_source) values (?, ?, ?, (select coalesce(max(position), 0) + 1"
                + " from meeting_decision where meeting_id = ?), ?, ?)")
        .params(id, meetingId, agendaItemId, meetingId, MeetingTexts.stored(text), source)
        .update();
  }

  List<ParticipantView> participants(UUID meetingId) {
    return jdbc.sql("select * from meeting_participant where meeting_id = ? order by position")
        .param(meetingId)
        .query(
            (rs, n) ->
                new ParticipantView(
                    rs.getObject("id", UUID.class),
                    rs.getString("party"),
                    rs.getString("organization"),
                    rs.getString("person_name"),
                    rs.getString("attendance").toLowerCase(Locale.ROOT)))
        .list();
  }

  List<AgendaRow> agenda(UUID meetingId) {
    return jdbc.sql("select * from agenda_item where meeting_id = ? order by position")
        .param(meetingId)
        .query(
            (rs, n) ->
                new AgendaRow(
                    rs.getObject("id", UUID.class),
                    rs.getInt("position"),
                    MeetingTexts.read(rs.getString("title")),
                    rs.getString("commitment_key"),
                    rs.getObject("project_id", UUID.class),
                    rs.getObject("milestone_id", UUID.class)))
        .list();
  }

  List<DecisionView> decisions(UUID meetingId) {
    return jdbc.sql("select * from meeting_decision where meeting_id = ? order by position")
        .param(meetingId)
        .query(
            (rs, n) ->
                new DecisionView(
                    rs.getObject("id", UUID.class),
                    rs.getInt("position"),
                    MeetingTexts.read(rs.getString("text")),
                    rs.getObject("agenda_item_id", UUID.class)))
        .list();
  }

  /** Who may see each meeting whose agenda links to a project. */
  List<Viewer.Audience> linkingToProject(UUID projectId) {
    return jdbc.sql(
            "select m.classification, m.origin_party, m.group_id from agenda_item a"
                + " join meeting m on m.id = a.meeting_id where a.project_id = ?")
        .param(projectId)
        .query(
            (rs, n) ->
                new Viewer.Audience(
                    Classification.valueOf(rs.getString("classification")),
                    rs.getString("origin_party"),
                    rs.getObject("group_id", UUID.class)))
        .list();
  }
}
