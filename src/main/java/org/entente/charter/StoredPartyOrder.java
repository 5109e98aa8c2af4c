package org.entente.charter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charter's {@code party_order} column: for each language that the definition gives an order
 * for, the party keys in the order that language names them ({@code en:US,UA;uk:UA,US}); null when
 * it gives none, and then every language follows the parties' own order.
 */
final class StoredPartyOrder {

  private StoredPartyOrder() {}

  /** The column's value for a definition's order, or null. */
  static String encode(Map<String, List<String>> order) {
    if (order == null || order.isEmpty()) {
      return null;
    }
    List<String> languages = new ArrayList<>();
    order.forEach((language, parties) -> languages.add(language + ":" + String.join(",", parties)));
    return String.join(";", languages);
  }

  /** Reads the column; an empty map when it is null. */
  static Map<String, List<String>> decode(String column) {
    Map<String, List<String>> order = new LinkedHashMap<>();
    if (column == null || column.isBlank()) {
      return order;
    }
    for (String language : column.split(";")) {
      int colon = language.indexOf(':');
      if (colon > 0) {
        order.put(language.substring(0, colon), List.of(language.substring(colon + 1).split(",")));
      }
    }
    return order;
  }
}
