package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyHandlesTest {

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void toStringNeverShowsKeyMaterial(KeyProfile profile) {
    CentreKeys centre = TestPkis.pki(profile).centre(TestPkis.FR_CENTRE);
    byte[] signingKey = centre.signing().privateKey().getEncoded();
    byte[] encryptionKey = centre.encryption().privateKey().getEncoded();

    String text =
        centre
            + " "
            + CertifiedPrivateKey.of(centre.signing())
            + " "
            + TestPkis.pki(profile).authority("FR")
            + " "
            + TestPkis.pki(profile);

    for (byte[] key : List.of(signingKey, encryptionKey)) {
      byte[] secret = java.util.Arrays.copyOfRange(key, key.length - 32, key.length);
      assertThat(text)
          .doesNotContain(Base64.getEncoder().encodeToString(secret))
          .doesNotContain(Base64.getEncoder().encodeToString(key))
          .doesNotContainIgnoringCase(HexFormat.of().formatHex(secret));
    }
    assertThat(text).contains("FR-IT-MODANE").contains(profile.signing().name());
  }

  @Test
  void kidDefaultsToTheThumbprintAndCanBeReplaced() {
    SigningKeyPair signing = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE).signing();

    SigningKeyPair renamed = signing.withKid("fr-2030-1");

    assertThat(signing.kid()).isEqualTo(signing.x5tS256()).hasSize(43);
    assertThat(renamed.kid()).isEqualTo("fr-2030-1");
    assertThat(renamed.certificate()).isEqualTo(signing.certificate());
    assertThatThrownBy(() -> signing.withKid(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void privateKeyOfAnotherCentreIsRejected() {
    CentreKeys fr = TestPkis.pki(KeyProfile.P256).centre(TestPkis.FR_CENTRE);
    CentreKeys it = TestPkis.pki(KeyProfile.P256).centre(TestPkis.IT_CENTRE);

    assertThatThrownBy(() -> SigningKeyPair.of(fr.signing().privateKey(), it.signing().certificateChain()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("does not belong");
    assertThatThrownBy(
            () -> EncryptionKeyPair.of(fr.encryption().privateKey(), it.encryption().certificateChain()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void keyOfTheWrongAlgorithmForItsCertificateIsRejected() {
    CentreKeys fr = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE);

    assertThatThrownBy(() -> SigningKeyPair.of(fr.encryption().privateKey(), fr.signing().certificateChain()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("X25519")
        .hasMessageContaining("ED25519");
  }

  @Test
  void encryptionKeyCannotBeUsedAsASigningKeyNorTheReverse() {
    CentreKeys ed = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE);
    CentreKeys p256 = TestPkis.pki(KeyProfile.P256).centre(TestPkis.FR_CENTRE);

    assertThatThrownBy(() -> SigningKeyPair.of(ed.encryption().privateKey(), ed.encryption().certificateChain()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("cannot be used for SIGNATURE");
    // P-256 can do both, so here it is the certificate's keyUsage that says no.
    assertThatThrownBy(() -> SigningKeyPair.of(p256.encryption().privateKey(), p256.encryption().certificateChain()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("keyUsage");
    assertThatThrownBy(() -> EncryptionKeyPair.of(p256.signing().privateKey(), p256.signing().certificateChain()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("keyUsage");
  }

  @Test
  void chainOutOfOrderOrEmptyIsRejected() {
    SigningKeyPair signing = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE).signing();
    List<java.security.cert.X509Certificate> withAnotherRoot =
        List.of(signing.certificate(), TestPkis.pki(KeyProfile.ED25519_X25519).rootCertificate("IT"));

    assertThatThrownBy(() -> SigningKeyPair.of(signing.privateKey(), withAnotherRoot))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("issuing order");
    assertThatThrownBy(() -> SigningKeyPair.of(signing.privateKey(), List.of()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void centreKeysRejectCertificatesOfAnotherCentre() {
    CentreKeys fr = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE);
    CentreKeys it = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.IT_CENTRE);

    assertThatThrownBy(() -> new CentreKeys(TestPkis.FR_CENTRE, fr.signing(), it.encryption()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining(TestPkis.IT_CENTRE);
    assertThatThrownBy(() -> new CentreKeys("bad id!", fr.signing(), fr.encryption()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CentreKeys(TestPkis.FR_CENTRE, fr.signing(), fr.encryption())).isEqualTo(fr);
  }

  @Test
  void algorithmIsDetectedForKeysOfTheBouncyCastleProviderToo() throws Exception {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519", bc).generateKeyPair();
    KeyPair x = KeyPairGenerator.getInstance("X25519", bc).generateKeyPair();
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", bc);
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));

    assertThat(KeyAlgorithm.of(ed.getPublic())).isEqualTo(KeyAlgorithm.ED25519);
    assertThat(KeyAlgorithm.of(ed.getPrivate())).isEqualTo(KeyAlgorithm.ED25519);
    assertThat(KeyAlgorithm.of(x.getPrivate())).isEqualTo(KeyAlgorithm.X25519);
    assertThat(KeyAlgorithm.of(ec.generateKeyPair().getPublic())).isEqualTo(KeyAlgorithm.P256);
    assertThatThrownBy(() -> KeyAlgorithm.of(p384.generateKeyPair().getPublic()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("unsupported key algorithm");
  }

  @Test
  void keyAlgorithmsKnowWhatTheyCanDo() {
    assertThat(KeyPurpose.SIGNATURE.allows(KeyAlgorithm.ED25519)).isTrue();
    assertThat(KeyPurpose.SIGNATURE.allows(KeyAlgorithm.X25519)).isFalse();
    assertThat(KeyPurpose.KEY_AGREEMENT.allows(KeyAlgorithm.ED25519)).isFalse();
    assertThat(KeyPurpose.KEY_AGREEMENT.allows(KeyAlgorithm.P256)).isTrue();
    assertThatThrownBy(KeyAlgorithm.X25519::jcaSignatureAlgorithm)
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
