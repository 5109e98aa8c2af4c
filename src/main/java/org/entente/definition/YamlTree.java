package org.entente.definition;

import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML document read as a JSON tree, remembering the line each node starts on, so that schema and
 * reference errors can name their line. Dates and other scalars YAML would interpret are kept as
 * the text that was written, except numbers, booleans and null.
 */
final class YamlTree {

  private static final int MAX_CODE_POINTS = 5_000_000;

  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlTree(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  JsonNode root() {
    return root;
  }

  /** The line of the node at a JSON pointer, or of its nearest parent that has one. */
  int lineOf(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /**
   * Reads a document.
   *
   * @throws DefinitionException for an empty document, a syntax error or a key given twice
   */
  static YamlTree parse(String file, String text) {
    if (text.isBlank()) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(file, 1, "", "the file is empty: nothing to load")));
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(50);
    Node node;
    try (Reader reader = new StringReader(text)) {
      node = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      throw new DefinitionException(
          List.of(
              new DefinitionProblem(file, line, "", "YAML syntax error: " + problem + context)));
    } catch (YAMLException | java.io.IOException e) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(file, 1, "", "cannot read YAML: " + e.getMessage())));
    }
    if (node == null) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(file, 1, "", "the file is empty: nothing to load")));
    }
    Map<String, Integer> lines = new HashMap<>();
    JsonNode root = convert(file, node, "", lines);
    return new YamlTree(root, lines);
  }

  private static JsonNode convert(
      String file, Node node, String pointer, Map<String, Integer> lines) {
    lines.put(pointer, node.getStartMark().getLine() + 1);
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MappingNode mapping) {
      ObjectNode object = f.objectNode();
      Set<String> seen = new HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
          throw new DefinitionException(
              List.of(
                  new DefinitionProblem(
                      file,
                      tuple.getKeyNode().getStartMark().getLine() + 1,
                      Paths.display(pointer),
                      "a key must be plain text")));
        }
        String key = keyNode.getValue();
        String child = pointer + "/" + Paths.escape(key);
        if (!seen.add(key)) {
          throw new DefinitionException(
              List.of(
                  new DefinitionProblem(
                      file,
                      keyNode.getStartMark().getLine() + 1,
                      Paths.display(pointer),
                      "duplicate key '" + key + "': each key may appear once in a mapping")));
        }
        object.set(key, convert(file, tuple.getValueNode(), child, lines));
        lines.put(child, keyNode.getStartMark().getLine() + 1);
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = f.arrayNode();
      int i = 0;
      for (Node item : sequence.getValue()) {
        array.add(convert(file, item, pointer + "/" + i++, lines));
      }
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    String value = scalar.getValue();
    if (scalar.isPlain()) {
      Tag tag = scalar.getTag();
      if (Tag.NULL.equals(tag)) {
        return f.nullNode();
      }
      if (Tag.BOOL.equals(tag)) {
        return f.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
      }
      if (Tag.INT.equals(tag)) {
        try {
          return f.numberNode(Long.parseLong(value));
        } catch (NumberFormatException e) {
          return f.textNode(value);
        }
      }
      if (Tag.FLOAT.equals(tag)) {
        try {
          return f.numberNode(new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
          return f.textNode(value);
        }
      }
    }
    return f.textNode(value);
  }
}
