package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pkcs12Test {

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void signingAndEncryptionKeysRoundTripWithTheirChains(KeyProfile profile) {
    CentreKeys centre = TestPkis.pki(profile).centre(TestPkis.FR_CENTRE);
    Map<String, CertifiedPrivateKey> entries = new LinkedHashMap<>();
    entries.put("signing", CertifiedPrivateKey.of(centre.signing()));
    entries.put("encryption", CertifiedPrivateKey.of(centre.encryption()));

    byte[] pkcs12 = Pkcs12.write(entries, TestPkis.PASSWORD);
    SigningKeyPair signing = SigningKeyPair.of(Pkcs12.read(pkcs12, TestPkis.PASSWORD, "signing"));
    EncryptionKeyPair encryption =
        EncryptionKeyPair.of(Pkcs12.read(pkcs12, TestPkis.PASSWORD, "encryption"));

    assertThat(signing.privateKey().getEncoded()).isEqualTo(centre.signing().privateKey().getEncoded());
    assertThat(signing.certificateChain()).isEqualTo(centre.signing().certificateChain());
    assertThat(encryption.privateKey().getEncoded())
        .isEqualTo(centre.encryption().privateKey().getEncoded());
    assertThat(encryption.certificateChain()).isEqualTo(centre.encryption().certificateChain());
    assertThat(encryption.algorithm()).isEqualTo(profile.encryption());
  }

  @Test
  void theOnlyKeyEntryIsTakenWhenNoAliasIsGiven(@TempDir Path folder) throws Exception {
    CentreKeys centre = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.IT_CENTRE);
    byte[] pkcs12 = Pkcs12.write(Map.of("only", CertifiedPrivateKey.of(centre.encryption())), TestPkis.PASSWORD);
    Path file = folder.resolve("keys.p12");
    Files.write(file, pkcs12);

    CertifiedPrivateKey fromFile = Pkcs12.read(file, TestPkis.PASSWORD, null);
    CertifiedPrivateKey fromStream = Pkcs12.read(new ByteArrayInputStream(pkcs12), TestPkis.PASSWORD, null);

    assertThat(fromFile.certificate()).isEqualTo(centre.encryption().certificate());
    assertThat(fromStream.privateKey().getEncoded()).isEqualTo(centre.encryption().privateKey().getEncoded());
  }

  @Test
  void twoKeyEntriesNeedAnAlias() {
    CentreKeys centre = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE);
    byte[] pkcs12 =
        Pkcs12.write(
            Map.of(
                "a", CertifiedPrivateKey.of(centre.signing()),
                "b", CertifiedPrivateKey.of(centre.encryption())),
            TestPkis.PASSWORD);

    assertThatThrownBy(() -> Pkcs12.read(pkcs12, TestPkis.PASSWORD, null))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("2 private key entries");
    assertThatThrownBy(() -> Pkcs12.read(pkcs12, TestPkis.PASSWORD, "c"))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("no private key entry 'c'");
  }

  @Test
  void wrongPasswordIsAKeyLoadingException() {
    byte[] pkcs12 = TestPkis.bytes("openssl-ed25519.p12");

    assertThatThrownBy(() -> Pkcs12.read(pkcs12, "wrong".toCharArray(), null))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("wrong password");
  }

  @Test
  void readsAStoreWrittenByOpenssl() {
    CertifiedPrivateKey key = Pkcs12.read(TestPkis.bytes("openssl-ed25519.p12"), "pccc-test".toCharArray(), "signing");

    SigningKeyPair pair = SigningKeyPair.of(key);

    assertThat(pair.algorithm()).isEqualTo(KeyAlgorithm.ED25519);
    assertThat(pair.certificate())
        .isEqualTo(Pem.readCertificate(TestPkis.resource("openssl-ed25519-cert.pem")));
  }

  @Test
  void garbageAndTruncatedStoresAreKeyLoadingExceptions() {
    byte[] pkcs12 = TestPkis.bytes("openssl-ed25519.p12");
    byte[] truncated = Arrays.copyOf(pkcs12, pkcs12.length / 2);
    byte[] garbage = "this is not a key store".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> Pkcs12.read(truncated, "pccc-test".toCharArray(), null))
        .isInstanceOf(KeyLoadingException.class);
    assertThatThrownBy(() -> Pkcs12.read(garbage, "pccc-test".toCharArray(), null))
        .isInstanceOf(KeyLoadingException.class);
    assertThatThrownBy(() -> Pkcs12.read(new byte[0], "pccc-test".toCharArray(), null))
        .isInstanceOf(KeyLoadingException.class);
  }

  @Test
  void oversizedInputIsRejected() {
    byte[] big = new byte[Pkcs12.MAX_INPUT_BYTES + 1];

    assertThatThrownBy(() -> Pkcs12.read(new ByteArrayInputStream(big), TestPkis.PASSWORD, null))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void aKeyWithAnotherKeysCertificateIsRejectedWhenWrapped() {
    CentreKeys fr = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE);
    CentreKeys it = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.IT_CENTRE);
    byte[] pkcs12 =
        Pkcs12.write(
            Map.of(
                "mixed",
                new CertifiedPrivateKey(fr.signing().privateKey(), it.signing().certificateChain())),
            TestPkis.PASSWORD);

    CertifiedPrivateKey read = Pkcs12.read(pkcs12, TestPkis.PASSWORD, "mixed");

    assertThatThrownBy(() -> SigningKeyPair.of(read))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("does not belong");
  }
}
