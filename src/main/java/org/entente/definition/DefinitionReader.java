package org.entente.definition;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a charter definition: YAML syntax, then the JSON Schema, then what a schema
 * cannot say (unique keys, references that resolve, real dates and periods). Every problem names
 * the file and line. Needs no Spring context.
 */
public final class DefinitionReader {

  static final String SCHEMA_RESOURCE = "/charter-definition.schema.json";

  private static final Schema SCHEMA = loadSchema();

  private static final Map<String, String> DEF_HINTS =
      Map.of(
          "period", "an ISO 8601 period such as P3M, P12M or P1Y",
          "date", "a date written YYYY-MM-DD",
          "key", "a key of lowercase letters, digits and hyphens, at most 64 characters",
          "partyKey", "a party key of 2 or 3 capital letters, such as AZ or US",
          "language", "a language tag such as en, az or az-Latn");

  /**
   * Reads one definition.
   *
   * @param file the name to use in messages
   * @throws DefinitionException naming every problem found
   */
  public Definition read(String file, String text) {
    YamlTree tree = YamlTree.parse(file, text);
    List<DefinitionProblem> problems = schemaProblems(file, tree);
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    DefinitionChecker checker = new DefinitionChecker(file, tree);
    Definition definition = checker.build(sha256(text));
    if (!checker.problems.isEmpty()) {
      throw new DefinitionException(checker.problems);
    }
    return definition;
  }

  private static List<DefinitionProblem> schemaProblems(String file, YamlTree tree) {
    List<Error> errors = SCHEMA.validate(tree.root());
    List<DefinitionProblem> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Error error : errors) {
      String pointer = pointer(error.getInstanceLocation());
      String message = message(error);
      String target = pointer;
      if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
        target = pointer + "/" + Paths.escape(error.getProperty());
      }
      if (seen.add(target + message)) {
        problems.add(
            new DefinitionProblem(file, tree.lineOf(target), Paths.display(target), message));
      }
    }
    problems.sort(Comparator.comparingInt(DefinitionProblem::line));
    return problems;
  }

  private static String message(Error error) {
    String keyword = error.getKeyword();
    if ("required".equals(keyword) && error.getProperty() != null) {
      return "missing required field '" + error.getProperty() + "'";
    }
    if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
      return "unknown field '" + error.getProperty() + "'";
    }
    String schemaLocation = String.valueOf(error.getSchemaLocation());
    for (Map.Entry<String, String> hint : DEF_HINTS.entrySet()) {
      if (schemaLocation.contains("/$defs/" + hint.getKey() + "/")) {
        JsonNode value = error.getInstanceNode();
        return "'" + (value == null ? "" : value.asString()) + "' is not " + hint.getValue();
      }
    }
    String text = error.getMessage();
    String location = String.valueOf(error.getInstanceLocation());
    if (text.startsWith(location + ": ")) {
      text = text.substring(location.length() + 2);
    }
    return text;
  }

  private static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append('/').append(Paths.escape(String.valueOf(element)));
    }
    return out.toString();
  }

  private static Schema loadSchema() {
    try (InputStream in = DefinitionReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
