package org.entente.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database this is: PostgreSQL in production, H2 (in PostgreSQL mode) embedded. */
@Component
public class SqlDialect {

  private final boolean postgres;

  SqlDialect(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
  }

  /** Whether the database is PostgreSQL. */
  public boolean postgres() {
    return postgres;
  }
}
