package org.entente.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.entente.EntenteApplication;
import org.entente.audit.AuditVerifier;
import org.entente.definition.Definitions;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.testing.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Entente nodes, each a whole application context with its own Tomcat on a random port, its own
 * connection pool and its own beans, on one PostgreSQL database — what a deployment behind a load
 * balancer looks like, minus the separate JVMs. Everything that must be shared between nodes is in
 * the database, so what one node does the other must see: a session made on one is signed in on the
 * other and ends on both at logout; failed logins count across nodes; concurrent audited writes
 * through both leave one gap-free chain; the start-up load of charter definitions and the daily
 * digest are safe when both nodes do them at once.
 *
 * <p>The nodes are started at the same time, as a deployment would, so both load the bundled
 * charter into an empty database concurrently: before the definition load took a database lock one
 * of them could fail to start on a duplicate key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnOnePostgresTest {

  static final String OPERATOR = "Bearer test-operator-token-0123456789abcdef";
  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "az-us-2026";

  static ConfigurableApplicationContext nodeA;
  static ConfigurableApplicationContext nodeB;
  static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

  static String urlA;
  static String urlB;
  static JdbcClient db;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void twoNodesOnOneDatabase() throws Exception {
    String name = "entente_cluster_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c =
            EmbeddedPostgresConfiguration.server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    String url = EmbeddedPostgresConfiguration.server().getJdbcUrl("postgres", name);
    ExecutorService starter = Executors.newFixedThreadPool(2);
    // Two applications starting at once in one JVM would both reset Logback, which is not safe
    // from two threads (a ConcurrentModificationException, seen once in CI): logging stays as the
    // test JVM already set it up while the nodes start.
    String loggingSystem = System.getProperty(LOGGING_SYSTEM);
    System.setProperty(LOGGING_SYSTEM, "none");
    try {
      Future<ConfigurableApplicationContext> a = starter.submit(() -> node(url, "a"));
      Future<ConfigurableApplicationContext> b = starter.submit(() -> node(url, "b"));
      // Both are awaited before either failure is reported, so that a node that did start is
      // closed by stop() even when the other one failed.
      Exception failed = null;
      try {
        nodeA = a.get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        failed = e;
      }
      try {
        nodeB = b.get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        failed = failed == null ? e : failed;
      }
      if (failed != null) {
        throw failed;
      }
    } finally {
      starter.shutdown();
      if (loggingSystem == null) {
        System.clearProperty(LOGGING_SYSTEM);
      } else {
        System.setProperty(LOGGING_SYSTEM, loggingSystem);
      }
    }
    urlA = "http://127.0.0.1:" + port(nodeA);
    urlB = "http://127.0.0.1:" + port(nodeB);
    db = nodeA.getBean(JdbcClient.class);
    String databaseA = db.sql("select current_database()").query(String.class).single();
    String databaseB =
        nodeB
            .getBean(JdbcClient.class)
            .sql("select current_database()")
            .query(String.class)
            .single();
    assertThat(databaseA).isEqualTo(name).isEqualTo(databaseB);
  }

  static ConfigurableApplicationContext node(String url, String name) {
    // Command-line arguments, not builder properties: those are defaults, and the test
    // profile's own H2 URL would win over them, giving each node a database of its own.
    return new SpringApplicationBuilder(EntenteApplication.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.datasource.hikari.maximum-pool-size=10",
            "--spring.datasource.hikari.pool-name=node-" + name,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--entente.security.bcrypt-strength=4",
            // one key for the deployment, as docs/deployment.md asks: a checkpoint signed by
            // one node is then "signed by this deployment" on the other
            "--entente.audit.signing-key-file=target/test-keys/cluster-" + url.hashCode() + ".key");
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  @Order(1)
  void bothNodesStartedTogetherAndTheCharterWasLoadedOnce() {
    assertThat(
            db.sql("select count(*) from charter where code = ?")
                .param(CHARTER)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // One node synchronized the charter; the other found it loaded and unchanged.
    assertThat(
            db.sql(
                    "select count(*) from audit_event where action = 'charter.synchronized'"
                        + " and record_id = ?")
                .param(CHARTER)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(nodeA.getBean(Definitions.class).lastRun()).allMatch(Definitions.LoadResult::loaded);
    assertThat(nodeB.getBean(Definitions.class).lastRun()).allMatch(Definitions.LoadResult::loaded);
  }

  @Test
  @Order(2)
  void setupLinksIssuedOnBothNodesAtOnceLeaveOneThatWorks() throws Exception {
    // Both nodes print a setup link when they start on a database without an account. Issued at
    // the same moment, neither may fail, and exactly one of the two links may work.
    Accounts a = nodeA.getBean(Accounts.class);
    Accounts b = nodeB.getBean(Accounts.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        Future<String> onA =
            pool.submit(
                () -> {
                  together.await();
                  return a.issueSetupToken().orElseThrow();
                });
        Future<String> onB =
            pool.submit(
                () -> {
                  together.await();
                  return b.issueSetupToken().orElseThrow();
                });
        String tokenA = onA.get(30, TimeUnit.SECONDS);
        String tokenB = onB.get(30, TimeUnit.SECONDS);
        assertThat(List.of(a.isValidSetupToken(tokenA), b.isValidSetupToken(tokenB)))
            .containsExactlyInAnyOrder(true, false);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(3)
  void aSessionMadeOnOneNodeIsSignedInOnTheOtherAndLogoutOnEitherEndsIt() throws Exception {
    Accounts accounts = nodeA.getBean(Accounts.class);
    String setup = accounts.issueSetupToken().orElseThrow();
    accounts.createFirstAdministrator(
        setup,
        new Accounts.NewAccount(
            "admin", "Admin", null, null, Set.of(Role.ADMINISTRATOR), true, PASSWORD, List.of()));

    // The login form comes from A, with a CSRF token kept in A's session — in the database.
    HttpResponse<String> form = get(urlA + "/login", null);
    String anonymous = cookie(form);
    assertThat(anonymous).as("the login form starts a session").isNotNull();
    // ...so B accepts that token with that cookie.
    HttpResponse<String> login =
        post(
            urlB + "/login",
            anonymous,
            Map.of("username", "admin", "password", PASSWORD, "_csrf", csrf(form.body())));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
    String session = cookie(login);
    assertThat(session).as("a new session id at login").isNotNull().isNotEqualTo(anonymous);

    HttpResponse<String> onA = get(urlA + "/", session);
    assertThat(onA.body()).contains("Signed in as <span>admin</span>");
    HttpResponse<String> onB = get(urlB + "/", session);
    assertThat(onB.body()).contains("Signed in as <span>admin</span>");
    assertThat(
            db.sql("select count(*) from spring_session where principal_name = 'admin'")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Log out on B with the token of the page A served; the session is gone for A too.
    HttpResponse<String> logout =
        post(urlB + "/logout", session, Map.of("_csrf", csrf(onA.body())));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(
            db.sql("select count(*) from spring_session where principal_name = 'admin'")
                .query(Long.class)
                .single())
        .isZero();
    HttpResponse<String> afterOnA = get(urlA + "/", session);
    assertThat(afterOnA.body()).doesNotContain("Signed in as");
  }

  @Test
  @Order(4)
  void failedLoginsOnBothNodesCountTowardsOneThrottle() throws Exception {
    String name = "guesser-" + UUID.randomUUID().toString().substring(0, 8);
    // Five failures, alternating between the nodes: each is an ordinary failure.
    for (int i = 0; i < 5; i++) {
      String node = i % 2 == 0 ? urlA : urlB;
      HttpResponse<String> response = wrongPassword(node, name);
      assertThat(response.headers().firstValue("Location").orElseThrow())
          .as("failure %d", i + 1)
          .endsWith("/login?error");
    }
    // The sixth is refused at once on either node: the count is in the database.
    assertThat(wrongPassword(urlA, name).headers().firstValue("Location").orElseThrow())
        .contains("/login?wait=");
    assertThat(wrongPassword(urlB, name).headers().firstValue("Location").orElseThrow())
        .contains("/login?wait=");
  }

  @Test
  @Order(5)
  void firstFailuresOfOneNameAtTheSameMomentOnBothNodesAreAllCounted() throws Exception {
    // The first failure of a name inserts its throttle row. When two nodes do that at once, one
    // insert waits for the other and then meets a duplicate key; on PostgreSQL the transaction is
    // then aborted, so the failure must be counted without a second statement in that transaction.
    Object throttleA = nodeA.getBean(Class.forName("org.entente.identity.LoginThrottle"));
    Object throttleB = nodeB.getBean(Class.forName("org.entente.identity.LoginThrottle"));
    var failed =
        Class.forName("org.entente.identity.LoginThrottle")
            .getDeclaredMethod("failed", String.class, String.class);
    failed.setAccessible(true);
    int perNode = 2;
    ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
    try {
      List<String> names = new ArrayList<>();
      List<Throwable> errors = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        String name = "racer-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
        names.add(name);
        CyclicBarrier together = new CyclicBarrier(2 * perNode);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2 * perNode; t++) {
          Object throttle = t % 2 == 0 ? throttleA : throttleB;
          done.add(
              pool.submit(
                  () -> {
                    together.await();
                    failed.invoke(throttle, name, null);
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          try {
            f.get(30, TimeUnit.SECONDS);
          } catch (java.util.concurrent.ExecutionException e) {
            errors.add(e.getCause());
          }
        }
      }
      assertThat(errors).as("failures that could not be counted").isEmpty();
      for (String name : names) {
        assertThat(
                db.sql("select failures from login_throttle where throttle_key = ?")
                    .param("account:" + name)
                    .query(Integer.class)
                    .single())
            .as(name)
            .isEqualTo(2 * perNode);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(6)
  void concurrentAuditedWritesThroughBothNodesLeaveOneGapFreeChainThatVerifies() throws Exception {
    long before = db.sql("select seq from audit_head where id = 1").query(Long.class).single();
    int threadsPerNode = 4;
    int writesPerThread = 12;
    AtomicInteger created = new AtomicInteger();
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
    try {
      CyclicBarrier together = new CyclicBarrier(2 * threadsPerNode);
      List<Callable<Void>> writers = new ArrayList<>();
      for (int t = 0; t < 2 * threadsPerNode; t++) {
        String node = t % 2 == 0 ? urlA : urlB;
        int thread = t;
        writers.add(
            () -> {
              together.await();
              for (int i = 0; i < writesPerThread; i++) {
                // in the past, as the API requires, and after the charter's signing
                LocalDate day =
                    LocalDate.now(java.time.ZoneOffset.UTC)
                        .minusDays(1 + thread * writesPerThread + i);
                HttpResponse<String> r =
                    http.send(
                        HttpRequest.newBuilder(
                                URI.create(node + "/api/charters/" + CHARTER + "/events"))
                            .header("Authorization", OPERATOR)
                            .header("Content-Type", "application/json")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "{\"kind\":\"meeting-held\",\"subject\":\"wg-energy\","
                                        + "\"occurredOn\":\""
                                        + day
                                        + "\"}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                  created.incrementAndGet();
                } else {
                  problems.add(r.statusCode() + " " + r.body());
                }
              }
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(writers, 60, TimeUnit.SECONDS)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(problems).isEmpty();
    assertThat(created.get()).isEqualTo(2 * threadsPerNode * writesPerThread);

    record Span(long count, long min, long max) {}
    Span span =
        db.sql("select count(*), min(seq), max(seq) from audit_event")
            .query((rs, n) -> new Span(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
            .single();
    assertThat(span.min()).isEqualTo(1);
    assertThat(span.max()).as("no gaps: 1..max holds max events").isEqualTo(span.count());
    assertThat(
            db.sql("select count(*) from audit_event where action = 'event.recorded' and seq > ?")
                .param(before)
                .query(Long.class)
                .single())
        .isEqualTo(created.get());
    for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
      AuditVerifier.Verification verification = node.getBean(AuditVerifier.class).verify();
      assertThat(verification.intact()).as(verification.problem()).isTrue();
      assertThat(verification.checked()).isEqualTo(span.count());
    }
  }

  @Test
  @Order(7)
  void aNewDefinitionLoadedOnBothNodesAtOnceLoadsOnce() throws Exception {
    // What happens when a changed definition is deployed to both nodes and both restart together,
    // made deterministic: both load the same new charter at the same moment, several times.
    String bundled =
        new ClassPathResource("charters/" + CHARTER + ".yaml")
            .getContentAsString(StandardCharsets.UTF_8);
    Definitions a = nodeA.getBean(Definitions.class);
    Definitions b = nodeB.getBean(Definitions.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        String key = "cluster-race-" + round;
        String text = bundled.replace("key: " + CHARTER, "key: " + key);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Definitions.LoadResult> onA =
            pool.submit(
                () -> {
                  together.await();
                  return a.load(key + ".yaml", text);
                });
        Future<Definitions.LoadResult> onB =
            pool.submit(
                () -> {
                  together.await();
                  return b.load(key + ".yaml", text);
                });
        Definitions.LoadResult ra = onA.get(60, TimeUnit.SECONDS);
        Definitions.LoadResult rb = onB.get(60, TimeUnit.SECONDS);
        assertThat(ra.loaded()).as(String.valueOf(ra.problems())).isTrue();
        assertThat(rb.loaded()).as(String.valueOf(rb.problems())).isTrue();
        assertThat(List.of(ra.report().unchanged(), rb.report().unchanged()))
            .as("one node loads it, the other finds it loaded")
            .containsExactlyInAnyOrder(true, false);
        assertThat(
                db.sql(
                        "select count(*) from audit_event where action = 'charter.synchronized'"
                            + " and record_id = ?")
                    .param(key)
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(nodeA.getBean(AuditVerifier.class).verify().intact()).isTrue();
  }

  @Test
  @Order(8)
  void theDailyDigestRunOnBothNodesAtOnceIsMadeOncePerPerson() throws Exception {
    // Every node runs the digest on the same schedule. A member of the energy group has the
    // group's open deadlines due; both nodes make today's digests at the same moment.
    nodeA
        .getBean(Accounts.class)
        .create(
            new Accounts.NewAccount(
                "us.member",
                "US member",
                "US",
                null,
                Set.of(Role.MEMBER),
                false,
                PASSWORD,
                List.of(new Accounts.MembershipInput(CHARTER, "wg-energy", false))));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<HttpResponse<String>>> runs = new ArrayList<>();
      for (String node : List.of(urlA, urlB)) {
        runs.add(
            pool.submit(
                () -> {
                  together.await();
                  return http.send(
                      HttpRequest.newBuilder(URI.create(node + "/api/reminders/run"))
                          .header("Authorization", OPERATOR)
                          .POST(HttpRequest.BodyPublishers.noBody())
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
                }));
      }
      int made = 0;
      for (Future<HttpResponse<String>> run : runs) {
        HttpResponse<String> response = run.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"made\"\\s*:\\s*(\\d+)").matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        made += Integer.parseInt(m.group(1));
      }
      long stored = db.sql("select count(*) from notification").query(Long.class).single();
      assertThat(stored).as("the member has a digest").isGreaterThanOrEqualTo(1);
      // A digest is e-mailed only by the node that made it: made once in all = sent once.
      assertThat(made).as("digests made by the two nodes together").isEqualTo(stored);
      assertThat(
              db.sql("select count(*) from notification where username = 'us.member'")
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ HTTP with one cookie

  HttpResponse<String> wrongPassword(String node, String name) throws Exception {
    HttpResponse<String> form = get(node + "/login", null);
    return post(
        node + "/login",
        cookie(form),
        Map.of("username", name, "password", "not the password", "_csrf", csrf(form.body())));
  }

  HttpResponse<String> get(String url, String session) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (session != null) {
      request.header("Cookie", "SESSION=" + session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String url, String session, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Cookie", "SESSION=" + session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The SESSION cookie a response sets, or null. */
  static String cookie(HttpResponse<?> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher m = Pattern.compile("^SESSION=([^;]*)").matcher(header);
      if (m.find() && !m.group(1).isEmpty()) {
        return m.group(1);
      }
    }
    return null;
  }

  /** The CSRF token of the first form on a page. */
  static String csrf(String html) {
    Matcher m =
        Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
            .matcher(html);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2);
  }
}
