package org.entente.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.Charters;
import org.entente.definition.Definitions.LoadResult;
import org.entente.obligations.ObligationViews.Deadlines;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.Obligations;
import org.entente.obligations.RecordEvent;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.entente.testing.FixedClockConfiguration;
import org.entente.testing.MutableClock;
import org.entente.testing.TestViewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What storing charters must do on every database the application runs on: the same tests run on H2
 * and on PostgreSQL through the subclasses.
 */
abstract class CharterStorageContract {

  private static final String AZ_US = "az-us-2026";

  @Autowired Definitions definitions;
  @Autowired Charters charters;
  @Autowired Obligations obligations;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void today() {
    clock.set(FixedClockConfiguration.TODAY);
  }

  @Test
  void loadsTheDefaultCharterAtStartWithEveryCommitmentTracedToItsClause() {
    assertThat(charters.find(CharterKey.of(AZ_US), TestViewers.ANONYMOUS)).isPresent();
    List<CommitmentView> commitments =
        charters
            .commitments(
                CharterKey.of(AZ_US), null, null, new Paging(0, 100), TestViewers.ANONYMOUS)
            .items();
    assertThat(commitments).hasSizeGreaterThanOrEqualTo(26);
    assertThat(commitments)
        .allSatisfy(
            c -> {
              assertThat(c.clause()).isNotNull();
              assertThat(c.clause().text().text()).isNotBlank();
              assertThat(c.source().quote()).isNotBlank();
              assertThat(c.areas()).isNotEmpty();
            });
    assertThat(charters.workingGroups(CharterKey.of(AZ_US), null, TestViewers.ANONYMOUS))
        .hasSize(4);
  }

  @Test
  void loadingTheSameDefinitionAgainCreatesNoDuplicates() {
    Map<String, Long> before = counts();
    LoadResult again =
        definitions.load("az-us-2026.yaml", DefinitionFixtures.azerbaijanUnitedStates());
    assertThat(again.loaded()).isTrue();
    assertThat(again.report().unchanged()).isTrue();
    definitions.loadAll();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aChangedTextUpdatesItsRecordInPlace() {
    String text = DefinitionFixtures.freedoniaSylvania();
    definitions.load("fs.yaml", text);
    UUID id = commitmentId("fd-sy-2025", "shared-rivers");
    long version = commitmentVersion(id);
    Map<String, Long> before = counts();

    String changed =
        text.replace(
            "action: Manage the shared rivers together.",
            "action: Manage the shared rivers and lakes together.");
    LoadResult result = definitions.load("fs.yaml", changed);

    assertThat(result.loaded()).isTrue();
    assertThat(result.report().updated()).isGreaterThanOrEqualTo(1);
    assertThat(commitmentId("fd-sy-2025", "shared-rivers")).isEqualTo(id);
    assertThat(commitmentVersion(id)).isEqualTo(version + 1);
    assertThat(
            charters
                .commitment(CharterKey.of("fd-sy-2025"), "shared-rivers", TestViewers.ANONYMOUS)
                .action()
                .text())
        .isEqualTo("Manage the shared rivers and lakes together.");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aReloadIsSeenAtOnceByReadersThatReadBefore() {
    String text = DefinitionFixtures.freedoniaSylvania();
    definitions.load("fs.yaml", text);
    assertThat(action("shared-rivers")).isEqualTo("Manage the shared rivers together.");
    assertThat(charters.workingGroups(CharterKey.of("fd-sy-2025"), null, TestViewers.ANONYMOUS))
        .isNotEmpty();

    assertThat(listedTitle()).isEqualTo(TITLE);

    String changed =
        withAction(text, "Manage the shared rivers and lakes together.")
            .replace("title: " + TITLE, "title: " + TITLE + ", amended");
    definitions.load("fs.yaml", changed);
    assertThat(action("shared-rivers")).isEqualTo("Manage the shared rivers and lakes together.");
    assertThat(listedTitle()).isEqualTo(TITLE + ", amended");
  }

  private static final String TITLE =
      "Accord of Friendship between Freedonia and Sylvania (fictitious, test data)";

  private String listedTitle() {
    return charters.list(TestViewers.ANONYMOUS).stream()
        .filter(c -> c.key().equals("fd-sy-2025"))
        .findFirst()
        .orElseThrow()
        .title()
        .text();
  }

  @Test
  void whatAWriteThatRolledBackReadIsNeverShownLater() {
    String text = DefinitionFixtures.freedoniaSylvania();
    definitions.load("fs.yaml", text);
    assertThat(action("shared-rivers")).isEqualTo("Manage the shared rivers together.");
    TransactionTemplate write = new TransactionTemplate(transactions);
    write.executeWithoutResult(
        tx -> {
          definitions.load("fs.yaml", withAction(text, "Rolled back."));
          assertThat(action("shared-rivers")).isEqualTo("Rolled back.");
          tx.setRollbackOnly();
        });
    assertThat(
            jdbc.sql("select count(*) from commitment where action like '%Rolled back.%'")
                .query(Long.class)
                .single())
        .isZero();

    // The same change with another text takes the rolled-back events' sequence numbers again:
    // what was read inside the rolled-back write must not stand for them.
    definitions.load("fs.yaml", withAction(text, "Committed."));
    assertThat(action("shared-rivers")).isEqualTo("Committed.");
  }

  private String action(String commitment) {
    return charters
        .commitment(CharterKey.of("fd-sy-2025"), commitment, TestViewers.ANONYMOUS)
        .action()
        .text();
  }

  private static String withAction(String text, String action) {
    String changed =
        text.replace("action: Manage the shared rivers together.", "action: " + action);
    assertThat(changed).isNotEqualTo(text);
    return changed;
  }

  @Test
  void aCommitmentThatLeftTheDefinitionIsRetiredNotDeleted() {
    String text = DefinitionFixtures.freedoniaSylvania();
    definitions.load("fs.yaml", text);
    String without =
        text.replace(
            """
              - key: cultural-exchange
                title: Cultural exchange and trade fairs
                action: Promote cultural exchange and trade fairs.
                clause: c-1-2
                areas: [culture, trade]
            """,
            "");
    assertThat(without).isNotEqualTo(text);
    LoadResult result = definitions.load("fs.yaml", without);
    assertThat(result.report().retired()).isEqualTo(1);
    assertThat(
            charters
                .commitments(
                    CharterKey.of("fd-sy-2025"),
                    null,
                    null,
                    new Paging(0, 10),
                    TestViewers.ANONYMOUS)
                .items())
        .extracting(CommitmentView::key)
        .containsExactly("shared-rivers");
    assertThat(
            jdbc.sql("select retired from commitment where code = 'cultural-exchange'")
                .query(Boolean.class)
                .single())
        .isTrue();

    definitions.load("fs.yaml", text);
    assertThat(
            charters
                .commitments(
                    CharterKey.of("fd-sy-2025"),
                    null,
                    null,
                    new Paging(0, 10),
                    TestViewers.ANONYMOUS)
                .items())
        .extracting(CommitmentView::key)
        .containsExactly("shared-rivers", "cultural-exchange");
  }

  @Test
  void theIndexNamesEveryRecordByIdAndKeyWhoeverMaySeeItRetiredOnesToo() {
    String text = DefinitionFixtures.freedoniaSylvania();
    definitions.load("fs.yaml", text);
    UUID charterId = charters.idOf(CharterKey.of("fd-sy-2025")).orElseThrow();
    UUID rivers = commitmentId("fd-sy-2025", "shared-rivers");
    var index = charters.index(CharterKey.of("fd-sy-2025")).orElseThrow();
    assertThat(index.charterId()).isEqualTo(charterId);
    assertThat(charters.keyOf(charterId)).contains("fd-sy-2025");
    assertThat(index.commitment(rivers).orElseThrow().key()).isEqualTo("shared-rivers");
    assertThat(index.commitment(rivers).orElseThrow().name().text())
        .isEqualTo("Shared river management");
    assertThat(charters.indexes().charterId("fd-sy-2025")).contains(charterId);
    assertThat(index.commitment("shared-rivers").orElseThrow().id()).isEqualTo(rivers);
    assertThat(index.areas()).extracting(e -> e.key()).contains("culture", "trade");
    var group = index.workingGroups().get(0);
    assertThat(charters.body(group.id()).orElseThrow().key()).isEqualTo(group.key());
    assertThat(charters.body(group.id()).orElseThrow().charterId()).isEqualTo(charterId);
    assertThat(charters.body(group.id()).orElseThrow().name().text()).isNotBlank();
    assertThat(charters.bodyKey(group.id())).contains(group.key());
    assertThat(charters.body(rivers)).as("a commitment is no body").isEmpty();

    definitions.load("fs.yaml", text.replace("- key: cultural-exchange", "- key: cultural-fairs"));
    var after = charters.index(charterId).orElseThrow();
    assertThat(after.commitment("cultural-exchange").orElseThrow().retired()).isTrue();
    assertThat(after.commitment("cultural-fairs").orElseThrow().retired()).isFalse();
    assertThat(charters.index(UUID.randomUUID())).isEmpty();
    definitions.load("fs.yaml", text);
  }

  @Test
  void anInvalidFileIsRefusedWithItsLineAndChangesNothing() {
    Map<String, Long> before = counts();
    String broken =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "areas: [culture, trade]\n    co-chairs", "areas: [culture, sport]\n    co-chairs");
    LoadResult result = definitions.load("broken.yaml", broken);
    assertThat(result.loaded()).isFalse();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("broken.yaml");
              assertThat(p.message()).contains("unknown area 'sport'");
              assertThat(p.line()).isEqualTo(lineOf(broken, "areas: [culture, sport]"));
            });
    assertThat(counts()).isEqualTo(before);
    assertThat(charters.find(CharterKey.of("fd-sy-2025"), TestViewers.ANONYMOUS)).isEmpty();
  }

  @Test
  void aSecondCharterWrittenOnlyAsADefinitionGetsItsOwnDeadlines() {
    assertThat(definitions.load("fs.yaml", DefinitionFixtures.freedoniaSylvania()).loaded())
        .isTrue();

    Deadlines deadlines =
        obligations.deadlines(
            CharterKey.of("fd-sy-2025"), null, null, "due", TestViewers.ANONYMOUS);
    assertThat(deadlines.obligations())
        .extracting(o -> o.rule() + "/" + o.subject() + " " + o.dueOn() + " " + o.status())
        .containsExactly(
            "water-plan/river-commission 2026-02-28 overdue",
            "work-plan/culture-trade 2026-05-30 overdue",
            "work-plan/river-commission 2026-05-30 overdue",
            "biennial-meeting/framework 2027-11-30 pending");
    assertThat(charters.workingGroups(CharterKey.of(AZ_US), null, TestViewers.ANONYMOUS))
        .hasSize(4);
    assertThat(
            obligations
                .deadlines(CharterKey.of(AZ_US), null, null, null, TestViewers.ANONYMOUS)
                .obligations())
        .noneMatch(o -> o.subject().equals("river-commission"));
  }

  @Test
  void
      asOfTheCheckDayEveryGroupsProjectListAndRoadmapAreOverdueAndTheFrameworkMeetingIsDueInFebruary() {
    Deadlines deadlines =
        obligations.deadlines(CharterKey.of(AZ_US), null, null, "due", TestViewers.ANONYMOUS);
    assertThat(deadlines.asOf()).isEqualTo(LocalDate.of(2026, 11, 28));
    List<String> groups =
        charters.workingGroups(CharterKey.of(AZ_US), null, TestViewers.ANONYMOUS).stream()
            .map(g -> g.key())
            .toList();
    for (String rule : List.of("wg-project-list", "wg-roadmap")) {
      assertThat(deadlines.obligations().stream().filter(o -> o.rule().equals(rule)))
          .extracting(ObligationStatus::subject)
          .containsExactlyInAnyOrderElementsOf(groups);
      assertThat(deadlines.obligations().stream().filter(o -> o.rule().equals(rule)))
          .allSatisfy(
              o -> {
                assertThat(o.status()).isEqualTo("overdue");
                assertThat(o.dueOn()).isEqualTo(LocalDate.of(2026, 5, 10));
                assertThat(o.daysOverdue()).isEqualTo(202);
                assertThat(o.summary()).isEqualTo("Overdue by 202 days: due 2026-05-10.");
              });
    }
    ObligationStatus framework =
        deadlines.obligations().stream()
            .filter(o -> o.rule().equals("framework-meeting"))
            .findFirst()
            .orElseThrow();
    assertThat(framework.subject()).isEqualTo("framework");
    assertThat(framework.dueOn()).isEqualTo(LocalDate.of(2027, 2, 10));
    assertThat(framework.status()).isEqualTo("pending");
    assertThat(framework.daysUntilDue()).isEqualTo(74);
  }

  @Test
  void aRecordedEventMeetsTheObligationAndSurvivesReloading() {
    obligations.record(
        CharterKey.of(AZ_US),
        new RecordEvent(
            "deliverable-finalized",
            "wg-energy",
            "project-list",
            LocalDate.of(2026, 6, 1),
            null,
            null,
            null),
        TestViewers.OPERATOR);
    definitions.loadAll();
    definitions.load(
        "az-us-2026.yaml",
        DefinitionFixtures.azerbaijanUnitedStates() + "\n# touched, so it syncs again\n");

    ObligationStatus energy =
        obligations
            .deadlines(CharterKey.of(AZ_US), null, "wg-energy", null, TestViewers.ANONYMOUS)
            .obligations()
            .stream()
            .filter(o -> o.rule().equals("wg-project-list"))
            .findFirst()
            .orElseThrow();
    assertThat(energy.status()).isEqualTo("met-late");
    assertThat(energy.metOn()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(energy.summary()).isEqualTo("Met on 2026-06-01, 22 days late (due 2026-05-10).");
  }

  @Test
  void anEventThatCannotBeRecordedChangesNothing() {
    long before = count("obligation_event");
    assertThatThrownBy(
            () ->
                obligations.record(
                    CharterKey.of(AZ_US),
                    new RecordEvent(
                        "meeting-held",
                        "framework",
                        null,
                        LocalDate.of(2026, 12, 1),
                        null,
                        null,
                        null),
                    TestViewers.OPERATOR))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("occurredOn"));
    assertThatThrownBy(
            () ->
                obligations.record(
                    CharterKey.of(AZ_US),
                    new RecordEvent(
                        "meeting-held",
                        "no-such-group",
                        null,
                        LocalDate.of(2026, 3, 1),
                        null,
                        null,
                        null),
                    TestViewers.OPERATOR))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("subject"));
    assertThat(count("obligation_event")).isEqualTo(before);
  }

  static int lineOf(String text, String fragment) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + fragment);
  }

  private UUID commitmentId(String charter, String key) {
    return jdbc.sql(
            "select m.id from commitment m join charter c on c.id = m.charter_id"
                + " where c.code = ? and m.code = ?")
        .params(charter, key)
        .query(UUID.class)
        .single();
  }

  private long commitmentVersion(UUID id) {
    return jdbc.sql("select version from commitment where id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table :
        List.of(
            "charter",
            "party",
            "foundation_document",
            "principle",
            "article",
            "clause",
            "area",
            "commitment",
            "commitment_area",
            "working_group",
            "working_group_area",
            "co_chair",
            "dialogue_platform",
            "history_entry",
            "obligation_rule",
            "obligation_event")) {
      counts.put(table, count(table));
    }
    return counts;
  }
}
