package org.entente.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.shared.LocalizedText;

/**
 * A type of record as it leaves its module for a reader who receives records rather than tables
 * (the public): its name and the fields that reader receives, in order. A record of the type has
 * every field and no other ({@link #record}): a field leaves only when the module names it here.
 *
 * @param fields the fields, in order
 */
public record RecordType(String name, List<Field> fields) {

  /**
   * A field of a record type.
   *
   * @param localized whether it holds a text in several languages (a map from language to text)
   * @param refersTo the record type whose {@code key} it holds (one key, or a list of keys), or
   *     null: a key of a record the reader does not receive is left out ({@link Publication})
   */
  public record Field(String name, boolean localized, String refersTo) {}

  public RecordType {
    fields = List.copyOf(fields);
  }

  /** A type with its fields by name; a name ending in {@code *} is a text in several languages. */
  public static RecordType of(String name, String... fields) {
    List<Field> list = new ArrayList<>();
    for (String f : fields) {
      list.add(
          f.endsWith("*")
              ? new Field(f.substring(0, f.length() - 1), true, null)
              : new Field(f, false, null));
    }
    return new RecordType(name, list);
  }

  /** This type, its field {@code field} holding keys of records of type {@code type}. */
  public RecordType referring(String field, String type) {
    List<Field> list = new ArrayList<>();
    for (Field f : fields) {
      list.add(f.name().equals(field) ? new Field(f.name(), f.localized(), type) : f);
    }
    return new RecordType(name, list);
  }

  /**
   * A record of this type from its fields' names and values, in the type's order.
   *
   * @throws IllegalStateException when the names are not exactly the type's fields: a module cannot
   *     let a field leave that its type does not name, nor leave one out
   */
  public Map<String, Object> record(Object... pairs) {
    Map<String, Object> record = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      record.put((String) pairs[i], pairs[i + 1]);
    }
    List<String> names = fields.stream().map(Field::name).toList();
    if (!names.equals(new ArrayList<>(record.keySet()))) {
      throw new IllegalStateException(
          "a record of " + name + " has " + record.keySet() + ", its type " + names);
    }
    return record;
  }

  /** A text in several languages as it leaves: a map from language to text, empty for none. */
  public static Map<String, String> texts(LocalizedText text) {
    return text == null ? Map.of() : text.values();
  }

  /** A value as text (a date, a time, an id), or null. */
  public static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
