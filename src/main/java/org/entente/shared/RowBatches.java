package org.entente.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows of one table quickly: several rows per {@code insert ... values (...), (...)}
 * statement, the statements sent in JDBC batches of about a thousand rows, so that a large import
 * costs few round trips and few statements on the database (PostgreSQL or H2). What is written is
 * what as many single-row inserts would write; the caller's transaction holds it all.
 */
public final class RowBatches {

  /** Rows sent to the database at once, over all statements of a JDBC batch. */
  static final int ROWS_PER_BATCH = 1000;

  /** At most this many rows per statement. */
  static final int ROWS_PER_STATEMENT = 250;

  /** At most this many parameters per statement (PostgreSQL's protocol allows 65,535). */
  static final int PARAMETERS_PER_STATEMENT = 8000;

  private RowBatches() {}

  /** Sets one row's parameters, the first at {@code first} (1-based, as JDBC counts). */
  @FunctionalInterface
  public interface RowSetter<T> {
    void set(PreparedStatement ps, int first, T row) throws SQLException;
  }

  /**
   * Inserts one row per item.
   *
   * @param insert the statement up to its values, e.g. {@code insert into t (a, b, c)}; from the
   *     caller's code, never from input
   * @param values one row's values, e.g. {@code (?, ?, 'BILATERAL')}
   * @param parameters the number of {@code ?} in {@code values}
   */
  public static <T> void insert(
      JdbcTemplate jdbc,
      String insert,
      String values,
      int parameters,
      List<T> rows,
      RowSetter<T> setter) {
    int perStatement =
        Math.max(1, Math.min(ROWS_PER_STATEMENT, PARAMETERS_PER_STATEMENT / parameters));
    int full = rows.size() / perStatement;
    if (full > 0) {
      List<List<T>> chunks = new ArrayList<>(full);
      for (int i = 0; i < full; i++) {
        chunks.add(rows.subList(i * perStatement, (i + 1) * perStatement));
      }
      jdbc.batchUpdate(
          statement(insert, values, perStatement),
          chunks,
          Math.max(1, ROWS_PER_BATCH / perStatement),
          (ps, chunk) -> set(ps, chunk, parameters, setter));
    }
    List<T> rest = rows.subList(full * perStatement, rows.size());
    if (!rest.isEmpty()) {
      jdbc.batchUpdate(
          statement(insert, values, rest.size()),
          List.of(rest),
          1,
          (ps, chunk) -> set(ps, chunk, parameters, setter));
    }
  }

  private static String statement(String insert, String values, int rows) {
    return insert + " values " + String.join(", ", Collections.nCopies(rows, values));
  }

  private static <T> void set(
      PreparedStatement ps, List<T> chunk, int parameters, RowSetter<T> setter)
      throws SQLException {
    int first = 1;
    for (T row : chunk) {
      setter.set(ps, first, row);
      first += parameters;
    }
  }
}
