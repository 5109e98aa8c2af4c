package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SigningKeyTest {

  static final byte[] MESSAGE = "a checkpoint".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  static KeyPair newPair() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  /** The two blocks as openssl writes them: PKCS#8 private key, then the X.509 public key. */
  static String pem(KeyPair pair) {
    Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    return "-----BEGIN PRIVATE KEY-----\n"
        + lines.encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
        + lines.encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static String base64(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  static MockEnvironment production() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(SigningKey.PRODUCTION);
    return environment;
  }

  @Test
  void aKeyGivenAsPemSignsWithThatKeyAndWritesNoFile() throws Exception {
    KeyPair pair = newPair();
    Path file = folder.resolve("never-written.key");
    SigningKey key = new SigningKey(file.toString(), pem(pair), new MockEnvironment());

    assertThat(key.publicKey()).isEqualTo(base64(pair));
    assertThat(SigningKey.verifies(base64(pair), MESSAGE, key.sign(MESSAGE))).isTrue();
    assertThat(file).doesNotExist();
  }

  @Test
  void aPemFileIsReadAsWellAsTheTwoLinesEntenteWrites() throws Exception {
    KeyPair pair = newPair();
    Path pemFile = Files.writeString(folder.resolve("key.pem"), pem(pair));
    assertThat(new SigningKey(pemFile.toString(), "", new MockEnvironment()).publicKey())
        .isEqualTo(base64(pair));

    Path made = folder.resolve("made.key");
    SigningKey first = new SigningKey(made.toString(), "", new MockEnvironment());
    String publicKey = first.publicKey();
    assertThat(new SigningKey(made.toString(), "", new MockEnvironment()).publicKey())
        .as("the file made on first use, read again")
        .isEqualTo(publicKey);
  }

  @Test
  void aPairWhosePublicKeyIsAnotherKeysIsRefusedWithTheReason() throws Exception {
    KeyPair one = newPair();
    KeyPair other = newPair();
    String mixed = pem(new KeyPair(other.getPublic(), one.getPrivate()));
    SigningKey key = new SigningKey(folder.resolve("k").toString(), mixed, new MockEnvironment());

    assertThatThrownBy(key::publicKey)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("entente.audit.signing-key")
        .hasMessageContaining("not the public key of its private key");
  }

  @Test
  void aPemWithoutItsPublicKeyIsRefusedSayingHowToAddIt() throws Exception {
    String onlyPrivate = pem(newPair()).split("-----BEGIN PUBLIC KEY-----")[0];
    Path file = Files.writeString(folder.resolve("private.pem"), onlyPrivate);
    SigningKey key = new SigningKey(file.toString(), "", new MockEnvironment());

    assertThatThrownBy(key::publicKey)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("openssl pkey -in key.pem -pubout");
  }

  @Test
  void productionRefusesToStartWithTheKeyInsideTheDataFolder() {
    assertThatThrownBy(() -> new SigningKey("./data/audit-signing.key", "", production()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside ./data")
        .hasMessageContaining("ENTENTE_AUDIT_SIGNING_KEY");
    assertThatThrownBy(() -> new SigningKey("data/keys/../other.key", "", production()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void productionStartsWithTheKeyOutsideTheDataFolderOrGivenAsText() throws Exception {
    new SigningKey(folder.resolve("key.pem").toString(), "", production());
    new SigningKey("./data/audit-signing.key", pem(newPair()), production());
    new SigningKey("./database/audit-signing.key", "", production());
    // the embedded default keeps its key in ./data, as before
    new SigningKey("./data/audit-signing.key", "", new MockEnvironment());
  }
}
