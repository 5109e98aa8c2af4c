package org.entente.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code charter.party-order}, the alternat: for a language, the order in which its texts
 * name the parties ({@code {en: [US, UA], uk: [UA, US]}}). A language named must be one of the
 * charter's (or English, which every charter's pages are offered in), and its list must name each
 * party exactly once; a language not named names the parties in the file's order.
 */
final class PartyOrders {

  static final String POINTER = "/charter/party-order";

  private PartyOrders() {}

  /**
   * The order for each language named, as given; what is wrong is reported to {@code problem}
   * (pointer, message).
   */
  static Map<String, List<String>> read(
      JsonNode node,
      List<String> languages,
      List<String> parties,
      BiConsumer<String, String> problem) {
    Map<String, List<String>> orders = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return orders;
    }
    for (String language : node.propertyNames()) {
      String pointer = POINTER + "/" + Paths.escape(language);
      if (!languages.contains(language) && !"en".equals(language)) {
        problem.accept(
            pointer,
            "'"
                + language
                + "' is not one of the charter's languages; known: "
                + String.join(", ", languages));
        continue;
      }
      List<String> order = new ArrayList<>();
      node.get(language).forEach(key -> order.add(key.asString()));
      if (order.size() != parties.size() || !order.containsAll(parties)) {
        problem.accept(
            pointer,
            "the order for '"
                + language
                + "' must name each party once: "
                + String.join(", ", parties)
                + "; it names "
                + String.join(", ", order));
        continue;
      }
      orders.put(language, List.copyOf(order));
    }
    return orders;
  }
}
