package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed notes against the example of Go's {@code golang.org/x/mod/sumdb/note} (its package
 * documentation and tests): Ed25519 signs deterministically, so signing its text with its key must
 * give its note byte for byte, and its verifier key must be the one computed here.
 */
class SignedNoteTest {

  static final String GO_SIGNER_KEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String GO_VERIFIER_KEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String GO_NOTE =
      GO_TEXT
          + "\n"
          + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  /** The seed of the Go example's signer key (after its algorithm byte). */
  static byte[] goSeed() {
    byte[] typed = Base64.getDecoder().decode(GO_SIGNER_KEY.split("\\+", 5)[4]);
    assertThat(typed[0]).isEqualTo(SignedNote.ED25519);
    return Arrays.copyOfRange(typed, 1, typed.length);
  }

  static byte[] goPublicKey() {
    byte[] typed = Base64.getDecoder().decode(GO_VERIFIER_KEY.split("\\+", 3)[2]);
    return Arrays.copyOfRange(typed, 1, typed.length);
  }

  @Test
  void signingTheGoExampleGivesTheGoExampleByteForByte() throws Exception {
    PrivateKey key = SignedNote.privateKey(goSeed());
    assertThat(SignedNote.sign(GO_TEXT, "PeterNeumann", key, goPublicKey())).isEqualTo(GO_NOTE);
  }

  @Test
  void theVerifierKeyOfTheGoExampleIsComputedFromItsNameAndPublicKey() throws Exception {
    assertThat(SignedNote.verifierKey("PeterNeumann", goPublicKey())).isEqualTo(GO_VERIFIER_KEY);
    // and the public key is the one of the seed
    PrivateKey key = SignedNote.privateKey(goSeed());
    String note = SignedNote.sign("x\n", "PeterNeumann", key, goPublicKey());
    assertThat(SignedNote.open(note, GO_VERIFIER_KEY)).contains("x\n");
  }

  @Test
  void theGoNoteOpensWithItsKeyAndNotWhenAnythingIsChanged() throws Exception {
    assertThat(SignedNote.open(GO_NOTE, GO_VERIFIER_KEY)).contains(GO_TEXT);

    assertThat(SignedNote.open(GO_NOTE.replace("cryptography", "cryptographY"), GO_VERIFIER_KEY))
        .isEmpty();
    assertThat(SignedNote.open(GO_NOTE.replace("x08go", "x08gp"), GO_VERIFIER_KEY)).isEmpty();
    assertThat(
            SignedNote.open(
                GO_NOTE.replace("\u2014 PeterNeumann", "\u2014 Peter"), GO_VERIFIER_KEY))
        .isEmpty();
    assertThat(SignedNote.open(GO_NOTE.substring(0, GO_NOTE.length() - 1), GO_VERIFIER_KEY))
        .as("without its last newline")
        .isEmpty();
    assertThat(SignedNote.open(GO_NOTE, GO_VERIFIER_KEY.replace("c74f20a3", "c74f20a4")))
        .as("a verifier key whose ID does not match its key")
        .isEmpty();
    assertThat(
            SignedNote.open(
                GO_NOTE, "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"))
        .as("another key")
        .isEmpty();
  }

  @Test
  void anotherKeyUnderTheSameNameDoesNotOpenTheNote() throws Exception {
    KeyPair impostor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] impostorRaw = SignedNote.raw(impostor.getPublic());
    String forged = SignedNote.sign(GO_TEXT, "PeterNeumann", impostor.getPrivate(), impostorRaw);

    assertThat(SignedNote.open(forged, GO_VERIFIER_KEY)).isEmpty();
    assertThat(SignedNote.open(forged, SignedNote.verifierKey("PeterNeumann", impostorRaw)))
        .contains(GO_TEXT);
  }

  @Test
  void aCheckpointIsWrittenAndReadAsTlogCheckpointHasIt() {
    byte[] root = MerkleTree.root(MerkleTreeTest.LEAVES);
    String text = SignedNote.checkpoint("entente.example/az-us-2026/shared", 8, root, List.of());
    assertThat(text)
        .isEqualTo(
            "entente.example/az-us-2026/shared\n8\n"
                + Base64.getEncoder().encodeToString(root)
                + "\n");
    SignedNote.Checkpoint read = SignedNote.readCheckpoint(text).orElseThrow();
    assertThat(read.origin()).isEqualTo("entente.example/az-us-2026/shared");
    assertThat(read.size()).isEqualTo(8);
    assertThat(read.root()).isEqualTo(root);

    assertThat(
            SignedNote.readCheckpoint(
                "log\n08\n" + Base64.getEncoder().encodeToString(root) + "\n"))
        .as("a size with a leading zero")
        .isEmpty();
    assertThat(SignedNote.readCheckpoint("log\n8\nAAAA\n")).as("a root too short").isEmpty();
    assertThat(SignedNote.readCheckpoint("log\n8\n")).isEmpty();
    assertThatThrownBy(() -> SignedNote.checkpoint("a log", 1, root, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSignedCheckpointOpensWithTheDeploymentsVerifierKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] raw = SignedNote.raw(pair.getPublic());
    String text =
        SignedNote.checkpoint("entente.example/log", 3, MerkleTree.emptyRoot(), List.of());
    String note = SignedNote.sign(text, "entente.example/log", pair.getPrivate(), raw);

    String opened =
        SignedNote.open(note, SignedNote.verifierKey("entente.example/log", raw)).orElseThrow();
    assertThat(SignedNote.readCheckpoint(opened).orElseThrow().size()).isEqualTo(3);
  }
}
