// Audit trail benchmark: append throughput, the cost an audit append adds to an edit, and
// verification speed beside raw SHA-256. Runs the real application context (no web server) on an
// embedded PostgreSQL. Started by bench/audit/run.sh with Java's single-file source launcher on the
// project's compiled classes and test classpath; see bench/audit/README.md.

import com.zaxxer.hikari.HikariDataSource;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.EntenteApplication;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.audit.AuditVerifier;
import org.entente.testing.EmbeddedPostgresConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

public class AuditBench {

  // Settings (environment variables), defaults sized for a full run of about 4 minutes.
  static final double WARMUP_S = env("WARMUP", 3);
  static final double DURATION_S = env("DURATION", 10);
  static final int[] THREADS =
      Arrays.stream(System.getenv().getOrDefault("THREADS", "1,2,4,8").split(","))
          .mapToInt(s -> Integer.parseInt(s.strip()))
          .toArray();
  static final int EDIT_PAIRS = (int) env("EDIT_PAIRS", 3000);
  static final double EDIT_BUDGET_S = env("EDIT_BUDGET", 20);
  static final int EVENTS = (int) env("EVENTS", 200_000);
  static final int VERIFY_RUNS = (int) env("VERIFY_RUNS", 3);
  static final double QUIET_WAIT_S = env("QUIET_WAIT", 60);
  static final double QUIET_MAX = env("QUIET_MAX", 20);
  static final double NOISY = env("NOISY", 15);
  static final String SYNC_MODES = System.getenv().getOrDefault("SYNC_MODES", "on");

  static ConfigurableApplicationContext context;
  static Audit audit;
  static AuditVerifier verifier;
  static JdbcClient jdbc;
  static TransactionTemplate tx;
  static TransactionTemplate readOnlyTx;
  static HikariDataSource dataSource;
  static String rawUrl;
  static String databaseName;
  static long postmasterPid;
  static MethodHandle auditHash; // AuditHash.of(AuditEvent), package-private in the application
  static final List<String> noisy = new ArrayList<>();

  /** Results go here; everything else (logs of Spring, Hikari, PostgreSQL) goes to stderr. */
  static final java.io.PrintStream RESULTS = System.out;

  public static void main(String[] args) {
    System.setOut(System.err);
    Locale.setDefault(Locale.ROOT);
    int status = 0;
    try {
      run();
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    } finally {
      if (context != null) {
        context.close();
      }
    }
    // The embedded server is stopped by its shutdown hook.
    System.exit(status);
  }

  static void run() throws Throwable {
    long started = System.nanoTime();
    out("# Audit trail benchmark");
    out("");
    out("started " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + loadavg());
    startApplication();
    out("PostgreSQL " + jdbc.sql("show server_version").query(String.class).single()
        + " (embedded, zonky), database " + databaseName + ", shared_buffers "
        + jdbc.sql("show shared_buffers").query(String.class).single()
        + "; application context started in " + ms(System.nanoTime() - started) + " ms");
    out("");
    for (String mode : SYNC_MODES.split(",")) {
      setSynchronousCommit(mode.strip());
      appendThroughput(mode.strip());
      editCost(mode.strip());
      appendBreakdown(mode.strip());
      realEdits(mode.strip());
    }
    verification();
    out("");
    if (noisy.isEmpty()) {
      out("other load stayed at or below " + fmt(NOISY, 0) + "% of the machine in every measurement");
    } else {
      out("NOISY (other load above " + fmt(NOISY, 0) + "% of the machine): " + String.join("; ", noisy)
          + " -- rerun when the machine is quieter");
    }
    out("finished in " + (System.nanoTime() - started) / 1_000_000_000 + " s, " + loadavg());
  }

  // ---------------------------------------------------------------------------------------------
  // Setup

  static void startApplication() throws Exception {
    var server = EmbeddedPostgresConfiguration.server();
    databaseName = "entente_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + databaseName);
      try (ResultSet rs = s.executeQuery("show data_directory")) {
        rs.next();
        postmasterPid =
            Long.parseLong(
                Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).strip());
      }
    }
    rawUrl = server.getJdbcUrl("postgres", databaseName);
    Path keyFile = Files.createTempDirectory("audit-bench").resolve("signing.key");
    context =
        new SpringApplicationBuilder(EntenteApplication.class)
            .web(WebApplicationType.NONE)
            // Command-line arguments: they outrank application-test.yaml (builder properties would not).
            .run(
                "--spring.profiles.active=test",
                "--entente.definitions.load-on-start=false",
                "--spring.datasource.url=" + rawUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--entente.audit.signing-key-file=" + keyFile,
                "--spring.main.log-startup-info=false",
                "--logging.level.root=WARN");

    audit = context.getBean(Audit.class);
    verifier = context.getBean(AuditVerifier.class);
    jdbc = context.getBean(JdbcClient.class);
    dataSource = context.getBean(HikariDataSource.class);
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      if (!"PostgreSQL".equals(product)) {
        throw new IllegalStateException("the application runs on " + product + ", not PostgreSQL");
      }
    }
    PlatformTransactionManager tm = context.getBean(PlatformTransactionManager.class);
    tx = new TransactionTemplate(tm);
    readOnlyTx = new TransactionTemplate(tm);
    readOnlyTx.setReadOnly(true);
    Method of =
        Class.forName("org.entente.audit.AuditHash").getDeclaredMethod("of", AuditEvent.class);
    of.setAccessible(true);
    auditHash = MethodHandles.lookup().unreflect(of);
  }

  /** Sets synchronous_commit for the bench database and renews the pool's connections. */
  static void setSynchronousCommit(String mode) {
    jdbc.sql("alter database " + databaseName + " set synchronous_commit = " + mode).update();
    dataSource.getHikariPoolMXBean().softEvictConnections();
    String actual = jdbc.sql("show synchronous_commit").query(String.class).single();
    if (!actual.equals(mode)) {
      throw new IllegalStateException("synchronous_commit is " + actual + ", wanted " + mode);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // (a) Append throughput with concurrent writers

  static void appendThroughput(String mode) throws Exception {
    out("## (a) Append throughput, synchronous_commit=" + mode);
    out("");
    out("Each writer thread loops: one transaction (TransactionTemplate) with one append. "
        + fmt(WARMUP_S, 0) + " s warm-up, then " + fmt(DURATION_S, 0) + " s measured. As shipped:"
        + " Audit.append (on PostgreSQL one statement: lock the head, hash with sha256(), insert,"
        + " move the head). For comparison: the same event appended by three statements under the"
        + " head's row lock (select for update, insert, update), Audit.append's portable path (H2)"
        + " and what it did on PostgreSQL before commit f432adf; the benchmark's copy of that SQL.");
    out("");
    out("| append | writers | events/s | p50 ms | p99 ms | max ms | other load % | load avg |");
    out("|--|--:|--:|--:|--:|--:|--:|--|");
    for (boolean threeStatements : new boolean[] {false, true}) {
      for (int threads : THREADS) {
        appendRun(mode, threads, threeStatements);
      }
    }
    out("");
  }

  static void appendRun(String mode, int threads, boolean threeStatements) throws Exception {
    waitForQuiet();
    CpuSample before = CpuSample.now();
    long warmEnd = System.nanoTime() + (long) (WARMUP_S * 1e9);
    long end = warmEnd + (long) (DURATION_S * 1e9);
    LongList[] lat = new LongList[threads];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      LongList mine = lat[t] = new LongList();
      int writer = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                      break;
                    }
                    tx.executeWithoutResult(s -> appendOne(writer, threeStatements));
                    long t1 = System.nanoTime();
                    if (t0 >= warmEnd && t1 <= end) {
                      mine.add(t1 - t0);
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                } finally {
                  done.countDown();
                }
              },
              "writer-" + t);
      th.setDaemon(true);
      th.start();
    }
    done.await();
    if (failure.get() != null) {
      throw new IllegalStateException("a writer failed", failure.get());
    }
    CpuSample after = CpuSample.now();
    long[] all = LongList.merge(lat);
    Arrays.sort(all);
    double other = CpuSample.otherPercent(before, after);
    flagIfNoisy(
        other,
        (threeStatements ? "three-statement " : "") + "append " + threads + " writers, sync " + mode);
    out("| " + (threeStatements ? "three statements (before)" : "Audit.append (as shipped)") + " | "
        + threads + " | " + fmt(all.length / DURATION_S, 0) + " | " + msq(all, 0.50) + " | "
        + msq(all, 0.99) + " | " + fmt(all[all.length - 1] / 1e6, 2) + " | " + fmt(other, 0)
        + " | " + loadavgShort() + " |");
  }

  static final String[] ACTIONS = {"event.recorded", "account.updated", "login.succeeded"};

  static void appendOne(int writer, boolean threeStatements) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", "az-us-2026");
    details.put("kind", "meeting-held");
    details.put("subject", "framework");
    details.put("occurredOn", "2026-09-" + (10 + r.nextInt(18)));
    if (threeStatements) {
      appendInThreeStatements(
          "user-" + writer,
          writer % 2 == 0 ? "AZ" : "US",
          ACTIONS[r.nextInt(ACTIONS.length)],
          "obligation_event",
          UUID.randomUUID().toString(),
          Outcome.SUCCESS,
          "10.0.0." + (writer + 10),
          details);
      return;
    }
    audit.append(
        "user-" + writer,
        writer % 2 == 0 ? "AZ" : "US",
        ACTIONS[r.nextInt(ACTIONS.length)],
        "obligation_event",
        UUID.randomUUID().toString(),
        Outcome.SUCCESS,
        "10.0.0." + (writer + 10),
        details);
  }

  // ---------------------------------------------------------------------------------------------
  // (b) The cost an audit append adds to a typical edit

  static final int ACCOUNTS = 64;
  static boolean accountsMade;

  record AccountRow(
      UUID id,
      String username,
      String displayName,
      String organization,
      String party,
      String roles,
      boolean clearance,
      boolean enabled,
      long version) {}

  static AccountRow findAccount(String username) {
    return jdbc.sql(
            "select id, username, display_name, organization, party, roles, clearance, enabled,"
                + " version from account where username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new AccountRow(
                    rs.getObject("id", UUID.class),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getString("organization"),
                    rs.getString("party"),
                    rs.getString("roles"),
                    rs.getBoolean("clearance"),
                    rs.getBoolean("enabled"),
                    rs.getLong("version")))
        .single();
  }

  static final int PLAIN = 0;
  static final int AUDITED = 1;
  static final int THREE_STATEMENTS = 2;
  static final String[] VARIANT = {
    "unaudited", "audited (Audit.append, as shipped)", "audited, three-statement append (before)"
  };

  /**
   * One edit shaped like Accounts.update: read the row, update it with an optimistic version
   * check, read it back; audited, also append "account.updated" in the same transaction.
   */
  static void edit(int i, int variant) {
    String username = "bench-" + (i % ACCOUNTS);
    tx.executeWithoutResult(
        s -> {
          AccountRow current = findAccount(username);
          OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
          int updated =
              jdbc.sql(
                      "update account set display_name = ?, organization = ?, party = ?, roles = ?,"
                          + " clearance = ?, enabled = ?, version = version + 1, updated_at = ?"
                          + " where id = ? and version = ?")
                  .params(
                      "Bench User " + i,
                      current.organization(),
                      current.party(),
                      current.roles(),
                      current.clearance(),
                      current.enabled(),
                      now,
                      current.id(),
                      current.version())
                  .update();
          if (updated != 1) {
            throw new IllegalStateException("edit lost its row");
          }
          AccountRow after = findAccount(username);
          if (variant != PLAIN) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("username", after.username());
            details.put("displayName", current.displayName() + " -> " + after.displayName());
            if (variant == AUDITED) {
              audit.append(
                  "admin",
                  "AZ",
                  "account.updated",
                  "account",
                  after.id().toString(),
                  Outcome.SUCCESS,
                  "10.0.0.7",
                  details);
            } else {
              appendInThreeStatements(
                  "admin",
                  "AZ",
                  "account.updated",
                  "account",
                  after.id().toString(),
                  Outcome.SUCCESS,
                  "10.0.0.7",
                  details);
            }
          }
        });
  }

  static final String ZEROS_HASH = "0".repeat(64);

  static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /**
   * For comparison, not what PostgreSQL runs now: the three statements Audit.append runs on H2, and
   * ran on PostgreSQL before commit f432adf (lock the head, insert with the hash from Java's
   * AuditHash, move the head). The benchmark's copy of that SQL; AuditVerifier checks its events
   * in (c) along with the rest of the chain.
   */
  static void appendInThreeStatements(
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      Outcome outcome,
      String sourceAddress,
      Map<String, ?> details) {
    String detailJson = details == null || details.isEmpty() ? null : JSON.writeValueAsString(details);
    var head =
        jdbc.sql("select seq, hash from audit_head where id = 1 for update")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    long seq = Long.parseLong(head[0]) + 1;
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AuditEvent e =
        new AuditEvent(seq, at, actor, party, action, recordType, recordId, outcome, sourceAddress,
            detailJson, head[1], null);
    String hash;
    try {
      hash = (String) auditHash.invoke(e);
    } catch (Throwable x) {
      throw new IllegalStateException(x);
    }
    jdbc.sql(
            "insert into audit_event (seq, occurred_at, actor, party, action, record_type,"
                + " record_id, outcome, source_address, details, prev_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, party, action,
            recordType, recordId, outcome.name(), sourceAddress, detailJson, head[1], hash)
        .update();
    jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
  }

  /**
   * Where one append's time goes, one writer: each transaction runs a trivial statement (one round
   * trip, for scale), then either Audit.append (one statement) or the three statements it ran
   * before, each timed, then the commit. The two kinds take turns.
   */
  static void appendBreakdown(String mode) {
    String[] names = {
      "select 1 (one round trip, for scale)",
      "Audit.append, as shipped (one statement)",
      "commit after Audit.append",
      "before: select ... from audit_head for update",
      "before: AuditHash.of + insert into audit_event",
      "before: update audit_head",
      "commit after the three statements",
      "floor: insert the same row into a copy of audit_event (same indexes; no head, no chain)",
      "commit after the floor insert"
    };
    // The floor for any synchronous audit row: one insert, no lock, no hash. Into a copy of the
    // table (same columns, constraints and indexes), so the chain itself stays valid for (c).
    jdbc.sql("create table if not exists audit_floor (like audit_event including all)").update();
    LongList[] t = new LongList[names.length];
    for (int k = 0; k < t.length; k++) {
      t[k] = new LongList();
    }
    Map<String, Object> details = Map.of("username", "bench-1", "displayName", "a -> b");
    long[] floorSeq = {jdbc.sql("select coalesce(max(seq), 0) from audit_floor").query(Long.class)
        .single()};
    for (int i = 0; i < 6900; i++) {
      long[] stamp = new long[6];
      boolean keep = i >= 900;
      boolean shipped = i % 3 == 0;
      boolean floor = i % 3 == 2;
      stamp[0] = System.nanoTime();
      tx.executeWithoutResult(
          st -> {
            jdbc.sql("select 1").query(Integer.class).single();
            stamp[1] = System.nanoTime();
            if (floor) {
              Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
              jdbc.sql(
                      "insert into audit_floor (seq, occurred_at, actor, party, action, record_type,"
                          + " record_id, outcome, source_address, details, prev_hash, hash)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .params(++floorSeq[0], OffsetDateTime.ofInstant(at, ZoneOffset.UTC), "admin",
                      "AZ", "account.updated", "account", UUID.randomUUID().toString(),
                      Outcome.SUCCESS.name(), "10.0.0.7", JSON.writeValueAsString(details),
                      ZEROS_HASH, ZEROS_HASH)
                  .update();
              stamp[2] = System.nanoTime();
              return;
            }
            if (shipped) {
              audit.append("admin", "AZ", "account.updated", "account",
                  UUID.randomUUID().toString(), Outcome.SUCCESS, "10.0.0.7", details);
              stamp[2] = System.nanoTime();
              return;
            }
            var head =
                jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .single();
            stamp[2] = System.nanoTime();
            long seq = Long.parseLong(head[0]) + 1;
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String detailJson = JSON.writeValueAsString(details);
            AuditEvent e =
                new AuditEvent(seq, at, "admin", "AZ", "account.updated", "account",
                    UUID.randomUUID().toString(), Outcome.SUCCESS, "10.0.0.7", detailJson, head[1],
                    null);
            String hash;
            try {
              hash = (String) auditHash.invoke(e);
            } catch (Throwable x) {
              throw new IllegalStateException(x);
            }
            jdbc.sql(
                    "insert into audit_event (seq, occurred_at, actor, party, action, record_type,"
                        + " record_id, outcome, source_address, details, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), e.actor(), e.party(),
                    e.action(), e.recordType(), e.recordId(), e.outcome().name(),
                    e.sourceAddress(), detailJson, head[1], hash)
                .update();
            stamp[3] = System.nanoTime();
            jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1")
                .params(seq, hash)
                .update();
            stamp[4] = System.nanoTime();
          });
      long done = System.nanoTime();
      if (keep) {
        t[0].add(stamp[1] - stamp[0]);
        if (floor) {
          t[7].add(stamp[2] - stamp[1]);
          t[8].add(done - stamp[2]);
        } else if (shipped) {
          t[1].add(stamp[2] - stamp[1]);
          t[2].add(done - stamp[2]);
        } else {
          t[3].add(stamp[2] - stamp[1]);
          t[4].add(stamp[3] - stamp[2]);
          t[5].add(stamp[4] - stamp[3]);
          t[6].add(done - stamp[4]);
        }
      }
    }
    out("### Where an append's time goes, synchronous_commit=" + mode);
    out("");
    out("One writer, 6,000 transactions after 900 warm-up, taking turns: each starts with a select 1"
        + " for scale, then runs Audit.append (as shipped: one statement), or the three statements it"
        + " ran before (the same SQL, timed one by one), or only an insert of the same row into a copy"
        + " of audit_event (the floor for any audit row written in the edit's transaction), then"
        + " commits.");
    out("");
    out("| step | n | median us | mean us |");
    out("|--|--:|--:|--:|");
    for (int k = 0; k < names.length; k++) {
      long[] a = t[k].toArray();
      Arrays.sort(a);
      out("| " + names[k] + " | " + a.length + " | " + fmt(a[a.length / 2] / 1e3, 0) + " | "
          + fmt(mean(a) / 1e3, 0) + " |");
    }
    out("");
  }

  static void editCost(String mode) throws InterruptedException {
    if (!accountsMade) {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      for (int i = 0; i < ACCOUNTS; i++) {
        jdbc.sql(
                "insert into account (id, username, display_name, party, organization,"
                    + " password_hash, roles, created_at, updated_at)"
                    + " values (?, ?, ?, 'AZ', 'Ministry', 'x', 'MEMBER', ?, ?)")
            .params(UUID.randomUUID(), "bench-" + i, "Bench User", now, now)
            .update();
      }
      accountsMade = true;
    }
    out("## (b) Cost an audit append adds to a typical edit, synchronous_commit=" + mode);
    out("");
    out("One thread. Edit = one transaction shaped like Accounts.update (select the account, update"
        + " it with a version check, select it again: 3 statements + commit, 4 round trips);"
        + " audited = the same plus Audit.append in the same transaction (on PostgreSQL one more"
        + " statement); the before row appends the same event with the three statements Audit.append"
        + " ran before commit f432adf (the benchmark's copy of that SQL). The"
        + " variants take turns, starting with a different one each round; up to " + EDIT_PAIRS
        + " rounds in " + fmt(EDIT_BUDGET_S, 0) + " s after 300 warm-up rounds.");
    out("");
    for (int i = 0; i < 300; i++) {
      for (int k = 0; k < 3; k++) {
        edit(i, (i + k) % 3);
      }
    }
    waitForQuiet();
    CpuSample before = CpuSample.now();
    LongList[] times = {new LongList(), new LongList(), new LongList()};
    long deadline = System.nanoTime() + (long) (EDIT_BUDGET_S * 1e9);
    for (int i = 0; i < EDIT_PAIRS && System.nanoTime() < deadline; i++) {
      for (int k = 0; k < 3; k++) {
        int v = (i + k) % 3;
        long t0 = System.nanoTime();
        edit(i, v);
        times[v].add(System.nanoTime() - t0);
      }
    }
    CpuSample after = CpuSample.now();
    double other = CpuSample.otherPercent(before, after);
    flagIfNoisy(other, "edit cost, sync " + mode);
    double[] means = new double[3];
    double[] medians = new double[3];
    out("| edit | n | mean ms | median ms | p90 ms | p99 ms | median vs unaudited |");
    out("|--|--:|--:|--:|--:|--:|--:|");
    for (int v = 0; v < 3; v++) {
      long[] t = times[v].toArray();
      Arrays.sort(t);
      means[v] = mean(t);
      medians[v] = t[t.length / 2];
      out("| " + VARIANT[v] + " | " + t.length + " | " + fmt(means[v] / 1e6, 3) + " | "
          + fmt(medians[v] / 1e6, 3) + " | " + msq(t, 0.90) + " | " + msq(t, 0.99) + " | "
          + fmt(medians[v] / medians[PLAIN], 2) + "x |");
    }
    // For scale: the application's own audited edit, Accounts.update, on the same accounts.
    var accounts = context.getBean(org.entente.identity.Accounts.class);
    LongList service = new LongList();
    int serviceCalls = Math.min(EDIT_PAIRS, times[PLAIN].n);
    for (int i = 0; i < 300 + serviceCalls; i++) {
      String u = "bench-" + (i % ACCOUNTS);
      long version = accounts.find(u).orElseThrow().version();
      long t0 = System.nanoTime();
      accounts.update(
          u,
          new org.entente.identity.Accounts.AccountChange(
              "Service User " + i, null, null, null, null, null, version));
      if (i >= 300) {
        service.add(System.nanoTime() - t0);
      }
    }
    long[] sv = service.toArray();
    Arrays.sort(sv);
    out("| for scale: Accounts.update() as shipped (audited; its own queries), measured after the"
        + " rest | " + sv.length + " | " + fmt(mean(sv) / 1e6, 3) + " | "
        + fmt(sv[sv.length / 2] / 1e6, 3) + " | " + msq(sv, 0.90) + " | " + msq(sv, 0.99) + " | "
        + fmt(sv[sv.length / 2] / medians[PLAIN], 2) + "x |");
    out("");
    out("ratio audited/unaudited (as shipped): mean " + fmt(means[AUDITED] / means[PLAIN], 2)
        + "x, median " + fmt(medians[AUDITED] / medians[PLAIN], 2) + "x; added per edit: mean "
        + fmt((means[AUDITED] - means[PLAIN]) / 1e3, 0) + " us, median "
        + fmt((medians[AUDITED] - medians[PLAIN]) / 1e3, 0) + " us (goal <= 1.2x: "
        + (medians[AUDITED] / medians[PLAIN] <= 1.2 ? "met" : "MISSED") + "). Before (three"
        + " statements): median " + fmt(medians[THREE_STATEMENTS] / medians[PLAIN], 2) + "x, adds "
        + fmt((medians[THREE_STATEMENTS] - medians[PLAIN]) / 1e3, 0) + " us. Other load "
        + fmt(other, 0) + "%, " + loadavgShort());
    out("");
  }

  // ---------------------------------------------------------------------------------------------
  // (b, real edits) The application's own edits through its services, audited and not

  /** Whether Audit's writes run; off only while an unaudited real edit runs. */
  static volatile boolean auditWrites = true;
  /** Audit writes skipped, and let through, by the switch below (for the checks). */
  static long skipped;
  static long passed;
  /** How long each audit call let through took, inside the edit (for where the added time goes). */
  static LongList auditCallNs = new LongList();
  static final java.util.Set<String> AUDIT_WRITES = java.util.Set.of("record", "recordRead", "append");

  /**
   * The switch for the unaudited variant: an interceptor put first in the advice chain of the
   * application's own Audit bean (a Spring CGLIB proxy, for its @Transactional), so every service
   * that holds the bean sees it. With auditWrites off, a call of Audit.record, recordRead or append
   * returns null at once (the callers measured here ignore the result): no transaction interceptor,
   * no JSON, no statement. Otherwise it proceeds unchanged. Removed again after the measurement.
   */
  static final org.aopalliance.intercept.MethodInterceptor AUDIT_SWITCH =
      invocation -> {
        if (AUDIT_WRITES.contains(invocation.getMethod().getName())) {
          if (!auditWrites) {
            skipped++;
            return null;
          }
          passed++;
          long t0 = System.nanoTime();
          try {
            return invocation.proceed();
          } finally {
            auditCallNs.add(System.nanoTime() - t0);
          }
        }
        return invocation.proceed();
      };

  static boolean realEditsReady;
  static org.entente.identity.Viewer editor;
  static UUID benchEvent;
  static long eventVersion;
  static UUID benchProject;
  static long projectVersion;

  /** PATCH of an event: Obligations.update changing the title, against the current version. */
  static void editEvent(int i) {
    var obligations = context.getBean(org.entente.obligations.Obligations.class);
    var view =
        obligations.update(
            "az-us-2026",
            benchEvent,
            org.entente.obligations.EventChange.of("Meeting held " + i, null, null, null, eventVersion),
            editor);
    eventVersion = view.version();
  }

  /** PATCH of a project: Projects.update changing the title, against the current version. */
  static void editProject(int i) {
    var projects = context.getBean(org.entente.projects.Projects.class);
    var view =
        projects.update(
            benchProject,
            new org.entente.projects.ProjectChange(
                projectVersion, Map.of("en", "Bench project " + i), null, null, null, null, null,
                null, null, null, null, null, null, null),
            editor);
    projectVersion = view.version();
  }

  static void realEditsSetUp() {
    if (realEditsReady) {
      return;
    }
    // What DefinitionLoading does on start (turned off for this context, see startApplication):
    // load the bundled definitions, the default charter az-us-2026 among them.
    var loaded = context.getBean(org.entente.definition.Definitions.class).loadAll();
    if (loaded.stream().noneMatch(r -> r.loaded() && r.file().contains("az-us-2026"))) {
      throw new IllegalStateException("charter az-us-2026 not loaded: " + loaded);
    }
    String username = "bench.editor";
    context
        .getBean(org.entente.identity.Accounts.class)
        .create(
            new org.entente.identity.Accounts.NewAccount(
                username,
                "Bench Editor",
                "US",
                "Ministry",
                java.util.EnumSet.of(org.entente.identity.Role.MEMBER),
                false,
                "correct horse battery staple",
                List.of(
                    new org.entente.identity.Accounts.MembershipInput(
                        "az-us-2026", "wg-connectivity-digital", true))));
    editor =
        context.getBean(org.entente.identity.Viewers.class).of(username).orElseThrow();
    // Audit.record takes the actor and party from the security context, as in a request.
    org.springframework.security.core.context.SecurityContextHolder.getContext()
        .setAuthentication(
            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(
                    username,
                    null,
                    List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                            Audit.PARTY_AUTHORITY + "US"),
                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                            "ROLE_MEMBER"))));
    var event =
        context
            .getBean(org.entente.obligations.Obligations.class)
            .record(
                "az-us-2026",
                new org.entente.obligations.RecordEvent(
                    "meeting-held",
                    "wg-connectivity-digital",
                    null,
                    java.time.LocalDate.of(2026, 10, 1),
                    "Meeting held",
                    null,
                    "bilateral"),
                editor);
    benchEvent = event.id();
    eventVersion = event.version();
    var project =
        context
            .getBean(org.entente.projects.Projects.class)
            .create(
                "az-us-2026",
                "wg-connectivity-digital",
                new org.entente.projects.ProjectInput(
                    "bench-project",
                    Map.of("en", "Bench project"),
                    null,
                    List.of("middle-corridor"),
                    null,
                    null,
                    null,
                    null,
                    null),
                editor);
    benchProject = project.id();
    projectVersion = project.version();
    realEditsReady = true;
  }

  interface Edit {
    void run(int i);
  }

  static void realEdits(String mode) throws InterruptedException {
    realEditsSetUp();
    if (!(audit instanceof org.springframework.aop.framework.Advised advised)
        || advised.isFrozen()) {
      throw new IllegalStateException("the Audit bean is not an unfrozen Spring AOP proxy");
    }
    out("## (b, real edits) The application's own edits through its services, synchronous_commit="
        + mode);
    out("");
    out("One thread, the services called directly (no HTTP): event = Obligations.update changing"
        + " the title of an event recorded through the API (a PATCH of an event); project ="
        + " Projects.update changing a project's title (a PATCH of a project). Each sends the"
        + " version the previous edit returned. As the viewer Viewers.of() gives a member of"
        + " wg-connectivity-digital of party US, with the same person in the security context"
        + " (Audit.record takes the actor from it). Unaudited = the same call with Audit.record,"
        + " recordRead and append made no-ops by an interceptor put first on the application's"
        + " Audit bean (everything else identical; see bench/audit/README.md). The two variants"
        + " take turns, starting with a different one each round; up to " + EDIT_PAIRS
        + " rounds in " + fmt(EDIT_BUDGET_S, 0) + " s after 300 warm-up rounds, per edit.");
    out("");
    out("| edit | variant | n | mean ms | median ms | p90 ms | p99 ms | median vs unaudited |");
    out("|--|--|--:|--:|--:|--:|--:|--:|");
    advised.addAdvice(0, AUDIT_SWITCH);
    List<String> summary = new ArrayList<>();
    try {
      String[] names = {"event (Obligations.update)", "project (Projects.update)"};
      Edit[] edits = {AuditBench::editEvent, AuditBench::editProject};
      for (int e = 0; e < edits.length; e++) {
        summary.add(realEditRun(mode, names[e], edits[e]));
      }
    } finally {
      advised.removeAdvice(AUDIT_SWITCH);
      auditWrites = true;
    }
    out("");
    for (String line : summary) {
      out(line);
    }
    out("");
  }

  static String realEditRun(String mode, String name, Edit edit) throws InterruptedException {
    // Variant 0 unaudited, 1 audited.
    for (int i = 0; i < 300; i++) {
      for (int k = 0; k < 2; k++) {
        auditWrites = (i + k) % 2 == 1;
        edit.run(i);
      }
    }
    auditWrites = true;
    waitForQuiet();
    long headBefore = audit.head().seq();
    long skippedBefore = skipped;
    long passedBefore = passed;
    CpuSample before = CpuSample.now();
    LongList[] times = {new LongList(), new LongList()};
    auditCallNs = new LongList();
    long deadline = System.nanoTime() + (long) (EDIT_BUDGET_S * 1e9);
    for (int i = 0; i < EDIT_PAIRS && System.nanoTime() < deadline; i++) {
      for (int k = 0; k < 2; k++) {
        int v = (i + k) % 2;
        auditWrites = v == 1;
        long t0 = System.nanoTime();
        edit.run(300 + i);
        times[v].add(System.nanoTime() - t0);
      }
    }
    auditWrites = true;
    CpuSample after = CpuSample.now();
    double other = CpuSample.otherPercent(before, after);
    flagIfNoisy(other, "real edit " + name + ", sync " + mode);
    // Checks: each audited edit appended exactly one event, each unaudited edit none.
    long appended = audit.head().seq() - headBefore;
    if (appended != times[1].n
        || passed - passedBefore != times[1].n
        || skipped - skippedBefore != times[0].n) {
      throw new IllegalStateException(
          name + ": " + appended + " events appended, " + (passed - passedBefore) + " audit calls"
              + " let through, " + (skipped - skippedBefore) + " skipped; expected "
              + times[1].n + ", " + times[1].n + ", " + times[0].n);
    }
    String[] variant = {"unaudited (audit writes skipped)", "audited (as shipped)"};
    double[] means = new double[2];
    double[] medians = new double[2];
    for (int v = 0; v < 2; v++) {
      long[] t = times[v].toArray();
      Arrays.sort(t);
      means[v] = mean(t);
      medians[v] = t[t.length / 2];
      out("| " + name + " | " + variant[v] + " | " + t.length + " | " + fmt(means[v] / 1e6, 3)
          + " | " + fmt(medians[v] / 1e6, 3) + " | " + msq(t, 0.90) + " | " + msq(t, 0.99)
          + " | " + fmt(medians[v] / medians[0], 2) + "x |");
    }
    long[] calls = auditCallNs.toArray();
    Arrays.sort(calls);
    return name + ": ratio audited/unaudited mean " + fmt(means[1] / means[0], 2) + "x, median "
        + fmt(medians[1] / medians[0], 2) + "x; added per edit: mean "
        + fmt((means[1] - means[0]) / 1e3, 0) + " us, median "
        + fmt((medians[1] - medians[0]) / 1e3, 0) + " us, of which inside the Audit.record call"
        + " (its transaction interceptor, JSON, the append statement): mean "
        + fmt(mean(calls) / 1e3, 0) + " us, median " + fmt(calls[calls.length / 2] / 1e3, 0)
        + " us; the rest is outside it, e.g. in the commit (goal <= 1.2x: "
        + (medians[1] / medians[0] <= 1.2 ? "met" : "MISSED") + "); one event appended per"
        + " audited edit, none per unaudited (checked); other load " + fmt(other, 0) + "%, "
        + loadavgShort();
  }

  // ---------------------------------------------------------------------------------------------
  // (c) Verification speed beside raw SHA-256

  static void verification() throws Throwable {
    setSynchronousCommit("off");
    long head = audit.head().seq();
    long fillStart = System.nanoTime();
    if (head < EVENTS) {
      fill(head, EVENTS);
    }
    long filled = System.nanoTime() - fillStart;
    try (Connection c = DriverManager.getConnection(rawUrl);
        Statement s = c.createStatement()) {
      s.execute("vacuum analyze audit_event");
    }
    long total = audit.head().seq();
    long bytes = jdbc.sql("select pg_total_relation_size('audit_event')").query(Long.class).single();
    out("## (c) Verification speed beside raw SHA-256");
    out("");
    out("Chain of " + total + " events ("
        + (total > head
            ? (total - head) + " bulk-appended with the application's AuditHash in " + ms(filled)
                + " ms, the rest"
            : "all")
        + " appended by (a) and (b)); audit_event is "
        + bytes / (1024 * 1024) + " MiB with indexes; vacuum analyze run before measuring. One"
        + " untimed verify first (JIT, cache), then " + VERIFY_RUNS + " timed runs; in-memory"
        + " loops take the best of 10 rounds over all events.");
    out("");

    // Events in memory, for the hashing loops.
    List<AuditEvent> events = new ArrayList<>((int) total);
    readOnlyTx.executeWithoutResult(
        st ->
            jdbc.sql("select * from audit_event order by seq")
                .withFetchSize(1000)
                .query(rs -> {
                  events.add(event(rs));
                }));
    byte[][] canonical = new byte[events.size()][];
    long canonicalBytes = 0;
    for (int i = 0; i < events.size(); i++) {
      canonical[i] = canonical(events.get(i));
      canonicalBytes += canonical[i].length;
    }
    // The canonical bytes here must be exactly what AuditHash hashes.
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < events.size(); i += Math.max(1, events.size() / 1000)) {
      String h = HexFormat.of().formatHex(md.digest(canonical[i]));
      if (!h.equals(events.get(i).hash())) {
        throw new IllegalStateException("canonical bytes differ from AuditHash at " + i);
      }
    }
    double avgBytes = (double) canonicalBytes / events.size();

    waitForQuiet();
    CpuSample before = CpuSample.now();
    AuditVerifier.Verification warm = verifier.verify();
    if (!warm.intact() || warm.checked() != total) {
      throw new IllegalStateException("chain not intact: " + warm);
    }
    long[] verifyNs = new long[VERIFY_RUNS];
    for (int r = 0; r < VERIFY_RUNS; r++) {
      long t0 = System.nanoTime();
      AuditVerifier.Verification v = verifier.verify();
      verifyNs[r] = System.nanoTime() - t0;
      if (!v.intact()) {
        throw new IllegalStateException("chain not intact: " + v);
      }
    }
    Arrays.sort(verifyNs);
    // Reading alone, as AuditVerifier reads (its query, fetch size, columns by index, the same
    // objects per row), without hashing: the bound for any verifier that reads the rows this way.
    long[] readNs = new long[VERIFY_RUNS];
    for (int r = 0; r < VERIFY_RUNS; r++) {
      long t0 = System.nanoTime();
      long read = readAsTheVerifier();
      readNs[r] = System.nanoTime() - t0;
      if (read != total) {
        throw new IllegalStateException("read " + read + " of " + total);
      }
    }
    Arrays.sort(readNs);
    // Reading alone, as AuditVerifier read before commit d4125c8: select *, columns by name,
    // fetch size 1,000, Audit.event's mapping.
    long[] oldReadNs = new long[VERIFY_RUNS];
    for (int r = 0; r < VERIFY_RUNS; r++) {
      long[] count = {0};
      long t0 = System.nanoTime();
      readOnlyTx.executeWithoutResult(
          st ->
              jdbc.sql("select * from audit_event order by seq")
                  .withFetchSize(1000)
                  .query(rs -> {
                    if (event(rs).seq() > 0) {
                      count[0]++;
                    }
                  }));
      oldReadNs[r] = System.nanoTime() - t0;
    }
    Arrays.sort(oldReadNs);
    // The prototype of verification inside PostgreSQL (not in the application).
    sqlVerify(); // warm-up
    long[] sqlNs = new long[VERIFY_RUNS];
    for (int r = 0; r < VERIFY_RUNS; r++) {
      long t0 = System.nanoTime();
      long checked = sqlVerify();
      sqlNs[r] = System.nanoTime() - t0;
      if (checked != total) {
        throw new IllegalStateException("SQL verifier checked " + checked + " of " + total);
      }
    }
    Arrays.sort(sqlNs);
    CpuSample after = CpuSample.now();
    double otherVerify = CpuSample.otherPercent(before, after);
    flagIfNoisy(otherVerify, "verification");

    before = CpuSample.now();
    // Raw SHA-256: one reused MessageDigest over the same canonical bytes, no encoding, no hex.
    long rawNs = best(10, () -> {
      MessageDigest d = sha256();
      long sink = 0;
      for (byte[] b : canonical) {
        sink += d.digest(b)[0];
      }
      return sink;
    });
    // The application's per-event hash: field encoding + SHA-256 + hex, as the verifier calls it.
    long appNs = best(10, () -> {
      long sink = 0;
      for (AuditEvent e : events) {
        sink += ((String) auditHash.invoke(e)).charAt(0);
      }
      return sink;
    });
    // AuditVerifier's technique (the benchmark's copy): one reused buffer and MessageDigest, one
    // update per event.
    long protoNs = best(10, () -> {
      MessageDigest d = sha256();
      HexFormat hex = HexFormat.of();
      byte[] buf = new byte[1 << 16];
      long sink = 0;
      for (AuditEvent e : events) {
        int k = put(buf, 0, Long.toString(e.seq()));
        k = put(buf, k, e.occurredAt().toString());
        for (String f :
            new String[] {
              e.actor(), e.party(), e.action(), e.recordType(), e.recordId(), e.outcome().name(),
              e.sourceAddress(), e.details(), e.prevHash()
            }) {
          k = put(buf, k, f);
        }
        d.update(buf, 0, k);
        sink += hex.formatHex(d.digest()).equals(e.hash()) ? 1 : 0;
      }
      if (sink != events.size()) {
        throw new IllegalStateException("buffer encoding differs from AuditHash");
      }
      return sink;
    });
    after = CpuSample.now();
    double otherHash = CpuSample.otherPercent(before, after);
    flagIfNoisy(otherHash, "hashing loops");

    int n = events.size();
    double rawRate = n / (rawNs / 1e9);
    double appRate = n / (appNs / 1e9);
    double verifyMed = n / (verifyNs[verifyNs.length / 2] / 1e9);
    double verifyBest = n / (verifyNs[0] / 1e9);
    double readMed = n / (readNs[readNs.length / 2] / 1e9);
    out("| what | time for " + n + " events | events/s | vs raw SHA-256 |");
    out("|--|--:|--:|--:|");
    out("| raw SHA-256 of the canonical bytes (avg " + fmt(avgBytes, 0) + " B), one thread | "
        + ms(rawNs) + " ms | " + fmt(rawRate, 0) + " | 100% |");
    out("| AuditHash.of in memory (encoding + SHA-256 + hex) | " + ms(appNs) + " ms | "
        + fmt(appRate, 0) + " | " + pct(appRate / rawRate) + " |");
    double protoRate = n / (protoNs / 1e9);
    out("| in memory, AuditVerifier's way (one reused buffer and digest, one update per event) | "
        + ms(protoNs) + " ms | " + fmt(protoRate, 0) + " | " + pct(protoRate / rawRate) + " |");
    double oldReadMed = n / (oldReadNs[oldReadNs.length / 2] / 1e9);
    out("| read only, as the verifier read before: select *, columns by name, fetch size 1,000"
        + " (median) | " + ms(oldReadNs[oldReadNs.length / 2]) + " ms | " + fmt(oldReadMed, 0)
        + " | " + pct(oldReadMed / rawRate) + " |");
    out("| read only, as AuditVerifier reads now: columns by index, fetch size 5,000, no hashing"
        + " (median) | " + ms(readNs[readNs.length / 2]) + " ms | " + fmt(readMed, 0) + " | "
        + pct(readMed / rawRate) + " |");
    out("| **AuditVerifier.verify()** (median of " + VERIFY_RUNS + ") | "
        + ms(verifyNs[verifyNs.length / 2]) + " ms | **" + fmt(verifyMed, 0) + "** | **"
        + pct(verifyMed / rawRate) + "** |");
    out("| AuditVerifier.verify() (best) | " + ms(verifyNs[0]) + " ms | " + fmt(verifyBest, 0)
        + " | " + pct(verifyBest / rawRate) + " |");
    double sqlMed = n / (sqlNs[sqlNs.length / 2] / 1e9);
    out("| prototype, not in src: one SQL query recomputes every hash and link in PostgreSQL"
        + " (sha256(), window lag) (median) | " + ms(sqlNs[sqlNs.length / 2]) + " ms | "
        + fmt(sqlMed, 0) + " | " + pct(sqlMed / rawRate) + " |");
    out("");
    out("verification / raw SHA-256 = " + pct(verifyMed / rawRate) + "; verification / AuditHash.of"
        + " in memory = " + pct(verifyMed / appRate) + "; verification / reading alone = "
        + pct(verifyMed / readMed) + "; reading alone / raw SHA-256 = " + pct(readMed / rawRate)
        + " (goal >= 50% of raw: "
        + (verifyMed / rawRate >= 0.5 ? "met" : "MISSED") + "); other load " + fmt(otherVerify, 0)
        + "% while verifying, " + fmt(otherHash, 0) + "% while hashing; " + loadavgShort());
  }

  /** AuditHash's encoding of one field, in SQL: length in bytes, colon, value, semicolon; or -. */
  static String sqlField(String expr) {
    return "coalesce(octet_length(" + expr + ") || ':' || " + expr + " || ';', '-')";
  }

  /**
   * A PROTOTYPE of verification inside PostgreSQL, not in the application: one query re-encodes
   * every event as AuditHash does (occurred_at written as Java's Instant.toString), hashes it with
   * sha256() and checks sequence and links with lag(). Only counts cross the wire. Returns how
   * many events it checked; throws when one does not check.
   */
  static long sqlVerify() {
    String ts =
        "(to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || case when"
            + " to_char(occurred_at at time zone 'UTC', 'MS') = '000' then '' else '.' ||"
            + " to_char(occurred_at at time zone 'UTC', 'MS') end || 'Z')";
    String canonical =
        String.join(
            " || ",
            sqlField("seq::text"),
            sqlField(ts),
            sqlField("actor"),
            sqlField("party"),
            sqlField("action"),
            sqlField("record_type"),
            sqlField("record_id"),
            sqlField("outcome"),
            sqlField("source_address"),
            sqlField("details"),
            sqlField("prev_hash"));
    String sql =
        "select count(*), count(*) filter (where not ok), min(seq) filter (where not ok) from ("
            + " select seq, seq = lag(seq, 1, 0::bigint) over w + 1"
            + " and prev_hash = lag(hash, 1, repeat('0', 64)) over w"
            + " and hash = encode(sha256(convert_to(" + canonical + ", 'UTF8')), 'hex') as ok"
            + " from audit_event window w as (order by seq)) t";
    return readOnlyTx.execute(
        st ->
            jdbc.sql(sql)
                .query(
                    (rs, i) -> {
                      if (rs.getLong(2) != 0) {
                        throw new IllegalStateException(
                            "SQL verifier: " + rs.getLong(2) + " bad, first " + rs.getLong(3));
                      }
                      return rs.getLong(1);
                    })
                .single());
  }

  /** One row as AuditVerifier reads it. */
  record Row(
      long seq,
      OffsetDateTime at,
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      String outcome,
      String sourceAddress,
      String details,
      String prevHash,
      String hash) {}

  /**
   * Reads the chain as AuditVerifier does (the same query, fetch size and objects per row, in
   * batches of 5,000) without hashing; returns how many rows were read.
   */
  static long readAsTheVerifier() {
    return readOnlyTx.execute(
        st ->
            jdbc.sql(
                    "select seq, occurred_at, actor, party, action, record_type, record_id,"
                        + " outcome, source_address, details, prev_hash, hash from audit_event"
                        + " order by seq")
                .withFetchSize(5000)
                .query(
                    (org.springframework.jdbc.core.ResultSetExtractor<Long>)
                        rs -> {
                          Row[] batch = new Row[5000];
                          int k = 0;
                          long read = 0;
                          while (rs.next()) {
                            batch[k++] =
                                new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                                    rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getString(6), rs.getString(7), rs.getString(8),
                                    rs.getString(9), rs.getString(10), rs.getString(11),
                                    rs.getString(12));
                            read++;
                            if (k == batch.length) {
                              batch = new Row[5000];
                              k = 0;
                            }
                          }
                          return read;
                        }));
  }

  /** Writes one field in AuditHash's encoding; returns the new length. */
  static int put(byte[] buf, int n, String f) {
    if (f == null) {
      buf[n++] = '-';
      return n;
    }
    byte[] v = f.getBytes(StandardCharsets.UTF_8);
    String len = Integer.toString(v.length);
    for (int i = 0; i < len.length(); i++) {
      buf[n++] = (byte) len.charAt(i);
    }
    buf[n++] = ':';
    System.arraycopy(v, 0, buf, n, v.length);
    n += v.length;
    buf[n++] = ';';
    return n;
  }

  /** Appends events up to {@code target} with valid hashes, in batches, on one connection. */
  static void fill(long from, long target) throws Throwable {
    try (Connection c = DriverManager.getConnection(rawUrl + "&reWriteBatchedInserts=true")) {
      c.setAutoCommit(false);
      String prev;
      long seq;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select seq, hash from audit_head where id = 1 for update")) {
        rs.next();
        seq = rs.getLong(1);
        prev = rs.getString(2);
      }
      if (seq != from) {
        throw new IllegalStateException("head moved");
      }
      ThreadLocalRandom r = ThreadLocalRandom.current();
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(30, ChronoUnit.DAYS);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into audit_event (seq, occurred_at, actor, party, action, record_type,"
                  + " record_id, outcome, source_address, details, prev_hash, hash)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int inBatch = 0;
        while (seq < target) {
          seq++;
          at = at.plusMillis(r.nextInt(1, 50));
          int w = r.nextInt(20);
          String details =
              "{\"charter\":\"az-us-2026\",\"kind\":\"meeting-held\",\"subject\":\"framework\","
                  + "\"occurredOn\":\"2026-09-" + (10 + r.nextInt(18)) + "\"}";
          AuditEvent e =
              new AuditEvent(
                  seq,
                  at,
                  "user-" + w,
                  w % 2 == 0 ? "AZ" : "US",
                  ACTIONS[r.nextInt(ACTIONS.length)],
                  "obligation_event",
                  UUID.randomUUID().toString(),
                  Outcome.SUCCESS,
                  "10.0.0." + (w + 10),
                  details,
                  prev,
                  null);
          String hash = (String) auditHash.invoke(e);
          ps.setLong(1, seq);
          ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
          ps.setString(3, e.actor());
          ps.setString(4, e.party());
          ps.setString(5, e.action());
          ps.setString(6, e.recordType());
          ps.setString(7, e.recordId());
          ps.setString(8, e.outcome().name());
          ps.setString(9, e.sourceAddress());
          ps.setString(10, e.details());
          ps.setString(11, prev);
          ps.setString(12, hash);
          ps.addBatch();
          prev = hash;
          if (++inBatch == 1000) {
            ps.executeBatch();
            inBatch = 0;
          }
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps =
          c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
        ps.setLong(1, seq);
        ps.setString(2, prev);
        ps.executeUpdate();
      }
      c.commit();
    }
  }

  /** The same mapping as Audit.event (package-private in the application). */
  static AuditEvent event(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getLong("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("party"),
        rs.getString("action"),
        rs.getString("record_type"),
        rs.getString("record_id"),
        Outcome.valueOf(rs.getString("outcome")),
        rs.getString("source_address"),
        rs.getString("details"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  /** The bytes AuditHash feeds to SHA-256 (its documented encoding), checked against it above. */
  static byte[] canonical(AuditEvent e) {
    var b = new java.io.ByteArrayOutputStream(320);
    String[] fields = {
      Long.toString(e.seq()), e.occurredAt().toString(), e.actor(), e.party(), e.action(),
      e.recordType(), e.recordId(), e.outcome().name(), e.sourceAddress(), e.details(), e.prevHash()
    };
    for (String f : fields) {
      encodeField(b, f);
    }
    return b.toByteArray();
  }

  static void encodeField(java.io.ByteArrayOutputStream b, String f) {
    if (f == null) {
      b.write('-');
      return;
    }
    byte[] v = f.getBytes(StandardCharsets.UTF_8);
    b.writeBytes(Integer.toString(v.length).getBytes(StandardCharsets.US_ASCII));
    b.write(':');
    b.writeBytes(v);
    b.write(';');
  }

  // ---------------------------------------------------------------------------------------------
  // Machine load

  /** CPU jiffies: the machine's busy and total, this JVM's, and the embedded PostgreSQL's. */
  record CpuSample(long busy, long total, long ours) {
    static CpuSample now() {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
          total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        long ours = procCpu("self", true) + procCpu(Long.toString(postmasterPid), true);
        try (var dirs = Files.list(Path.of("/proc"))) {
          for (Path p : (Iterable<Path>) dirs::iterator) {
            String name = p.getFileName().toString();
            if (name.chars().allMatch(Character::isDigit) && ppid(name) == postmasterPid) {
              ours += procCpu(name, false);
            }
          }
        }
        return new CpuSample(total - idle, total, ours);
      } catch (Exception e) {
        return new CpuSample(0, 0, 0);
      }
    }

    /** Share of the whole machine (all CPUs) used by other processes between two samples. */
    static double otherPercent(CpuSample a, CpuSample b) {
      long total = b.total - a.total;
      if (total <= 0) {
        return Double.NaN;
      }
      return Math.max(0, 100.0 * ((b.busy - a.busy) - (b.ours - a.ours)) / total);
    }
  }

  static String[] stat(String pid) {
    try {
      String s = Files.readString(Path.of("/proc", pid, "stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (Exception e) {
      return null;
    }
  }

  static long ppid(String pid) {
    String[] f = stat(pid);
    return f == null ? -1 : Long.parseLong(f[1]);
  }

  /** utime + stime (+ reaped children's when asked), in jiffies. */
  static long procCpu(String pid, boolean children) {
    String[] f = stat(pid);
    if (f == null) {
      return 0;
    }
    // After "pid (comm) ": state=0, ppid=1, ..., utime=11, stime=12, cutime=13, cstime=14
    long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (children) {
      t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return t;
  }

  /** Waits (bounded) until the machine is at most QUIET_MAX % busy over one second. */
  static void waitForQuiet() throws InterruptedException {
    long deadline = System.nanoTime() + (long) (QUIET_WAIT_S * 1e9);
    while (true) {
      CpuSample a = CpuSample.now();
      Thread.sleep(1000);
      CpuSample b = CpuSample.now();
      double busy = b.total == a.total ? 0 : 100.0 * (b.busy - a.busy) / (b.total - a.total);
      if (busy <= QUIET_MAX || System.nanoTime() > deadline) {
        return;
      }
    }
  }

  static void flagIfNoisy(double other, String what) {
    if (other > NOISY) {
      noisy.add(what + " (" + fmt(other, 0) + "%)");
    }
  }

  static String loadavg() {
    try {
      return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return "load average unknown";
    }
  }

  static String loadavgShort() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "?";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  interface Loop {
    long run() throws Throwable;
  }

  static long sinkAll;

  static long best(int rounds, Loop loop) throws Throwable {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      sinkAll += loop.run();
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static final class LongList {
    long[] a = new long[1 << 14];
    int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }

    static long[] merge(LongList[] lists) {
      int total = 0;
      for (LongList l : lists) {
        total += l.n;
      }
      long[] all = new long[total];
      int at = 0;
      for (LongList l : lists) {
        System.arraycopy(l.a, 0, all, at, l.n);
        at += l.n;
      }
      return all;
    }
  }

  static double env(String name, double dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : Double.parseDouble(v);
  }

  static double mean(long[] a) {
    double s = 0;
    for (long v : a) {
      s += v;
    }
    return s / a.length;
  }

  static String msq(long[] sorted, double q) {
    return fmt(sorted[(int) Math.round(q * (sorted.length - 1))] / 1e6, 2);
  }

  static String ms(long ns) {
    return fmt(ns / 1e6, 0);
  }

  static String pct(double x) {
    return fmt(100 * x, 0) + "%";
  }

  static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  static void out(String line) {
    RESULTS.println(line);
    RESULTS.flush();
  }
}
