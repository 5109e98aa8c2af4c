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
import java.util.List;
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

  private DatabaseSnapshot(DataSource dataSource, boolean postgres, List<Table> tables) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.tables = tables;
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
      return new DatabaseSnapshot(dataSource, postgres, List.copyOf(tables));
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

  /** Puts every table back to the rows of the snapshot. */
  void restore() {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (postgres) {
          s.execute("set local session_replication_role = replica");
          s.execute(
              "truncate table "
                  + String.join(", ", tables.stream().map(t -> quoted(t.name())).toList()));
        } else {
          s.execute("set referential_integrity false");
          for (Table t : tables) {
            s.execute("truncate table " + quoted(t.name()));
          }
        }
        for (Table t : tables) {
          insert(c, t);
        }
        c.commit();
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
