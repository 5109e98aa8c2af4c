package org.entente.definition;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

/** Checks what the schema cannot, and builds the records, in one pass over the tree. */
final class DefinitionChecker {

  private final String file;
  private final YamlTree tree;
  final List<DefinitionProblem> problems = new ArrayList<>();
  private String textLanguage = "en";

  private final Set<String> partyKeys = new LinkedHashSet<>();
  private final Set<String> clauseKeys = new LinkedHashSet<>();
  private final Set<String> areaKeys = new LinkedHashSet<>();
  private final Set<String> groupKeys = new LinkedHashSet<>();

  DefinitionChecker(String file, YamlTree tree) {
    this.file = file;
    this.tree = tree;
  }

  Definition build(String sha256) {
    JsonNode c = tree.root().get("charter");
    textLanguage = c.has("text-language") ? c.get("text-language").asString() : "en";
    List<CharterContent.Party> parties = parties();
    List<CharterContent.FoundationDocument> documents = documents();
    List<CharterContent.Principle> principles = principles();
    List<CharterContent.Article> articles = articles();
    List<CharterContent.Area> areas = areas();
    List<CharterContent.Commitment> commitments = commitments();
    List<CharterContent.WorkingGroup> groups = workingGroups();
    List<CharterContent.DialoguePlatform> platforms = platforms();
    Set<String> subjects = new LinkedHashSet<>(groupKeys);
    subjects.add(ObligationRule.FRAMEWORK);
    List<CharterContent.HistoryEntry> history = new ArrayList<>();
    List<ObligationEvent> events = new ArrayList<>();
    history(subjects, history, events);
    LocalDate signedOn = date(c.get("signed-on"), "/charter/signed-on");
    List<ObligationRule> rules = obligations(subjects, signedOn);
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
            translations(c.get("translations"), languageList),
            c.has("quote-language") ? c.get("quote-language").asString() : textLanguage,
            PartyOrders.read(
                c.get("party-order"),
                languageList,
                parties.stream().map(CharterContent.Party::key).toList(),
                this::problem),
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
    // each text in a language whose alphabet is known uses the letters of that alphabet only
    Alphabets.problems(tree.root()).forEach(p -> problem(p.pointer(), p.message()));
    return new Definition(content, rules, events);
  }

  /**
   * How each language is held: every language named must be one of the charter's, and not the
   * text-language, whose texts are the file's own.
   */
  private Map<String, String> translations(JsonNode node, List<String> languages) {
    Map<String, String> translations = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return translations;
    }
    for (String language : node.propertyNames()) {
      String pointer = "/charter/translations/" + language;
      if (!languages.contains(language)) {
        problem(
            pointer,
            "'"
                + language
                + "' is not one of the charter's languages; known: "
                + String.join(", ", languages));
      } else if (language.equals(textLanguage)) {
        problem(
            pointer,
            "'"
                + language
                + "' is the text-language: its texts are the file's own, not a translation");
      }
      translations.put(language, node.get(language).asString());
    }
    return translations;
  }

  private List<CharterContent.Party> parties() {
    List<CharterContent.Party> parties = new ArrayList<>();
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
                  zones(n.get("time-zone"), p)));
        });
    return parties;
  }

  private List<CharterContent.FoundationDocument> documents() {
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
    return documents;
  }

  private List<CharterContent.Principle> principles() {
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
    return principles;
  }

  private List<CharterContent.Article> articles() {
    List<CharterContent.Article> articles = new ArrayList<>();
    Set<String> articleKeys = new LinkedHashSet<>();
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
    return articles;
  }

  private List<CharterContent.Area> areas() {
    List<CharterContent.Area> areas = new ArrayList<>();
    each(
        "/areas",
        (p, n) ->
            areas.add(
                new CharterContent.Area(
                    unique(areaKeys, n, p, "area"),
                    text(n.get("name")),
                    text(n.get("description")))));
    return areas;
  }

  private List<CharterContent.Commitment> commitments() {
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
    return commitments;
  }

  private List<CharterContent.WorkingGroup> workingGroups() {
    List<CharterContent.WorkingGroup> groups = new ArrayList<>();
    each(
        "/working-groups",
        (p, n) -> {
          String key = unique(groupKeys, n, p, "working group");
          if (ObligationRule.FRAMEWORK.equals(key)
              || ObligationRule.EACH_WORKING_GROUP.equals(key)) {
            problem(p + "/key", "'" + key + "' is a reserved word and cannot name a working group");
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
    return groups;
  }

  private List<CharterContent.DialoguePlatform> platforms() {
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
    return platforms;
  }

  /** The history, and the obligation events its entries are. */
  private void history(
      Set<String> subjects,
      List<CharterContent.HistoryEntry> history,
      List<ObligationEvent> events) {
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
  }

  private List<ObligationRule> obligations(Set<String> subjects, LocalDate signedOn) {
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
    return rules;
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

  /** A party's time zone or zones (one name, or a list of them), each a known IANA zone. */
  private List<String> zones(JsonNode node, String pointer) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> zones = new ArrayList<>();
    List<JsonNode> names = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(names::add);
    } else {
      names.add(node);
    }
    for (int i = 0; i < names.size(); i++) {
      String where = pointer + "/time-zone" + (node.isArray() ? "/" + i : "");
      try {
        String zone = java.time.ZoneId.of(names.get(i).asString()).getId();
        if (zones.contains(zone)) {
          problem(where, "'" + zone + "' is named twice");
        } else {
          zones.add(zone);
        }
      } catch (java.time.DateTimeException e) {
        problem(where, "'" + names.get(i).asString() + "' is not a known time zone");
      }
    }
    return zones;
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
