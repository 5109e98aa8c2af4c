package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The log that keeps its complete subtrees gives the same roots and proofs as the reference tree
 * ({@link MerkleTree}, itself checked against the Certificate Transparency vectors), for every size
 * and pair of sizes of smaller trees, and reads O(log² n) kept hashes for a proof in a large one.
 */
class MerkleLogTest {

  /** Kept hashes in memory, counting the reads. */
  static final class InMemory implements MerkleLog.Nodes {
    final Map<Long, byte[]> hashes = new HashMap<>();
    int reads;

    static long key(int level, long index) {
      return ((long) level << 56) | index;
    }

    @Override
    public byte[] get(int level, long index) {
      reads++;
      byte[] hash = hashes.get(key(level, index));
      if (hash == null) {
        throw new IllegalStateException("no subtree at level " + level + ", index " + index);
      }
      return hash;
    }

    @Override
    public void put(int level, long index, byte[] hash) {
      hashes.put(key(level, index), hash);
    }
  }

  static byte[] leaf(long i) {
    return MerkleTree.leafHash(ByteBuffer.allocate(8).putLong(i).array());
  }

  static List<byte[]> leaves(int count) {
    return IntStream.range(0, count).mapToObj(MerkleLogTest::leaf).toList();
  }

  static MerkleLog log(List<byte[]> leaves) {
    MerkleLog log = new MerkleLog(new InMemory(), 0);
    leaves.forEach(log::append);
    return log;
  }

  static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HexFormat.of()::formatHex).toList();
  }

  @Test
  void theReferenceLeavesGiveTheReferenceRootsAtEverySize() {
    MerkleLog log = log(MerkleTreeTest.LEAVES);
    for (int size = 0; size <= 8; size++) {
      assertThat(HexFormat.of().formatHex(log.root(size)))
          .isEqualTo(MerkleTreeTest.ROOTS.get(size));
    }
  }

  static Stream<Integer> sizes() {
    return Stream.of(1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65);
  }

  @ParameterizedTest(name = "a log of {0}")
  @MethodSource("sizes")
  void everyRootAndProofOfALogOfThisSizeIsTheReferenceTreesOne(int size) {
    List<byte[]> leaves = leaves(size);
    MerkleLog log = log(leaves);
    for (int treeSize = 0; treeSize <= size; treeSize++) {
      List<byte[]> tree = leaves.subList(0, treeSize);
      assertThat(log.root(treeSize)).as("root of " + treeSize).isEqualTo(MerkleTree.root(tree));
      for (int index = 0; index < treeSize; index++) {
        assertThat(hex(log.inclusionProof(index, treeSize)))
            .as("leaf " + index + " of " + treeSize)
            .isEqualTo(hex(MerkleTree.inclusionProof(tree, index)));
      }
      for (int first = 0; first <= treeSize; first++) {
        assertThat(hex(log.consistencyProof(first, treeSize)))
            .as(first + " to " + treeSize)
            .isEqualTo(hex(MerkleTree.consistencyProof(tree, first)));
      }
    }
  }

  @Test
  void aProofInALargeLogReadsAFewKeptHashesAndVerifies() {
    int size = 100_000;
    InMemory nodes = new InMemory();
    MerkleLog log = new MerkleLog(nodes, 0);
    for (int i = 0; i < size; i++) {
      log.append(leaf(i));
    }
    int logSize = 64 - Long.numberOfLeadingZeros(size);
    for (long index : new long[] {0, 1, 4_095, 65_536, 77_777, 99_999}) {
      nodes.reads = 0;
      List<byte[]> proof = log.inclusionProof(index, size);
      assertThat(nodes.reads)
          .as("hashes read for leaf " + index)
          .isLessThanOrEqualTo(logSize * logSize);
      byte[] root = log.root(size);
      assertThat(MerkleTree.verifyInclusion(index, size, leaf(index), proof, root)).isTrue();
    }
    nodes.reads = 0;
    List<byte[]> consistency = log.consistencyProof(54_321, size);
    assertThat(nodes.reads).isLessThanOrEqualTo(logSize * logSize);
    assertThat(
            MerkleTree.verifyConsistency(
                54_321, size, log.root(54_321), log.root(size), consistency))
        .isTrue();
  }

  @Test
  void aLogReopenedOnItsKeptHashesGoesOnAsIfItHadNeverStopped() {
    InMemory nodes = new InMemory();
    MerkleLog first = new MerkleLog(nodes, 0);
    for (int i = 0; i < 37; i++) {
      first.append(leaf(i));
    }
    MerkleLog reopened = new MerkleLog(nodes, 37);
    for (int i = 37; i < 50; i++) {
      reopened.append(leaf(i));
    }
    assertThat(reopened.root(50)).isEqualTo(MerkleTree.root(leaves(50)));
  }

  @Test
  void aSizeTheLogHasNotReachedIsRefused() {
    MerkleLog log = log(leaves(5));
    assertThatThrownBy(() -> log.root(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.consistencyProof(3, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
