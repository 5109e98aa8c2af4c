package org.entente.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as it leaves its module.
 *
 * @param ofCharter whether the table has a {@code charter_id} column (a child table reaches its
 *     charter through its parent)
 */
public record RecordTable(String name, List<Column> columns, boolean ofCharter) {

  public RecordTable {
    columns = List.copyOf(columns);
  }

  /** The columns, then the ones every versioned record of a charter has. */
  public static List<Column> versioned(Column... columns) {
    List<Column> all = new ArrayList<>(List.of(columns));
    all.add(Column.required("classification", Kind.TEXT));
    all.add(Column.optional("origin_party", Kind.TEXT));
    all.add(Column.optional("version", Kind.LONG));
    all.add(Column.required("created_at", Kind.TIMESTAMP));
    all.add(Column.required("updated_at", Kind.TIMESTAMP));
    return List.copyOf(all);
  }

  /** Whether a row of this table carries the key of a working group or platform. */
  public boolean ofGroup() {
    return columns.stream().anyMatch(c -> c.kind() == Kind.GROUP);
  }
}
