package org.entente.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.shared.CharterKey;

/**
 * What a module lets leave it, to which {@link Reader}, and what it takes in. A reader receives
 * either records by type ({@link #types}, {@link #records}: the public, only the records both
 * parties agreed to publish and only their public fields) or the module's tables ({@link #tables},
 * {@link #rows}: an export, every column of the rows the reader may see), and the module writes the
 * rows it receives when an export is imported. Each module that owns records implements it for its
 * own records; the beans are ordered (Spring's {@code @Order}) so that a table comes after the
 * tables it refers to.
 */
public interface RecordExchange {

  /** The module's tables that leave it, in the order they are imported; none by default. */
  default List<RecordTable> tables() {
    return List.of();
  }

  /**
   * The rows of one of its tables of a charter that the reader may see (read as {@link
   * Reader#viewer()}), every column as stored (read with {@link RecordRows#read}), in a stable
   * order.
   */
  default List<Map<String, Object>> rows(RecordTable table, CharterKeys keys, Reader reader) {
    throw new IllegalArgumentException("no table " + table.name());
  }

  /**
   * Whether the charter holds records of this module that make an instance not empty (an export is
   * imported into an empty instance only).
   */
  default boolean holdsRecords(UUID charterId) {
    return false;
  }

  /**
   * The types of record the module lets the reader receive as records, each with the fields that
   * reader receives; none by default. For the public: only what the public may see.
   */
  default List<RecordType> types(Reader reader) {
    return List.of();
  }

  /**
   * The records of one of {@link #types(Reader)} of a charter that the reader receives (for the
   * public: only those both parties agreed to publish), each made with {@link RecordType#record},
   * in a stable order.
   */
  default List<Map<String, Object>> records(RecordType type, CharterKey charterKey, Reader reader) {
    throw new IllegalArgumentException("no record type " + type.name());
  }

  /**
   * The codes of the records of a table that this instance has of its own before any import (e.g.
   * indicators loaded with the charter's reference data): an imported row with such a code, and
   * every row that refers to it, is left out and the instance's own is kept.
   */
  default Set<String> ownCodes(RecordTable table, UUID charterId) {
    return Set.of();
  }

  /** Writes one imported row, checked already, in the caller's transaction. */
  default void insert(RecordTable table, Map<String, Object> row, UUID charterId) {
    throw new IllegalArgumentException("no table " + table.name());
  }

  /**
   * Called once every row of every table is written, for what refers to rows inserted after it
   * (e.g. a value's correction).
   */
  default void afterImport(RecordTable table, List<Map<String, Object>> rows) {}
}
