package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree against the reference values every Certificate Transparency implementation checks itself
 * against (the eight leaves, roots and proofs of the CT reference implementation's tests, also used
 * by Trillian and transparency-dev's merkle package), and against proofs made and verified for
 * every leaf and every pair of sizes of smaller trees, with each proof also corrupted every way the
 * reference tests corrupt one.
 */
class MerkleTreeTest {

  static final HexFormat HEX = HexFormat.of();

  /** The reference leaves' data. */
  static final List<byte[]> DATA =
      Stream.of(
              "",
              "00",
              "10",
              "2021",
              "3031",
              "40414243",
              "5051525354555657",
              "606162636465666768696a6b6c6d6e6f")
          .map(HEX::parseHex)
          .toList();

  static final List<byte[]> LEAVES = DATA.stream().map(MerkleTree::leafHash).toList();

  /** The reference roots of the trees of the first 0 to 8 leaves. */
  static final List<String> ROOTS =
      List.of(
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  static byte[] root(int size) {
    return HEX.parseHex(ROOTS.get(size));
  }

  static List<byte[]> hashes(String... hex) {
    return Stream.of(hex).map(HEX::parseHex).toList();
  }

  @Test
  void theRootsOfTheReferenceTreesAreTheReferenceRoots() {
    for (int size = 0; size <= 8; size++) {
      assertThat(HEX.formatHex(MerkleTree.root(LEAVES.subList(0, size))))
          .as("size " + size)
          .isEqualTo(ROOTS.get(size));
    }
  }

  static Stream<Arguments> referenceInclusionProofs() {
    return Stream.of(
        Arguments.of(
            0,
            8,
            hashes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(
            5,
            8,
            hashes(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(
            2, 3, hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Arguments.of(
            1,
            5,
            hashes(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
  }

  @ParameterizedTest(name = "leaf {0} of {1}")
  @MethodSource("referenceInclusionProofs")
  void theReferenceInclusionProofsAreMadeAndVerifiedAndNoCorruptionOfThemIs(
      int index, int size, List<byte[]> expected) {
    List<byte[]> tree = LEAVES.subList(0, size);
    List<byte[]> proof = MerkleTree.inclusionProof(tree, index);
    assertThat(proof.stream().map(HEX::formatHex))
        .containsExactlyElementsOf(expected.stream().map(HEX::formatHex).toList());
    assertThat(MerkleTree.verifyInclusion(index, size, LEAVES.get(index), proof, root(size)))
        .isTrue();
    assertNoCorruptInclusionVerifies(index, size, LEAVES.get(index), proof, root(size));
  }

  static Stream<Arguments> referenceConsistencyProofs() {
    return Stream.of(
        Arguments.of(
            1,
            8,
            hashes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(
            6,
            8,
            hashes(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(
            2,
            5,
            hashes(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("referenceConsistencyProofs")
  void theReferenceConsistencyProofsAreMadeAndVerifiedAndNoCorruptionOfThemIs(
      int first, int second, List<byte[]> expected) {
    List<byte[]> proof = MerkleTree.consistencyProof(LEAVES.subList(0, second), first);
    assertThat(proof.stream().map(HEX::formatHex))
        .containsExactlyElementsOf(expected.stream().map(HEX::formatHex).toList());
    assertThat(MerkleTree.verifyConsistency(first, second, root(first), root(second), proof))
        .isTrue();
    assertNoCorruptConsistencyVerifies(first, second, root(first), root(second), proof);
  }

  static List<byte[]> generatedLeaves(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7), (byte) (i >> 8)}))
        .toList();
  }

  static Stream<Integer> sizes() {
    return Stream.concat(IntStream.rangeClosed(1, 70).boxed(), Stream.of(127, 128, 129, 1000));
  }

  @ParameterizedTest(name = "a tree of {0}")
  @MethodSource("sizes")
  void everyLeafOfATreeOfThisSizeHasAProofThatVerifiesAndNoOtherLeafDoes(int size) {
    List<byte[]> leaves = generatedLeaves(size);
    byte[] root = MerkleTree.root(leaves);
    int step = size > 200 ? 37 : 1;
    for (int index = 0; index < size; index += step) {
      List<byte[]> proof = MerkleTree.inclusionProof(leaves, index);
      assertThat(proof.size())
          .as("O(log n)")
          .isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size));
      assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root))
          .as("leaf " + index)
          .isTrue();
      if (size > 1) {
        int other = (index + 1) % size;
        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(other), proof, root))
            .as("leaf " + other + " with the proof of " + index)
            .isFalse();
      }
      if (size <= 70) {
        assertNoCorruptInclusionVerifies(index, size, leaves.get(index), proof, root);
      }
    }
  }

  @Test
  void everyEarlierSizeOfATreeHasAConsistencyProofThatVerifies() {
    List<byte[]> leaves = generatedLeaves(48);
    List<byte[]> roots = new ArrayList<>();
    for (int size = 0; size <= leaves.size(); size++) {
      roots.add(MerkleTree.root(leaves.subList(0, size)));
    }
    for (int second = 0; second <= leaves.size(); second++) {
      for (int first = 0; first <= second; first++) {
        List<byte[]> proof = MerkleTree.consistencyProof(leaves.subList(0, second), first);
        assertThat(
                MerkleTree.verifyConsistency(
                    first, second, roots.get(first), roots.get(second), proof))
            .as(first + " to " + second)
            .isTrue();
        if (first > 0 && first < second) {
          assertNoCorruptConsistencyVerifies(
              first, second, roots.get(first), roots.get(second), proof);
        }
      }
    }
  }

  @Test
  void aLogThatRewroteAnEarlierLeafIsNotConsistentWithItsEarlierRoot() {
    List<byte[]> honest = generatedLeaves(20);
    List<byte[]> rewritten = new ArrayList<>(honest);
    rewritten.set(3, MerkleTree.leafHash("another event".getBytes()));
    byte[] earlierRoot = MerkleTree.root(honest.subList(0, 10));
    List<byte[]> proof = MerkleTree.consistencyProof(rewritten, 10);
    assertThat(MerkleTree.verifyConsistency(10, 20, earlierRoot, MerkleTree.root(rewritten), proof))
        .isFalse();
  }

  @Test
  void theTrivialCasesAreDecidedAsTheRfcDecidesThem() {
    byte[] empty = MerkleTree.emptyRoot();
    byte[] one = root(1);
    assertThat(MerkleTree.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 1, empty, one, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(1, 1, one, one, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(1, 1, empty, one, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 1, one, one, List.of(empty))).isFalse();
    assertThat(MerkleTree.verifyConsistency(0, 1, empty, one, List.of(empty))).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 0, one, empty, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 2, one, root(2), List.of())).isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 1, LEAVES.get(0), List.of(), one)).isTrue();
    assertThat(MerkleTree.verifyInclusion(0, 0, LEAVES.get(0), List.of(), empty)).isFalse();
    assertThat(MerkleTree.verifyInclusion(1, 1, LEAVES.get(0), List.of(), one)).isFalse();
    assertThatThrownBy(() -> MerkleTree.inclusionProof(LEAVES, 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleTree.consistencyProof(LEAVES, 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static final byte[] SOME_HASH =
      HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");

  /** The reference tests' corruptions of an inclusion proof: none may verify. */
  static void assertNoCorruptInclusionVerifies(
      long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
    List<String> verified = new ArrayList<>();
    check(verified, "index - 1", MerkleTree.verifyInclusion(index - 1, size, leaf, proof, root));
    check(verified, "index + 1", MerkleTree.verifyInclusion(index + 1, size, leaf, proof, root));
    check(verified, "index ^ 2", MerkleTree.verifyInclusion(index ^ 2, size, leaf, proof, root));
    check(verified, "size * 2", MerkleTree.verifyInclusion(index, size * 2, leaf, proof, root));
    check(verified, "size / 2", MerkleTree.verifyInclusion(index, size / 2, leaf, proof, root));
    check(
        verified,
        "wrong leaf",
        MerkleTree.verifyInclusion(index, size, MerkleTree.leafHash(new byte[] {9}), proof, root));
    check(
        verified,
        "empty root",
        MerkleTree.verifyInclusion(index, size, leaf, proof, MerkleTree.emptyRoot()));
    check(verified, "some root", MerkleTree.verifyInclusion(index, size, leaf, proof, SOME_HASH));
    check(
        verified,
        "trailing root",
        MerkleTree.verifyInclusion(index, size, leaf, with(proof, proof.size(), root), root));
    check(
        verified,
        "preceding root",
        MerkleTree.verifyInclusion(index, size, leaf, with(proof, 0, root), root));
    for (int i = 0; i < proof.size(); i++) {
      check(
          verified,
          "bit flipped in " + i,
          MerkleTree.verifyInclusion(index, size, leaf, flipped(proof, i), root));
    }
    if (!proof.isEmpty()) {
      check(
          verified,
          "last removed",
          MerkleTree.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root));
    }
    if (proof.size() > 1) {
      check(
          verified,
          "inserted",
          MerkleTree.verifyInclusion(index, size, leaf, with(proof, 1, SOME_HASH), root));
    }
    assertThat(verified).as("corrupt proofs that verified").isEmpty();
  }

  /** The reference tests' corruptions of a consistency proof: none may verify. */
  static void assertNoCorruptConsistencyVerifies(
      long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
    List<String> verified = new ArrayList<>();
    check(
        verified,
        "first - 1",
        MerkleTree.verifyConsistency(first - 1, second, firstRoot, secondRoot, proof));
    check(
        verified,
        "first + 1",
        MerkleTree.verifyConsistency(first + 1, second, firstRoot, secondRoot, proof));
    check(
        verified,
        "first ^ 2",
        MerkleTree.verifyConsistency(first ^ 2, second, firstRoot, secondRoot, proof));
    check(
        verified,
        "second * 2",
        MerkleTree.verifyConsistency(first, second * 2, firstRoot, secondRoot, proof));
    check(
        verified,
        "second / 2",
        MerkleTree.verifyConsistency(first, second / 2, firstRoot, secondRoot, proof));
    check(
        verified,
        "wrong first root",
        MerkleTree.verifyConsistency(first, second, SOME_HASH, secondRoot, proof));
    check(
        verified,
        "wrong second root",
        MerkleTree.verifyConsistency(first, second, firstRoot, SOME_HASH, proof));
    check(
        verified,
        "swapped roots",
        MerkleTree.verifyConsistency(first, second, secondRoot, firstRoot, proof));
    check(
        verified,
        "empty proof",
        MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, List.of()));
    check(
        verified,
        "trailing first root",
        MerkleTree.verifyConsistency(
            first, second, firstRoot, secondRoot, with(proof, proof.size(), firstRoot)));
    check(
        verified,
        "trailing second root",
        MerkleTree.verifyConsistency(
            first, second, firstRoot, secondRoot, with(proof, proof.size(), secondRoot)));
    check(
        verified,
        "preceding first root",
        MerkleTree.verifyConsistency(
            first, second, firstRoot, secondRoot, with(proof, 0, firstRoot)));
    check(
        verified,
        "preceding second root",
        MerkleTree.verifyConsistency(
            first, second, firstRoot, secondRoot, with(proof, 0, secondRoot)));
    check(
        verified,
        "preceding proof[0]",
        MerkleTree.verifyConsistency(
            first, second, firstRoot, secondRoot, with(proof, 0, proof.get(0))));
    check(
        verified,
        "truncated",
        MerkleTree.verifyConsistency(
            first, second, firstRoot, secondRoot, proof.subList(0, proof.size() - 1)));
    for (int i = 0; i < proof.size(); i++) {
      check(
          verified,
          "bit flipped in " + i,
          MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, flipped(proof, i)));
    }
    assertThat(verified).as("corrupt proofs that verified").isEmpty();
  }

  private static void check(List<String> verified, String corruption, boolean result) {
    if (result) {
      verified.add(corruption);
    }
  }

  private static List<byte[]> with(List<byte[]> proof, int at, byte[] hash) {
    List<byte[]> changed = new ArrayList<>(proof);
    changed.add(at, hash);
    return changed;
  }

  private static List<byte[]> flipped(List<byte[]> proof, int at) {
    List<byte[]> changed = new ArrayList<>(proof);
    byte[] hash = changed.get(at).clone();
    hash[0] ^= 8;
    changed.set(at, hash);
    return changed;
  }
}
