package org.entente.meetings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.identity.Viewer;
import org.entente.shared.ConflictException;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a meeting's texts in the translation workflow: each text with its meeting, read
 * through the one visibility condition (and an action item's own), and a translation saved with
 * where the text's translations stand, against a version. The texts are those of {@link
 * MeetingText}.
 */
@Repository
class MeetingTranslationStore {

  /**
   * One text with its meeting.
   *
   * @param id the text's record: the meeting for its title and minutes, else the item
   * @param sources the stored state: for the title and minutes, the meeting's both texts' ({@link
   *     MeetingTranslationSources}); for an item, its one text's
   * @param version the version a translation is saved against: an action item's own, else the
   *     meeting's
   */
  record Row(Meeting meeting, UUID id, LocalizedText text, String sources, long version) {}

  private final JdbcClient jdbc;

  MeetingTranslationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The texts of a kind of the charter's meetings the viewer may see, in the meetings' order. */
  List<Row> ofCharter(MeetingText kind, UUID charterId, Viewer viewer, CharterIndex.All names) {
    return select(kind, "m.charter_id = :key", viewer)
        .param("key", charterId)
        .query((rs, n) -> row(rs, names))
        .list();
  }

  /** One text of a meeting, of a kind, as its page shows where it stands. */
  record Stored(MeetingText kind, UUID id, UUID charterId, LocalizedText text, String sources) {}

  /**
   * Every text of a meeting the viewer may see (and, of its action items, those the viewer may
   * see), in one statement: what the meeting's page shows of its texts' translations. Empty when
   * the viewer may not see the meeting.
   */
  List<Stored> ofMeeting(UUID meetingId, Viewer viewer) {
    List<String> selects = new java.util.ArrayList<>();
    for (MeetingText kind : MeetingText.values()) {
      selects.add(
          "select '"
              + kind.name()
              + "' as text_kind, "
              + kind.id()
              + " as text_id, m.charter_id as charter_id, "
              + kind.text()
              + " as text_value, "
              + kind.sources()
              + " as text_sources from "
              + kind.from()
              + " where m.id = :meeting and "
              + Viewer.condition("m")
              + (kind == MeetingText.ACTION_ITEM ? " and " + Viewer.condition("x") : ""));
    }
    return jdbc.sql(String.join(" union all ", selects))
        .param("meeting", meetingId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new Stored(
                    MeetingText.valueOf(rs.getString("text_kind")),
                    rs.getObject("text_id", UUID.class),
                    rs.getObject("charter_id", UUID.class),
                    MeetingTexts.read(rs.getString("text_value")),
                    rs.getString("text_sources")))
        .list();
  }

  /** One text, if the viewer may see its meeting (and, for an action item, the item). */
  Optional<Row> find(MeetingText kind, UUID id, Viewer viewer, CharterIndex.All names) {
    return select(kind, kind.id() + " = :key", viewer)
        .param("key", id)
        .query((rs, n) -> row(rs, names))
        .optional();
  }

  private JdbcClient.StatementSpec select(MeetingText kind, String condition, Viewer viewer) {
    return jdbc.sql(
            "select m.*, "
                + kind.id()
                + " as text_id, "
                + kind.text()
                + " as text_value, "
                + kind.sources()
                + " as text_sources, "
                + kind.version()
                + " as text_version from "
                + kind.from()
                + " where "
                + condition
                + " and "
                + Viewer.condition("m")
                + (kind == MeetingText.ACTION_ITEM ? " and " + Viewer.condition("x") : "")
                + " order by "
                + kind.order())
        .params(viewer.parameters());
  }

  private static Row row(java.sql.ResultSet rs, CharterIndex.All names)
      throws java.sql.SQLException {
    return new Row(
        MeetingStore.meeting(rs, names),
        rs.getObject("text_id", UUID.class),
        MeetingTexts.read(rs.getString("text_value")),
        rs.getString("text_sources"),
        rs.getLong("text_version"));
  }

  /**
   * Stores a text after one translation was saved, with where its translations stand, made against
   * the row's version: the meeting's version (or an action item's) goes up by one.
   *
   * @throws ConflictException when it changed since that version
   */
  void save(MeetingText kind, Row row, LocalizedText text, String sources, OffsetDateTime now) {
    String stored = MeetingTexts.stored(text);
    boolean saved =
        switch (kind) {
          case TITLE, MINUTES ->
              jdbc.sql(
                          "update meeting set "
                              + (kind == MeetingText.TITLE ? "title" : "minutes")
                              + " = ?, translation_sources = ?, version = version + 1,"
                              + " updated_at = ? where id = ? and version = ?")
                      .params(stored, sources, now, row.id(), row.version())
                      .update()
                  > 0;
          case AGENDA_ITEM, DECISION -> {
            boolean meeting =
                jdbc.sql(
                            "update meeting set version = version + 1, updated_at = ? where id = ?"
                                + " and version = ?")
                        .params(now, row.meeting().id(), row.version())
                        .update()
                    > 0;
            if (meeting) {
              jdbc.sql(
                      kind == MeetingText.AGENDA_ITEM
                          ? "update agenda_item set title = ?, translation_source = ? where id = ?"
                          : "update meeting_decision set text = ?, translation_source = ?"
                              + " where id = ?")
                  .params(stored, sources, row.id())
                  .update();
            }
            yield meeting;
          }
          case ACTION_ITEM -> {
            boolean item =
                jdbc.sql(
                            "update action_item set title = ?, translation_source = ?, version ="
                                + " version + 1, updated_at = ? where id = ? and version = ?")
                        .params(stored, sources, now, row.id(), row.version())
                        .update()
                    > 0;
            if (item) {
              jdbc.sql("update meeting set updated_at = ? where id = ?")
                  .params(now, row.meeting().id())
                  .update();
            }
            yield item;
          }
        };
    if (!saved) {
      throw new ConflictException(
          kind == MeetingText.ACTION_ITEM ? "action item" : "meeting", row.version() + 1);
    }
  }
}
