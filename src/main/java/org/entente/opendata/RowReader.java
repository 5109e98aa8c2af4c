package org.entente.opendata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.entente.exchange.Column;
import org.entente.exchange.RecordTable;
import org.entente.shared.BadRequestException;

/**
 * Reads a row of an imported export back into values: ids, dates and numbers, and the keys of
 * working groups, platforms and commitments into this instance's ids. Every problem names the
 * field, e.g. {@code tables.project[3].stage}.
 */
final class RowReader {

  private final Map<String, UUID> groups;
  private final Map<String, UUID> commitments;

  RowReader(Map<String, UUID> groups, Map<String, UUID> commitments) {
    this.groups = groups;
    this.commitments = commitments;
  }

  Map<String, Object> read(RecordTable table, Map<?, ?> raw, String at) {
    for (Object key : raw.keySet()) {
      if (table.columns().stream().noneMatch(c -> c.name().equals(key))) {
        throw new BadRequestException(at + "." + key, "not a column of " + table.name());
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column col : table.columns()) {
      String field = at + "." + col.name();
      Object v = raw.get(col.name());
      if (v == null) {
        if (col.required()) {
          throw new BadRequestException(field, "is required");
        }
        row.put(col.name(), null);
        continue;
      }
      try {
        row.put(col.name(), value(col, v, field));
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        throw new BadRequestException(field, "is not a valid " + col.kind().name().toLowerCase());
      }
    }
    return row;
  }

  private Object value(Column col, Object v, String field) {
    return switch (col.kind()) {
      case ID -> UUID.fromString(text(v, field));
      case TEXT -> text(v, field);
      case INT -> Math.toIntExact(whole(v, field));
      case LONG -> whole(v, field);
      case DECIMAL -> new BigDecimal(v instanceof Number ? v.toString() : text(v, field));
      case DOUBLE -> {
        if (!(v instanceof Number n)) {
          throw new BadRequestException(field, "must be a number");
        }
        yield n.doubleValue();
      }
      case BOOL -> {
        if (!(v instanceof Boolean b)) {
          throw new BadRequestException(field, "must be true or false");
        }
        yield b;
      }
      case DATE -> LocalDate.parse(text(v, field));
      case TIMESTAMP -> Instant.parse(text(v, field)).atOffset(ZoneOffset.UTC);
      case GROUP -> known(groups, text(v, field), field, "working group or platform");
      case COMMITMENT -> known(commitments, text(v, field), field, "commitment");
    };
  }

  private static UUID known(Map<String, UUID> ids, String key, String field, String what) {
    UUID id = ids.get(key);
    if (id == null) {
      throw new BadRequestException(field, "the charter here has no " + what + " '" + key + "'");
    }
    return id;
  }

  private static String text(Object v, String field) {
    if (!(v instanceof String s)) {
      throw new BadRequestException(field, "must be a string");
    }
    return s;
  }

  private static long whole(Object v, String field) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.longValueExact();
    }
    throw new BadRequestException(field, "must be a whole number");
  }
}
