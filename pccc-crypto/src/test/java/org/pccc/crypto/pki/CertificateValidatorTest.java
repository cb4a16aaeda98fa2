package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pccc.crypto.pki.CertificateValidator.RevocationChecking;

class CertificateValidatorTest {

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void centreCertificatesPassPkixToTheirOwnCountrysRoot(KeyProfile profile) {
    InsecureDevelopmentPki pki = TestPkis.pki(profile);
    CentreKeys fr = pki.centre(TestPkis.FR_CENTRE);
    CertificateValidator franceOnly =
        CertificateValidator.builder().trustAnchor(pki.rootCertificate("FR")).build();

    assertThatCode(() -> franceOnly.validate(fr.signing().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT))
        .doesNotThrowAnyException();
    assertThatCode(() -> franceOnly.validate(fr.encryption().certificate(), KeyPurpose.KEY_AGREEMENT, TestPkis.AT))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> franceOnly.validate(pki.networkCoordinator().orElseThrow().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT))
        .doesNotThrowAnyException();
    assertThat(franceOnly.validatesPaths()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void centreCertificatesFailAgainstAnotherCountrysRoot(KeyProfile profile) {
    InsecureDevelopmentPki pki = TestPkis.pki(profile);
    CertificateValidator italyOnly =
        CertificateValidator.builder().trustAnchor(pki.rootCertificate("IT")).build();
    CentreKeys fr = pki.centre(TestPkis.FR_CENTRE);

    expectReason(
        () -> italyOnly.validate(fr.signing().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT),
        TrustException.Reason.CHAIN_NOT_TRUSTED);
    expectReason(
        () -> italyOnly.validate(fr.encryption().certificate(), KeyPurpose.KEY_AGREEMENT, TestPkis.AT),
        TrustException.Reason.CHAIN_NOT_TRUSTED);
  }

  @Test
  void sameNameButAnotherKeyIsNotTrusted() {
    // The same seed and names with the P-256 profile give a root with the same subject but another
    // key: a chain must be trusted by signature, not by name.
    X509Certificate p256Root = TestPkis.pki(KeyProfile.P256).rootCertificate("FR");
    CertificateValidator validator = CertificateValidator.builder().trustAnchor(p256Root).build();
    List<X509Certificate> edChain = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE).signing().certificateChain();

    assertThat(p256Root.getSubjectX500Principal()).isEqualTo(edChain.get(1).getSubjectX500Principal());
    expectReason(() -> validator.validate(edChain.subList(0, 1), KeyPurpose.SIGNATURE, TestPkis.AT), TrustException.Reason.CHAIN_NOT_TRUSTED);
  }

  @Test
  void certificateIsValidAtBothEndsOfItsWindowAndNotOneSecondOutside() {
    Fixture f = new Fixture();
    Instant start = Instant.parse("2031-01-01T00:00:00Z");
    X509Certificate certificate = f.signingCertificate(new CertificateValidity(start, start.plus(Duration.ofDays(10))));

    assertThatCode(() -> f.validator.validate(certificate, KeyPurpose.SIGNATURE, start)).doesNotThrowAnyException();
    assertThatCode(() -> f.validator.validate(certificate, KeyPurpose.SIGNATURE, start.plus(Duration.ofDays(10))))
        .doesNotThrowAnyException();
    expectReason(
        () -> f.validator.validate(certificate, KeyPurpose.SIGNATURE, start.minusSeconds(1)),
        TrustException.Reason.NOT_VALID_AT_TIME);
    expectReason(
        () -> f.validator.validate(certificate, KeyPurpose.SIGNATURE, start.plus(Duration.ofDays(10)).plusSeconds(1)),
        TrustException.Reason.NOT_VALID_AT_TIME);
  }

  @Test
  void expiredAndNotYetValidCertificatesAreRejectedEvenWithoutPathValidation() {
    Fixture f = new Fixture();
    X509Certificate expired =
        f.signingCertificate(CertificateValidity.starting(TestPkis.AT.minus(Duration.ofDays(60)), Duration.ofDays(30)));
    X509Certificate notYetValid =
        f.signingCertificate(CertificateValidity.starting(TestPkis.AT.plus(Duration.ofDays(1)), Duration.ofDays(30)));
    CertificateValidator directoryOnly = CertificateValidator.withoutPathValidation();

    TrustException e =
        expectReason(() -> directoryOnly.validate(expired, KeyPurpose.SIGNATURE, TestPkis.AT), TrustException.Reason.NOT_VALID_AT_TIME);
    expectReason(() -> directoryOnly.validate(notYetValid, KeyPurpose.SIGNATURE, TestPkis.AT), TrustException.Reason.NOT_VALID_AT_TIME);
    expectReason(() -> f.validator.validate(expired, KeyPurpose.SIGNATURE, TestPkis.AT), TrustException.Reason.NOT_VALID_AT_TIME);

    assertThat(e.code()).isEqualTo("PCCC-2009");
    assertThat(e.getMessage()).startsWith("PCCC-2009: ").contains("FR-TEST");
    assertThat(directoryOnly.validatesPaths()).isFalse();
  }

  @Test
  void expiredIntermediateMakesTheChainInvalidAtThatTime() {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);
    CertificateIssuer shortLived =
        pki.authority("FR")
            .issueIntermediate(
                TestPkis.keyPair(KeyAlgorithm.ED25519),
                CertificateSubject.authority("FR Short CA", "Test", "FR"),
                CertificateValidity.starting(TestPkis.AT.minus(Duration.ofDays(10)), Duration.ofDays(5)));
    X509Certificate leaf =
        shortLived.issueSigningCertificate(
            TestPkis.keyPair(KeyAlgorithm.ED25519).getPublic(),
            CertificateSubject.centre("FR-LEAF", "Test", "FR"),
            pki.validity());

    expectReason(
        () -> pki.validator().validate(List.of(leaf, shortLived.certificate()), KeyPurpose.SIGNATURE, TestPkis.AT),
        TrustException.Reason.NOT_VALID_AT_TIME);
  }

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void revokedCertificateIsRejectedWithItsOwnCode(KeyProfile profile) {
    InsecureDevelopmentPki pki = TestPkis.pki(profile);
    CentreKeys fr = pki.centre(TestPkis.FR_CENTRE);
    X509CRL crl =
        pki.authority("FR")
            .issueCrl(
                BigInteger.ONE,
                TestPkis.AT.minus(Duration.ofDays(1)),
                TestPkis.AT.plus(Duration.ofDays(6)),
                List.of(RevokedCertificate.of(fr.signing().certificate(), TestPkis.AT.minus(Duration.ofHours(1)))));
    CertificateValidator validator =
        CertificateValidator.builder().trustAnchor(pki.rootCertificate("FR")).crl(crl).build();

    TrustException e =
        expectReason(
            () -> validator.validate(fr.signing().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT),
            TrustException.Reason.REVOKED);

    assertThat(e.code()).isEqualTo("PCCC-2010");
    assertThat(validator.revocationChecking()).isEqualTo(RevocationChecking.CRL_REQUIRED);
    assertThatCode(() -> validator.validate(fr.encryption().certificateChain(), KeyPurpose.KEY_AGREEMENT, TestPkis.AT))
        .doesNotThrowAnyException();
  }

  @Test
  void signatureMadeBeforeTheRevocationStillValidates() {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);
    CentreKeys fr = pki.centre(TestPkis.FR_CENTRE);
    X509CRL crl =
        pki.authority("FR")
            .issueCrl(
                BigInteger.TWO,
                TestPkis.AT.minus(Duration.ofDays(1)),
                TestPkis.AT.plus(Duration.ofDays(6)),
                List.of(RevokedCertificate.of(fr.signing().certificate(), TestPkis.AT.plus(Duration.ofHours(1)))));
    CertificateValidator validator =
        CertificateValidator.builder().trustAnchor(pki.rootCertificate("FR")).crl(crl).build();

    assertThatCode(() -> validator.validate(fr.signing().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT))
        .doesNotThrowAnyException();
    expectReason(
        () -> validator.validate(fr.signing().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT.plus(Duration.ofHours(2))),
        TrustException.Reason.REVOKED);
  }

  @Test
  void missingCrlFailsWhenRequiredAndPassesWhenOptional() {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);
    X509CRL franceCrl =
        pki.authority("FR").issueCrl(BigInteger.ONE, TestPkis.AT.minus(Duration.ofDays(1)), TestPkis.AT.plus(Duration.ofDays(1)), List.of());
    List<X509Certificate> italianChain = pki.centre(TestPkis.IT_CENTRE).signing().certificateChain();
    CertificateValidator.Builder common =
        CertificateValidator.builder().trustAnchors(pki.rootCertificates()).crl(franceCrl);
    CertificateValidator required = common.revocationChecking(RevocationChecking.CRL_REQUIRED).build();
    CertificateValidator optional = common.revocationChecking(RevocationChecking.CRL_IF_AVAILABLE).build();

    expectReason(() -> required.validate(italianChain, KeyPurpose.SIGNATURE, TestPkis.AT), TrustException.Reason.CHAIN_NOT_TRUSTED);
    assertThatCode(() -> optional.validate(italianChain, KeyPurpose.SIGNATURE, TestPkis.AT)).doesNotThrowAnyException();
  }

  @Test
  void outdatedCrlDoesNotCountAsCurrent() {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.P256);
    X509CRL stale =
        pki.authority("FR").issueCrl(
            BigInteger.ONE, TestPkis.AT.minus(Duration.ofDays(30)), TestPkis.AT.minus(Duration.ofDays(23)), List.of());
    CertificateValidator validator =
        CertificateValidator.builder().trustAnchor(pki.rootCertificate("FR")).crl(stale).build();

    expectReason(
        () -> validator.validate(pki.centre(TestPkis.FR_CENTRE).signing().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT),
        TrustException.Reason.CHAIN_NOT_TRUSTED);
  }

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void encryptionCertificateCannotVouchForASignatureNorTheReverse(KeyProfile profile) {
    InsecureDevelopmentPki pki = TestPkis.pki(profile);
    CentreKeys fr = pki.centre(TestPkis.FR_CENTRE);

    TrustException e =
        expectReason(
            () -> pki.validator().validate(fr.encryption().certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT),
            TrustException.Reason.KEY_USAGE_NOT_ALLOWED);
    expectReason(
        () -> pki.validator().validate(fr.signing().certificateChain(), KeyPurpose.KEY_AGREEMENT, TestPkis.AT),
        TrustException.Reason.KEY_USAGE_NOT_ALLOWED);
    expectReason(
        () -> CertificateValidator.withoutPathValidation().validate(pki.rootCertificate("FR"), KeyPurpose.SIGNATURE, TestPkis.AT),
        TrustException.Reason.KEY_USAGE_NOT_ALLOWED);
    assertThat(e.code()).isEqualTo("PCCC-2011");
  }

  @Test
  void chainIncludingTheRootValidatesLikeTheChainWithoutIt() {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);
    SigningKeyPair it = pki.centre(TestPkis.IT_CENTRE).signing();

    assertThat(it.certificateChain()).hasSize(2);
    assertThatCode(() -> pki.validator().validate(it.certificateChain(), KeyPurpose.SIGNATURE, TestPkis.AT)).doesNotThrowAnyException();
    assertThatCode(() -> pki.validator().validate(it.certificate(), KeyPurpose.SIGNATURE, TestPkis.AT)).doesNotThrowAnyException();
  }

  @Test
  void builderWithoutTrustAnchorIsAMistake() {
    assertThatThrownBy(() -> CertificateValidator.builder().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyReasonHasItsDocumentedCode() {
    assertThat(TrustException.Reason.NOT_VALID_AT_TIME.code()).isEqualTo("PCCC-2009");
    assertThat(TrustException.Reason.REVOKED.code()).isEqualTo("PCCC-2010");
    assertThat(TrustException.Reason.KEY_USAGE_NOT_ALLOWED.code()).isEqualTo("PCCC-2011");
    assertThat(TrustException.Reason.CHAIN_NOT_TRUSTED.code()).isEqualTo("PCCC-2019");
  }

  private static TrustException expectReason(ThrowingCallable call, TrustException.Reason reason) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(TrustException.class);
    TrustException e = (TrustException) thrown;
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    assertThat(e.code()).isEqualTo(reason.code());
    return e;
  }

  /** A French CA of the Ed25519 test PKI issuing certificates with chosen windows. */
  private static final class Fixture {
    final InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);
    final CertificateValidator validator = pki.validator();
    final KeyPair keys = TestPkis.keyPair(KeyAlgorithm.ED25519);

    X509Certificate signingCertificate(CertificateValidity validity) {
      return pki.authority("FR")
          .issueSigningCertificate(keys.getPublic(), CertificateSubject.centre("FR-TEST", "Test", "FR"), validity);
    }
  }
}
