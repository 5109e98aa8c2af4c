package org.entente.durability;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The full-size kill test and backup round trip against a PostgreSQL server, run by {@code
 * bench/durability/run.sh}, which documents the settings (system properties here). Prints a
 * Markdown report on standard output and progress on standard error; exits 1 when anything was
 * lost, half-written or did not verify.
 */
public final class DurabilityBench {

  private DurabilityBench() {}

  public static void main(String[] args) throws Exception {
    // the report goes to standard output: keep the pools' and drivers' INFO lines out of it
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    String host = env("PGHOST", "127.0.0.1");
    int port = Integer.parseInt(env("PGPORT", "5432"));
    String user = env("PGUSER", "entente");
    String password = env("PGPASSWORD", "entente");
    String database = System.getProperty("db", "entente_kill");
    String copy = System.getProperty("restoreDb", "entente_restore");
    int cycles = Integer.getInteger("cycles", 100);
    int writers = Integer.getInteger("writers", 4);
    long loadMin = Long.getLong("loadMinMs", 2000);
    long loadMax = Long.getLong("loadMaxMs", 8000);
    long seed = Long.getLong("seed", System.nanoTime());
    int appPort = Integer.getInteger("appPort", 18401);
    Path work = Path.of(System.getProperty("work", "target/durability-bench")).toAbsolutePath();
    Files.createDirectories(work);
    List<String> launch = List.of("-jar", System.getProperty("jar"));
    List<String> jvm =
        System.getProperty("appJavaOpts", "").isBlank()
            ? AppProcess.fastStart()
            : List.of(System.getProperty("appJavaOpts").trim().split("\\s+"));

    BackupRoundTrip.Server server = new BackupRoundTrip.Server(host, port, user, password);
    String serverVersion;
    String syncCommit;
    int serverMajor;
    try (HikariDataSource admin = new HikariDataSource()) {
      admin.setJdbcUrl(server.jdbcUrl("postgres"));
      admin.setUsername(user);
      admin.setPassword(password);
      admin.setMaximumPoolSize(1);
      JdbcClient a = JdbcClient.create(admin);
      a.sql("drop database if exists " + database).update();
      a.sql("create database " + database).update();
      serverVersion = a.sql("show server_version").query(String.class).single();
      syncCommit =
          a.sql("show synchronous_commit").query(String.class).single()
              + ", fsync "
              + a.sql("show fsync").query(String.class).single();
      serverMajor = BackupRoundTrip.serverMajor(a);
    }

    String url = server.jdbcUrl(database);
    AppProcess app = new AppProcess(launch, url, user, password, appPort, work, jvm);
    KillCycles.Settings settings =
        new KillCycles.Settings(
            cycles,
            writers,
            Duration.ofMillis(loadMin),
            Duration.ofMillis(loadMax),
            seed,
            Duration.ofSeconds(300),
            Duration.ofMinutes(Long.getLong("maxMinutes", 24 * 60)));
    KillCycles.Result r =
        new KillCycles(app, url, user, password, settings, line -> System.err.println(line)).run();

    Path bin = BackupRoundTrip.bin();
    Optional<String> whyNot = BackupRoundTrip.whyNot(bin, serverMajor);
    if (whyNot.isEmpty()) {
      System.err.println("backup round trip: pg_dump " + database + ", pg_restore into " + copy);
    }
    BackupRoundTrip.Result b =
        whyNot.isEmpty()
            ? BackupRoundTrip.run(bin, server, database, copy, r.ledger(), work)
            : null;

    StringBuilder out = new StringBuilder();
    out.append("PostgreSQL ")
        .append(serverVersion)
        .append(" at ")
        .append(host)
        .append(':')
        .append(port);
    out.append(" (synchronous_commit ").append(syncCommit).append("), database ").append(database);
    out.append("; ").append(writers).append(" writers; load ").append(loadMin).append('-');
    out.append(loadMax).append(" ms before each SIGKILL; seed ").append(seed).append("\n\n");
    out.append("### Kill cycles\n\n");
    out.append(
        "| cycles run | acknowledged writes | found as acknowledged | unanswered (in flight at the kill) | audit events | chain verified | problems | time |\n");
    out.append("|---:|---:|---:|---:|---:|---|---:|---:|\n");
    out.append(
        String.format(
            "| %d of %d | %d | %d | %d | %d | %s | %d | %s |%n",
            r.cycles().size(),
            cycles,
            r.ledger().acknowledged.get(),
            r.found(),
            r.ledger().ambiguous.get(),
            r.auditEvents(),
            r.chainIntact() ? "yes, after every restart" : "NO",
            r.problems().size(),
            minutes(r.elapsed())));
    Map<String, Long> kinds = new TreeMap<>();
    r.ledger().byKind.forEach((k, v) -> kinds.put(k, v.get()));
    out.append("\nAcknowledged writes by kind: ").append(kinds).append("\n");
    long[] restarts = r.cycles().stream().mapToLong(KillCycles.Cycle::restartMs).sorted().toArray();
    if (restarts.length > 0) {
      out.append(
          String.format(
              "Restart after SIGKILL until ready: median %d ms, max %d ms (first start with"
                  + " migrations: %d ms)%n",
              restarts[restarts.length / 2], restarts[restarts.length - 1], r.firstStartMs()));
    }
    out.append(
        "\n### Backup round trip (pg_dump custom format, pg_restore into a new database)\n\n");
    if (b == null) {
      out.append("Skipped: ").append(whyNot.orElse("")).append("\n");
    } else {
      long rows = b.original().values().stream().mapToLong(BackupRoundTrip.TableSum::rows).sum();
      long same =
          b.original().entrySet().stream()
              .filter(e -> e.getValue().equals(b.restored().get(e.getKey())))
              .count();
      out.append(
          "| tables identical (rows, MD5) | rows | acknowledged writes found in the copy | chain of the copy | dump | restore | dump size |\n");
      out.append("|---|---:|---:|---|---:|---:|---:|\n");
      out.append(
          String.format(
              "| %d of %d | %d | %d of %d | %s (%d events) | %d ms | %d ms | %d kB |%n",
              same,
              b.original().size(),
              rows,
              b.checks().found(),
              r.ledger().acknowledged.get(),
              b.chain().intact() ? "verifies" : "BROKEN: " + b.chain().problem(),
              b.chain().checked(),
              b.dumpMs(),
              b.restoreMs(),
              b.dumpBytes() / 1024));
    }
    List<String> problems = new ArrayList<>(r.problems());
    if (b != null) {
      problems.addAll(b.problems());
    }
    out.append("\n").append(problems.isEmpty() ? "Nothing lost." : "PROBLEMS:\n");
    for (String p : problems.subList(0, Math.min(problems.size(), 50))) {
      out.append("- ").append(p).append('\n');
    }
    System.out.println(out);
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  private static String minutes(Duration d) {
    return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
