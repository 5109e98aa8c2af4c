package org.entente.exchange;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes rows of a {@link RecordTable} for the module that owns it: the module runs the
 * SQL on its own table with its own {@link JdbcClient}; this only maps columns to values and back.
 */
public final class RecordRows {

  private RecordRows() {}

  /** One row as it leaves: ids as text, decimals as plain text, times as instants. */
  public static Map<String, Object> read(RecordTable table, ResultSet rs, CharterKeys keys)
      throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column column : table.columns()) {
      row.put(column.name(), value(column, rs, keys));
    }
    return row;
  }

  private static Object value(Column column, ResultSet rs, CharterKeys keys) throws SQLException {
    String n = column.name();
    return switch (column.kind()) {
      case ID -> text(rs.getObject(n, UUID.class));
      case TEXT -> rs.getString(n);
      case INT -> rs.getObject(n, Integer.class);
      case LONG -> rs.getObject(n, Long.class);
      case DECIMAL -> {
        BigDecimal d = rs.getBigDecimal(n);
        yield d == null ? null : d.toPlainString();
      }
      case DOUBLE -> rs.getObject(n, Double.class);
      case BOOL -> rs.getObject(n, Boolean.class);
      case DATE -> text(rs.getObject(n, LocalDate.class));
      case TIMESTAMP -> {
        OffsetDateTime t = rs.getObject(n, OffsetDateTime.class);
        yield t == null ? null : t.toInstant().toString();
      }
      case GROUP -> keyOf(rs.getObject(n, UUID.class), keys.groups());
      case COMMITMENT -> keyOf(rs.getObject(n, UUID.class), keys.commitments());
    };
  }

  private static String keyOf(UUID id, Map<UUID, String> keys) {
    return id == null ? null : keys.get(id);
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  /**
   * Inserts one imported row (values already read back into ids, dates, numbers): every column of
   * the table, with the charter's id where the table has one, and version 0 where none is given.
   */
  public static void insert(
      JdbcClient jdbc, RecordTable table, Map<String, Object> row, UUID charterId) {
    List<String> names = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    for (Column column : table.columns()) {
      names.add(column.name());
      Object value = row.get(column.name());
      if (column.name().equals("version") && value == null) {
        value = 0L;
      }
      params.put(column.name(), value);
    }
    if (table.ofCharter()) {
      names.add("charter_id");
      params.put("charter_id", charterId);
    }
    String sql =
        "insert into "
            + table.name()
            + " ("
            + String.join(", ", names)
            + ") values ("
            + String.join(", ", names.stream().map(n -> ":" + n).toList())
            + ")";
    jdbc.sql(sql).params(params).update();
  }
}
