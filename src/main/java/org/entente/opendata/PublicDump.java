package org.entente.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.entente.exchange.RecordType;
import org.entente.shared.Csv;

/**
 * The public dump's files: which record types it holds and in which order, and how a type's records
 * are written as CSV. Which records and which fields the public receives, each module says in its
 * own {@link org.entente.exchange.RecordExchange} (read through {@link
 * org.entente.exchange.Publication} as {@link org.entente.exchange.Reader#PUBLIC}); this only lays
 * them out. Every record has every field of its type, null when empty.
 */
final class PublicDump {

  private PublicDump() {}

  /** The record type of the charter itself: one record, the dump's {@code charter}. */
  static final String CHARTER = "charter";

  /** The record types of the public dump, in the dump's order; there is a CSV file of each. */
  static final List<String> TYPES =
      List.of(
          "areas",
          "commitments",
          "working-groups",
          "projects",
          "financing",
          "milestones",
          "statements",
          "indicators",
          "indicator-values");

  /**
   * The languages a localized field is split into in CSV: the charter's languages (its record's
   * {@code languages}), English first when it is one of them (the order the files always had), then
   * the others in the order the definition gives them.
   */
  static List<String> languages(Map<String, Object> charter) {
    List<String> languages = new ArrayList<>();
    if (charter.get("languages") instanceof List<?> declared) {
      declared.stream()
          .map(String::valueOf)
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .forEach(languages::add);
    }
    if (languages.remove("en")) {
      languages.add(0, "en");
    }
    return languages.isEmpty() ? List.of("en") : languages;
  }

  /** The charter's record, then every record type's records, in the dump's order. */
  static Map<String, Object> records(Map<String, List<Map<String, Object>>> published) {
    Map<String, Object> dump = new LinkedHashMap<>();
    dump.put(CHARTER, published.get(CHARTER).get(0));
    TYPES.forEach(type -> dump.put(type, published.get(type)));
    return dump;
  }

  /**
   * Records of a type as CSV (RFC 4180, a header row; a text in several languages as one column per
   * language, e.g. {@code title_en}, {@code title_az}; a list joined by {@code ; }).
   */
  static String csv(RecordType type, List<Map<String, Object>> records, List<String> languages) {
    List<String> header = new ArrayList<>();
    for (RecordType.Field f : type.fields()) {
      if (f.localized()) {
        languages.forEach(l -> header.add(f.name() + "_" + l));
      } else {
        header.add(f.name());
      }
    }
    Csv.Writer out = Csv.writer(header);
    for (Map<String, Object> record : records) {
      List<String> cells = new ArrayList<>();
      for (RecordType.Field f : type.fields()) {
        Object value = record.get(f.name());
        if (f.localized()) {
          Map<?, ?> texts = value instanceof Map<?, ?> m ? m : Map.of();
          languages.forEach(l -> cells.add(cell(texts.get(l))));
        } else {
          cells.add(cell(value));
        }
      }
      out.row(cells);
    }
    return out.toString();
  }

  /** A cell as text: a list joined by "; " ({@link Csv} makes it safe for spreadsheets). */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining("; "))
        : String.valueOf(value);
  }
}
