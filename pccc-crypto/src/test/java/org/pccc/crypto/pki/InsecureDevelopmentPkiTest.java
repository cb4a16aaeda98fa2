package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InsecureDevelopmentPkiTest {

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void centresGetKeysOfTheProfileCertifiedByTheirCountry(KeyProfile profile) {
    InsecureDevelopmentPki pki = TestPkis.pki(profile);
    CentreKeys it = pki.centre(TestPkis.IT_CENTRE);

    assertThat(pki.countryCodes()).containsExactly("FR", "IT");
    assertThat(it.signing().algorithm()).isEqualTo(profile.signing());
    assertThat(it.encryption().algorithm()).isEqualTo(profile.encryption());
    assertThat(it.signing().certificate().getIssuerX500Principal())
        .isEqualTo(pki.rootCertificate("IT").getSubjectX500Principal());
    assertThat(it.signing().certificateChain()).endsWith(pki.rootCertificate("IT"));
    assertThat(pki.rootCertificate("IT").getSubjectX500Principal().getName()).contains("INSECURE");
    assertThat(pki.centres()).extracting(CentreKeys::centreId).containsExactly(TestPkis.FR_CENTRE, TestPkis.IT_CENTRE);
  }

  @Test
  void coordinatorHasASigningCertificateNamingTheNetwork() {
    SigningKeyPair coordinator = TestPkis.pki(KeyProfile.ED25519_X25519).networkCoordinator().orElseThrow();

    assertThat(CertificateNames.coordinatorId(coordinator.certificate())).contains(TestPkis.NETWORK);
    assertThat(CertificateNames.centreId(coordinator.certificate())).isEmpty();
    assertThat(coordinator.certificate().getKeyUsage()[0]).isTrue();
  }

  @Test
  void unknownCentresAndCountriesAreReported() {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);

    assertThatThrownBy(() -> pki.centre("XX-NOWHERE")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> pki.rootCertificate("DE")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> InsecureDevelopmentPki.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InsecureDevelopmentPki.builder().centre("FR-A", "FR", "P").centre("FR-A", "FR", "P"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unseededPkiIsValidNow() {
    InsecureDevelopmentPki pki = InsecureDevelopmentPki.builder().country("LU").build();

    assertThat(pki.validity().contains(Instant.now())).isTrue();
    assertThat(pki.centres()).isEmpty();
    assertThat(pki.networkCoordinator()).isEmpty();
    assertThat(pki.rootCertificates()).hasSize(1);
  }

  @Test
  void exportWritesPemAndPkcs12FilesThatLoadBack(@TempDir Path folder) throws Exception {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);
    char[] password = "export-password".toCharArray();

    pki.exportTo(folder, password);

    Path centre = folder.resolve("centres").resolve(TestPkis.FR_CENTRE);
    CentreKeys expected = pki.centre(TestPkis.FR_CENTRE);
    SigningKeyPair fromPem =
        SigningKeyPair.of(
            Pem.readPrivateKey(centre.resolve("signing/key.pem"), null),
            Pem.readCertificates(centre.resolve("signing/chain.pem")));
    EncryptionKeyPair fromP12 =
        EncryptionKeyPair.of(Pkcs12.read(centre.resolve("keys.p12"), password, InsecureDevelopmentPki.ENCRYPTION_ALIAS));
    List<X509Certificate> roots = Pem.readCertificates(folder.resolve("trust/roots.pem"));
    CertificateValidator validator = CertificateValidator.builder().trustAnchors(roots).build();

    assertThat(Files.readString(folder.resolve("README.txt"))).contains("NOT FOR PRODUCTION");
    assertThat(fromPem.certificate()).isEqualTo(expected.signing().certificate());
    assertThat(Pem.readCertificate(Files.readString(centre.resolve("signing/cert.pem")))).isEqualTo(expected.signing().certificate());
    assertThat(fromP12.privateKey().getEncoded()).isEqualTo(expected.encryption().privateKey().getEncoded());
    assertThat(roots).containsExactlyElementsOf(pki.rootCertificates());
    validator.validate(fromPem.certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT);
    assertThat(Pem.readCertificate(Files.readString(folder.resolve("authorities/IT/cert.pem")))).isEqualTo(pki.rootCertificate("IT"));
    assertThat(Pem.readPrivateKey(folder.resolve("authorities/IT/key.pem"), null).getEncoded())
        .isEqualTo(pki.authority("IT").privateKey().getEncoded());
    assertThat(SigningKeyPair.of(Pkcs12.read(folder.resolve("coordinator/coordinator.p12"), password, null)).certificate())
        .isEqualTo(pki.networkCoordinator().orElseThrow().certificate());
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(centre.resolve("signing/key.pem"))))
          .isEqualTo("rw-------");
    }
  }
}
