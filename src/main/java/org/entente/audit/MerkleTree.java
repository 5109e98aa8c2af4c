package org.entente.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency version 2.0), section 2.1, over SHA-256:
 * the tree hash of a list of leaves, inclusion and consistency proofs, and their verification,
 * written after the RFC's own algorithms so that anyone can check Entente's logs with any other
 * implementation of them. Leaves come in as their leaf hashes ({@link #leafHash}); a proof lists
 * its hashes from the leaf's side up.
 *
 * <p>The proofs are made here from the whole list of leaf hashes, in time linear in its length; the
 * verifications take time logarithmic in the tree's size and need nothing but their arguments.
 */
final class MerkleTree {

  /** The length of every hash, in bytes. */
  static final int HASH_BYTES = 32;

  private MerkleTree() {}

  /** MTH({}): the hash of the empty tree, SHA-256 of no bytes. */
  static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** MTH({d}) = SHA-256(0x00 || d): a leaf's hash. */
  static byte[] leafHash(byte[] data) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x00);
    digest.update(data);
    return digest.digest();
  }

  /** SHA-256(0x01 || left || right): an interior node's hash. */
  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x01);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  /** MTH(D[n]): the root hash of the tree of these leaves. */
  static byte[] root(List<byte[]> leafHashes) {
    return leafHashes.isEmpty() ? emptyRoot() : hash(leafHashes, 0, leafHashes.size());
  }

  /** PATH(m, D[n]): the inclusion proof of leaf {@code index} in the tree of these leaves. */
  static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index) {
    if (index < 0 || index >= leafHashes.size()) {
      throw new IllegalArgumentException(
          "leaf " + index + " is not in a tree of " + leafHashes.size() + " leaves");
    }
    List<byte[]> proof = new ArrayList<>();
    path(leafHashes, index, 0, leafHashes.size(), proof);
    return proof;
  }

  /**
   * PROOF(m, D[n]): the consistency proof between the tree of the first {@code size} leaves and the
   * tree of them all.
   */
  static List<byte[]> consistencyProof(List<byte[]> leafHashes, int size) {
    if (size < 0 || size > leafHashes.size()) {
      throw new IllegalArgumentException(
          "a tree of " + leafHashes.size() + " leaves has no earlier size " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    if (size > 0 && size < leafHashes.size()) {
      subproof(leafHashes, size, 0, leafHashes.size(), true, proof);
    }
    return proof;
  }

  /**
   * Whether {@code proof} shows the leaf of this hash at {@code index} in the tree of {@code size}
   * leaves whose root is {@code root} (RFC 9162, 2.1.3.2).
   */
  static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size || !wellFormed(leafHash) || !wellFormed(root)) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || !wellFormed(p)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /**
   * Whether {@code proof} shows the tree of {@code second} leaves whose root is {@code secondRoot}
   * to extend the tree of {@code first} leaves whose root is {@code firstRoot} (RFC 9162, 2.1.4.2;
   * a tree is consistent with itself when the roots are equal and the proof empty, and every tree
   * extends the empty one).
   */
  static boolean verifyConsistency(
      long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
    if (first < 0 || second < first) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
    }
    if (first == 0) {
      return proof.isEmpty();
    }
    if (proof.isEmpty() || !wellFormed(firstRoot) || !wellFormed(secondRoot)) {
      return false;
    }
    for (byte[] p : proof) {
      if (!wellFormed(p)) {
        return false;
      }
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
  }

  /** MTH(D[from:to]) for a range that is not empty. */
  private static byte[] hash(List<byte[]> leaves, int from, int to) {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int k = split(to - from);
    return nodeHash(hash(leaves, from, from + k), hash(leaves, from + k, to));
  }

  private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof) {
    if (to - from == 1) {
      return;
    }
    int k = split(to - from);
    if (m < k) {
      path(leaves, m, from, from + k, proof);
      proof.add(hash(leaves, from + k, to));
    } else {
      path(leaves, m - k, from + k, to, proof);
      proof.add(hash(leaves, from, from + k));
    }
  }

  private static void subproof(
      List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
    if (m == to - from) {
      if (!whole) {
        proof.add(hash(leaves, from, to));
      }
      return;
    }
    int k = split(to - from);
    if (m <= k) {
      subproof(leaves, m, from, from + k, whole, proof);
      proof.add(hash(leaves, from + k, to));
    } else {
      subproof(leaves, m - k, from + k, to, false, proof);
      proof.add(hash(leaves, from, from + k));
    }
  }

  /** The largest power of two smaller than {@code n}, for n of at least 2. */
  private static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private static boolean wellFormed(byte[] hash) {
    return hash != null && hash.length == HASH_BYTES;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
