package org.entente.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * What the bad-input sweep compares before and after a request: every row of every table but the
 * audit trail, sessions, Flyway's history and login throttling, without the columns saying when a
 * token or an account was last used (not a change of a record). One statement computes it in the
 * database (H2, the database of {@code @EntenteTest}): for each table its number of rows and the
 * sums of two 64-bit halves of the SHA-256 of each row's text (every column, NULL told apart from
 * any text), so that any changed, added or removed row changes it whatever the order of the rows.
 * It runs on the connection of the caller's transaction, so that it sees what a case wrote.
 */
final class DatabaseDigest {

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  /**
   * The statement, prepared once on each pooled connection it ran on: H2 parses and plans it in
   * about 20 ms, longer than it takes to run (about half a millisecond).
   */
  private final Map<Connection, PreparedStatement> prepared = new IdentityHashMap<>();

  private String sql;

  DatabaseDigest(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /**
   * One line a table: its name, its number of rows and the two sums of its rows' hashes; read on
   * the connection of the caller's transaction.
   */
  String of() throws SQLException {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      // the pool's connection under its per-checkout proxy: the same one from case to case
      Connection pooled = connection.unwrap(Connection.class);
      PreparedStatement statement = prepared.get(pooled);
      if (statement == null || statement.isClosed()) {
        statement = pooled.prepareStatement(sql());
        prepared.put(pooled, statement);
      }
      StringBuilder digest = new StringBuilder(4_096);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          digest
              .append(rs.getString(1))
              .append(' ')
              .append(rs.getString(2))
              .append(' ')
              .append(rs.getString(3))
              .append(' ')
              .append(rs.getString(4))
              .append('\n');
        }
      }
      return digest.toString();
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** Closes the statements it prepared. */
  void close() throws SQLException {
    for (PreparedStatement statement : prepared.values()) {
      statement.close();
    }
    prepared.clear();
  }

  /** The tables it covers, by name, with the columns of each; read once (the schema is fixed). */
  Map<String, List<String>> tables() {
    Map<String, List<String>> columns = new TreeMap<>();
    jdbc.sql(
            "select c.table_name, c.column_name from information_schema.columns c join"
                + " information_schema.tables t on t.table_schema = c.table_schema and"
                + " t.table_name = c.table_name where lower(c.table_schema) = 'public' and"
                + " t.table_type in ('BASE TABLE', 'TABLE') order by c.table_name,"
                + " c.ordinal_position")
        .query(
            (ResultSet rs) -> {
              String table = rs.getString(1);
              String column = rs.getString(2);
              String t = table.toLowerCase();
              boolean skipped =
                  t.startsWith("audit")
                      || t.startsWith("spring_session")
                      || t.startsWith("flyway")
                      || t.contains("login")
                      || t.contains("throttle");
              if (!skipped && !column.toLowerCase().startsWith("last_")) {
                columns.computeIfAbsent(table, k -> new ArrayList<>()).add(column);
              }
            });
    return columns;
  }

  private String sql() {
    if (sql == null) {
      List<String> selects = new ArrayList<>();
      tables()
          .forEach(
              (table, columns) ->
                  selects.add(
                      "select '"
                          + table
                          + "', count(*), coalesce(sum(cast(substring(h, 1, 8) as bigint)), 0),"
                          + " coalesce(sum(cast(substring(h, 9, 8) as bigint)), 0) from (select"
                          + " hash('SHA-256', "
                          + columns.stream()
                              .map(DatabaseDigest::text)
                              .collect(Collectors.joining(" || char(1) || "))
                          + ") h from "
                          + quoted(table)
                          + ") r"));
      sql = String.join(" union all ", selects) + " order by 1";
    }
    return sql;
  }

  /** A column's value as text, '.' before it, and '~' for NULL (so NULL is no text's equal). */
  private static String text(String column) {
    return "coalesce('.' || cast(" + quoted(column) + " as varchar), '~')";
  }

  /** Quoted as the schema spells it: a column may be named like a keyword ("value"). */
  private static String quoted(String name) {
    return '"' + name + '"';
  }
}
