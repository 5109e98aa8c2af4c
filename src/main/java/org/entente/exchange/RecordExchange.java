package org.entente.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Viewer;

/**
 * What a module lets leave it and takes in: the tables it carries, their rows a reader may receive,
 * and the rows it writes when an export is imported. Each module that owns records implements it
 * for its own tables; the beans are ordered (Spring's {@code @Order}) so that a table comes after
 * the tables it refers to.
 */
public interface RecordExchange {

  /** The module's tables that leave it, in the order they are imported. */
  List<RecordTable> tables();

  /**
   * The rows of one of its tables of a charter that the reader may see, every column as stored
   * (read with {@link RecordRows#read}), in a stable order.
   */
  List<Map<String, Object>> rows(RecordTable table, CharterKeys keys, Viewer reader);

  /**
   * Whether the charter holds records of this module that make an instance not empty (an export is
   * imported into an empty instance only).
   */
  boolean holdsRecords(UUID charterId);

  /**
   * The codes of the records of a table that this instance has of its own before any import (e.g.
   * indicators loaded with the charter's reference data): an imported row with such a code, and
   * every row that refers to it, is left out and the instance's own is kept.
   */
  default Set<String> ownCodes(RecordTable table, UUID charterId) {
    return Set.of();
  }

  /** Writes one imported row, checked already, in the caller's transaction. */
  void insert(RecordTable table, Map<String, Object> row, UUID charterId);

  /**
   * Called once every row of every table is written, for what refers to rows inserted after it
   * (e.g. a value's correction).
   */
  default void afterImport(RecordTable table, List<Map<String, Object>> rows) {}
}
