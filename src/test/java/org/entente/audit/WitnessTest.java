package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import org.entente.audit.Witness.Decision;
import org.entente.audit.Witness.Kept;
import org.entente.audit.Witness.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A witness holding one earlier checkpoint against a log that grows honestly, and against each way
 * a host could show it another history: a rewritten event, deleted events, a truncated tail with
 * the head moved back, a fork signed with the same key, a checkpoint of another log, a forgery.
 */
class WitnessTest {

  static final String LOG = "entente.example/az-us-2026/shared";

  KeyPair deployment;
  byte[] raw;
  String verifierKey;

  @BeforeEach
  void aDeploymentKey() throws Exception {
    deployment = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    raw = SignedNote.raw(deployment.getPublic());
    verifierKey = SignedNote.verifierKey(LOG, raw);
  }

  static List<byte[]> events(int count, String prefix) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(MerkleTree.leafHash((prefix + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  String signed(String origin, List<byte[]> leaves) {
    String text = SignedNote.checkpoint(origin, leaves.size(), MerkleTree.root(leaves), List.of());
    return SignedNote.sign(text, LOG, deployment.getPrivate(), raw);
  }

  static Kept kept(List<byte[]> leaves) {
    return new Kept(LOG, leaves.size(), MerkleTree.root(leaves));
  }

  Decision check(Kept kept, List<byte[]> log) {
    List<byte[]> proof =
        kept.size() <= log.size() ? MerkleTree.consistencyProof(log, (int) kept.size()) : List.of();
    return Witness.check(kept, signed(LOG, log), verifierKey, proof);
  }

  @Test
  void aLogThatGrewHonestlyExtendsTheKeptCheckpointWhichItReplaces() {
    List<byte[]> log = events(40, "event ");
    Kept seen = kept(log.subList(0, 17));

    Decision decision = check(seen, log);

    assertThat(decision.verdict()).isEqualTo(Verdict.EXTENDS);
    assertThat(decision.keep().orElseThrow().size()).isEqualTo(40);
    assertThat(check(decision.keep().orElseThrow(), log).verdict()).isEqualTo(Verdict.SAME);
  }

  @Test
  void aRewrittenEventIsCaught() {
    List<byte[]> log = events(40, "event ");
    Kept seen = kept(log.subList(0, 17));
    List<byte[]> rewritten = new ArrayList<>(log);
    rewritten.set(9, MerkleTree.leafHash("another text".getBytes(StandardCharsets.UTF_8)));

    assertThat(check(seen, rewritten).verdict()).isEqualTo(Verdict.NOT_AN_EXTENSION);
    assertThat(check(seen, rewritten.subList(0, 17)).verdict()).isEqualTo(Verdict.SPLIT_VIEW);
  }

  @Test
  void aDeletedEventIsCaughtEvenWhenTheLogGrewPastTheKeptSizeAgain() {
    List<byte[]> log = events(40, "event ");
    Kept seen = kept(log.subList(0, 17));
    List<byte[]> deleted = new ArrayList<>(log);
    deleted.remove(5);

    assertThat(check(seen, deleted).verdict()).isEqualTo(Verdict.NOT_AN_EXTENSION);
  }

  @Test
  void aTruncatedTailWithTheHeadMovedBackIsCaught() {
    List<byte[]> log = events(40, "event ");
    Kept seen = kept(log);

    assertThat(check(seen, log.subList(0, 31)).verdict()).isEqualTo(Verdict.TRUNCATED);
  }

  @Test
  void aForkSignedWithTheSameKeyIsCaught() {
    List<byte[]> shown = events(25, "event ");
    Kept seen = kept(shown);
    List<byte[]> fork = new ArrayList<>(shown.subList(0, 20));
    fork.addAll(events(10, "other history "));

    assertThat(check(seen, fork).verdict()).isEqualTo(Verdict.NOT_AN_EXTENSION);
  }

  @Test
  void aCheckpointNotSignedByTheDeploymentOrOfAnotherLogIsNotTaken() throws Exception {
    List<byte[]> log = events(10, "event ");
    Kept seen = kept(log.subList(0, 5));
    List<byte[]> proof = MerkleTree.consistencyProof(log, 5);

    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String text = SignedNote.checkpoint(LOG, 10, MerkleTree.root(log), List.of());
    String forged =
        SignedNote.sign(text, LOG, other.getPrivate(), SignedNote.raw(other.getPublic()));
    assertThat(Witness.check(seen, forged, verifierKey, proof).verdict())
        .isEqualTo(Verdict.BAD_SIGNATURE);

    assertThat(
            Witness.check(
                    seen, signed("entente.example/az-us-2026/public", log), verifierKey, proof)
                .verdict())
        .isEqualTo(Verdict.OTHER_LOG);
    assertThat(Witness.check(seen, "not a note", verifierKey, proof).verdict())
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }
}
