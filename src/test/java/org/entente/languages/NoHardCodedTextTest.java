package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.junit.jupiter.api.Test;

/**
 * Every human-readable text of every template comes from a message bundle: no text between tags, no
 * human-facing attribute (alt, title, aria-label, placeholder, the value of a button) and no text
 * inside a Thymeleaf expression that is not a message key. Otherwise it would show in English on an
 * Azerbaijani page.
 */
class NoHardCodedTextTest {

  static final Path TEMPLATES = Path.of("src/main/resources/templates");

  @Test
  void everyTemplateTakesItsTextsFromTheMessageBundles() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> templates;
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(templates).hasSizeGreaterThan(30);
    for (Path template : templates) {
      problems.addAll(
          Checker.problems(
              TEMPLATES.relativize(template).toString(),
              Files.readString(template, StandardCharsets.UTF_8)));
    }
    assertThat(problems).as("hard-coded texts in templates").isEmpty();
  }

  @Test
  void theCheckerFindsTextBetweenTags() {
    assertThat(Checker.problems("bad", "<main><h1>Charters</h1><p th:text=\"#{a.b}\"></p></main>"))
        .singleElement()
        .asString()
        .contains("bad:1", "Charters");
  }

  @Test
  void theCheckerFindsAPlaceholderInsideAnElementReplacedAtRunTime() {
    assertThat(Checker.problems("bad", "<span th:text=\"${x}\">Baku</span>")).hasSize(1);
  }

  @Test
  void theCheckerFindsHumanFacingAttributes() {
    assertThat(
            Checker.problems(
                "bad",
                "<img src=\"a.png\" alt=\"A chart\"><a title=\"More\" href=\"#\"></a>"
                    + "<nav aria-label=\"Site\"></nav><input name=\"q\" placeholder=\"Search\">"
                    + "<button type=\"submit\" value=\"Save\"></button>"
                    + "<input type=\"submit\" value=\"Send\">"))
        .hasSize(6);
  }

  @Test
  void theCheckerFindsTextInsideExpressions() {
    assertThat(
            Checker.problems(
                "bad",
                "<head th:replace=\"~{fragments/layout :: head('Charters')}\"></head>"
                    + "<p th:text=\"${x} ?: 'None given'\"></p>"
                    + "<p th:text=\"|Signed ${x}|\"></p>"
                    + "<p th:text=\"${ok} ? 'Yes' : 'No'\"></p>"))
        .hasSize(5);
  }

  @Test
  void theCheckerAcceptsMessagesCodesPatternsAndPunctuation() {
    assertThat(
            Checker.problems(
                "good",
                "<!DOCTYPE html><html lang=\"en\" th:lang=\"${@languages.tag()}\">"
                    + "<head th:replace=\"~{fragments/layout :: head(#{charters.title})}\"></head>"
                    + "<!-- a comment -->"
                    + "<h1 th:text=\"#{charters.title}\"></h1>"
                    + "<p><span th:text=\"${a}\"></span>: <span th:text=\"${b}\"></span>.</p>"
                    + "<time th:text=\"${#temporals.format(t, 'yyyy-MM-dd HH:mm', 'UTC')}\"></time>"
                    + "<a th:classappend=\"${x} ? 'current'\" th:aria-current=\"${x} ? 'page'\""
                    + " th:title=\"#{a.title}\">&middot;</a>"
                    + "<input type=\"hidden\" name=\"status\" value=\"OPEN\">"
                    + "<input type=\"text\" name=\"q\" value=\"\" th:placeholder=\"#{q}\">"
                    + "<td th:text=\"${n} ?: '—'\"></td>"
                    + "<th:block th:if=\"${s == 'DONE'}\"></th:block>"
                    + "<script>var x = 'Not text';</script></html>"))
        .isEmpty();
  }

  /** Finds the hard-coded human-readable texts of one template. */
  static final class Checker extends AbstractSimpleMarkupHandler {

    /** Attributes a person reads or hears. */
    static final Set<String> HUMAN_ATTRIBUTES =
        Set.of(
            "alt",
            "title",
            "aria-label",
            "aria-description",
            "aria-roledescription",
            "aria-valuetext",
            "placeholder",
            "label",
            "summary",
            "abbr");

    /** Thymeleaf attributes whose literals end up as text on the page. */
    static final Set<String> TEXT_PROCESSORS =
        Set.of(
            "th:text",
            "th:utext",
            "th:value",
            "th:title",
            "th:alt",
            "th:placeholder",
            "th:aria-label",
            "th:label",
            "th:attr",
            "th:with",
            "th:replace",
            "th:insert",
            "th:content",
            "th:abbr");

    static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    static final Pattern PIPES = Pattern.compile("\\|([^|]*)\\|");
    static final Pattern EXPRESSION = Pattern.compile("[$*#@~]\\{[^{}]*}");
    static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    static final Pattern DATE_PATTERN = Pattern.compile("[yMdHhmsSaEuzZXxkKLT:\\-/., ]+");

    private final String name;
    private final List<String> problems = new ArrayList<>();
    private final Deque<String> elements = new ArrayDeque<>();

    private Checker(String name) {
      this.name = name;
    }

    static List<String> problems(String name, String html) {
      Checker checker = new Checker(name);
      try {
        new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, checker);
      } catch (ParseException e) {
        checker.problems.add(name + ": cannot be parsed: " + e.getMessage());
      }
      return checker.problems;
    }

    @Override
    public void handleOpenElement(
        String element, Map<String, String> attributes, int line, int col) {
      elements.push(element.toLowerCase(Locale.ROOT));
      attributes(element, attributes, line);
    }

    @Override
    public void handleStandaloneElement(
        String element, Map<String, String> attributes, boolean minimized, int line, int col) {
      attributes(element, attributes, line);
    }

    @Override
    public void handleCloseElement(String element, int line, int col) {
      String closed = element.toLowerCase(Locale.ROOT);
      while (!elements.isEmpty()) {
        if (elements.pop().equals(closed)) {
          break;
        }
      }
    }

    @Override
    public void handleText(char[] buffer, int offset, int len, int line, int col) {
      String parent = elements.peek();
      if ("script".equals(parent) || "style".equals(parent)) {
        return;
      }
      String text = new String(buffer, offset, len);
      if (isHuman(ENTITY.matcher(text).replaceAll(" "))) {
        problem(line, "text \"" + text.strip() + "\"");
      }
    }

    private void attributes(String element, Map<String, String> attributes, int line) {
      if (attributes == null) {
        return;
      }
      String tag = element.toLowerCase(Locale.ROOT);
      boolean button =
          tag.equals("button")
              || (tag.equals("input")
                  && Set.of("submit", "button", "reset")
                      .contains(String.valueOf(attributes.get("type")).toLowerCase(Locale.ROOT)));
      attributes.forEach(
          (key, value) -> {
            String attribute = key.toLowerCase(Locale.ROOT);
            if (value == null) {
              return;
            }
            if (HUMAN_ATTRIBUTES.contains(attribute) || (button && attribute.equals("value"))) {
              if (isHuman(value)) {
                problem(line, attribute + "=\"" + value + "\"");
              }
            } else if (TEXT_PROCESSORS.contains(attribute)) {
              for (String literal : literals(value)) {
                if (isHumanLiteral(literal)) {
                  problem(line, attribute + " has the text '" + literal + "'");
                }
              }
            }
          });
    }

    /** The text literals of an expression: 'quoted' and |substituted| (less what they insert). */
    static List<String> literals(String expression) {
      List<String> literals = new ArrayList<>();
      Matcher pipes = PIPES.matcher(expression);
      while (pipes.find()) {
        literals.add(EXPRESSION.matcher(pipes.group(1)).replaceAll(" "));
      }
      Matcher quoted = LITERAL.matcher(PIPES.matcher(expression).replaceAll(" "));
      while (quoted.find()) {
        literals.add(quoted.group(1));
      }
      return literals;
    }

    /** Text that has letters in it. */
    static boolean isHuman(String text) {
      return text.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * A literal a person would read: several words, or a capitalized word ('None'). One lower-case
     * or camel-case word ('current', 'dueOn'), a constant ('DONE') or a date pattern is code.
     */
    static boolean isHumanLiteral(String literal) {
      String text = literal.strip();
      if (!isHuman(text) || DATE_PATTERN.matcher(text).matches()) {
        return false;
      }
      boolean severalWords = text.matches(".*\\p{L}+\\s+\\p{L}+.*");
      boolean capitalizedWord = text.matches("\\p{Lu}\\p{Ll}.*");
      return severalWords || capitalizedWord;
    }

    private void problem(int line, String what) {
      problems.add(name + ":" + line + ": " + what);
    }
  }
}
