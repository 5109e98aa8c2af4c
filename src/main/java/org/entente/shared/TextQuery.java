package org.entente.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What someone searches for: words, each matched as the start of a word, and phrases in double
 * quotes; all must match. Written as SQL for PostgreSQL's full-text search ({@code to_tsvector} /
 * {@code to_tsquery}, configuration {@code simple}, so Azerbaijani and English words match as
 * written) or as portable {@code like} conditions for H2.
 *
 * @param text the query as typed, trimmed
 * @param parts the words and phrases, lower case, letters and digits only
 */
public record TextQuery(String text, List<List<String>> parts) {

  /** The longest query accepted. */
  public static final int MAX_LENGTH = 200;

  /** The most words and phrases in one query. */
  public static final int MAX_PARTS = 10;

  public TextQuery {
    parts = parts.stream().map(List::copyOf).toList();
  }

  /**
   * Reads a query.
   *
   * @throws BadRequestException naming {@code q}: empty, too long, an unclosed quote, too many
   *     words, or nothing to search for
   */
  public static TextQuery parse(String q) {
    if (q == null || q.isBlank()) {
      throw new BadRequestException("q", "type something to search for");
    }
    String text = q.strip();
    if (text.length() > MAX_LENGTH) {
      throw new BadRequestException(
          "q", "a search has at most " + MAX_LENGTH + " characters; this one has " + text.length());
    }
    if (text.chars().filter(c -> c == '"').count() % 2 != 0) {
      throw new BadRequestException("q", "a quote is not closed: phrases go between two \"");
    }
    List<List<String>> parts = new ArrayList<>();
    String[] pieces = text.split("\"", -1);
    for (int i = 0; i < pieces.length; i++) {
      List<String> words = words(pieces[i]);
      if (i % 2 == 1) {
        if (!words.isEmpty()) {
          parts.add(words);
        }
      } else {
        for (String w : words) {
          parts.add(List.of(w));
        }
      }
    }
    if (parts.isEmpty()) {
      throw new BadRequestException("q", "the search has no letters or digits to look for");
    }
    if (parts.size() > MAX_PARTS) {
      throw new BadRequestException(
          "q",
          "a search has at most " + MAX_PARTS + " words and phrases; this one has " + parts.size());
    }
    return new TextQuery(text, parts);
  }

  private static List<String> words(String s) {
    List<String> words = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /**
   * The SQL condition that {@code expression} (a text column or concatenation) matches the query,
   * with its named parameters.
   *
   * @param name a prefix for the parameter names, unique within the statement
   */
  public Condition condition(String expression, boolean postgres, String name) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (postgres) {
      List<String> terms = new ArrayList<>();
      for (List<String> part : parts) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
          // the last word of each part may be the start of a longer word
          words.add(part.get(i) + (i == part.size() - 1 ? ":*" : ""));
        }
        terms.add(part.size() == 1 ? words.get(0) : "(" + String.join(" <-> ", words) + ")");
      }
      params.put(name, String.join(" & ", terms));
      return new Condition(
          "to_tsvector('simple', " + expression + ") @@ to_tsquery('simple', :" + name + ")",
          params);
    }
    List<String> likes = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String param = name + i;
      params.put(param, "%" + String.join(" ", parts.get(i)) + "%");
      likes.add("lower(" + expression + ") like :" + param);
    }
    return new Condition("(" + String.join(" and ", likes) + ")", params);
  }

  /** An SQL condition and its named parameters. */
  public record Condition(String sql, Map<String, Object> params) {}
}
