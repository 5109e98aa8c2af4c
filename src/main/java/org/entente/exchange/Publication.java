package org.entente.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Component;

/**
 * What a reader receives of a charter by record type, each type from the module that owns it
 * ({@link RecordExchange#types}, {@link RecordExchange#records}). The one rule across modules is
 * applied here: a field that refers to records of another type keeps only the keys of records the
 * reader receives (a project the public may not see is not named, not even by its key, through a
 * milestone the public may see).
 */
@Component
public class Publication {

  private final List<RecordExchange> modules;

  public Publication(List<RecordExchange> modules) {
    this.modules = List.copyOf(modules);
  }

  /** The record type of that name the reader receives, if any module gives it to that reader. */
  public Optional<RecordType> type(String name, Reader reader) {
    return owner(name, reader).map(m -> typeOf(m, name, reader));
  }

  /**
   * The records of the named types of a charter the reader receives, by type in the order given;
   * keys of records of another type the reader does not receive left out.
   *
   * @throws IllegalArgumentException when no module gives a named type to the reader
   */
  public Map<String, List<Map<String, Object>>> records(
      CharterKey charterKey, Reader reader, List<String> names) {
    Map<String, List<Map<String, Object>>> read = new LinkedHashMap<>();
    for (String name : names) {
      read(name, charterKey, reader, read);
    }
    Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
    for (String name : names) {
      RecordType type = type(name, reader).orElseThrow();
      List<Map<String, Object>> list = new ArrayList<>();
      for (Map<String, Object> record : read.get(name)) {
        list.add(withKnownReferences(type, record, charterKey, reader, read));
      }
      records.put(name, list);
    }
    return records;
  }

  private List<Map<String, Object>> read(
      String name,
      CharterKey charterKey,
      Reader reader,
      Map<String, List<Map<String, Object>>> read) {
    List<Map<String, Object>> records = read.get(name);
    if (records == null) {
      RecordExchange module =
          owner(name, reader)
              .orElseThrow(() -> new IllegalArgumentException("no record type " + name));
      records = module.records(typeOf(module, name, reader), charterKey, reader);
      read.put(name, records);
    }
    return records;
  }

  private Map<String, Object> withKnownReferences(
      RecordType type,
      Map<String, Object> record,
      CharterKey charterKey,
      Reader reader,
      Map<String, List<Map<String, Object>>> read) {
    Map<String, Object> out = new LinkedHashMap<>(record);
    for (RecordType.Field field : type.fields()) {
      if (field.refersTo() == null) {
        continue;
      }
      Set<Object> keys = new HashSet<>();
      read(field.refersTo(), charterKey, reader, read).forEach(r -> keys.add(r.get("key")));
      Object value = out.get(field.name());
      if (value instanceof List<?> list) {
        out.put(field.name(), list.stream().filter(keys::contains).toList());
      } else if (value != null && !keys.contains(value)) {
        out.put(field.name(), null);
      }
    }
    return out;
  }

  private Optional<RecordExchange> owner(String name, Reader reader) {
    return modules.stream()
        .filter(m -> m.types(reader).stream().anyMatch(t -> t.name().equals(name)))
        .findFirst();
  }

  private static RecordType typeOf(RecordExchange module, String name, Reader reader) {
    return module.types(reader).stream().filter(t -> t.name().equals(name)).findFirst().get();
  }
}
