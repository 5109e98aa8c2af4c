package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.obligations.Obligations;
import org.entente.obligations.RecordEvent;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.entente.shared.Problems;
import org.entente.testing.TestViewers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the audit trail must do on every database: run on H2 and PostgreSQL by the subclasses. */
abstract class AuditContract {

  @Autowired Audit audit;
  @Autowired AuditVerifier verifier;
  @Autowired Checkpoints checkpoints;
  @Autowired Obligations obligations;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired CheckpointFile checkpointFile;
  @Autowired ChainWatch chainWatch;
  @Autowired AuditAlarms alarms;
  @Autowired SigningKey signingKey;
  @Autowired javax.sql.DataSource dataSource;

  /** Runs SQL that the application itself may not: changing audit rows behind its back. */
  abstract void tamper(String sql, Object... params);

  @Test
  void loadingTheCharterAtStartWasAudited() {
    assertThat(audit.events("charter", "az-us-2026", null, new Paging(0, 10)).items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("charter.synchronized");
              assertThat(e.actor()).isEqualTo("system");
              // before it, the records it created, one event each, and nothing else
              List<AuditEvent> all = new ArrayList<>();
              for (int page = 0; ; page++) {
                var items = audit.events(null, null, null, new Paging(page, 100)).items();
                if (items.isEmpty()) {
                  break;
                }
                all.addAll(items);
              }
              assertThat(all)
                  .filteredOn(earlier -> earlier.seq() < e.seq())
                  .hasSize((int) e.seq() - 1)
                  .allSatisfy(
                      earlier -> {
                        assertThat(earlier.action()).isEqualTo("record.created");
                        assertThat(earlier.actor()).isEqualTo("system");
                      });
            });
  }

  @Test
  void theWholeTrailsTotalIsTheNumberOfEventsStoredAndAFilteredTotalCountsItsOwn() {
    obligations.record(
        CharterKey.of("az-us-2026"),
        new RecordEvent(
            "meeting-held", "framework", null, LocalDate.of(2026, 9, 2), "Plenary", null, null),
        TestViewers.OPERATOR);
    long stored = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    assertThat(audit.events(null, null, null, new Paging(3, 7)).totalItems()).isEqualTo(stored);
    String type = audit.events(null, null, null, new Paging(0, 1)).items().get(0).recordType();
    long ofType =
        jdbc.sql("select count(*) from audit_event where record_type = ?")
            .param(type)
            .query(Long.class)
            .single();
    assertThat(ofType).isPositive().isLessThan(stored);
    assertThat(audit.events(type, null, null, new Paging(0, 5)).totalItems()).isEqualTo(ofType);
  }

  @Test
  void everyWriteYieldsOneEventInTheSameTransaction() {
    long before = audit.head().seq();
    var recorded =
        obligations.record(
            CharterKey.of("az-us-2026"),
            new RecordEvent(
                "meeting-held", "framework", null, LocalDate.of(2026, 9, 1), "Plenary", null, null),
            TestViewers.OPERATOR);
    assertThat(audit.head().seq()).isEqualTo(before + 1);
    AuditEvent event =
        audit.events(null, recorded.id().toString(), null, new Paging(0, 5)).items().get(0);
    assertThat(event.action()).isEqualTo("event.recorded");
    assertThat(event.details()).contains("\"subject\":\"framework\"");

    // loading a definition: one event per record it created, and one for the charter
    definitions.load("fs.yaml", DefinitionFixtures.freedoniaSylvania());
    long afterLoad = audit.head().seq();
    List<AuditEvent> load =
        audit.events(null, null, null, new Paging(0, 100)).items().stream()
            .filter(e -> e.seq() > before + 1)
            .toList();
    assertThat(load).hasSize((int) (afterLoad - before - 1));
    assertThat(load).filteredOn(e -> e.action().equals("charter.synchronized")).hasSize(1);
    assertThat(load)
        .filteredOn(e -> e.action().equals("record.created"))
        .hasSize(load.size() - 1)
        .extracting(AuditEvent::recordId)
        .doesNotHaveDuplicates();
    assertThat(load)
        .filteredOn(e -> e.action().equals("record.created"))
        .extracting(AuditEvent::recordType)
        .contains("commitment", "working_group", "clause", "obligation_rule", "obligation_event");
    definitions.load("fs.yaml", DefinitionFixtures.freedoniaSylvania());
    assertThat(audit.head().seq()).as("an unchanged reload writes nothing").isEqualTo(afterLoad);

    long head = audit.head().seq();
    try {
      transactions.executeWithoutResult(
          s -> {
            audit.record("test.rolled-back", null, null, Outcome.SUCCESS, Map.of());
            throw new IllegalStateException("the change fails");
          });
    } catch (IllegalStateException expected) {
      // the event went with the change
    }
    assertThat(audit.head().seq()).isEqualTo(head);
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void theStoredHashIsAuditHashOfTheStoredEventWhateverItsCharacters() {
    AuditEvent appended =
        transactions.execute(
            s ->
                audit.append(
                    "Zoë ✓ 名前",
                    "AZ",
                    "test.unicode",
                    null,
                    "r-€",
                    Outcome.DENIED,
                    null,
                    Map.of("note", "naïve 🙂")));
    assertThat(appended.hash()).isEqualTo(AuditHash.of(appended));
    assertThat(audit.events(null, "r-€", null, new Paging(0, 5)).items())
        .singleElement()
        .isEqualTo(appended);
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void anEditedRowIsFoundAtItsSequenceNumber() {
    appendSome(10);
    tamper("update audit_event set actor = 'mallory' where seq = 6");
    AuditVerifier.Verification v = verifier.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(6);
    assertThat(v.problem()).contains("changed");
  }

  @Test
  void aRemovedRowIsFoundAtItsSequenceNumber() {
    appendSome(10);
    tamper("delete from audit_event where seq = 4");
    AuditVerifier.Verification v = verifier.verify();
    assertThat(v.firstBroken()).isEqualTo(4);
    assertThat(v.problem()).contains("missing");
  }

  @Test
  void aCutTailIsFoundWhereTheChainStops() {
    appendSome(10);
    long head = audit.head().seq();
    tamper("delete from audit_event where seq > ?", head - 3);
    AuditVerifier.Verification v = verifier.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(head - 2);
    assertThat(v.problem()).contains("removed");
  }

  @Test
  void concurrentWritersLeaveAGapFreeChainThatVerifies() throws Exception {
    long before = audit.head().seq();
    int writers = 8;
    int writes = 500;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      tasks.add(
          () -> {
            for (int i = 0; i < writes; i++) {
              int n = i;
              transactions.executeWithoutResult(
                  s ->
                      audit.append(
                          "writer-" + writer,
                          null,
                          "test.write",
                          "test",
                          writer + "-" + n,
                          Outcome.SUCCESS,
                          "127.0.0.1",
                          Map.of("n", n)));
            }
            return null;
          });
    }
    for (Future<Void> f : pool.invokeAll(tasks)) {
      f.get();
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    long after = audit.head().seq();
    assertThat(after - before).isEqualTo((long) writers * writes);
    assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single())
        .isEqualTo(after);
    assertThat(jdbc.sql("select max(seq) from audit_event").query(Long.class).single())
        .isEqualTo(after);
    AuditVerifier.Verification v = verifier.verify();
    assertThat(v.intact()).as(String.valueOf(v)).isTrue();
    assertThat(v.checked()).isEqualTo(after);
  }

  @Test
  void aCheckpointExportedBeforeARewriteProvesTheRewrite() {
    appendSome(8);
    Checkpoints.SignedCheckpoint checkpoint = checkpoints.export();
    assertThat(checkpoints.check(checkpoint).extendsCheckpoint()).isTrue();
    appendSome(3);
    assertThat(checkpoints.check(checkpoint).extendsCheckpoint()).isTrue();

    // Rewrite history from event 3 on, recomputing every hash so the chain itself verifies.
    tamper("update audit_event set actor = 'mallory' where seq = 3");
    rehashFrom(3);
    assertThat(verifier.verifyChain().intact())
        .as("the rewritten chain is self-consistent")
        .isTrue();
    assertThat(verifier.verify().intact())
        .as("but does not hold the checkpoint kept outside the database")
        .isFalse();

    Checkpoints.CheckResult result = checkpoints.check(checkpoint);
    assertThat(result.extendsCheckpoint()).isFalse();
    assertThat(result.signedByThisDeployment()).isTrue();
    assertThat(result.problem()).contains("rewritten");
  }

  @Test
  void afterARotationTheCheckpointsOfTheEarlierKeyAreStillTheDeploymentsOnlyWhileItIsListed()
      throws Exception {
    appendSome(3);
    Checkpoints.SignedCheckpoint signedBefore = checkpoints.export();
    assertThat(checkpointFile.read()).contains(signedBefore);
    SigningKey rotated =
        new SigningKey(
            "target/test-keys/rotated-" + java.util.UUID.randomUUID() + ".key",
            SigningKeyTest.pem(SigningKeyTest.newPair()),
            new org.springframework.mock.env.MockEnvironment());
    org.springframework.transaction.PlatformTransactionManager manager =
        transactions.getTransactionManager();

    AuditVerifier listed =
        new AuditVerifier(
            jdbc,
            checkpointFile,
            new KeyHistory(rotated, java.util.List.of(signingKey.publicKey()), "entente"),
            manager);
    AuditVerifier.Verification v = listed.verify();
    assertThat(v.intact()).as(String.valueOf(v)).isTrue();

    AuditVerifier forgotten =
        new AuditVerifier(
            jdbc, checkpointFile, new KeyHistory(rotated, java.util.List.of(), "entente"), manager);
    AuditVerifier.Verification without = forgotten.verify();
    assertThat(without.intact()).isFalse();
    assertThat(without.problem()).contains("not this deployment's, now or before a rotation");
  }

  @Test
  void aForgedCheckpointIsRefused() {
    appendSome(2);
    Checkpoints.SignedCheckpoint real = checkpoints.export();
    Checkpoints.SignedCheckpoint forged =
        new Checkpoints.SignedCheckpoint(
            real.seq(), "f".repeat(64), real.signedAt(), real.publicKey(), real.signature());
    assertThat(checkpoints.check(forged).problem()).contains("signature");
  }

  @Test
  void theStartSignedACheckpointThatIsKeptOutsideTheDatabase() {
    Checkpoints.SignedCheckpoint kept = checkpointFile.read().orElseThrow();
    assertThat(kept.seq()).isPositive().isLessThanOrEqualTo(audit.head().seq());
    assertThat(
            jdbc.sql("select hash from audit_event where seq = ?")
                .param(kept.seq())
                .query(String.class)
                .single())
        .isEqualTo(kept.hash());
    assertThat(checkpoints.check(kept).extendsCheckpoint()).isTrue();
  }

  @Test
  void aCutTailWithTheHeadMovedBackIsFoundAgainstTheCheckpointFile() {
    appendSome(10);
    Checkpoints.SignedCheckpoint signed = checkpoints.export();
    appendSome(2);
    long kept = signed.seq() - 4;
    cutTheTailAfter(kept);
    assertThat(verifier.verifyChain().intact())
        .as("the cut chain is consistent in itself")
        .isTrue();

    AuditVerifier.Verification v = verifier.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(kept + 1);
    assertThat(v.problem()).contains("removed").contains("event " + signed.seq());
    assertThat(v.headSeq()).isEqualTo(kept);
  }

  @Test
  void aCutTailIsFoundAtStartEvenWithTheRecordedCheckpointsDeleted() {
    appendSome(10);
    Checkpoints.SignedCheckpoint signed = checkpoints.export();
    long kept = signed.seq() - 5;
    cutTheTailAfter(kept);
    tamper("delete from audit_checkpoint");
    // and events appended since, as a running application would: the chain grows again past the
    // checkpoint's sequence number, with other events
    appendSome(8);
    assertThat(audit.head().seq()).isGreaterThan(signed.seq());
    assertThat(verifier.verifyChain().intact()).isTrue();

    AuditVerifier.Verification atStart = chainWatch.check("start");
    assertThat(atStart.intact()).isFalse();
    assertThat(atStart.firstBroken()).isEqualTo(signed.seq());
    assertThat(atStart.problem()).contains("rewritten");
    assertThat(alarms.open()).isPresent();
    assertThat(audit.events(null, null, null, new Paging(0, 1)).items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("audit.chain.broken");
              assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
              assertThat(e.details()).contains("\"firstBroken\":" + signed.seq());
            });
    assertThat(checkpointFile.read().orElseThrow()).isEqualTo(signed);

    long alarmsBefore = jdbc.sql("select count(*) from audit_alarm").query(Long.class).single();
    chainWatch.check("start");
    assertThat(jdbc.sql("select count(*) from audit_alarm").query(Long.class).single())
        .as("found again at the next start, the same break raises no second alarm")
        .isEqualTo(alarmsBefore);
  }

  @Test
  void noCheckpointIsSignedOverABrokenChain() {
    appendSome(6);
    Checkpoints.SignedCheckpoint signed = checkpoints.export();
    long recorded = jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
    cutTheTailAfter(signed.seq() - 2);

    assertThatThrownBy(() -> checkpoints.export())
        .isInstanceOf(Checkpoints.ChainBroken.class)
        .satisfies(
            e -> {
              assertThat(Problems.status((Checkpoints.ChainBroken) e).value()).isEqualTo(409);
              assertThat(Problems.detail((Checkpoints.ChainBroken) e).getTitle())
                  .isEqualTo("Audit chain broken");
            });
    assertThat(chainWatch.check("schedule").intact()).isFalse();
    assertThat(jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single())
        .isEqualTo(recorded);
    assertThat(checkpointFile.read().orElseThrow()).isEqualTo(signed);

    // a chain broken in itself: an edited event
    tamper("update audit_event set actor = 'mallory' where seq = 3");
    assertThatThrownBy(() -> checkpoints.export()).isInstanceOf(Checkpoints.ChainBroken.class);
    assertThat(checkpointFile.read().orElseThrow()).isEqualTo(signed);
  }

  @Test
  void anAcknowledgedCutIsRecordedAndTheChainIsCheckedFromANewCheckpoint() {
    appendSome(8);
    Checkpoints.SignedCheckpoint signed = checkpoints.export();
    cutTheTailAfter(signed.seq() - 3);
    chainWatch.check("start");
    AuditAlarms.Alarm alarm = alarms.open().orElseThrow();

    asAdministrator(() -> alarms.acknowledge(alarm.id()));

    assertThat(alarms.open()).isEmpty();
    AuditEvent acknowledged =
        audit.events(AuditAlarms.RECORD_TYPE, alarm.id(), null, new Paging(0, 5)).items().get(0);
    assertThat(acknowledged.action()).isEqualTo("audit.chain.acknowledged");
    assertThat(acknowledged.actor()).isEqualTo("chain.admin");
    assertThat(
            jdbc.sql("select acknowledged_by from audit_alarm where id = ?")
                .param(alarm.id())
                .query(String.class)
                .single())
        .isEqualTo("chain.admin");
    // the chain verified in itself: a new checkpoint over it, the acknowledgement included
    Checkpoints.SignedCheckpoint rebased = checkpointFile.read().orElseThrow();
    assertThat(rebased.seq()).isEqualTo(acknowledged.seq());
    assertThat(verifier.verify().intact()).isTrue();
    assertThat(checkpoints.check(signed).extendsCheckpoint())
        .as("the checkpoint from before the cut still proves it")
        .isFalse();
    org.assertj.core.api.Assertions.assertThatCode(() -> checkpoints.export())
        .doesNotThrowAnyException();
  }

  @Test
  void anAcknowledgedChangedEventStaysBrokenAndUnsigned() {
    appendSome(5);
    tamper("update audit_event set actor = 'mallory' where seq = 4");
    chainWatch.check("start");
    AuditAlarms.Alarm alarm = alarms.open().orElseThrow();
    Checkpoints.SignedCheckpoint before = checkpointFile.read().orElseThrow();

    asAdministrator(() -> alarms.acknowledge(alarm.id()));

    assertThat(alarms.open()).isEmpty();
    assertThat(checkpointFile.read().orElseThrow()).isEqualTo(before);
    assertThat(verifier.verify().firstBroken()).isEqualTo(4);
    assertThatThrownBy(() -> checkpoints.export()).isInstanceOf(Checkpoints.ChainBroken.class);
    chainWatch.check("start");
    assertThat(alarms.open()).as("the same break, acknowledged, is not raised again").isEmpty();
    assertThatThrownBy(() -> asAdministrator(() -> alarms.acknowledge(alarm.id())))
        .isInstanceOf(org.entente.shared.NotFoundException.class);
  }

  @Test
  void aRestartFindsTheCutTailWithTheRecordedCheckpointsDeletedAndRaisesTheAlarm() {
    appendSome(6);
    Checkpoints.SignedCheckpoint signed = checkpoints.export();
    cutTheTailAfter(signed.seq() - 3);
    tamper("delete from audit_checkpoint");
    assertThat(alarms.open()).isEmpty();

    // the same database, key and checkpoint file, started again as the application starts
    com.zaxxer.hikari.HikariDataSource ds = (com.zaxxer.hikari.HikariDataSource) dataSource;
    // command-line arguments: they come before the test profile's own settings
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + ds.getJdbcUrl());
    if (ds.getUsername() != null) {
      args.add("--spring.datasource.username=" + ds.getUsername());
    }
    if (ds.getPassword() != null) {
      args.add("--spring.datasource.password=" + ds.getPassword());
    }
    args.add("--entente.audit.signing-key-file=" + signingKey.file());
    args.add("--entente.audit.checkpoint-file=" + checkpointFile.file());
    args.add("--spring.main.log-startup-info=false");
    try (var restarted =
        new org.springframework.boot.builder.SpringApplicationBuilder(
                org.entente.EntenteApplication.class)
            .web(org.springframework.boot.WebApplicationType.NONE)
            .profiles("test")
            .run(args.toArray(String[]::new))) {
      assertThat(restarted.getBean(AuditAlarms.class).open())
          .as("the restarted application raised the alarm at start")
          .hasValueSatisfying(a -> assertThat(a.firstBroken()).isEqualTo(signed.seq() - 2));
    }
    assertThat(alarms.open()).isPresent();
    assertThat(audit.events(AuditAlarms.RECORD_TYPE, null, null, new Paging(0, 5)).items())
        .extracting(AuditEvent::action)
        .containsExactly("audit.chain.broken");
    assertThat(checkpointFile.read().orElseThrow()).isEqualTo(signed);
  }

  /** Deletes every event after {@code kept} and moves the head back to it. */
  private void cutTheTailAfter(long kept) {
    String hash =
        jdbc.sql("select hash from audit_event where seq = ?")
            .param(kept)
            .query(String.class)
            .single();
    tamper("delete from audit_event where seq > ?", kept);
    jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(kept, hash).update();
  }

  private static void asAdministrator(Runnable action) {
    var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
    var before = context.getAuthentication();
    context.setAuthentication(
        new org.springframework.security.authentication.TestingAuthenticationToken(
            "chain.admin", null, "ROLE_ADMINISTRATOR"));
    try {
      action.run();
    } finally {
      context.setAuthentication(before);
    }
  }

  private void appendSome(int n) {
    for (int i = 0; i < n; i++) {
      int k = i;
      transactions.executeWithoutResult(
          s ->
              audit.append(
                  "tester",
                  "AZ",
                  "test.append",
                  "test",
                  "r" + k,
                  Outcome.SUCCESS,
                  null,
                  Map.of("i", k)));
    }
  }

  private void rehashFrom(long seq) {
    List<AuditEvent> events =
        jdbc.sql("select * from audit_event where seq >= ? order by seq")
            .param(seq)
            .query((rs, n) -> Audit.event(rs))
            .list();
    String previous =
        jdbc.sql("select hash from audit_event where seq = ?")
            .param(seq - 1)
            .query(String.class)
            .single();
    for (AuditEvent e : events) {
      AuditEvent relinked =
          new AuditEvent(
              e.seq(),
              e.occurredAt(),
              e.actor(),
              e.party(),
              e.action(),
              e.recordType(),
              e.recordId(),
              e.outcome(),
              e.sourceAddress(),
              e.details(),
              previous,
              null);
      String hash = AuditHash.of(relinked);
      tamper(
          "update audit_event set prev_hash = ?, hash = ? where seq = ?", previous, hash, e.seq());
      previous = hash;
    }
    jdbc.sql("update audit_head set hash = ? where id = 1").param(previous).update();
  }
}
