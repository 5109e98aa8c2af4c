package org.entente.durability;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.entente.audit.AuditVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What must hold in the database after a crash, read with plain SQL so that nothing the application
 * caches can hide a loss:
 *
 * <ol>
 *   <li>every acknowledged write is there, as acknowledged (id, version, content); a write left
 *       unanswered may be there or not, but only as sent;
 *   <li>no aggregate is half-written: every project the load made has all its commitment and
 *       financing rows, every meeting its participants;
 *   <li>the audit trail and the records agree, as {@code Audit.record} promises ("an event is
 *       stored if and only if the change it describes is"): each record has exactly one creation
 *       event, as many change events as its version says, and no creation event names a record that
 *       is not there;
 *   <li>the audit chain verifies (checked by the caller: through the running application's
 *       endpoint, or with {@link #verifyChain} on a database no application runs on).
 * </ol>
 */
final class DurabilityChecks {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How many acknowledged writes were found as acknowledged, and what was wrong. */
  record Outcome(long found, List<String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  private DurabilityChecks() {}

  static Outcome check(JdbcClient jdbc, Ledger ledger) {
    List<String> problems = new ArrayList<>();
    long found = 0;

    // 1. acknowledged writes, as acknowledged
    Map<UUID, Object[]> projects = new HashMap<>();
    jdbc.sql("select id, code, version, title from project")
        .query(
            rs -> {
              projects.put(
                  rs.getObject(1, UUID.class),
                  new Object[] {rs.getString(2), rs.getLong(3), rs.getString(4)});
            });
    for (var e : ledger.projects.entrySet()) {
      Ledger.ProjectAck ack = e.getValue();
      Object[] row = projects.get(e.getKey());
      if (row == null) {
        problems.add("acknowledged project " + ack.key() + " (" + e.getKey() + ") is missing");
        continue;
      }
      long version = (Long) row[1];
      String title = JSON.readTree((String) row[2]).get("en").asString();
      boolean asAcknowledged = version == ack.version() && title.equals(ack.title());
      boolean asSentLater =
          ack.pending() && version == ack.version() + 1 && title.equals(ack.pendingTitle());
      if (!row[0].equals(ack.key()) || !(asAcknowledged || asSentLater)) {
        problems.add(
            "project "
                + ack.key()
                + " is at version "
                + version
                + " titled '"
                + title
                + "', acknowledged at "
                + ack.version()
                + " titled '"
                + ack.title()
                + "'"
                + (ack.pending()
                    ? " (a change to '" + ack.pendingTitle() + "' was unanswered)"
                    : ""));
        continue;
      }
      found += 1 + ack.version(); // its creation and each acknowledged change
    }
    Map<UUID, long[]> milestones = versions(jdbc, "select id, version from milestone");
    for (var e : ledger.milestones.entrySet()) {
      long[] v = milestones.get(e.getKey());
      if (v == null || v[0] != e.getValue().version()) {
        problems.add(
            "acknowledged milestone "
                + e.getValue().key()
                + " is "
                + (v == null ? "missing" : "at version " + v[0]));
      } else {
        found++;
      }
    }
    Map<UUID, long[]> events = versions(jdbc, "select id, version from obligation_event");
    for (var e : ledger.events.entrySet()) {
      long[] v = events.get(e.getKey());
      if (v == null || v[0] != e.getValue()) {
        problems.add(
            "acknowledged obligation event "
                + e.getKey()
                + " is "
                + (v == null ? "missing" : "at version " + v[0]));
      } else {
        found++;
      }
    }
    Map<UUID, long[]> meetings =
        versions(
            jdbc,
            "select m.id, m.version, (select count(*) from meeting_participant p where"
                + " p.meeting_id = m.id) from meeting m");
    for (var e : ledger.meetings.entrySet()) {
      long[] v = meetings.get(e.getKey());
      if (v == null || v[0] < e.getValue().version() || v[1] != e.getValue().participants()) {
        problems.add(
            "acknowledged meeting '"
                + e.getValue().title()
                + "' is "
                + (v == null
                    ? "missing"
                    : "at version " + v[0] + " with " + v[1] + " participants"));
      } else {
        found++;
      }
    }
    Map<UUID, long[]> decisions = owners(jdbc, "select id, meeting_id from meeting_decision");
    found += children(ledger.decisions, decisions, "decision", problems);
    Map<UUID, long[]> items = owners(jdbc, "select id, meeting_id from action_item");
    found += children(ledger.actionItems, items, "action item", problems);

    // 2. whole aggregates: every project the load made, answered or not
    jdbc.sql(
            "select p.code, (select count(*) from project_commitment c where c.project_id = p.id),"
                + " (select count(*) from project_financing f where f.project_id = p.id)"
                + " from project p where p.code like 'p-%'")
        .query(
            rs -> {
              if (rs.getLong(2) != 2 || rs.getLong(3) != 1) {
                problems.add(
                    "project "
                        + rs.getString(1)
                        + " is half-written: "
                        + rs.getLong(2)
                        + " commitments and "
                        + rs.getLong(3)
                        + " financing lines, made with 2 and 1");
              }
            });
    jdbc.sql(
            "select m.title, count(p.meeting_id) from meeting m left join meeting_participant p"
                + " on p.meeting_id = m.id group by m.id, m.title having count(p.meeting_id) <> 2")
        .query(
            rs -> {
              problems.add(
                  "meeting '"
                      + rs.getString(1)
                      + "' is half-written: "
                      + rs.getLong(2)
                      + " participants, made with 2");
            });

    // 3. the audit trail and the records agree
    agree(jdbc, problems, "project", "true", "project.created", "project.updated");
    agree(jdbc, problems, "milestone", "true", "milestone.added", "milestone.changed");
    // events recorded through the API; the charter's own (source DEFINITION) come with it
    agree(
        jdbc, problems, "obligation_event", "t.source = 'API'", "event.recorded", "event.updated");
    agree(jdbc, problems, "meeting", "true", "meeting.scheduled", "meeting.changed");
    agree(jdbc, problems, "action_item", "true", "action-item.added", "action-item.changed");
    // a decision's event names its meeting as the record and the decision in its details
    jdbc.sql(
            "with d as (select meeting_id, count(*) as n from meeting_decision group by"
                + " meeting_id), e as (select record_id, count(*) as n from audit_event where"
                + " record_type = 'meeting' and action = 'meeting.decision-recorded' group by"
                + " record_id) select m.id, coalesce(d.n, 0), coalesce(e.n, 0) from meeting m"
                + " left join d on d.meeting_id = m.id left join e on e.record_id = cast(m.id as"
                + " varchar) where coalesce(d.n, 0) <> coalesce(e.n, 0)")
        .query(
            rs -> {
              problems.add(
                  "meeting "
                      + rs.getString(1)
                      + " has "
                      + rs.getLong(2)
                      + " decisions but "
                      + rs.getLong(3)
                      + " decision events in the audit trail");
            });
    return new Outcome(found, problems);
  }

  /**
   * Each row of the table (of those {@code which} selects) has exactly one creation event and as
   * many change events as its version; each creation event names a row that exists. The record type
   * of the events is the table's name.
   */
  private static void agree(
      JdbcClient jdbc,
      List<String> problems,
      String table,
      String which,
      String created,
      String changed) {
    String counted =
        "with ev as (select record_id, count(*) filter (where action = ?) as created,"
            + " count(*) filter (where action = ?) as changed from audit_event"
            + " where record_type = ? group by record_id)"
            + " select cast(t.id as varchar), t.version, coalesce(ev.created, 0),"
            + " coalesce(ev.changed, 0) from "
            + table
            + " t left join ev on ev.record_id = cast(t.id as varchar) where "
            + which
            + " and (coalesce(ev.created, 0) <> 1 or coalesce(ev.changed, 0) <> t.version)";
    jdbc.sql(counted)
        .params(created, changed, table)
        .query(
            rs -> {
              problems.add(
                  table
                      + " "
                      + rs.getString(1)
                      + " at version "
                      + rs.getLong(2)
                      + " has "
                      + rs.getLong(3)
                      + " '"
                      + created
                      + "' and "
                      + rs.getLong(4)
                      + " '"
                      + changed
                      + "' events");
            });
    jdbc.sql(
            "select e.seq, e.record_id from audit_event e left join "
                + table
                + " t on cast(t.id as varchar) = e.record_id where e.record_type = ?"
                + " and e.action = ? and t.id is null")
        .params(table, created)
        .query(
            rs -> {
              problems.add(
                  "audit event "
                      + rs.getLong(1)
                      + " ("
                      + created
                      + ") names "
                      + table
                      + " "
                      + rs.getString(2)
                      + ", which is not there");
            });
  }

  private static Map<UUID, long[]> versions(JdbcClient jdbc, String sql) {
    Map<UUID, long[]> rows = new HashMap<>();
    jdbc.sql(sql)
        .query(
            rs -> {
              int columns = rs.getMetaData().getColumnCount();
              long[] values = new long[columns - 1];
              for (int i = 2; i <= columns; i++) {
                values[i - 2] = rs.getLong(i);
              }
              rows.put(rs.getObject(1, UUID.class), values);
            });
    return rows;
  }

  private static Map<UUID, long[]> owners(JdbcClient jdbc, String sql) {
    Map<UUID, long[]> rows = new HashMap<>();
    jdbc.sql(sql)
        .query(
            rs -> {
              UUID owner = rs.getObject(2, UUID.class);
              rows.put(
                  rs.getObject(1, UUID.class),
                  new long[] {owner.getMostSignificantBits(), owner.getLeastSignificantBits()});
            });
    return rows;
  }

  private static long children(
      Map<UUID, UUID> acknowledged, Map<UUID, long[]> stored, String what, List<String> problems) {
    long found = 0;
    for (var e : acknowledged.entrySet()) {
      long[] owner = stored.get(e.getKey());
      if (owner == null
          || owner[0] != e.getValue().getMostSignificantBits()
          || owner[1] != e.getValue().getLeastSignificantBits()) {
        problems.add(
            "acknowledged "
                + what
                + " "
                + e.getKey()
                + " of meeting "
                + e.getValue()
                + " is missing");
      } else {
        found++;
      }
    }
    return found;
  }

  /**
   * Verifies the audit chain of a database no application runs on, with the application's own
   * {@link AuditVerifier} (its constructor is package-private: it is a Spring component).
   */
  static AuditVerifier.Verification verifyChain(DataSource dataSource) {
    try {
      Constructor<AuditVerifier> constructor =
          AuditVerifier.class.getDeclaredConstructor(JdbcClient.class);
      constructor.setAccessible(true);
      return constructor.newInstance(JdbcClient.create(dataSource)).verify();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make an AuditVerifier", e);
    }
  }
}
