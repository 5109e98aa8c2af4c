package org.entente.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A named lock that every application node on the same database shares, held until the current
 * transaction ends. For work that each node does on its own at start-up and that must not run twice
 * at once — loading the charter definitions, the reference indicators — so that two nodes started
 * together do not both insert the same rows and one of them fail on a duplicate key.
 *
 * <p>On PostgreSQL it is a transaction-level advisory lock ({@code pg_advisory_xact_lock}) on a
 * 32-bit hash of the name: released at commit or rollback, by the database, even when the node that
 * held it dies. On H2 it does nothing: an H2 file database is opened by one process only, so there
 * is only ever one node.
 */
@Component
public class ClusterLock {

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  ClusterLock(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /**
   * Waits until no other transaction, on any node, holds the lock of this name, then holds it until
   * the current transaction ends.
   *
   * @throws IllegalStateException outside a transaction, where the lock would end at once
   */
  public void holdUntilCommit(String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a cluster lock needs a transaction: " + name);
    }
    if (dialect.postgres()) {
      jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
          .param("entente:" + name)
          .query((rs, n) -> null)
          .list();
    }
  }
}
