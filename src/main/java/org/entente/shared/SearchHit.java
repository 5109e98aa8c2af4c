package org.entente.shared;

import java.util.List;

/**
 * One record a search found, as every module gives it.
 *
 * @param type {@code commitment}, {@code project}, {@code milestone}, {@code meeting} or {@code
 *     statement}
 * @param key the record's key or id, as its page address uses it
 * @param group the working group's or platform's key, or null for the charter as a whole
 * @param areas the keys of the areas it belongs to
 * @param status its status in words of its module, or null
 * @param url the page that shows it
 */
public record SearchHit(
    String type,
    String key,
    String title,
    String excerpt,
    String group,
    List<String> areas,
    String status,
    String url) {

  public SearchHit {
    areas = List.copyOf(areas);
  }
}
