package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline checks, run as a party's auditor runs them: on files, with the verifier key. */
class TransparencyCommandTest {

  static final String LOG = "entente.example/shared";

  @TempDir Path folder;

  KeyPair deployment;
  String key;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void aDeployment() throws Exception {
    deployment = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    key = SignedNote.verifierKey(LOG, SignedNote.raw(deployment.getPublic()));
  }

  int run(String... args) {
    out.reset();
    err.reset();
    return TransparencyCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The witness command on the kept file, a checkpoint and, when given, a consistency proof. */
  int witness(Path kept, Path checkpoint, Path proof) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "witness",
                "--key",
                key,
                "--kept",
                kept.toString(),
                "--checkpoint",
                checkpoint.toString()));
    if (proof != null) {
      args.addAll(List.of("--proof", proof.toString()));
    }
    return run(args.toArray(String[]::new));
  }

  String said() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  Path checkpointOf(List<byte[]> leaves, String name) throws Exception {
    String text = SignedNote.checkpoint(LOG, leaves.size(), MerkleTree.root(leaves), List.of());
    String note =
        SignedNote.sign(text, LOG, deployment.getPrivate(), SignedNote.raw(deployment.getPublic()));
    return Files.writeString(folder.resolve(name), note);
  }

  Path proofFile(List<byte[]> proof, String name) throws Exception {
    return Files.writeString(
        folder.resolve(name),
        proof.stream().map(HexFormat.of()::formatHex).collect(Collectors.joining("\n")) + "\n");
  }

  @Test
  void aSignedCheckpointVerifiesAndAChangedOneDoesNot() throws Exception {
    Path note = checkpointOf(MerkleTreeTest.LEAVES, "checkpoint.txt");

    assertThat(run("checkpoint", "--key", key, note.toString())).isZero();
    assertThat(said())
        .contains("verified: " + LOG + ", 8 events")
        .contains(MerkleTreeTest.ROOTS.get(8));

    Files.writeString(note, Files.readString(note).replace("\n8\n", "\n9\n"));
    assertThat(run("checkpoint", "--key", key, note.toString())).isEqualTo(1);
    assertThat(said()).contains("NOT VERIFIED");
  }

  @Test
  void anEventIsShownInTheCheckpointByItsProofAndAnotherIndexIsNot() throws Exception {
    Path note = checkpointOf(MerkleTreeTest.LEAVES, "checkpoint.txt");
    Path proof = proofFile(MerkleTree.inclusionProof(MerkleTreeTest.LEAVES, 5), "proof.txt");
    String leaf = HexFormat.of().formatHex(MerkleTreeTest.LEAVES.get(5));

    assertThat(
            run(
                "inclusion",
                "--key",
                key,
                "--checkpoint",
                note.toString(),
                "--index",
                "5",
                "--leaf",
                leaf,
                "--proof",
                proof.toString()))
        .isZero();
    assertThat(said()).contains("included: event 5 of " + LOG);

    assertThat(
            run(
                "inclusion",
                "--key",
                key,
                "--checkpoint",
                note.toString(),
                "--index",
                "4",
                "--leaf",
                leaf,
                "--proof",
                proof.toString()))
        .isEqualTo(1);
    assertThat(said()).contains("NOT INCLUDED");
  }

  @Test
  void aWitnessTakesTheFirstCheckpointKeepsExtensionsAndReportsAnythingElse() throws Exception {
    List<byte[]> log = new ArrayList<>(MerkleLogTest.leaves(30));
    Path kept = folder.resolve("witness").resolve("kept.txt");

    Path first = checkpointOf(log.subList(0, 12), "first.txt");
    assertThat(witness(kept, first, null)).isZero();
    assertThat(said()).contains("kept the first checkpoint of " + LOG + ": 12 events");

    Path grown = checkpointOf(log, "grown.txt");
    Path proof = proofFile(MerkleTree.consistencyProof(log, 12), "proof.txt");
    assertThat(witness(kept, grown, proof)).isZero();
    assertThat(said()).contains("EXTENDS").contains("from 12 to 30 events");
    assertThat(Files.readString(kept)).isEqualTo(Files.readString(grown));

    Path truncated = checkpointOf(log.subList(0, 25), "truncated.txt");
    assertThat(witness(kept, truncated, null)).isEqualTo(1);
    assertThat(said()).contains("TRUNCATED");

    List<byte[]> rewritten = new ArrayList<>(log);
    rewritten.set(3, MerkleTree.leafHash("rewritten".getBytes(StandardCharsets.UTF_8)));
    Path split = checkpointOf(rewritten, "split.txt");
    assertThat(witness(kept, split, null)).isEqualTo(1);
    assertThat(said()).contains("SPLIT_VIEW");

    rewritten.add(MerkleTree.leafHash("one more".getBytes(StandardCharsets.UTF_8)));
    Path fork = checkpointOf(rewritten, "fork.txt");
    Path forkProof = proofFile(MerkleTree.consistencyProof(rewritten, 30), "fork-proof.txt");
    assertThat(witness(kept, fork, forkProof)).isEqualTo(1);
    assertThat(said()).contains("NOT_AN_EXTENSION");

    assertThat(Files.readString(kept))
        .as("what the witness keeps is still the last checkpoint it took")
        .isEqualTo(Files.readString(grown));
  }

  @Test
  void aMissingOptionOrABadHashIsAUsageError() throws Exception {
    Path note = checkpointOf(MerkleTreeTest.LEAVES, "checkpoint.txt");
    assertThat(run("checkpoint", note.toString())).isEqualTo(2);
    assertThat(said()).contains("--key is missing");
    assertThat(
            run(
                "inclusion",
                "--key",
                key,
                "--checkpoint",
                note.toString(),
                "--index",
                "1",
                "--leaf",
                "abc",
                "--proof",
                note.toString()))
        .isEqualTo(2);
    assertThat(said()).contains("64 hex digits");
    assertThat(run("nothing")).isEqualTo(2);
    assertThat(run("checkpoint", "--key", key, folder.resolve("absent.txt").toString()))
        .isEqualTo(2);
  }
}
