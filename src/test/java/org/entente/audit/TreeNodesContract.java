package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A log's tree kept in the database gives the reference tree's roots and proofs ({@link
 * MerkleTree}), goes on after being opened again from its rows alone, keeps each log apart, and
 * loses nothing of a transaction that rolled back but the leaf that transaction added.
 */
abstract class TreeNodesContract {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void aKeptTreeGivesTheReferenceRootsAndProofsAtEverySize() {
    List<byte[]> leaves = MerkleLogTest.leaves(37);
    MerkleLog log = TreeNodes.open(jdbc, "contract/sizes");
    transactions.executeWithoutResult(t -> leaves.forEach(log::append));

    MerkleLog reopened = TreeNodes.open(jdbc, "contract/sizes");
    assertThat(reopened.size()).isEqualTo(37);
    for (int size = 1; size <= 37; size++) {
      List<byte[]> first = leaves.subList(0, size);
      assertThat(reopened.root(size)).as("root of %d", size).isEqualTo(MerkleTree.root(first));
      for (int index = 0; index < size; index += 5) {
        assertThat(reopened.inclusionProof(index, size))
            .as("inclusion of %d in %d", index, size)
            .containsExactlyElementsOf(MerkleTree.inclusionProof(first, index));
      }
      for (int earlier = 1; earlier < size; earlier += 4) {
        assertThat(reopened.consistencyProof(earlier, size))
            .as("consistency of %d with %d", earlier, size)
            .containsExactlyElementsOf(MerkleTree.consistencyProof(first, earlier));
      }
    }
  }

  @Test
  void aTreeOpenedAgainGoesOnAsIfItHadNeverStopped() {
    List<byte[]> leaves = MerkleLogTest.leaves(21);
    MerkleLog before = TreeNodes.open(jdbc, "contract/restart");
    transactions.executeWithoutResult(t -> leaves.subList(0, 13).forEach(before::append));

    MerkleLog after = TreeNodes.open(jdbc, "contract/restart");
    transactions.executeWithoutResult(t -> leaves.subList(13, 21).forEach(after::append));

    assertThat(after.root(21)).isEqualTo(MerkleTree.root(leaves));
    assertThat(after.consistencyProof(13, 21))
        .containsExactlyElementsOf(MerkleTree.consistencyProof(leaves, 13));
  }

  @Test
  void twoLogsInTheSameTableKeepTheirOwnTrees() {
    List<byte[]> shared = MerkleLogTest.leaves(6);
    List<byte[]> internal = MerkleLogTest.leaves(9).subList(3, 9);
    MerkleLog a = TreeNodes.open(jdbc, "contract/shared");
    MerkleLog b = TreeNodes.open(jdbc, "contract/internal/AZ");
    transactions.executeWithoutResult(
        t -> {
          shared.forEach(a::append);
          internal.forEach(b::append);
        });

    assertThat(TreeNodes.open(jdbc, "contract/shared").root(6)).isEqualTo(MerkleTree.root(shared));
    assertThat(TreeNodes.open(jdbc, "contract/internal/AZ").root(6))
        .isEqualTo(MerkleTree.root(internal));
    assertThat(TreeNodes.open(jdbc, "contract/public").size()).isZero();
  }

  @Test
  void aLeafWhoseTransactionRolledBackIsNotKeptAndTheTreeStaysWhole() {
    List<byte[]> leaves = MerkleLogTest.leaves(4);
    MerkleLog log = TreeNodes.open(jdbc, "contract/rollback");
    transactions.executeWithoutResult(t -> leaves.subList(0, 3).forEach(log::append));
    transactions.executeWithoutResult(
        t -> {
          TreeNodes.open(jdbc, "contract/rollback").append(leaves.get(3));
          t.setRollbackOnly();
        });

    MerkleLog reopened = TreeNodes.open(jdbc, "contract/rollback");
    assertThat(reopened.size()).isEqualTo(3);
    assertThat(reopened.root(3)).isEqualTo(MerkleTree.root(leaves.subList(0, 3)));
  }

  @Test
  void aSubtreeIsKeptOnceAndAMissingOneIsNamed() {
    TreeNodes nodes = new TreeNodes(jdbc, "contract/guard");
    transactions.executeWithoutResult(t -> nodes.put(0, 0, MerkleLogTest.leaf(0)));
    assertThatThrownBy(
            () -> transactions.executeWithoutResult(t -> nodes.put(0, 0, MerkleLogTest.leaf(1))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> nodes.get(1, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("log contract/guard has no subtree at height 1, index 0");
  }
}
