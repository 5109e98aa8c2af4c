package org.entente.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only Merkle tree (RFC 9162) that keeps the hash of every complete subtree, so that the
 * root of any of its sizes and the inclusion and consistency proofs between them are worked out
 * from O(log n) stored hashes each, without reading the leaves: the way the logs of decision 0043
 * are to keep their trees. Where the hashes are kept is {@link Nodes}; {@link MerkleTree} is the
 * reference it agrees with.
 *
 * <p>A complete subtree is named by its level (0 for a leaf) and its index at that level: at level
 * L, index i covers the leaves from i·2^L to (i+1)·2^L − 1. Every range the RFC's recursion visits
 * on its left side is such a subtree, and every other range is a few of them side by side.
 */
final class MerkleLog {

  /** Where the hashes of the complete subtrees are kept. */
  interface Nodes {
    /** The hash of a complete subtree; it must have been put. */
    byte[] get(int level, long index);

    void put(int level, long index, byte[] hash);
  }

  private final Nodes nodes;
  private long size;

  /**
   * @param nodes the hashes kept so far
   * @param size the number of leaves those hashes cover
   */
  MerkleLog(Nodes nodes, long size) {
    this.nodes = nodes;
    this.size = size;
  }

  long size() {
    return size;
  }

  /** Appends a leaf and the subtrees it completes; returns its index. */
  long append(byte[] leafHash) {
    long index = size;
    byte[] hash = leafHash;
    nodes.put(0, index, hash);
    int level = 0;
    long at = index;
    while ((at & 1) == 1) {
      hash = MerkleTree.nodeHash(nodes.get(level, at - 1), hash);
      level++;
      at >>= 1;
      nodes.put(level, at, hash);
    }
    size++;
    return index;
  }

  /** The root of the tree of the first {@code treeSize} leaves. */
  byte[] root(long treeSize) {
    check(treeSize <= size, "no tree of " + treeSize + " leaves yet");
    return treeSize == 0 ? MerkleTree.emptyRoot() : hash(0, treeSize);
  }

  /** The inclusion proof of a leaf in the tree of the first {@code treeSize} leaves. */
  List<byte[]> inclusionProof(long index, long treeSize) {
    check(treeSize <= size, "no tree of " + treeSize + " leaves yet");
    check(index >= 0 && index < treeSize, "leaf " + index + " is not in a tree of " + treeSize);
    long from = 0;
    long to = treeSize;
    long m = index;
    List<byte[]> upward = new ArrayList<>();
    while (to - from > 1) {
      long k = split(to - from);
      if (m < k) {
        upward.add(hash(from + k, to));
        to = from + k;
      } else {
        upward.add(hash(from, from + k));
        from += k;
        m -= k;
      }
    }
    // the loop walked down from the root; a proof lists its hashes from the leaf up
    Collections.reverse(upward);
    return upward;
  }

  /** The consistency proof between the trees of the first {@code first} and {@code second}. */
  List<byte[]> consistencyProof(long first, long second) {
    check(second <= size, "no tree of " + second + " leaves yet");
    check(first >= 0 && first <= second, "no earlier size " + first + " of " + second);
    List<byte[]> upward = new ArrayList<>();
    if (first == 0 || first == second) {
      return upward;
    }
    long from = 0;
    long to = second;
    long m = first;
    boolean whole = true;
    while (m != to - from) {
      long k = split(to - from);
      if (m <= k) {
        upward.add(hash(from + k, to));
        to = from + k;
      } else {
        upward.add(hash(from, from + k));
        from += k;
        m -= k;
        whole = false;
      }
    }
    if (!whole) {
      upward.add(hash(from, to));
    }
    Collections.reverse(upward);
    return upward;
  }

  /** MTH(D[from:to]) for a range the recursion visits: a few complete subtrees side by side. */
  private byte[] hash(long from, long to) {
    long length = to - from;
    if (Long.bitCount(length) == 1 && from % length == 0) {
      return nodes.get(Long.numberOfTrailingZeros(length), from / length);
    }
    long k = split(length);
    return MerkleTree.nodeHash(hash(from, from + k), hash(from + k, to));
  }

  private static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static void check(boolean holds, String otherwise) {
    if (!holds) {
      throw new IllegalArgumentException(otherwise);
    }
  }
}
