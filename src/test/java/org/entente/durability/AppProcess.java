package org.entente.durability;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Entente in a JVM of its own, so that it can be killed with SIGKILL as a crash or an operator's
 * {@code kill -9} would kill it: no shutdown hook runs, no pool is closed, no buffer is flushed.
 *
 * <p>The JVM is tuned to start fast, since every cycle of the kill test starts it once (see {@link
 * #fastStart}), with the bundled charter only, no reminder schedule, and cheap password hashing
 * (the load never logs in with a password).
 */
final class AppProcess {

  /** The operator token the child is given: it reads the audit trail and verifies its chain. */
  static final String OPERATOR_TOKEN = "durability-operator-token-0123456789abcdef";

  private final List<String> command;
  private final Path log;
  private final int port;
  private Process process;
  private int starts;

  /**
   * @param launch how to run Java with the application: {@code -cp <path> org.entente...} or {@code
   *     -jar <jar>}, without the main arguments
   * @param jdbcUrl the database
   * @param work a folder for the log and the audit signing key
   */
  AppProcess(
      List<String> launch,
      String jdbcUrl,
      String user,
      String password,
      int port,
      Path work,
      List<String> jvmOptions) {
    this.port = port;
    this.log = work.resolve("app.log");
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.addAll(jvmOptions);
    c.addAll(launch);
    c.add("--server.port=" + port);
    c.add("--server.address=127.0.0.1");
    c.add("--spring.datasource.url=" + jdbcUrl);
    c.add("--spring.datasource.username=" + user);
    c.add("--spring.datasource.password=" + password);
    c.add("--entente.definitions.folder=");
    c.add("--entente.operator-token=" + OPERATOR_TOKEN);
    c.add("--entente.audit.signing-key-file=" + work.resolve("audit-signing.key"));
    c.add("--entente.reminders.scheduling=false");
    c.add("--entente.security.bcrypt-strength=4");
    // readiness (after the charter is loaded by its ApplicationRunner) at
    // /actuator/health/readiness
    c.add("--management.endpoint.health.probes.enabled=true");
    c.add("--logging.level.root=WARN");
    c.add("--logging.level.org.entente=INFO");
    this.command = List.copyOf(c);
  }

  /**
   * The JVM options used unless told otherwise: C1 only, which halves the CPU a start takes (16 s
   * against 33 s on the 2-CPU development machine, 2026-12-03), the serial collector (about a
   * second less), the JDK's class-data archive, a small heap. Lazy initialization was tried and
   * saved nothing measurable, so the application starts as it would in production.
   */
  static List<String> fastStart() {
    return List.of(
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xss512k", "-Xmx512m");
  }

  /**
   * The launch for the classes this JVM was started with: surefire's test class path (or {@code
   * java.class.path}) without the test classes themselves, whose test configurations would be
   * picked up by the application's component scan.
   */
  static List<String> fromThisClassPath() {
    String path = System.getProperty("surefire.test.class.path");
    if (path == null || path.isBlank()) {
      path = System.getProperty("java.class.path");
    }
    List<String> kept = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isBlank() && !entry.replace('\\', '/').endsWith("/test-classes")) {
        kept.add(entry);
      }
    }
    return List.of("-cp", String.join(File.pathSeparator, kept), "org.entente.EntenteApplication");
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the application and waits until it is ready, at most {@code timeout}. */
  Duration start(Duration timeout) throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    starts++;
    Files.writeString(
        log,
        "==== start " + starts + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    long t0 = System.nanoTime();
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited with " + process.exitValue() + " on start; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - t0);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    kill();
    throw new IllegalStateException(
        "the application was not ready within " + timeout + "; see " + log);
  }

  /**
   * SIGKILL: {@link Process#destroyForcibly()} sends it on Linux (the JDK's ProcessImpl sends
   * SIGKILL for a forcible destroy, SIGTERM otherwise); waits until the process is gone.
   */
  void kill() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("the application did not die after SIGKILL");
    }
    // 128 + 9 when killed by SIGKILL
    if (process.exitValue() != 137) {
      throw new IllegalStateException(
          "the application ended with " + process.exitValue() + ", not by SIGKILL (137)");
    }
    process = null;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }
}
