package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The keys a deployment was rotated from stay its own: each form an operator may copy from what was
 * published is read to the same key, and a typo or the signing key itself stops the start.
 */
class KeyHistoryTest {

  @TempDir Path folder;

  SigningKey signing(KeyPair pair) {
    return new SigningKey(
        folder.resolve("unused.key").toString(), SigningKeyTest.pem(pair), new MockEnvironment());
  }

  @Test
  void anEarlierKeyIsReadFromTheCheckpointsX509FormAndFromAVerifierKeyAlike() throws Exception {
    KeyPair earlier = SigningKeyTest.newPair();
    KeyPair older = SigningKeyTest.newPair();
    byte[] olderRaw = SignedNote.raw(older.getPublic());
    KeyHistory keys =
        new KeyHistory(
            signing(SigningKeyTest.newPair()),
            List.of(
                SigningKeyTest.base64(earlier),
                " ",
                SignedNote.verifierKey("ministry-2025", olderRaw)),
            "entente");

    assertThat(keys.earlier()).hasSize(2);
    assertThat(keys.earlier().get(0).publicKey()).isEqualTo(SigningKeyTest.base64(earlier));
    assertThat(keys.earlier().get(0).name()).isEqualTo("entente");
    assertThat(keys.earlier().get(1).publicKey()).isEqualTo(SigningKeyTest.base64(older));
    assertThat(keys.earlier().get(1).name()).isEqualTo("ministry-2025");
    assertThat(Arrays.equals(keys.earlier().get(1).raw(), olderRaw)).isTrue();
  }

  @Test
  void theDeploymentsKeysAreTheCurrentAndTheEarlierOnesAndNoOther() throws Exception {
    KeyPair now = SigningKeyTest.newPair();
    KeyPair earlier = SigningKeyTest.newPair();
    KeyHistory keys =
        new KeyHistory(signing(now), List.of(SigningKeyTest.base64(earlier)), "entente");

    assertThat(keys.isThisDeployments(SigningKeyTest.base64(now))).isTrue();
    assertThat(keys.isThisDeployments(SigningKeyTest.base64(earlier))).isTrue();
    assertThat(keys.isThisDeployments(SigningKeyTest.base64(SigningKeyTest.newPair()))).isFalse();
    assertThat(keys.isThisDeployments(null)).isFalse();
  }

  @Test
  void anEntryThatIsNoKeyStopsTheStartNamingItsPosition() throws Exception {
    SigningKey now = signing(SigningKeyTest.newPair());
    String earlier = SigningKeyTest.base64(SigningKeyTest.newPair());
    for (String typo :
        List.of(
            "not a key",
            earlier.substring(0, earlier.length() - 4),
            "entente+0000abcd+AQ==",
            "MCowBQYDK2VwAyEA" + "A".repeat(40))) {
      assertThatThrownBy(() -> new KeyHistory(now, List.of(earlier, typo), "entente"))
          .as(typo)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("entente.audit.previous-public-keys[1]")
          .hasMessageContaining("is not an Ed25519 public key");
    }
  }

  @Test
  void theSigningKeyListedAsAnEarlierOneStopsTheStart() throws Exception {
    KeyPair now = SigningKeyTest.newPair();
    assertThatThrownBy(
            () -> new KeyHistory(signing(now), List.of(SigningKeyTest.base64(now)), "entente"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[0] is the key that signs now");
  }

  @Test
  void theDeploymentPublishesItsEarlierKeysWithTheirFingerprints() throws Exception {
    KeyPair earlier = SigningKeyTest.newPair();
    byte[] raw = SignedNote.raw(earlier.getPublic());
    DeploymentKey key =
        new DeploymentKey(
            new KeyHistory(
                signing(SigningKeyTest.newPair()),
                List.of(SigningKeyTest.base64(earlier)),
                "entente"),
            "entente");

    DeploymentKey.Published published = key.published();
    assertThat(published.earlier())
        .containsExactly(
            new DeploymentKey.EarlierKey(
                SignedNote.verifierKey("entente", raw),
                SigningKeyTest.base64(earlier),
                DeploymentKey.fingerprint(raw)));
    assertThat(published.fingerprint()).isNotEqualTo(DeploymentKey.fingerprint(raw));
  }
}
