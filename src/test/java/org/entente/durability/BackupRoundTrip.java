package org.entente.durability;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.audit.AuditVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup as an operator makes it and the restore an operator would do: {@code pg_dump} in the
 * custom format, {@code pg_restore} into a new database; then the copy is compared with the
 * original table by table (row count and an MD5 of the rows in order), the acknowledged writes are
 * looked for in the copy, and the copy's audit chain is verified.
 */
final class BackupRoundTrip {

  /** Where a server is and who connects; the password goes to the tools as PGPASSWORD. */
  record Server(String host, int port, String user, String password) {
    String jdbcUrl(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }

  record TableSum(long rows, String md5) {}

  record Result(
      long dumpBytes,
      long dumpMs,
      long restoreMs,
      Map<String, TableSum> original,
      Map<String, TableSum> restored,
      DurabilityChecks.Outcome checks,
      AuditVerifier.Verification chain,
      List<String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  private BackupRoundTrip() {}

  /**
   * The client tools to use: {@code ENTENTE_PG_BIN} or Debian's {@code /usr/bin}; empty when they
   * are missing or older than the server (pg_dump refuses a newer server).
   */
  static Optional<String> whyNot(Path bin, int serverMajor) {
    for (String tool : List.of("pg_dump", "pg_restore")) {
      Path p = bin.resolve(tool);
      if (!Files.isExecutable(p)) {
        return Optional.of(p + " is missing (Debian: apt-get install postgresql-client)");
      }
      int major = clientMajor(p);
      if (major < serverMajor) {
        return Optional.of(
            p + " is version " + major + ", older than the server (" + serverMajor + ")");
      }
    }
    return Optional.empty();
  }

  static Path bin() {
    String env = System.getenv("ENTENTE_PG_BIN");
    return Path.of(env == null || env.isBlank() ? "/usr/bin" : env);
  }

  static int clientMajor(Path tool) {
    try {
      Process p =
          new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      Matcher m = Pattern.compile("(\\d+)(\\.\\d+)*").matcher(out);
      return m.find() ? Integer.parseInt(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static int serverMajor(JdbcClient jdbc) {
    return jdbc.sql("show server_version_num").query(Integer.class).single() / 10000;
  }

  static Result run(Path bin, Server server, String database, String copy, Ledger ledger, Path work)
      throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Path dump = work.resolve(database + ".dump");
    Files.deleteIfExists(dump);
    long t0 = System.nanoTime();
    tool(
        server,
        work,
        bin.resolve("pg_dump").toString(),
        "--format=custom",
        "--file=" + dump,
        "--host=" + server.host(),
        "--port=" + server.port(),
        "--username=" + server.user(),
        "--no-password",
        database);
    long dumpMs = (System.nanoTime() - t0) / 1_000_000;
    try (HikariDataSource admin = dataSource(server, "postgres")) {
      JdbcClient a = JdbcClient.create(admin);
      a.sql("drop database if exists " + copy).update();
      a.sql("create database " + copy).update();
    }
    long t1 = System.nanoTime();
    tool(
        server,
        work,
        bin.resolve("pg_restore").toString(),
        "--exit-on-error",
        "--no-owner",
        "--host=" + server.host(),
        "--port=" + server.port(),
        "--username=" + server.user(),
        "--no-password",
        "--dbname=" + copy,
        dump.toString());
    long restoreMs = (System.nanoTime() - t1) / 1_000_000;
    Map<String, TableSum> original;
    Map<String, TableSum> restored;
    DurabilityChecks.Outcome checks;
    AuditVerifier.Verification chain;
    try (HikariDataSource from = dataSource(server, database);
        HikariDataSource to = dataSource(server, copy)) {
      original = sums(JdbcClient.create(from));
      restored = sums(JdbcClient.create(to));
      checks = DurabilityChecks.check(JdbcClient.create(to), ledger);
      chain = DurabilityChecks.verifyChain(to);
    }
    if (!original.equals(restored)) {
      for (String table : original.keySet()) {
        if (!original.get(table).equals(restored.get(table))) {
          problems.add(
              table + ": " + original.get(table) + " before, " + restored.get(table) + " restored");
        }
      }
      for (String table : restored.keySet()) {
        if (!original.containsKey(table)) {
          problems.add(table + " appears only in the restored copy");
        }
      }
    }
    if (original.getOrDefault("audit_event", new TableSum(0, "")).rows() == 0) {
      problems.add("the original has no audit events: nothing was compared");
    }
    for (String p : checks.problems()) {
      problems.add("restored copy: " + p);
    }
    if (checks.found() != ledger.acknowledged.get()) {
      problems.add(
          "restored copy: found "
              + checks.found()
              + " of "
              + ledger.acknowledged.get()
              + " acknowledged writes");
    }
    if (!chain.intact()) {
      problems.add("restored copy: the audit chain does not verify: " + chain);
    }
    return new Result(
        Files.size(dump), dumpMs, restoreMs, original, restored, checks, chain, problems);
  }

  /** Each table of the public schema: its rows, and the MD5 of their text forms in order. */
  static Map<String, TableSum> sums(JdbcClient jdbc) {
    List<String> tables =
        jdbc.sql(
                "select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' order by table_name")
            .query(String.class)
            .list();
    Map<String, TableSum> sums = new LinkedHashMap<>();
    for (String table : tables) {
      sums.put(
          table,
          jdbc.sql(
                  "select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '')"
                      + " from \""
                      + table
                      + "\" t")
              .query((rs, n) -> new TableSum(rs.getLong(1), rs.getString(2)))
              .single());
    }
    return sums;
  }

  private static HikariDataSource dataSource(Server server, String database) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(server.jdbcUrl(database));
    ds.setUsername(server.user());
    ds.setPassword(server.password());
    ds.setMaximumPoolSize(2);
    return ds;
  }

  private static void tool(Server server, Path work, String... command)
      throws IOException, InterruptedException {
    Path log = work.resolve("pg-tools.log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("PGPASSWORD", server.password() == null ? "" : server.password());
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed; see " + log + ":\n" + Files.readString(log));
    }
  }
}
