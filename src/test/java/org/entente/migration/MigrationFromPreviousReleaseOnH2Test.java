package org.entente.migration;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;

/** The migration from earlier releases' databases, on H2 in PostgreSQL mode. */
class MigrationFromPreviousReleaseOnH2Test extends MigrationFromPreviousReleaseContract {

  @Override
  Database freshDatabase() {
    String url =
        "jdbc:h2:mem:migration-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername("entente");
    ds.setPassword("");
    ds.setMaximumPoolSize(2);
    return new Database(ds, url, "entente");
  }
}
