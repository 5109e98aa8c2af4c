package org.entente.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.entente.EntenteApplication;
import org.entente.audit.AuditVerifier;
import org.entente.audit.Checkpoints;
import org.entente.audit.Checkpoints.SignedCheckpoint;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.AgreementSubject;
import org.entente.concurrence.Concurrence;
import org.entente.identity.AccessTokens;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.Meetings;
import org.entente.migration.ReleaseFixture.Column;
import org.entente.migration.ReleaseFixture.Fixture;
import org.entente.migration.ReleaseFixture.Table;
import org.entente.projects.Projects;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.entente.testing.TestViewers;
import org.entente.translations.TranslatableTexts.Translatable;
import org.entente.translations.TranslationStatus;
import org.entente.translations.Translations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database made by an earlier release migrates to this one with its records, its agreed
 * fingerprints and its audit chain unchanged. For every fixture folder under {@code
 * src/test/resources/migration/} (one per release, each made by {@link ReleaseFixtureGenerator}
 * from that release's code and kept for ever): an empty database is migrated to the fixture's
 * Flyway version, the fixture's rows are loaded, and then the application starts on it, running
 * today's migrations. Then:
 *
 * <ul>
 *   <li>every fixture row is still there with the same values, in every column that still exists (a
 *       table may only disappear when it is named in {@link #DROPPED_TABLES}, and a column's values
 *       or kind only change when it is named in {@link #CHANGED_COLUMNS}, each with why); a record
 *       of a charter definition that the bundled definition has since translated may only have
 *       gained texts in more languages, with the same key, dates and every earlier text unchanged
 *       ({@link #DEFINITION_TABLES});
 *   <li>every stored version of an agreement still has its fingerprint, recomputed equal from its
 *       content, and every agreed version and approval names the fingerprint of its content;
 *   <li>a project list made then is, as read now, still the version under agreement: what a release
 *       adds to a project (a financing line's date) changes no list that does not use it;
 *   <li>a charter made then names its parties, in each of its languages, in their order then (V33
 *       added the alternat, a per-language order a definition may set; none was set before);
 *   <li>the audit chain verifies with the application's own verifier, and extends the checkpoint
 *       the release signed when the fixture was made;
 *   <li>an audited write after the migration appends to the chain, which still verifies.
 * </ul>
 *
 * <p><b>For the next release</b>: on the release's commit (before any later migration exists), run
 * {@code ./mvnw -B -q test -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=ReleaseFixtureGenerator -Dentente.fixture.release=<version>-<short commit>}, and commit
 * the new folder {@code src/test/resources/migration/release-<version>-<short commit>/} beside the
 * old ones. Never edit or remove an old folder: each one is a database some deployment may still
 * have.
 *
 * <p>Each database runs the contract: {@link MigrationFromPreviousReleaseOnH2Test} (H2 in
 * PostgreSQL mode) and {@link MigrationFromPreviousReleaseOnPostgresTest} (embedded PostgreSQL).
 */
abstract class MigrationFromPreviousReleaseContract {

  /** Tables a later migration dropped on purpose, with the migration and where the rows went. */
  static final Map<String, String> DROPPED_TABLES = Map.of();

  /**
   * Columns ({@code table.column}) whose values a later migration changes on purpose, with the
   * migration and why; their values are not compared. The fingerprint and audit checks still run on
   * every row, so neither agreed content nor the audit trail can be listed away here.
   */
  static final Map<String, String> CHANGED_COLUMNS =
      Map.ofEntries(
          Map.entry(
              "joint_statement.text",
              "V28: a statement's one text became its text in the charter's text language, stored as a"
                  + " JSON object from language tag to text; everyStatementIsStillItsVersion checks"
                  + " that the text is there, under that language, and still fingerprints as agreed"),
          Map.entry(
              "meeting.title",
              "V30: a meeting's title became its title in the charter's text language, a JSON object"
                  + " from language tag to text; everyMeetingTextIsUnderItsTextLanguage checks it"),
          Map.entry("meeting.minutes", "V30: as meeting.title (minutes never written stay null)"),
          Map.entry("agenda_item.title", "V30: as meeting.title, the charter being its meeting's"),
          Map.entry(
              "meeting_decision.text", "V30: as meeting.title, the charter being its meeting's"),
          Map.entry("action_item.title", "V30: as meeting.title"),
          Map.entry(
              "audit_head.seq",
              "the head moves when the application audits at start: a bundled definition that changed"
                  + " since the release is loaded again (charter.synchronized); the chain checks below"
                  + " verify that it extends the release's checkpoint"),
          Map.entry("audit_head.hash", "as audit_head.seq"),
          Map.entry(
              "indicator.unit",
              "V37: an indicator's unit became its unit in the charter's text language, a JSON object"
                  + " from language tag to text; everyIndicatorTextIsUnderItsTextLanguage checks it"),
          Map.entry(
              "indicator.definition",
              "V37: as indicator.unit (a definition never written stays null)"),
          Map.entry(
              "indicator.data_source",
              "V37: as indicator.unit (a data source never given stays null)"),
          Map.entry(
              "indicator_value.note",
              "V37: as indicator.unit, the charter being its indicator's (a note never written stays"
                  + " null)"));

  /**
   * Tables a charter definition writes when it is loaded at start. When the bundled definition has
   * gained translations since the release (issue 19: the default charter in Azerbaijani), their
   * rows are written again: such a row may differ from the fixture's only in texts that gained
   * languages (every language the fixture had keeps its text), in the charter's languages column
   * (which marks a working translation, {@code az:working}) and in the bookkeeping a write changes
   * ({@link #REWRITTEN_ON_LOAD}). Keys, dates, rules and every other column stay as they were.
   */
  static final Set<String> DEFINITION_TABLES =
      Set.of(
          "charter",
          "party",
          "article",
          "clause",
          "principle",
          "foundation_document",
          "area",
          "commitment",
          "working_group",
          "co_chair",
          "dialogue_platform",
          "history_entry",
          "obligation_rule",
          "obligation_event");

  /** Columns a definition load writes whenever it writes a row. */
  static final Set<String> REWRITTEN_ON_LOAD =
      Set.of("version", "updated_at", "loaded_at", "definition_sha256");

  /** A new, empty database, its JDBC URL and user, for the application to start on. */
  record Database(DataSource dataSource, String url, String username) {}

  abstract Database freshDatabase();

  @TestFactory
  Stream<DynamicTest> everyReleaseFixtureMigratesUnchanged() {
    List<Fixture> fixtures = ReleaseFixture.all();
    assertThat(fixtures).as("fixtures under src/test/resources/migration").isNotEmpty();
    return fixtures.stream()
        .map(f -> DynamicTest.dynamicTest(f.folder(), () -> migratesUnchanged(f)));
  }

  private void migratesUnchanged(Fixture fixture) throws Exception {
    Database database = freshDatabase();
    ReleaseFixture.load(database.dataSource(), fixture);
    try (ConfigurableApplicationContext app = start(database)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select count(*) from flyway_schema_history where version = ?")
                  .param(fixture.manifest().flywayVersion())
                  .query(Long.class)
                  .single())
          .as("the fixture's schema version was applied before the application started")
          .isEqualTo(1);

      everyRowIsStillThere(database.dataSource(), fixture);
      everyFingerprintIsItsContents(jdbc);
      everyProjectListIsStillItsVersion(app, jdbc);
      everyStatementIsStillItsVersion(app, jdbc, fixture);
      everyMeetingTextIsUnderItsTextLanguage(jdbc, fixture);
      everyCharterNamesItsPartiesInTheirOrder(app, fixture);
      everyProjectIsInTheTranslationWorkflow(app, jdbc, fixture);
      everyMilestoneIsInTheTranslationWorkflow(app, jdbc, fixture);
      everyMeetingTextIsInTheTranslationWorkflow(app, jdbc, fixture);
      everyIndicatorTextIsUnderItsTextLanguage(jdbc, fixture);
      everyIndicatorIsInTheTranslationWorkflow(app, jdbc, fixture);

      AuditVerifier verifier = app.getBean(AuditVerifier.class);
      AuditVerifier.Verification before = verifier.verify();
      assertThat(before.intact()).as("the chain after migration: %s", before.problem()).isTrue();
      long fixtureEvents = fixture.rows().get("audit_event").size();
      assertThat(before.checked()).isGreaterThanOrEqualTo(fixtureEvents);
      SignedCheckpoint signed = checkpoint(fixture);
      if (signed != null) {
        Checkpoints.CheckResult check = app.getBean(Checkpoints.class).check(signed);
        assertThat(check.extendsCheckpoint())
            .as("the chain extends the release's checkpoint: %s", check.problem())
            .isTrue();
      }

      String someone =
          fixture.rows().get("account").stream()
              .map(r -> r.get("username"))
              .sorted()
              .findFirst()
              .orElseThrow();
      app.getBean(AccessTokens.class)
          .create(someone, "After the migration", AccessTokens.Scope.READ, 1);
      AuditVerifier.Verification after = verifier.verify();
      assertThat(after.headSeq()).isGreaterThan(before.headSeq());
      assertThat(after.intact()).as("the chain after a new write: %s", after.problem()).isTrue();
    }
  }

  /**
   * V33 (the alternat): a charter of the release has no order of its own for any language, so each
   * of its languages names its parties as they were ordered then (party.position).
   */
  private static void everyCharterNamesItsPartiesInTheirOrder(
      ConfigurableApplicationContext app, Fixture fixture) {
    Charters charters = app.getBean(Charters.class);
    for (Map<String, String> charter : fixture.rows().get("charter")) {
      List<String> then =
          fixture.rows().get("party").stream()
              .filter(p -> charter.get("id").equals(p.get("charter_id")))
              .filter(p -> !"true".equalsIgnoreCase(p.get("retired")))
              .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.get("position"))))
              .map(p -> p.get("code"))
              .toList();
      CharterOverview now =
          charters.overview(CharterKey.of(charter.get("code")), TestViewers.OPERATOR);
      for (String language : List.of("en", "az", "uk")) {
        assertThat(now.partiesIn(language).stream().map(PartyView::key).toList())
            .as("the parties of %s in %s", charter.get("code"), language)
            .isEqualTo(then);
      }
    }
  }

  private static ConfigurableApplicationContext start(Database database) {
    // command-line arguments, which win over the test profile's own H2 URL
    return new SpringApplicationBuilder(EntenteApplication.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=",
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--entente.security.bcrypt-strength=4",
            "--entente.audit.signing-key-file=target/test-keys/migration-"
                + java.util.UUID.randomUUID()
                + ".key");
  }

  /**
   * Every fixture row is in the migrated table, compared on the columns that still exist (a row may
   * have gained columns; it may not have lost or changed a value).
   */
  private static void everyRowIsStillThere(DataSource dataSource, Fixture fixture)
      throws SQLException {
    SoftAssertions soft = new SoftAssertions();
    try (Connection c = dataSource.getConnection()) {
      Set<String> now = Set.copyOf(ReleaseFixture.tables(c));
      for (Table table : fixture.manifest().tables()) {
        if (!now.contains(table.name())) {
          soft.assertThat(DROPPED_TABLES)
              .as("table %s was dropped: name it in DROPPED_TABLES with why", table.name())
              .containsKey(table.name());
          continue;
        }
        List<Column> columns = ReleaseFixture.columns(c, table.name());
        List<Column> kept = new ArrayList<>();
        for (Column was : table.columns()) {
          columns.stream()
              .filter(col -> col.name().equals(was.name()))
              .findFirst()
              .ifPresentOrElse(
                  col -> {
                    if (CHANGED_COLUMNS.containsKey(table.name() + "." + was.name())) {
                      return;
                    }
                    soft.assertThat(col.kind())
                        .as("kind of %s.%s", table.name(), was.name())
                        .isEqualTo(was.kind());
                    kept.add(was);
                  },
                  () ->
                      soft.fail(
                          "column %s.%s was dropped: the fixture's values are lost",
                          table.name(), was.name()));
        }
        List<Map<String, String>> rows = ReleaseFixture.rows(c, table.name(), kept);
        Map<Map<String, String>, Integer> present = new HashMap<>();
        for (Map<String, String> row : rows) {
          present.merge(row, 1, Integer::sum);
        }
        for (Map<String, String> row : fixture.rows().get(table.name())) {
          Map<String, String> projected = new LinkedHashMap<>();
          kept.forEach(col -> projected.put(col.name(), row.get(col.name())));
          Integer left = present.get(projected);
          if ((left == null || left == 0) && onlyTranslated(table, projected, rows)) {
            continue;
          }
          if (left == null || left == 0) {
            soft.fail("%s: %s", table.name(), whatChanged(table, projected, rows));
          } else {
            present.put(projected, left - 1);
          }
        }
      }
    }
    soft.assertAll();
  }

  /**
   * Whether a row of a definition table is, now, the fixture's row with its texts translated: the
   * row with the same primary key differs only in texts that kept every language they had, in the
   * charter's languages marks, and in the columns a load rewrites.
   */
  private static boolean onlyTranslated(
      Table table, Map<String, String> was, List<Map<String, String>> now) {
    if (!DEFINITION_TABLES.contains(table.name())
        || table.key().isEmpty()
        || !was.keySet().containsAll(table.key())) {
      return false;
    }
    return now.stream()
        .filter(
            r -> table.key().stream().allMatch(k -> java.util.Objects.equals(r.get(k), was.get(k))))
        .findFirst()
        .map(
            r ->
                was.keySet().stream()
                    .allMatch(
                        col -> sameButTranslated(table.name(), col, was.get(col), r.get(col))))
        .orElse(false);
  }

  private static boolean sameButTranslated(String table, String column, String was, String now) {
    if (java.util.Objects.equals(was, now) || REWRITTEN_ON_LOAD.contains(column)) {
      return true;
    }
    if (was == null || now == null) {
      return false;
    }
    if ("charter".equals(table) && "languages".equals(column)) {
      return List.of(was.split(",")).equals(List.of(now.replace(":working", "").split(",")));
    }
    if (!was.startsWith("{") || !now.startsWith("{")) {
      return false;
    }
    Map<String, String> before = LocalizedTexts.read(was);
    Map<String, String> after = LocalizedTexts.read(now);
    return before != null
        && after != null
        && after.entrySet().containsAll(before.entrySet())
        && after.size() > before.size();
  }

  /** Texts in several languages as stored: a JSON object from language tag to text. */
  private static final class LocalizedTexts {
    private static final tools.jackson.databind.json.JsonMapper JSON =
        tools.jackson.databind.json.JsonMapper.builder().build();

    static Map<String, String> read(String json) {
      try {
        return JSON.readValue(
            json, new tools.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {});
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  /** Names the row by its primary key, and the columns whose values differ now, if it is there. */
  private static String whatChanged(
      Table table, Map<String, String> was, List<Map<String, String>> now) {
    if (table.key().isEmpty() || !was.keySet().containsAll(table.key())) {
      return "the row " + was + " is gone or changed";
    }
    Map<String, String> key = new LinkedHashMap<>();
    table.key().forEach(k -> key.put(k, was.get(k)));
    return now.stream()
        .filter(
            r -> table.key().stream().allMatch(k -> java.util.Objects.equals(r.get(k), was.get(k))))
        .findFirst()
        .map(
            r ->
                "the row "
                    + key
                    + " changed in "
                    + was.keySet().stream()
                        .filter(col -> !java.util.Objects.equals(r.get(col), was.get(col)))
                        .toList())
        .orElse("the row " + key + " is gone");
  }

  /**
   * Each project list under agreement, read now by a co-chair, is unchanged since its version: its
   * projects, as the list's content is made now, fingerprint as they did when it was made.
   */
  private static void everyProjectListIsStillItsVersion(
      ConfigurableApplicationContext app, JdbcClient jdbc) {
    Viewers viewers = app.getBean(Viewers.class);
    Projects projects = app.getBean(Projects.class);
    List<String> lists =
        jdbc.sql("select subject_key from agreement where subject_type = ?")
            .param(Projects.PROJECT_LIST)
            .query(String.class)
            .list();
    for (String list : lists) {
      String[] keys = list.split("/", 2);
      Viewer cochair = viewers.of("demo.az.cochair").orElseThrow();
      assertThat(
              projects.projectList(CharterKey.of(keys[0]), keys[1], cochair).changedSinceVersion())
          .as("the project list %s changed since its version", list)
          .isFalse();
    }
  }

  /**
   * Each joint statement keeps its text, now under its charter's text language, and each one under
   * agreement is, as its content is made now, still the version under agreement: byte for byte the
   * canonical content its co-chairs approved, so its fingerprint is unchanged.
   */
  private static void everyStatementIsStillItsVersion(
      ConfigurableApplicationContext app, JdbcClient jdbc, Fixture fixture) {
    SoftAssertions soft = new SoftAssertions();
    for (Map<String, String> was : fixture.rows().getOrDefault("joint_statement", List.of())) {
      String now =
          jdbc.sql(
                  "select s.text from joint_statement s where cast(s.meeting_id as varchar(36)) = ?")
              .param(was.get("meeting_id"))
              .query(String.class)
              .single();
      String language =
          jdbc.sql(
                  "select c.text_language from meeting m join charter c on c.id = m.charter_id"
                      + " where cast(m.id as varchar(36)) = ?")
              .param(was.get("meeting_id"))
              .query(String.class)
              .single();
      soft.assertThat(LocalizedText.fromJson(now).values())
          .as("the statement of meeting %s, in its charter's text language", was.get("meeting_id"))
          .isEqualTo(Map.of(language, was.get("text")));
    }
    AgreementSubject statements =
        app.getBeansOfType(AgreementSubject.class).values().stream()
            .filter(s -> s.type().equals(Meetings.JOINT_STATEMENT))
            .findFirst()
            .orElseThrow();
    Viewer cochair = app.getBean(Viewers.class).of("demo.az.cochair").orElseThrow();
    List<Map<String, Object>> agreed =
        jdbc.sql(
                "select a.subject_key, c.content from agreement a join agreement_content c"
                    + " on c.agreement_id = a.id and c.number = a.current_number"
                    + " where a.subject_type = ?")
            .param(Meetings.JOINT_STATEMENT)
            .query()
            .listOfRows();
    assertThat(agreed).as("the fixture has joint statements under agreement").isNotEmpty();
    for (Map<String, Object> row : agreed) {
      String key = (String) row.get("subject_key");
      String content =
          statements.submission(statements.resolve(null, key, cochair), cochair).canonicalContent();
      soft.assertThat(content)
          .as("the canonical content of the statement of meeting %s, made now", key)
          .isEqualTo(row.get("content"));
    }
    everyStatementIsInTheTranslationWorkflow(app, jdbc, fixture, cochair, soft);
    soft.assertAll();
  }

  /**
   * The texts written on a meeting that V30 made multilingual: each keeps its text, now under its
   * charter's text language (the language it was written in), read as the application reads it;
   * minutes never written stay null.
   */
  private static void everyMeetingTextIsUnderItsTextLanguage(JdbcClient jdbc, Fixture fixture) {
    SoftAssertions soft = new SoftAssertions();
    String ofMeeting =
        "(select c.text_language from meeting m join charter c on c.id = m.charter_id"
            + " where m.id = x.meeting_id)";
    String ofCharter = "(select c.text_language from charter c where c.id = x.charter_id)";
    List<String[]> texts =
        List.of(
            new String[] {"meeting", "title", ofCharter},
            new String[] {"meeting", "minutes", ofCharter},
            new String[] {"agenda_item", "title", ofMeeting},
            new String[] {"meeting_decision", "text", ofMeeting},
            new String[] {"action_item", "title", ofCharter});
    int checked = 0;
    for (String[] t : texts) {
      for (Map<String, String> was : fixture.rows().getOrDefault(t[0], List.of())) {
        Map<String, Object> now =
            jdbc.sql(
                    "select x."
                        + t[1]
                        + " as stored, "
                        + t[2]
                        + " as language from "
                        + t[0]
                        + " x where cast(x.id as varchar(36)) = ?")
                .param(was.get("id"))
                .query()
                .singleRow();
        String stored = (String) now.get("stored");
        if (was.get(t[1]) == null) {
          soft.assertThat(stored).as("%s.%s of %s", t[0], t[1], was.get("id")).isNull();
          continue;
        }
        soft.assertThat(LocalizedText.fromJson(stored).values())
            .as("%s.%s of %s, in its charter's text language", t[0], t[1], was.get("id"))
            .isEqualTo(Map.of((String) now.get("language"), was.get(t[1])));
        checked++;
      }
    }
    soft.assertThat(checked).as("the fixture has meeting texts to check").isGreaterThanOrEqualTo(5);
    soft.assertAll();
  }

  /**
   * V32: a statement drafted before the translation workflow has no translation state stored; it
   * reads as drafted in its charter's text language, the source, with its translation into each
   * other language of the charter missing (a text it had would count as current until its source
   * changes), and it awaits those translations in the queue.
   */
  private static void everyStatementIsInTheTranslationWorkflow(
      ConfigurableApplicationContext app,
      JdbcClient jdbc,
      Fixture fixture,
      Viewer cochair,
      SoftAssertions soft) {
    Translations translations = app.getBean(Translations.class);
    Charters charters = app.getBean(Charters.class);
    for (Map<String, String> was : fixture.rows().getOrDefault("joint_statement", List.of())) {
      String key = was.get("meeting_id");
      Map<String, Object> now =
          jdbc.sql(
                  "select s.translation_sources, m.charter_id from joint_statement s join meeting m"
                      + " on m.id = s.meeting_id where cast(s.meeting_id as varchar(36)) = ?")
              .param(key)
              .query()
              .singleRow();
      soft.assertThat(now.get("translation_sources"))
          .as("the translation state of the statement of meeting %s", key)
          .isNull();
      LanguagesOfCharter languages =
          charters.languages(UUID.fromString(String.valueOf(now.get("charter_id")))).orElseThrow();
      for (String language : languages.languages()) {
        Translatable text = translations.text(Meetings.JOINT_STATEMENT, key, language, cochair);
        soft.assertThat(text.sourceLanguage())
            .as("the source of the statement of meeting %s", key)
            .isEqualTo(languages.textLanguage());
        soft.assertThat(text.status())
            .as("the statement of meeting %s in %s", key, language)
            .isEqualTo(
                language.equals(languages.textLanguage())
                    ? TranslationStatus.SOURCE
                    : TranslationStatus.MISSING);
      }
    }
  }

  /**
   * V34: a project made before the translation workflow has no translation state stored; its title
   * reads as written in its charter's text language, the source, with each other language current
   * where it has a title and missing where not. The state is no part of a project list's content:
   * with a state stored on every project, every project list is still its version (same
   * fingerprint).
   */
  private static void everyProjectIsInTheTranslationWorkflow(
      ConfigurableApplicationContext app, JdbcClient jdbc, Fixture fixture) {
    Translations translations = app.getBean(Translations.class);
    Charters charters = app.getBean(Charters.class);
    Viewer cochair = app.getBean(Viewers.class).of("demo.az.cochair").orElseThrow();
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (Map<String, String> was : fixture.rows().getOrDefault("project", List.of())) {
      String key = was.get("id");
      Map<String, Object> now =
          jdbc.sql(
                  "select translation_sources, title, charter_id from project"
                      + " where cast(id as varchar(36)) = ?")
              .param(key)
              .query()
              .singleRow();
      soft.assertThat(now.get("translation_sources"))
          .as("the translation state of project %s", key)
          .isNull();
      LanguagesOfCharter languages =
          charters.languages(UUID.fromString(String.valueOf(now.get("charter_id")))).orElseThrow();
      Map<String, String> title = LocalizedText.fromJson((String) now.get("title")).values();
      for (String language : languages.languages()) {
        Translatable text;
        try {
          text = translations.text("project-title", key, language, cochair);
        } catch (org.entente.shared.NotFoundException e) {
          continue; // retired, or not for the co-chair to see
        }
        checked++;
        soft.assertThat(text.sourceLanguage())
            .as("the source of project %s's title", key)
            .isEqualTo(languages.textLanguage());
        soft.assertThat(text.status())
            .as("project %s's title in %s", key, language)
            .isEqualTo(
                !title.containsKey(language)
                    ? TranslationStatus.MISSING
                    : language.equals(languages.textLanguage())
                        ? TranslationStatus.SOURCE
                        : TranslationStatus.CURRENT);
      }
    }
    soft.assertThat(checked).as("the fixture has projects to check").isPositive();
    soft.assertAll();
    jdbc.sql(
            "update project set translation_sources = '{\"title\":{\"source\":\"en\","
                + "\"sourceChangedAt\":\"2026-11-24T10:00:00Z\",\"madeFrom\":{\"az\":\"0\"}}}'")
        .update();
    everyProjectListIsStillItsVersion(app, jdbc);
    jdbc.sql("update project set translation_sources = null").update();
  }

  /**
   * V37: an indicator's unit, definition and data source and each value's note moved, unchanged,
   * under the charter's text language; a text never written stays null.
   */
  private static void everyIndicatorTextIsUnderItsTextLanguage(JdbcClient jdbc, Fixture fixture) {
    SoftAssertions soft = new SoftAssertions();
    String ofIndicator = "(select c.text_language from charter c where c.id = x.charter_id)";
    String ofValue =
        "(select c.text_language from indicator i join charter c on c.id = i.charter_id"
            + " where i.id = x.indicator_id)";
    List<String[]> texts =
        List.of(
            new String[] {"indicator", "unit", ofIndicator},
            new String[] {"indicator", "definition", ofIndicator},
            new String[] {"indicator", "data_source", ofIndicator},
            new String[] {"indicator_value", "note", ofValue});
    Map<String, Integer> checked = new HashMap<>();
    for (String[] t : texts) {
      for (Map<String, String> was : fixture.rows().getOrDefault(t[0], List.of())) {
        Map<String, Object> now =
            jdbc.sql(
                    "select x."
                        + t[1]
                        + " as stored, "
                        + t[2]
                        + " as language from "
                        + t[0]
                        + " x where cast(x.id as varchar(36)) = ?")
                .param(was.get("id"))
                .query()
                .singleRow();
        String stored = (String) now.get("stored");
        if (was.get(t[1]) == null) {
          soft.assertThat(stored).as("%s.%s of %s", t[0], t[1], was.get("id")).isNull();
          continue;
        }
        soft.assertThat(LocalizedText.fromJson(stored).values())
            .as("%s.%s of %s, in its charter's text language", t[0], t[1], was.get("id"))
            .isEqualTo(Map.of((String) now.get("language"), was.get(t[1])));
        checked.merge(t[0] + "." + t[1], 1, Integer::sum);
      }
    }
    soft.assertThat(checked)
        .as("the fixture has indicator texts to check")
        .containsKeys("indicator.unit", "indicator.data_source", "indicator_value.note");
    soft.assertAll();
  }

  /**
   * V37: an indicator made before the translation workflow has no state stored; its name, unit and
   * definition read as written in its charter's text language, the source, a translation it has
   * counting as current.
   */
  private static void everyIndicatorIsInTheTranslationWorkflow(
      ConfigurableApplicationContext app, JdbcClient jdbc, Fixture fixture) {
    Translations translations = app.getBean(Translations.class);
    Charters charters = app.getBean(Charters.class);
    Viewer cochair = app.getBean(Viewers.class).of("demo.az.cochair").orElseThrow();
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (Map<String, String> was : fixture.rows().getOrDefault("indicator", List.of())) {
      String key = was.get("id");
      Map<String, Object> now =
          jdbc.sql(
                  "select translation_sources, name, unit, charter_id from indicator"
                      + " where cast(id as varchar(36)) = ?")
              .param(key)
              .query()
              .singleRow();
      soft.assertThat(now.get("translation_sources"))
          .as("the translation state of indicator %s", key)
          .isNull();
      LanguagesOfCharter languages =
          charters.languages(UUID.fromString(String.valueOf(now.get("charter_id")))).orElseThrow();
      for (String[] part :
          List.of(
              new String[] {"indicator-name", "name"}, new String[] {"indicator-unit", "unit"})) {
        Map<String, String> texts = LocalizedText.fromJson((String) now.get(part[1])).values();
        for (String language : languages.languages()) {
          Translatable text = translations.text(part[0], key, language, cochair);
          checked++;
          soft.assertThat(text.sourceLanguage())
              .as("the source of indicator %s's %s", key, part[1])
              .isEqualTo(languages.textLanguage());
          soft.assertThat(text.status())
              .as("indicator %s's %s in %s", key, part[1], language)
              .isEqualTo(
                  !texts.containsKey(language)
                      ? TranslationStatus.MISSING
                      : language.equals(languages.textLanguage())
                          ? TranslationStatus.SOURCE
                          : TranslationStatus.CURRENT);
        }
      }
    }
    soft.assertThat(checked).as("the fixture has indicators to check").isPositive();
    soft.assertAll();
  }

  /**
   * V35: a milestone made before the translation workflow has no translation state stored; its
   * title reads as written in its charter's text language, the source, with each other language
   * current where it has a title and missing where not. The state is no part of a roadmap's
   * content: with a state stored on every milestone, every roadmap is as it was against its version
   * (same fingerprint). And a roadmap agreed and unchanged since makes its milestones' titles
   * official in every language (decision 0040), read from the release's agreed content.
   */
  private static void everyMilestoneIsInTheTranslationWorkflow(
      ConfigurableApplicationContext app, JdbcClient jdbc, Fixture fixture) {
    Translations translations = app.getBean(Translations.class);
    Charters charters = app.getBean(Charters.class);
    Viewer cochair = app.getBean(Viewers.class).of("demo.az.cochair").orElseThrow();
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (Map<String, String> was : fixture.rows().getOrDefault("milestone", List.of())) {
      String key = was.get("id");
      Map<String, Object> now =
          jdbc.sql(
                  "select translation_sources, title, charter_id from milestone"
                      + " where cast(id as varchar(36)) = ?")
              .param(key)
              .query()
              .singleRow();
      soft.assertThat(now.get("translation_sources"))
          .as("the translation state of milestone %s", key)
          .isNull();
      LanguagesOfCharter languages =
          charters.languages(UUID.fromString(String.valueOf(now.get("charter_id")))).orElseThrow();
      Map<String, String> title = LocalizedText.fromJson((String) now.get("title")).values();
      for (String language : languages.languages()) {
        Translatable text;
        try {
          text = translations.text("milestone-title", key, language, cochair);
        } catch (org.entente.shared.NotFoundException e) {
          continue; // retired, or not for the co-chair to see
        }
        checked++;
        soft.assertThat(text.sourceLanguage())
            .as("the source of milestone %s's title", key)
            .isEqualTo(languages.textLanguage());
        soft.assertThat(text.status())
            .as("milestone %s's title in %s", key, language)
            .isEqualTo(
                !title.containsKey(language)
                    ? TranslationStatus.MISSING
                    : language.equals(languages.textLanguage())
                        ? TranslationStatus.SOURCE
                        : TranslationStatus.CURRENT);
      }
    }
    soft.assertThat(checked).as("the fixture has milestones to check").isPositive();
    Roadmaps roadmaps = app.getBean(Roadmaps.class);
    List<String> subjects =
        jdbc.sql("select subject_key from agreement where subject_type = ?")
            .param(Roadmaps.ROADMAP)
            .query(String.class)
            .list();
    Map<String, Boolean> changedBefore = new HashMap<>();
    int official = 0;
    for (String subject : subjects) {
      String[] keys = subject.split("/", 2);
      Roadmap roadmap = roadmaps.roadmap(CharterKey.of(keys[0]), keys[1], cochair);
      changedBefore.put(subject, roadmap.changedSinceVersion());
      if (roadmap.agreement() != null
          && roadmap.agreement().state() == org.entente.concurrence.Agreement.State.AGREED
          && !roadmap.changedSinceVersion()) {
        for (MilestoneView m : roadmap.milestones()) {
          if (m.classification() != org.entente.shared.Classification.PARTY_INTERNAL) {
            for (String language : m.title().values().keySet()) {
              official++;
              soft.assertThat(m.official().get("title").get(language))
                  .as("milestone %s's title in %s, in an agreed roadmap", m.key(), language)
                  .isEqualTo("official");
            }
          }
        }
      }
    }
    soft.assertThat(official).as("the fixture has an agreed roadmap to check").isPositive();
    soft.assertAll();
    jdbc.sql(
            "update milestone set translation_sources = '{\"source\":\"en\","
                + "\"sourceChangedAt\":\"2026-11-24T10:00:00Z\",\"madeFrom\":{\"az\":\"0\"}}'")
        .update();
    for (String subject : subjects) {
      String[] keys = subject.split("/", 2);
      assertThat(roadmaps.roadmap(CharterKey.of(keys[0]), keys[1], cochair).changedSinceVersion())
          .as(
              "the roadmap %s against its version, with a translation state on its milestones",
              subject)
          .isEqualTo(changedBefore.get(subject));
    }
    jdbc.sql("update milestone set translation_sources = null").update();
  }

  /**
   * V36: a meeting made before the translation workflow, and its agenda items, decisions and action
   * items, have no translation state stored; each text reads as written in its charter's text
   * language, the source, with each other language missing (the release's texts have only the
   * source; V30 put them under it). Nothing is back-filled: the texts are checked unchanged by
   * {@code everyMeetingTextIsUnderItsTextLanguage}, the audit chain after this.
   */
  private static void everyMeetingTextIsInTheTranslationWorkflow(
      ConfigurableApplicationContext app, JdbcClient jdbc, Fixture fixture) {
    Translations translations = app.getBean(Translations.class);
    Charters charters = app.getBean(Charters.class);
    Viewer cochair = app.getBean(Viewers.class).of("demo.az.cochair").orElseThrow();
    SoftAssertions soft = new SoftAssertions();
    String ofMeeting = "(select m.charter_id from meeting m where m.id = x.meeting_id)";
    List<String[]> texts =
        List.of(
            new String[] {"meeting", "meeting-title", "title", "translation_sources", "charter_id"},
            new String[] {
              "agenda_item", "meeting-agenda-item", "title", "translation_source", ofMeeting
            },
            new String[] {
              "meeting_decision", "meeting-decision", "text", "translation_source", ofMeeting
            },
            new String[] {
              "action_item", "meeting-action-item", "title", "translation_source", "charter_id"
            });
    Map<String, Integer> checked = new LinkedHashMap<>();
    for (String[] t : texts) {
      for (Map<String, String> was : fixture.rows().getOrDefault(t[0], List.of())) {
        String key = was.get("id");
        Map<String, Object> now =
            jdbc.sql(
                    "select x."
                        + t[3]
                        + " as sources, "
                        + t[4]
                        + " as charter from "
                        + t[0]
                        + " x where cast(x.id as varchar(36)) = ?")
                .param(key)
                .query()
                .singleRow();
        soft.assertThat(now.get("sources"))
            .as("the translation state of %s %s", t[0], key)
            .isNull();
        LanguagesOfCharter languages =
            charters.languages(UUID.fromString(String.valueOf(now.get("charter")))).orElseThrow();
        for (String language : languages.languages()) {
          Translatable text;
          try {
            text = translations.text(t[1], key, language, cochair);
          } catch (org.entente.shared.NotFoundException e) {
            continue; // not for the co-chair to see
          }
          checked.merge(t[0], 1, Integer::sum);
          soft.assertThat(text.sourceLanguage())
              .as("the source of %s %s", t[0], key)
              .isEqualTo(languages.textLanguage());
          soft.assertThat(text.sourceText())
              .as("the source text of %s %s", t[0], key)
              .isEqualTo(was.get(t[2]));
          soft.assertThat(text.status())
              .as("%s %s in %s", t[0], key, language)
              .isEqualTo(
                  language.equals(languages.textLanguage())
                      ? TranslationStatus.SOURCE
                      : TranslationStatus.MISSING);
        }
      }
    }
    soft.assertThat(checked).as("the fixture has meeting texts to check").containsKey("meeting");
    soft.assertAll();
  }

  /** Each stored version's fingerprint is the SHA-256 of its content, and is what was agreed. */
  private static void everyFingerprintIsItsContents(JdbcClient jdbc) {
    SoftAssertions soft = new SoftAssertions();
    List<Map<String, Object>> contents =
        jdbc.sql("select agreement_id, number, fingerprint, content from agreement_content")
            .query()
            .listOfRows();
    assertThat(contents).isNotEmpty();
    Map<String, String> byVersion = new HashMap<>();
    for (Map<String, Object> row : contents) {
      String version = row.get("agreement_id") + "#" + row.get("number");
      soft.assertThat(Concurrence.fingerprint((String) row.get("content")))
          .as("fingerprint of %s recomputed from its content", version)
          .isEqualTo(row.get("fingerprint"));
      byVersion.put(version, (String) row.get("fingerprint"));
    }
    List<Map<String, Object>> agreed =
        jdbc.sql("select agreement_id, number, fingerprint from agreement_agreed")
            .query()
            .listOfRows();
    assertThat(agreed).as("the fixture has agreed versions").isNotEmpty();
    for (String table : List.of("agreement_agreed", "agreement_approval")) {
      for (Map<String, Object> row :
          jdbc.sql("select agreement_id, number, fingerprint from " + table).query().listOfRows()) {
        String version = row.get("agreement_id") + "#" + row.get("number");
        soft.assertThat(row.get("fingerprint"))
            .as("%s of %s names its content's fingerprint", table, version)
            .isEqualTo(byVersion.get(version));
      }
    }
    for (Map<String, Object> row :
        jdbc.sql("select id, current_number, fingerprint from agreement").query().listOfRows()) {
      String version = row.get("id") + "#" + row.get("current_number");
      soft.assertThat(row.get("fingerprint"))
          .as("agreement %s's current fingerprint", row.get("id"))
          .isEqualTo(byVersion.get(version));
    }
    soft.assertAll();
  }

  private static SignedCheckpoint checkpoint(Fixture fixture) throws IOException {
    var resource =
        new ClassPathResource(ReleaseFixture.ROOT + "/" + fixture.folder() + "/checkpoint.json");
    if (!resource.exists()) {
      return null;
    }
    try (InputStream in = resource.getInputStream()) {
      return ReleaseFixture.JSON.readValue(in, SignedCheckpoint.class);
    }
  }
}
