package org.entente.exchange;

/**
 * A column a table carries.
 *
 * @param ref for an id: the table it refers to (its {@code id}), or null
 * @param required whether a row must have a value
 */
public record Column(String name, Kind kind, String ref, boolean required) {

  /** A column a row may leave empty. */
  public static Column optional(String name, Kind kind) {
    return new Column(name, kind, null, false);
  }

  /** A column every row has. */
  public static Column required(String name, Kind kind) {
    return new Column(name, kind, null, true);
  }

  /** The id of a row of another table (or the same one). */
  public static Column reference(String name, String table, boolean required) {
    return new Column(name, Kind.ID, table, required);
  }
}
