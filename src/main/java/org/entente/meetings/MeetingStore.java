package org.entente.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Body;
import org.entente.meetings.Meeting.Status;
import org.entente.shared.Classification;
import org.entente.shared.TextQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The meeting table: meetings read as far as a viewer may see them (the one visibility condition),
 * and written against their version. A meeting names its charter and group by id; their keys and
 * names come from the charter module's {@link CharterIndex.All}.
 */
@Repository
class MeetingStore {

  private final JdbcClient jdbc;

  MeetingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The meeting's row, read with the charter's key. */
  static Meeting meeting(ResultSet rs, CharterIndex.All names) throws SQLException {
    UUID charterId = rs.getObject("charter_id", UUID.class);
    return new Meeting(
        rs.getObject("id", UUID.class),
        charterId,
        names.charterKey(charterId).orElse(null),
        Body.valueOf(rs.getString("body_kind")),
        rs.getObject("group_id", UUID.class),
        MeetingTexts.read(rs.getString("title")),
        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
        ZoneId.of(rs.getString("time_zone")),
        rs.getString("place"),
        rs.getBoolean("online"),
        Status.valueOf(rs.getString("status")),
        MeetingTexts.read(rs.getString("minutes")),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getLong("version"));
  }

  /** The meeting with this id, if the viewer may see it. */
  Optional<Meeting> find(UUID id, Viewer viewer, CharterIndex.All names) {
    return jdbc.sql("select m.* from meeting m where m.id = :id and " + Viewer.condition("m"))
        .param("id", id)
        .params(viewer.parameters())
        .query((rs, n) -> meeting(rs, names))
        .optional();
  }

  /**
   * The meetings the viewer may see that start in [from, to) and meet a further condition on {@code
   * m}, by start.
   */
  List<Meeting> starting(
      String condition,
      Map<String, ?> params,
      Instant from,
      Instant to,
      Viewer viewer,
      CharterIndex.All names) {
    return jdbc.sql(
            "select m.* from meeting m where "
                + condition
                + " and m.starts_at >= :from and m.starts_at < :to and "
                + Viewer.condition("m")
                + " order by m.starts_at, m.id")
        .params(params)
        .param("from", utc(from))
        .param("to", utc(to))
        .params(viewer.parameters())
        .query((rs, n) -> meeting(rs, names))
        .list();
  }

  /** The charter's meetings the viewer may see that match a search, newest first, at most 200. */
  List<Meeting> matching(
      UUID charterId, TextQuery.Condition match, Viewer viewer, CharterIndex.All names) {
    return jdbc.sql(
            "select m.* from meeting m where m.charter_id = :charter and "
                + Viewer.condition("m")
                + " and "
                + match.sql()
                + " order by m.starts_at desc limit 200")
        .param("charter", charterId)
        .params(viewer.parameters())
        .params(match.params())
        .query((rs, n) -> meeting(rs, names))
        .list();
  }

  /** Stores a new meeting, planned, with where its texts' translations stand. */
  void insert(Meeting m, MeetingTranslationSources sources, OffsetDateTime now) {
    jdbc.sql(
            "insert into meeting (id, charter_id, body_kind, title, starts_at, ends_at, time_zone,"
                + " place, online, status, classification, origin_party, group_id, created_at,"
                + " updated_at, translation_sources) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)")
        .params(
            m.id(),
            m.charterId(),
            m.body().name(),
            MeetingTexts.stored(m.title()),
            utc(m.start()),
            utc(m.end()),
            m.zone().getId(),
            m.place(),
            m.online(),
            m.status().name(),
            m.classification().name(),
            m.originParty(),
            m.groupId(),
            now,
            now,
            sources.toJson())
        .update();
  }

  /**
   * Stores a changed meeting with where its texts' translations stand, if it is still at its
   * version; whether it was.
   */
  boolean update(Meeting m, MeetingTranslationSources sources, OffsetDateTime now) {
    return jdbc.sql(
                "update meeting set title = ?, starts_at = ?, ends_at = ?, time_zone = ?,"
                    + " place = ?, online = ?, status = ?, minutes = ?, translation_sources = ?,"
                    + " version = version + 1, updated_at = ? where id = ? and version = ?")
            .params(
                MeetingTexts.stored(m.title()),
                utc(m.start()),
                utc(m.end()),
                m.zone().getId(),
                m.place(),
                m.online(),
                m.status().name(),
                MeetingTexts.stored(m.minutes()),
                sources.toJson(),
                now,
                m.id(),
                m.version())
            .update()
        > 0;
  }

  /**
   * The stored form of where the meeting's title and minutes translations stand (null before V36);
   * read after the viewer saw the meeting.
   */
  String translationSources(UUID id) {
    return jdbc.sql("select translation_sources from meeting where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Marks the meeting changed when what it produced changed. */
  void touch(UUID id, OffsetDateTime now) {
    jdbc.sql("update meeting set updated_at = ? where id = ?").params(now, id).update();
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
