package org.entente.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.entente.testing.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing acknowledged is lost: Entente runs as a process of its own on (embedded) PostgreSQL, is
 * written to through its API from several threads and killed with SIGKILL at a random moment; after
 * each restart every acknowledged write must be there as acknowledged, no aggregate half-written,
 * the audit trail and the records in agreement and the chain verifying. How many times is {@code
 * -Dentente.durability.cycles}: one in {@code ./mvnw verify} (each cycle starts Entente again),
 * five in a step of its own in {@code .ci/run} after the test command, and a hundred in {@code
 * bench/durability/run.sh} on the Debian server. Then the database goes through pg_dump and
 * pg_restore and the copy must hold the same rows and a verifying chain; that part is skipped where
 * the PostgreSQL client tools are missing, so that {@code ./mvnw verify} needs only a JDK (CI
 * installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// beside the other classes (it uses no shared context, only its own database and process); its
// two steps one after the other
@Execution(ExecutionMode.CONCURRENT)
class KillAndRestoreTest {

  private final EmbeddedPostgres server = EmbeddedPostgresConfiguration.server();
  private final String database = "durability_" + UUID.randomUUID().toString().replace("-", "");
  private Path work;
  private KillCycles.Result killed;

  @Test
  @Order(1)
  @Execution(ExecutionMode.SAME_THREAD)
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    int cycles = Integer.getInteger("entente.durability.cycles", 1);
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
    work = Files.createDirectories(Path.of("target", "durability", database)).toAbsolutePath();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    AppProcess app =
        new AppProcess(
            AppProcess.fromThisClassPath(),
            url,
            "postgres",
            "",
            port,
            work,
            AppProcess.fastStart());
    KillCycles.Settings settings =
        new KillCycles.Settings(
            cycles,
            4,
            Duration.ofMillis(Long.getLong("entente.durability.load-min-ms", 1000)),
            Duration.ofMillis(Long.getLong("entente.durability.load-max-ms", 3000)),
            Long.getLong("entente.durability.seed", System.nanoTime()),
            Duration.ofSeconds(180),
            Duration.ofDays(1));
    killed =
        new KillCycles(
                app,
                url,
                "postgres",
                "",
                settings,
                line -> System.out.println("[durability] " + line))
            .run();

    assertThat(killed.problems()).as("see " + app.log()).isEmpty();
    assertThat(killed.cycles()).hasSize(cycles);
    assertThat(killed.ledger().acknowledged.get())
        .as("writes acknowledged: the load must have written something to lose")
        .isGreaterThan(cycles);
    assertThat(killed.found()).isEqualTo(killed.ledger().acknowledged.get());
    assertThat(killed.chainIntact()).isTrue();
  }

  @Test
  @Order(2)
  @Execution(ExecutionMode.SAME_THREAD)
  void aDumpRestoresTheSameRecordsAndAVerifyingChain() throws Exception {
    assumeTrue(killed != null, "the kill test did not run");
    Path bin = BackupRoundTrip.bin();
    int serverMajor;
    try (var ds = new com.zaxxer.hikari.HikariDataSource()) {
      ds.setJdbcUrl("jdbc:postgresql://localhost:" + server.getPort() + "/" + database);
      ds.setUsername("postgres");
      serverMajor = BackupRoundTrip.serverMajor(JdbcClient.create(ds));
    }
    Optional<String> whyNot = BackupRoundTrip.whyNot(bin, serverMajor);
    assumeTrue(whyNot.isEmpty(), () -> "pg_dump/pg_restore round trip skipped: " + whyNot.get());

    BackupRoundTrip.Result restored =
        BackupRoundTrip.run(
            bin,
            new BackupRoundTrip.Server("localhost", server.getPort(), "postgres", ""),
            database,
            database + "_restored",
            killed.ledger(),
            work);

    assertThat(restored.problems()).isEmpty();
    assertThat(restored.restored()).isEqualTo(restored.original());
    assertThat(restored.original().get("audit_event").rows()).isEqualTo(killed.auditEvents());
    assertThat(restored.chain().intact()).isTrue();
    assertThat(restored.chain().checked()).isEqualTo(killed.auditEvents());
    System.out.println(
        "[durability] pg_dump "
            + restored.dumpMs()
            + " ms ("
            + restored.dumpBytes()
            + " bytes), pg_restore "
            + restored.restoreMs()
            + " ms, "
            + restored.original().size()
            + " tables identical, chain of "
            + restored.chain().checked()
            + " events verifies");
  }
}
