package org.entente.calendars;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.calendars.CalendarViews.NotificationView;
import org.entente.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications that keep a person's daily digests (table {@code notification}): one per person
 * and day at most, marked when e-mailed and when read.
 */
@Component
class Notifications {

  private final JdbcClient jdbc;
  private final Audit audit;

  Notifications(JdbcClient jdbc, Audit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Whether the person has a digest for that day already. */
  boolean made(String username, LocalDate day) {
    return jdbc.sql("select count(*) from notification where username = ? and digest_on = ?")
            .params(username, day)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Keeps a digest's notification; audited. */
  UUID keep(String username, LocalDate day, String body, int items, OffsetDateTime now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into notification (id, username, digest_on, body, item_count, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(id, username, day, body, items, now)
        .update();
    audit.record(
        "reminder.digest",
        "notification",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("username", username, "digestOn", day.toString(), "items", items));
    return id;
  }

  void markEmailed(UUID id) {
    jdbc.sql("update notification set emailed = true where id = ?").param(id).update();
  }

  private static NotificationView row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
    return new NotificationView(
        rs.getObject("id", UUID.class),
        rs.getObject("digest_on", LocalDate.class),
        rs.getString("body"),
        rs.getInt("item_count"),
        rs.getBoolean("emailed"),
        read == null ? null : read.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  /** The person's notifications, newest first (the last hundred). */
  List<NotificationView> list(String username) {
    return jdbc.sql(
            "select * from notification where username = ? order by digest_on desc, id"
                + " limit 100")
        .param(username)
        .query(Notifications::row)
        .list();
  }

  /** One of the person's notifications. */
  NotificationView one(UUID id, String username) {
    return find(id, username)
        .orElseThrow(() -> new NotFoundException("notification", String.valueOf(id)));
  }

  private Optional<NotificationView> find(UUID id, String username) {
    return jdbc.sql("select * from notification where id = ? and username = ?")
        .params(id, username)
        .query(Notifications::row)
        .optional();
  }

  /** Marks one of the person's notifications read; one read already stays as it is. */
  NotificationView markRead(UUID id, String username, OffsetDateTime now) {
    NotificationView n = one(id, username);
    if (n.readAt() == null) {
      jdbc.sql("update notification set read_at = ? where id = ? and read_at is null")
          .params(now, id)
          .update();
      audit.record("notification.read", "notification", id.toString(), Outcome.SUCCESS, Map.of());
    }
    return one(id, username);
  }
}
