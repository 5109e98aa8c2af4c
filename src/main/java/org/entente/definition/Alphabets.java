package org.entente.definition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The letters a language is written in, for the languages Entente knows the alphabet of: a text
 * given in such a language may use its letters only (digits, punctuation and spaces are free). So
 * an Azerbaijani text with a letter of another alphabet ("Washington" for "Vaşinqton", "ä", a
 * Cyrillic letter) is refused with its line instead of being shown as the charter's text.
 */
final class Alphabets {

  /** Azerbaijani in its Latin alphabet (1992): 32 letters, with İ/i and I/ı as distinct pairs. */
  static final String AZERBAIJANI =
      "abcçdeəfgğhxıijkqlmnoöprsştuüvyz" + "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ";

  private static final Map<String, String> LETTERS = Map.of("az", AZERBAIJANI);

  private Alphabets() {}

  /** The letters of the text outside the language's alphabet, in order; empty when all fit. */
  static Set<String> foreignLetters(String language, String text) {
    String alphabet = LETTERS.get(language);
    Set<String> foreign = new LinkedHashSet<>();
    if (alphabet == null || text == null) {
      return foreign;
    }
    text.codePoints()
        .filter(Character::isLetter)
        .filter(c -> alphabet.indexOf(c) < 0)
        .forEach(c -> foreign.add(Character.toString(c)));
    return foreign;
  }

  /**
   * The texts of the tree that use letters outside their language's alphabet, each as where it is
   * and what is wrong with it.
   */
  static List<Problem> problems(JsonNode root) {
    List<Problem> problems = new ArrayList<>();
    for (Text t : tagged(root)) {
      Set<String> foreign = foreignLetters(t.language(), t.text());
      if (!foreign.isEmpty()) {
        problems.add(
            new Problem(
                t.pointer(),
                "the "
                    + t.language()
                    + " text uses letters outside its alphabet: "
                    + String.join(" ", foreign)));
      }
    }
    return problems;
  }

  /** What is wrong with a text, and where it is. */
  record Problem(String pointer, String message) {}

  /** A text found in a language with a known alphabet: where it is, and in which language. */
  record Text(String pointer, String language, String text) {}

  /**
   * Every text of the tree tagged with a language whose alphabet is known ({@code az: ...} in a
   * text map). Quotes are not texts in this sense: they sit under {@code source}, keep their own
   * language and are never looked at; nor is {@code charter.translations}, whose values are marks.
   */
  static List<Text> tagged(JsonNode root) {
    List<Text> texts = new ArrayList<>();
    collect(root, "", texts);
    return texts;
  }

  private static void collect(JsonNode node, String pointer, List<Text> texts) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, texts);
      }
      return;
    }
    if (!node.isObject()
        || pointer.endsWith("/source")
        || pointer.equals("/charter/translations")) {
      return;
    }
    for (String name : node.propertyNames()) {
      JsonNode value = node.get(name);
      String at = pointer + "/" + Paths.escape(name);
      if (value.isString() && LETTERS.containsKey(name)) {
        texts.add(new Text(at, name, value.asString()));
      } else {
        collect(value, at, texts);
      }
    }
  }
}
