package org.entente.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Why the embedded H2 never retires a pooled connection: H2 2.4.240 binds a {@code CHECK (... IN
 * (...))} constraint to the session that created it, so once the connection a migration ran on is
 * closed, every insert the check guards fails until the database is opened again. Hikari closes
 * each connection after its max-lifetime (30 minutes by default, 30 seconds at the least), so the
 * product's H2 default sets it to 0 (never); PostgreSQL keeps Hikari's default.
 */
class H2ConnectionLifetimeTest {

  private static final String LIFETIME = "spring.datasource.hikari.max-lifetime";

  /**
   * The reason, on a file database as the product's: when this starts to pass (an H2 that keeps the
   * check working), the setting below can go.
   */
  @Test
  void h2LosesACheckConstraintOnceTheConnectionThatCreatedItIsClosed() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "h2-lifetime"));
    String url =
        "jdbc:h2:file:"
            + dir.toAbsolutePath().resolve(UUID.randomUUID().toString())
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection pooled = DriverManager.getConnection(url, "entente", "")) {
      try (Connection migrator = DriverManager.getConnection(url, "entente", "");
          Statement ddl = migrator.createStatement()) {
        ddl.execute(
            "create table agreement_state (id int primary key,"
                + " state varchar(20) not null check (state in ('DRAFT', 'AGREED')))");
        ddl.execute("insert into agreement_state values (1, 'DRAFT')");
      }
      try (Statement later = pooled.createStatement()) {
        assertThatThrownBy(() -> later.execute("insert into agreement_state values (2, 'AGREED')"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("Check constraint invalid");
      }
    }
  }

  @Test
  void theEmbeddedH2NeverRetiresAConnectionAndPostgresKeepsHikarisDefault() throws Exception {
    List<PropertySource<?>> documents =
        new YamlPropertySourceLoader()
            .load("application.yaml", new ClassPathResource("application.yaml"));
    PropertySource<?> embedded = documents.get(0);
    assertThat(String.valueOf(embedded.getProperty("spring.datasource.url")))
        .startsWith("jdbc:h2:file:");
    assertThat(String.valueOf(embedded.getProperty(LIFETIME))).isEqualTo("0");
    PropertySource<?> postgres =
        documents.stream()
            .filter(d -> "postgres".equals(d.getProperty("spring.config.activate.on-profile")))
            .findFirst()
            .orElseThrow();
    assertThat(String.valueOf(postgres.getProperty(LIFETIME)))
        .as("Hikari's own default, 30 minutes")
        .isEqualTo("1800000");
    for (PropertySource<?> document : documents) {
      if (document != embedded && document != postgres) {
        assertThat(document.getProperty(LIFETIME)).as(document.getName()).isNull();
      }
    }
  }
}
