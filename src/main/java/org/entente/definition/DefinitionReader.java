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
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.charter.CharterContent;
import org.entente.obligations.ObligationEvent;
import org.entente.obligations.ObligationRule;
import org.entente.obligations.ObligationRule.Recurrence;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.Source;
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
    Checker checker = new Checker(file, tree);
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

  /** Checks what the schema cannot, and builds the records, in one pass over the tree. */
  private static final class Checker {

    private final String file;
    private final YamlTree tree;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private String textLanguage = "en";

    Checker(String file, YamlTree tree) {
      this.file = file;
      this.tree = tree;
    }

    Definition build(String sha256) {
      JsonNode root = tree.root();
      JsonNode c = root.get("charter");
      textLanguage = c.has("text-language") ? c.get("text-language").asString() : "en";

      List<CharterContent.Party> parties = new ArrayList<>();
      Set<String> partyKeys = new LinkedHashSet<>();
      each(
          "/parties",
          (p, n) -> {
            String key = unique(partyKeys, n, p, "party");
            parties.add(
                new CharterContent.Party(
                    key,
                    text(n.get("official-name")),
                    text(n.get("short-name")),
                    text(n.get("signatory")),
                    n.hasNonNull("time-zone") ? zone(n.get("time-zone"), p) : null));
          });

      List<CharterContent.FoundationDocument> documents = new ArrayList<>();
      Set<String> documentKeys = new LinkedHashSet<>();
      each(
          "/foundation-documents",
          (p, n) ->
              documents.add(
                  new CharterContent.FoundationDocument(
                      unique(documentKeys, n, p, "foundation document"),
                      text(n.get("title")),
                      text(n.get("place")),
                      text(n.get("summary")),
                      date(n.get("date"), p + "/date"),
                      source(n.get("source")))));

      List<CharterContent.Principle> principles = new ArrayList<>();
      Set<String> principleKeys = new LinkedHashSet<>();
      each(
          "/principles",
          (p, n) ->
              principles.add(
                  new CharterContent.Principle(
                      unique(principleKeys, n, p, "principle"),
                      text(n.get("text")),
                      source(n.get("source")))));

      List<CharterContent.Article> articles = new ArrayList<>();
      Set<String> articleKeys = new LinkedHashSet<>();
      Set<String> clauseKeys = new LinkedHashSet<>();
      each(
          "/articles",
          (p, n) -> {
            String key = unique(articleKeys, n, p, "article");
            List<CharterContent.Clause> clauses = new ArrayList<>();
            each(
                p + "/clauses",
                (cp, cn) ->
                    clauses.add(
                        new CharterContent.Clause(
                            unique(clauseKeys, cn, cp, "clause"),
                            cn.get("number").asString(),
                            text(cn.get("text")),
                            source(cn.get("source")))));
            articles.add(
                new CharterContent.Article(
                    key, n.get("number").asString(), text(n.get("title")), clauses));
          });

      List<CharterContent.Area> areas = new ArrayList<>();
      Set<String> areaKeys = new LinkedHashSet<>();
      each(
          "/areas",
          (p, n) ->
              areas.add(
                  new CharterContent.Area(
                      unique(areaKeys, n, p, "area"),
                      text(n.get("name")),
                      text(n.get("description")))));

      List<CharterContent.Commitment> commitments = new ArrayList<>();
      Set<String> commitmentKeys = new LinkedHashSet<>();
      each(
          "/commitments",
          (p, n) ->
              commitments.add(
                  new CharterContent.Commitment(
                      unique(commitmentKeys, n, p, "commitment"),
                      text(n.get("title")),
                      text(n.get("action")),
                      reference(clauseKeys, n.get("clause"), p + "/clause", "clause"),
                      references(areaKeys, p + "/areas", "area"),
                      source(n.get("source")),
                      classification(n))));

      List<CharterContent.WorkingGroup> groups = new ArrayList<>();
      Set<String> groupKeys = new LinkedHashSet<>();
      each(
          "/working-groups",
          (p, n) -> {
            String key = unique(groupKeys, n, p, "working group");
            if (ObligationRule.FRAMEWORK.equals(key)
                || ObligationRule.EACH_WORKING_GROUP.equals(key)) {
              problem(
                  p + "/key", "'" + key + "' is a reserved word and cannot name a working group");
            }
            Map<String, LocalizedText> chairs = new LinkedHashMap<>();
            JsonNode coChairs = n.get("co-chairs");
            for (String party : coChairs.propertyNames()) {
              reference(partyKeys, party, p + "/co-chairs/" + party, "party");
              chairs.put(party, text(coChairs.get(party)));
            }
            groups.add(
                new CharterContent.WorkingGroup(
                    key,
                    text(n.get("name")),
                    text(n.get("description")),
                    references(areaKeys, p + "/areas", "area"),
                    chairs,
                    n.has("restricted") && n.get("restricted").asBoolean(),
                    source(n.get("source")),
                    classification(n)));
          });

      List<CharterContent.DialoguePlatform> platforms = new ArrayList<>();
      Set<String> platformKeys = new LinkedHashSet<>();
      each(
          "/dialogue-platforms",
          (p, n) ->
              platforms.add(
                  new CharterContent.DialoguePlatform(
                      unique(platformKeys, n, p, "dialogue platform"),
                      text(n.get("name")),
                      text(n.get("purpose")),
                      references(areaKeys, p + "/areas", "area"),
                      n.get("status").asString(),
                      source(n.get("source")),
                      classification(n))));

      Set<String> subjects = new LinkedHashSet<>(groupKeys);
      subjects.add(ObligationRule.FRAMEWORK);

      List<CharterContent.HistoryEntry> history = new ArrayList<>();
      List<ObligationEvent> events = new ArrayList<>();
      Set<String> historyKeys = new LinkedHashSet<>();
      each(
          "/history",
          (p, n) -> {
            String key = unique(historyKeys, n, p, "history entry");
            String subject = optional(n, "subject");
            if (subject != null) {
              reference(subjects, subject, p + "/subject", "subject (framework or working group)");
            }
            LocalDate date = date(n.get("date"), p + "/date");
            CharterContent.HistoryEntry entry =
                new CharterContent.HistoryEntry(
                    key,
                    date,
                    n.get("kind").asString(),
                    text(n.get("title")),
                    text(n.get("description")),
                    subject,
                    optional(n, "deliverable"),
                    source(n.get("source")));
            history.add(entry);
            events.add(
                new ObligationEvent(
                    key, entry.kind(), subject, entry.deliverable(), date, entry.title()));
          });

      LocalDate signedOn = date(c.get("signed-on"), "/charter/signed-on");
      List<ObligationRule> rules = new ArrayList<>();
      Set<String> ruleKeys = new LinkedHashSet<>();
      Set<String> appliesTo = new LinkedHashSet<>(subjects);
      appliesTo.add(ObligationRule.EACH_WORKING_GROUP);
      each(
          "/obligations",
          (p, n) -> {
            String key = unique(ruleKeys, n, p, "obligation");
            String clause = optional(n, "clause");
            if (clause != null) {
              reference(clauseKeys, clause, p + "/clause", "clause");
            }
            JsonNode rule = n.get("rule");
            boolean within = rule.has("within");
            String periodPointer = p + "/rule/" + (within ? "within" : "every");
            Period period = period(rule.get(within ? "within" : "every"), periodPointer);
            LocalDate from = signedOn;
            if (rule.has("from") && !"signing".equals(rule.get("from").asString())) {
              from = date(rule.get("from"), p + "/rule/from");
            }
            String target = rule.get("applies-to").asString();
            reference(
                appliesTo,
                target,
                p + "/rule/applies-to",
                "framework, each-working-group or working group");
            JsonNode metBy = rule.get("met-by");
            rules.add(
                new ObligationRule(
                    key,
                    text(n.get("title")),
                    clause,
                    within ? Recurrence.WITHIN : Recurrence.EVERY,
                    period,
                    rule.has("from") ? from : null,
                    target,
                    metBy.get("event").asString(),
                    optional(metBy, "deliverable")));
          });

      JsonNode languages = c.get("languages");
      List<String> languageList = new ArrayList<>();
      languages.forEach(l -> languageList.add(l.asString()));
      CharterContent content =
          new CharterContent(
              c.get("key").asString(),
              text(c.get("title")),
              text(c.get("short-title")),
              text(c.get("summary")),
              text(c.get("reading")),
              text(c.get("signed-at")),
              signedOn,
              languageList,
              textLanguage,
              source(c.get("source")),
              classification(c),
              file,
              sha256,
              parties,
              documents,
              principles,
              articles,
              areas,
              commitments,
              groups,
              platforms,
              history);
      return new Definition(content, rules, events);
    }

    private interface Visitor {
      void visit(String pointer, JsonNode node);
    }

    private void each(String pointer, Visitor visitor) {
      JsonNode array = tree.root().at(pointer);
      if (array == null || !array.isArray()) {
        return;
      }
      for (int i = 0; i < array.size(); i++) {
        visitor.visit(pointer + "/" + i, array.get(i));
      }
    }

    private String zone(JsonNode node, String pointer) {
      if (node == null || node.isNull()) {
        return null;
      }
      try {
        return java.time.ZoneId.of(node.asString()).getId();
      } catch (java.time.DateTimeException e) {
        problem(pointer + "/time-zone", "'" + node.asString() + "' is not a known time zone");
        return null;
      }
    }

    private String unique(Set<String> keys, JsonNode node, String pointer, String what) {
      String key = node.get("key").asString();
      if (!keys.add(key)) {
        problem(pointer + "/key", "duplicate " + what + " key '" + key + "'");
      }
      return key;
    }

    private String reference(Set<String> known, JsonNode node, String pointer, String what) {
      return reference(known, node.asString(), pointer, what);
    }

    private String reference(Set<String> known, String key, String pointer, String what) {
      if (!known.contains(key)) {
        problem(
            pointer,
            "unknown "
                + what
                + " '"
                + key
                + "'"
                + (known.isEmpty() ? "" : "; known: " + String.join(", ", known)));
      }
      return key;
    }

    private List<String> references(Set<String> known, String pointer, String what) {
      List<String> keys = new ArrayList<>();
      JsonNode array = tree.root().at(pointer);
      if (array != null && array.isArray()) {
        for (int i = 0; i < array.size(); i++) {
          keys.add(reference(known, array.get(i), pointer + "/" + i, what));
        }
      }
      return keys;
    }

    private LocalDate date(JsonNode node, String pointer) {
      try {
        return LocalDate.parse(node.asString());
      } catch (DateTimeParseException e) {
        problem(pointer, "'" + node.asString() + "' is not a real date (YYYY-MM-DD)");
        return LocalDate.EPOCH;
      }
    }

    private Period period(JsonNode node, String pointer) {
      try {
        Period period = Period.parse(node.asString());
        if (period.isZero() || period.isNegative()) {
          problem(pointer, "the period '" + node.asString() + "' must be longer than zero");
        }
        return period;
      } catch (DateTimeParseException e) {
        problem(pointer, "'" + node.asString() + "' is not an ISO 8601 period such as P3M");
        return Period.ZERO;
      }
    }

    private Classification classification(JsonNode node) {
      return node.has("classification")
          ? Classification.fromCode(node.get("classification").asString())
          : Classification.PUBLIC;
    }

    private LocalizedText text(JsonNode node) {
      if (node == null || node.isNull()) {
        return LocalizedText.empty();
      }
      if (node.isString()) {
        return LocalizedText.of(textLanguage, node.asString().strip());
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (String language : node.propertyNames()) {
        values.put(language, node.get(language).asString().strip());
      }
      return new LocalizedText(values);
    }

    private static Source source(JsonNode node) {
      if (node == null) {
        return Source.NONE;
      }
      return new Source(optional(node, "document"), optional(node, "quote"), optional(node, "url"));
    }

    private static String optional(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : value.asString().strip();
    }

    private void problem(String pointer, String message) {
      problems.add(
          new DefinitionProblem(file, tree.lineOf(pointer), Paths.display(pointer), message));
    }
  }
}
