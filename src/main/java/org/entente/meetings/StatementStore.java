package org.entente.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.identity.Viewer;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextQuery;
import org.entente.translations.TranslationState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The joint_statement table: a meeting's statement draft, and its publication once agreed. Its
 * {@code text} column holds the text in each language as a JSON object from language tag to text
 * (since V28).
 */
@Repository
class StatementStore {

  /**
   * A statement as stored: its text in each language it has one in, and where its translations
   * stand (since V32; null for a statement drafted before).
   */
  record Draft(
      LocalizedText text, boolean publish, Instant publishedAt, long version, String sources) {

    /** Where its translations stand; a statement without a state is written in this language. */
    TranslationState translations(String textLanguage) {
      return TranslationState.fromJson(sources, textLanguage);
    }
  }

  /** A draft not published, with its meeting: what may await translation. */
  record Unpublished(Meeting meeting, Draft draft) {}

  /** A published statement with its meeting. */
  record Published(Meeting meeting, LocalizedText text, Instant publishedAt) {}

  private static final String PUBLISHED =
      "select m.*, s.text as statement_text, s.published_at from meeting m"
          + " join joint_statement s on s.meeting_id = m.id where s.published_at is not null";

  private final JdbcClient jdbc;

  StatementStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Draft> find(UUID meetingId) {
    return jdbc.sql("select * from joint_statement where meeting_id = ?")
        .param(meetingId)
        .query(
            (rs, n) -> {
              OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
              return new Draft(
                  LocalizedText.fromJson(rs.getString("text")),
                  rs.getBoolean("publish"),
                  published == null ? null : published.toInstant(),
                  rs.getLong("version"),
                  rs.getString("translation_sources"));
            })
        .optional();
  }

  void insert(
      UUID meetingId,
      LocalizedText text,
      boolean publish,
      TranslationState sources,
      OffsetDateTime now) {
    jdbc.sql(
            "insert into joint_statement (meeting_id, text, publish, translation_sources,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
        .params(meetingId, text.toJson(), publish, sources.toJson(), now, now)
        .update();
  }

  /** Stores a redraft, if the statement is still at its version; whether it was. */
  boolean update(
      UUID meetingId,
      LocalizedText text,
      boolean publish,
      TranslationState sources,
      long version,
      OffsetDateTime now) {
    return jdbc.sql(
                "update joint_statement set text = ?, publish = ?, translation_sources = ?,"
                    + " version = version + 1, updated_at = ? where meeting_id = ? and version = ?")
            .params(text.toJson(), publish, sources.toJson(), now, meetingId, version)
            .update()
        > 0;
  }

  /**
   * The charter's statements not published whose meeting the viewer may see (the one visibility
   * condition), newest meeting first: what may await translation.
   */
  List<Unpublished> unpublishedDrafts(UUID charterId, Viewer viewer, CharterIndex.All names) {
    return jdbc.sql(
            "select m.*, s.text as statement_text, s.publish as statement_publish,"
                + " s.version as statement_version, s.translation_sources from meeting m"
                + " join joint_statement s on s.meeting_id = m.id where s.published_at is null"
                + " and m.charter_id = :charter and "
                + Viewer.condition("m")
                + " order by m.starts_at desc")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new Unpublished(
                    MeetingStore.meeting(rs, names),
                    new Draft(
                        LocalizedText.fromJson(rs.getString("statement_text")),
                        rs.getBoolean("statement_publish"),
                        null,
                        rs.getLong("statement_version"),
                        rs.getString("translation_sources"))))
        .list();
  }

  /** The published statements of a charter, newest first. */
  List<Published> published(UUID charterId, CharterIndex.All names) {
    return jdbc.sql(PUBLISHED + " and m.charter_id = ? order by s.published_at desc")
        .param(charterId)
        .query((rs, n) -> published(rs, names))
        .list();
  }

  /** The meeting's statement, if it is published. */
  Optional<Published> publishedOf(UUID meetingId, CharterIndex.All names) {
    return jdbc.sql(PUBLISHED + " and m.id = ?")
        .param(meetingId)
        .query((rs, n) -> published(rs, names))
        .optional();
  }

  private static final String UNPUBLISHED =
      "select m.* from meeting m join joint_statement s on s.meeting_id = m.id"
          + " where s.published_at is null";

  /** The meetings of a charter whose statement is not published (maybe withdrawn), newest first. */
  List<Meeting> unpublished(UUID charterId, CharterIndex.All names) {
    return jdbc.sql(UNPUBLISHED + " and m.charter_id = ? order by m.starts_at desc")
        .param(charterId)
        .query((rs, n) -> MeetingStore.meeting(rs, names))
        .list();
  }

  /** The meeting, if its statement is not published. */
  Optional<Meeting> unpublishedOf(UUID meetingId, CharterIndex.All names) {
    return jdbc.sql(UNPUBLISHED + " and m.id = ?")
        .param(meetingId)
        .query((rs, n) -> MeetingStore.meeting(rs, names))
        .optional();
  }

  /** The charter's published statements whose text matches a search, newest first, at most 200. */
  List<Published> matching(UUID charterId, TextQuery.Condition match, CharterIndex.All names) {
    return jdbc.sql(
            PUBLISHED
                + " and m.charter_id = :charter and "
                + match.sql()
                + " order by s.published_at desc limit 200")
        .param("charter", charterId)
        .params(match.params())
        .query((rs, n) -> published(rs, names))
        .list();
  }

  private static Published published(ResultSet rs, CharterIndex.All names) throws SQLException {
    return new Published(
        MeetingStore.meeting(rs, names),
        LocalizedText.fromJson(rs.getString("statement_text")),
        rs.getObject("published_at", OffsetDateTime.class).toInstant());
  }
}
