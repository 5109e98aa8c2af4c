package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The signing key read from a PKCS#12 key store made with the JDK's own {@code keytool}, as an
 * operator with nothing but a JDK would make it: it signs, and every way of getting it wrong is
 * refused at the start, naming the setting to fix.
 */
class Pkcs12KeyTest {

  @TempDir Path folder;

  /** Runs the JDK's keytool to add an Ed25519 entry to a PKCS#12 store. */
  Path keytool(String store, String alias, String password) throws Exception {
    Path file = folder.resolve(store);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(
        List.of(
            "-genkeypair",
            "-alias",
            alias,
            "-keyalg",
            "Ed25519",
            "-storetype",
            "PKCS12",
            "-keystore",
            file.toString(),
            "-storepass",
            password,
            "-dname",
            "CN=" + alias,
            "-validity",
            "3650"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return file;
  }

  SigningKey key(Path file, String password, String alias) {
    return new SigningKey(file.toString(), "", new MockEnvironment(), password, alias);
  }

  @Test
  void aKeytoolMadeStoreSignsAndItsPublicKeyIsTheEntrysCertificates() throws Exception {
    Path store = keytool("audit.p12", "entente", "store-secret-1");
    SigningKey key = key(store, "store-secret-1", "");

    String signature = key.sign(SigningKeyTest.MESSAGE);
    assertThat(SigningKey.verifies(key.publicKey(), SigningKeyTest.MESSAGE, signature)).isTrue();
    java.security.KeyStore loaded = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      loaded.load(in, "store-secret-1".toCharArray());
    }
    assertThat(key.publicKey())
        .isEqualTo(
            java.util.Base64.getEncoder()
                .encodeToString(loaded.getCertificate("entente").getPublicKey().getEncoded()));
  }

  @Test
  void aWrongPasswordIsRefusedNamingThePasswordSetting() throws Exception {
    Path store = keytool("audit.p12", "entente", "store-secret-1");
    assertThatThrownBy(() -> key(store, "not-the-password", "").publicKey())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("entente.audit.signing-key-password");
  }

  @Test
  void aStoreOfTwoKeysNeedsTheAliasAndAnUnknownAliasIsNamed() throws Exception {
    Path store = keytool("two.pfx", "first", "store-secret-2");
    keytool("two.pfx", "second", "store-secret-2");

    assertThatThrownBy(() -> key(store, "store-secret-2", "").publicKey())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 key entries")
        .hasMessageContaining("entente.audit.signing-key-alias");
    assertThatThrownBy(() -> key(store, "store-secret-2", "third").publicKey())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no key entry 'third'");
    assertThat(key(store, "store-secret-2", "second").publicKey())
        .isNotEqualTo(key(store, "store-secret-2", "first").publicKey());
  }

  @Test
  void aMissingStoreIsRefusedAndNotMade() {
    Path missing = folder.resolve("missing.p12");
    assertThatThrownBy(() -> key(missing, "x", "").publicKey())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void aStoreInsideTheDataFolderIsRefusedInProduction() {
    assertThatThrownBy(
            () ->
                new SigningKey(
                    "./data/audit-signing.p12", "", SigningKeyTest.production(), "secret", ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside ./data");
  }
}
