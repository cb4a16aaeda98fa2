package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of how certificates name centres. Keys are reused: only certificates are made. */
class CentreNameProperties {

  @Property(tries = 40)
  void issuedCertificatesNameTheCentreInSanAndCn(@ForAll("centreIds") String centreId) {
    CertificateIssuer ca = TestPkis.pki(KeyProfile.ED25519_X25519).authority("FR");

    X509Certificate certificate =
        ca.issueEncryptionCertificate(
            TestPkis.keyPair(KeyAlgorithm.X25519).getPublic(),
            CertificateSubject.centre(centreId, "Douane", "FR"),
            TestPkis.pki(KeyProfile.ED25519_X25519).validity());

    assertThat(CertificateNames.centreId(certificate)).contains(centreId);
    assertThat(CertificateNames.commonName(certificate)).contains(centreId);
    assertThat(CertificateNames.alternativeUris(certificate))
        .extracting(Object::toString)
        .containsExactly("urn:pccc:centre:" + centreId);
    assertThat(Pem.readCertificate(Pem.writeCertificate(certificate))).isEqualTo(certificate);
  }

  @Property(tries = 200)
  void idsWithCharactersOutsideTheAllowedSetAreRejected(
      @ForAll("centreIds") String centreId, @ForAll("forbidden") char bad) {
    String tainted = centreId + bad;

    assertThat(CertificateNames.isValidCentreId(tainted)).isFalse();
    assertThatThrownBy(() -> CertificateNames.centreUri(tainted)).isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<String> centreIds() {
    Arbitrary<String> country = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
    Arbitrary<String> rest =
        Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('-').ofMinLength(1).ofMaxLength(30);
    return Combinators.combine(country, rest).as((c, r) -> c + "-" + r);
  }

  @Provide
  Arbitrary<Character> forbidden() {
    return Arbitraries.of(' ', '/', ':', '#', '?', '%', '\n', 'é', 'Ж', '<', '"', '\\', '\u0000');
  }
}
