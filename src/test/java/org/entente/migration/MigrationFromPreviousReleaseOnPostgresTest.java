package org.entente.migration;

import com.zaxxer.hikari.HikariDataSource;
import org.entente.testing.EmbeddedPostgresConfiguration;

/** The migration from earlier releases' databases, on PostgreSQL (embedded). */
class MigrationFromPreviousReleaseOnPostgresTest extends MigrationFromPreviousReleaseContract {

  @Override
  Database freshDatabase() {
    HikariDataSource ds = (HikariDataSource) EmbeddedPostgresConfiguration.freshDatabase();
    return new Database(ds, ds.getJdbcUrl(), "postgres");
  }
}
