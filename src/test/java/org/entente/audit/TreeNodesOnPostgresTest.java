package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.entente.testing.EntentePostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The logs' kept trees on PostgreSQL, the production database (embedded for the suite), where no
 * statement may change or remove a kept subtree.
 */
@EntentePostgresTest
class TreeNodesOnPostgresTest extends TreeNodesContract {

  @Test
  void theApplicationCannotUpdateDeleteOrTruncateAKeptSubtree() {
    MerkleLog log = TreeNodes.open(jdbc, "contract/guarded");
    transactions.executeWithoutResult(t -> MerkleLogTest.leaves(2).forEach(log::append));
    for (String statement :
        List.of(
            "update audit_tree_node set hash = repeat('0', 64) where log = 'contract/guarded'",
            "delete from audit_tree_node where log = 'contract/guarded'",
            "truncate audit_tree_node")) {
      assertThatThrownBy(() -> jdbc.sql(statement).update())
          .as(statement)
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .hasMessageContaining("audit_tree_node is append-only");
    }
  }
}
