package org.entente.migration;

import com.zaxxer.hikari.HikariDataSource;
import org.entente.testing.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The migration from earlier releases' databases, on PostgreSQL (embedded). */
// Beside the H2 classes, on the second core; one PostgreSQL class at a time (their shared context
// and database), each one's tests one after the other (docs/decisions/0030).
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(EmbeddedPostgresConfiguration.LANE)
class MigrationFromPreviousReleaseOnPostgresTest extends MigrationFromPreviousReleaseContract {

  @Override
  Database freshDatabase() {
    HikariDataSource ds = (HikariDataSource) EmbeddedPostgresConfiguration.freshDatabase();
    return new Database(ds, ds.getJdbcUrl(), "postgres");
  }
}
