package org.entente.durability;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kill test's cycles: start Entente, write through its API from several threads, kill it with
 * SIGKILL at a random moment, start it again and check that nothing acknowledged was lost, nothing
 * is half-written and the audit chain verifies. Used by the JUnit test (a few cycles on embedded
 * PostgreSQL) and by {@code bench/durability/run.sh} (a hundred on the Debian server).
 */
final class KillCycles {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param loadMin the shortest time the load runs before the kill
   * @param loadMax the longest
   * @param budget no cycle starts after this much time has passed (the report then says how many
   *     ran)
   */
  record Settings(
      int cycles,
      int writers,
      Duration loadMin,
      Duration loadMax,
      long seed,
      Duration startTimeout,
      Duration budget) {}

  /** One cycle: when it was killed, what was written, what the restart found. */
  record Cycle(
      int number,
      long killedAfterMs,
      long acknowledgedInCycle,
      long sent,
      long restartMs,
      long foundTotal,
      long acknowledgedTotal,
      long auditEvents,
      boolean chainIntact,
      List<String> problems) {}

  record Result(
      List<Cycle> cycles,
      Ledger ledger,
      long found,
      boolean chainIntact,
      long auditEvents,
      long firstStartMs,
      Duration elapsed,
      List<String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  private final AppProcess app;
  private final HikariDataSource db;
  private final JdbcClient jdbc;
  private final Settings settings;
  private final Consumer<String> progress;
  private final HttpClient http = HttpClient.newHttpClient();

  KillCycles(
      AppProcess app,
      String jdbcUrl,
      String user,
      String password,
      Settings settings,
      Consumer<String> progress) {
    this.app = app;
    this.settings = settings;
    this.progress = progress;
    this.db = new HikariDataSource();
    db.setJdbcUrl(jdbcUrl);
    db.setUsername(user);
    db.setPassword(password);
    db.setMaximumPoolSize(2);
    this.jdbc = JdbcClient.create(db);
  }

  Result run() throws Exception {
    long t0 = System.nanoTime();
    Ledger ledger = new Ledger();
    List<Cycle> cycles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Random random = new Random(settings.seed());
    long firstStart = app.start(settings.startTimeout()).toMillis();
    progress.accept(
        "started in " + firstStart + " ms (migrations and the charter); seeding writers");
    List<WriteLoad.Writer> writers = writers(settings.writers());
    boolean intact = false;
    long events = 0;
    long found = 0;
    try {
      for (int c = 1; c <= settings.cycles(); c++) {
        if (c > 1 && System.nanoTime() - t0 > settings.budget().toNanos()) {
          progress.accept("the time budget of " + settings.budget() + " is spent: stopping");
          break;
        }
        long before = ledger.acknowledged.get();
        WriteLoad load =
            new WriteLoad(app.baseUrl(), writers, ledger, "c" + c, settings.seed() * 1000 + c);
        long window =
            settings.loadMin().toMillis()
                + (long)
                    (random.nextDouble()
                        * (settings.loadMax().toMillis() - settings.loadMin().toMillis()));
        load.start();
        // the window starts at the cycle's first acknowledged write: a just-started JVM answers its
        // first requests slowly, and a kill before any answer would test little
        long wait = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ledger.acknowledged.get() == before
            && ledger.refusals.isEmpty()
            && System.nanoTime() < wait) {
          Thread.sleep(20);
        }
        Thread.sleep(window);
        app.kill();
        load.stopAndJoin();
        long restart = app.start(settings.startTimeout()).toMillis();
        DurabilityChecks.Outcome outcome = DurabilityChecks.check(jdbc, ledger);
        JsonNode verification = verification();
        intact = verification.get("intact").asBoolean();
        events = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        found = outcome.found();
        List<String> cycleProblems = new ArrayList<>(outcome.problems());
        for (String refusal : ledger.refusals) {
          cycleProblems.add("refused during the load: " + refusal);
        }
        ledger.refusals.clear();
        if (!intact) {
          cycleProblems.add("the audit chain does not verify: " + verification);
        } else if (verification.get("headSeq").asLong() != events) {
          cycleProblems.add(
              "the chain's head is at "
                  + verification.get("headSeq")
                  + " but there are "
                  + events
                  + " events");
        }
        if (found != ledger.acknowledged.get()) {
          cycleProblems.add(
              "found " + found + " of " + ledger.acknowledged.get() + " acknowledged writes");
        }
        Cycle cycle =
            new Cycle(
                c,
                window,
                ledger.acknowledged.get() - before,
                load.sent(),
                restart,
                found,
                ledger.acknowledged.get(),
                events,
                intact,
                cycleProblems);
        cycles.add(cycle);
        progress.accept(
            String.format(
                "cycle %d/%d: killed after %d ms, %d writes acknowledged (%d total), restarted in %d"
                    + " ms, found %d, %d audit events, chain %s%s",
                c,
                settings.cycles(),
                window,
                cycle.acknowledgedInCycle(),
                ledger.acknowledged.get(),
                restart,
                found,
                events,
                intact ? "verifies" : "BROKEN",
                cycleProblems.isEmpty() ? "" : ", PROBLEMS: " + cycleProblems));
        for (String p : cycleProblems) {
          problems.add("cycle " + c + ": " + p);
        }
        if (!cycleProblems.isEmpty()) {
          break; // the database as it is now is the evidence: do not write over it
        }
      }
    } finally {
      app.kill();
      db.close();
    }
    return new Result(
        cycles,
        ledger,
        found,
        intact,
        events,
        firstStart,
        Duration.ofNanos(System.nanoTime() - t0),
        problems);
  }

  /** The running application's own verification of its chain. */
  private JsonNode verification() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/audit/verification"))
                .header("Authorization", "Bearer " + AppProcess.OPERATOR_TOKEN)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "verification answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /**
   * The writers' accounts. An administrator and its token are put in the database directly (the
   * first administrator is otherwise made through a one-time link, in a browser); the writers are
   * made through the API by that administrator, and their tokens are put in the database as {@code
   * AccessTokens} stores them (a SHA-256 hash), since tokens are made on an account's page.
   */
  private List<WriteLoad.Writer> writers(int count) throws IOException, InterruptedException {
    String adminToken = token();
    UUID admin = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.sql(
            "insert into account (id, username, display_name, password_hash, roles, created_at,"
                + " updated_at) values (?, 'durability.admin', 'Durability administrator', '!',"
                + " 'ADMINISTRATOR', ?, ?)")
        .params(admin, now, now)
        .update();
    insertToken(admin, adminToken, now);
    String[] groups = {"wg-energy", "wg-economy-trade", "wg-connectivity-digital"};
    List<WriteLoad.Writer> writers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String party = i % 2 == 0 ? "AZ" : "US";
      String group = groups[i % groups.length];
      String username = "writer" + i;
      Map<String, Object> account =
          Map.of(
              "username",
              username,
              "displayName",
              "Writer " + i,
              "party",
              party,
              "organization",
              organization(party),
              "roles",
              List.of("MEMBER"),
              "password",
              "durability password " + i,
              "memberships",
              List.of(Map.of("charter", WriteLoad.CHARTER, "group", group)));
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/accounts"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(account)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        throw new IllegalStateException(
            "creating " + username + " answered " + created.statusCode() + ": " + created.body());
      }
      UUID id =
          jdbc.sql("select id from account where username = ?")
              .param(username)
              .query(UUID.class)
              .single();
      String secret = token();
      insertToken(id, secret, now);
      writers.add(new WriteLoad.Writer(username, party, group, secret));
    }
    return writers;
  }

  /** The writer's organization: a meeting's participants must name one known here. */
  static String organization(String party) {
    return party.equals("AZ") ? "Ministry of Economy" : "Department of State";
  }

  private void insertToken(UUID account, String secret, OffsetDateTime now) {
    jdbc.sql(
            "insert into personal_access_token (id, account_id, name, token_hash, token_prefix,"
                + " scope, created_at, expires_at) values (?, ?, 'durability', ?, ?, 'WRITE', ?, ?)")
        .params(
            UUID.randomUUID(),
            account,
            sha256(secret),
            secret.substring(0, 12),
            now,
            now.plusDays(30))
        .update();
  }

  private static String token() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "ent_" + HexFormat.of().formatHex(bytes);
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
