package org.entente.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Every row of every table (but Flyway's history) as start-up left them, and the way back to them:
 * all tables emptied and the rows written again, with foreign keys and triggers (PostgreSQL's
 * append-only guard of the audit trail) set aside for that one transaction. Keys are UUIDs and the
 * audit trail numbers its events from its head row, so nothing else needs resetting.
 */
final class DatabaseSnapshot {

  private record Table(String name, List<String> columns, int[] types, List<Object[]> rows) {}

  private final DataSource dataSource;
  private final boolean postgres;
  private final List<Table> tables;

  /**
   * On H2, each table's last modification number ({@code information_schema.tables}) when its rows
   * were last the snapshot's: a table whose number is the same was not written since, not even by a
   * transaction rolled back, and is not put back. PostgreSQL has no such number (its statistics are
   * neither immediate nor transactional), so there every table is put back.
   */
  private Map<String, Long> unchangedAt;

  private DatabaseSnapshot(DataSource dataSource, boolean postgres, List<Table> tables) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.tables = tables;
  }

  /** Each table's last modification number, on H2, by its name in lower case. */
  private static Map<String, Long> modifications(Connection c) throws SQLException {
    Map<String, Long> numbers = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select table_name, last_modification from information_schema.tables"
                    + " where lower(table_schema) = 'public'")) {
      while (rs.next()) {
        numbers.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
      }
    }
    return numbers;
  }

  /** The tables written since their rows were last the snapshot's: all of them on PostgreSQL. */
  private List<Table> changed(Connection c) throws SQLException {
    if (postgres || unchangedAt == null) {
      return tables;
    }
    Map<String, Long> now = modifications(c);
    return tables.stream()
        .filter(t -> !Objects.equals(now.get(lower(t)), unchangedAt.get(lower(t))))
        .toList();
  }

  private static String lower(Table t) {
    return t.name().toLowerCase(Locale.ROOT);
  }

  static DatabaseSnapshot take(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      boolean postgres = "PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName());
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (!name.equalsIgnoreCase("flyway_schema_history")) {
            names.add(name);
          }
        }
      }
      Collections.sort(names);
      List<Table> tables = new ArrayList<>();
      for (String name : names) {
        tables.add(read(c, name));
      }
      DatabaseSnapshot snapshot = new DatabaseSnapshot(dataSource, postgres, List.copyOf(tables));
      if (!postgres) {
        snapshot.unchangedAt = modifications(c);
      }
      return snapshot;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take a snapshot of the test database", e);
    }
  }

  private static Table read(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select * from " + quoted(name))) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      int[] types = new int[meta.getColumnCount()];
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i));
        types[i - 1] = meta.getColumnType(i);
      }
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
      return new Table(name, List.copyOf(columns), types, rows);
    }
  }

  /** Puts every table back to the rows of the snapshot (on H2, those written since). */
  void restore() {
    try (Connection c = dataSource.getConnection()) {
      List<Table> changed = changed(c);
      if (changed.isEmpty()) {
        return;
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (postgres) {
          s.execute("set local session_replication_role = replica");
          s.execute(
              "truncate table "
                  + String.join(", ", changed.stream().map(t -> quoted(t.name())).toList()));
        } else {
          s.execute("set referential_integrity false");
          for (Table t : changed) {
            s.execute("truncate table " + quoted(t.name()));
          }
        }
        for (Table t : changed) {
          insert(c, t);
        }
        c.commit();
        if (!postgres) {
          unchangedAt = modifications(c);
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        if (!postgres) {
          try (Statement s = c.createStatement()) {
            s.execute("set referential_integrity true");
          }
        }
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot put the test database back to its snapshot", e);
    }
  }

  private static void insert(Connection c, Table t) throws SQLException {
    if (t.rows().isEmpty()) {
      return;
    }
    String sql =
        "insert into "
            + quoted(t.name())
            + " ("
            + String.join(", ", t.columns().stream().map(DatabaseSnapshot::quoted).toList())
            + ") values ("
            + String.join(", ", Collections.nCopies(t.columns().size(), "?"))
            + ")";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (Object[] row : t.rows()) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] == null) {
            p.setNull(i + 1, t.types()[i]);
          } else {
            p.setObject(i + 1, row[i]);
          }
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
