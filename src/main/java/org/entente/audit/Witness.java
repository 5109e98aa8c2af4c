package org.entente.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a witness decides about a log's new checkpoint, given the last checkpoint of that log it
 * kept: a reader (a party's auditor, later the other party's own installation) keeps the latest
 * checkpoint it has seen of each log it may read, and takes a new one only when it is signed by the
 * deployment's key and extends the kept one. Anything else is a rewrite, a truncation or a split
 * view: the log shows this reader a history other than the one it showed before.
 */
final class Witness {

  private Witness() {}

  /** The checkpoint a witness keeps of one log. */
  record Kept(String origin, long size, byte[] root) {}

  /** The witness's verdict. */
  enum Verdict {
    /** Signed by the key, the same log, and its tree extends the kept one: keep it instead. */
    EXTENDS,
    /** The same tree as the kept one. */
    SAME,
    /** Not signed by the deployment's key, or not a checkpoint. */
    BAD_SIGNATURE,
    /** A checkpoint of another log. */
    OTHER_LOG,
    /** Smaller than the kept tree: events the witness saw are gone (a truncation). */
    TRUNCATED,
    /** As large as the kept tree with another root: two histories of the same length. */
    SPLIT_VIEW,
    /** Larger, but its tree does not contain the kept one: history was rewritten or forked. */
    NOT_AN_EXTENSION
  }

  /** The verdict and, when it is {@link Verdict#EXTENDS} or {@link Verdict#SAME}, what to keep. */
  record Decision(Verdict verdict, Optional<Kept> keep) {}

  /**
   * Decides about a new checkpoint (a signed note) with the consistency proof from the kept tree's
   * size to the new one.
   */
  static Decision check(Kept kept, String note, String verifierKey, List<byte[]> consistency) {
    Optional<SignedNote.Checkpoint> opened =
        SignedNote.open(note, verifierKey).flatMap(SignedNote::readCheckpoint);
    if (opened.isEmpty()) {
      return new Decision(Verdict.BAD_SIGNATURE, Optional.empty());
    }
    SignedNote.Checkpoint next = opened.get();
    if (!next.origin().equals(kept.origin())) {
      return new Decision(Verdict.OTHER_LOG, Optional.empty());
    }
    Kept nextKept = new Kept(next.origin(), next.size(), next.root());
    if (next.size() < kept.size()) {
      return new Decision(Verdict.TRUNCATED, Optional.empty());
    }
    if (next.size() == kept.size()) {
      return Arrays.equals(next.root(), kept.root())
          ? new Decision(Verdict.SAME, Optional.of(nextKept))
          : new Decision(Verdict.SPLIT_VIEW, Optional.empty());
    }
    return MerkleTree.verifyConsistency(
            kept.size(), next.size(), kept.root(), next.root(), consistency)
        ? new Decision(Verdict.EXTENDS, Optional.of(nextKept))
        : new Decision(Verdict.NOT_AN_EXTENSION, Optional.empty());
  }
}
