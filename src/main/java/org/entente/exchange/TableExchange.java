package org.entente.exchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's {@link RecordExchange} over its own tables: each table read with the select the module
 * gives for it (its rows of {@code :charter} under the one visibility condition, with the reader's
 * parameters), each imported row inserted as it is.
 */
public abstract class TableExchange implements RecordExchange {

  private final JdbcClient jdbc;
  private final List<RecordTable> tables;
  private final Map<String, String> selects;
  private final String holding;

  /**
   * @param selects each table's select, by table name
   * @param holding the table whose rows of a charter make an instance not empty, or null
   */
  protected TableExchange(
      JdbcClient jdbc, List<RecordTable> tables, Map<String, String> selects, String holding) {
    this.jdbc = jdbc;
    this.tables = List.copyOf(tables);
    this.selects = Map.copyOf(selects);
    this.holding = holding;
  }

  protected JdbcClient jdbc() {
    return jdbc;
  }

  @Override
  public List<RecordTable> tables() {
    return tables;
  }

  @Override
  public List<Map<String, Object>> rows(RecordTable table, CharterKeys keys, Reader reader) {
    return jdbc.sql(selects.get(table.name()))
        .param("charter", keys.charterId())
        .params(reader.viewer().parameters())
        .query((rs, n) -> RecordRows.read(table, rs, keys))
        .list();
  }

  @Override
  public boolean holdsRecords(UUID charterId) {
    return holding != null
        && jdbc.sql("select count(*) from " + holding + " where charter_id = ?")
                .param(charterId)
                .query(Long.class)
                .single()
            > 0;
  }

  @Override
  public void insert(RecordTable table, Map<String, Object> row, UUID charterId) {
    RecordRows.insert(jdbc, table, row, charterId);
  }
}
