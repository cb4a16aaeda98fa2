package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateIssuerTest {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void centreCertificatesCarryTheProfileExtensions(KeyProfile profile) throws Exception {
    InsecureDevelopmentPki pki = TestPkis.pki(profile);
    X509Certificate root = pki.rootCertificate("FR");
    CentreKeys centre = pki.centre(TestPkis.FR_CENTRE);
    X509CertificateHolder signing = new X509CertificateHolder(centre.signing().certificate().getEncoded());
    X509CertificateHolder encryption = new X509CertificateHolder(centre.encryption().certificate().getEncoded());
    X509CertificateHolder rootHolder = new X509CertificateHolder(root.getEncoded());

    assertThat(signing.getVersionNumber()).isEqualTo(3);
    assertThat(BasicConstraints.fromExtensions(signing.getExtensions()).isCA()).isFalse();
    assertThat(signing.getExtension(Extension.basicConstraints).isCritical()).isTrue();
    assertThat(KeyUsage.fromExtensions(signing.getExtensions()).hasUsages(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)).isTrue();
    assertThat(KeyUsage.fromExtensions(signing.getExtensions()).hasUsages(KeyUsage.keyAgreement)).isFalse();
    assertThat(KeyUsage.fromExtensions(encryption.getExtensions()).hasUsages(KeyUsage.keyAgreement)).isTrue();
    assertThat(KeyUsage.fromExtensions(encryption.getExtensions()).hasUsages(KeyUsage.digitalSignature)).isFalse();
    assertThat(encryption.getExtension(Extension.keyUsage).isCritical()).isTrue();

    assertThat(BasicConstraints.fromExtensions(rootHolder.getExtensions()).isCA()).isTrue();
    assertThat(KeyUsage.fromExtensions(rootHolder.getExtensions()).hasUsages(KeyUsage.keyCertSign | KeyUsage.cRLSign)).isTrue();
    assertThat(rootHolder.getSubject()).isEqualTo(rootHolder.getIssuer());

    byte[] rootKeyId = SubjectKeyIdentifier.fromExtensions(rootHolder.getExtensions()).getKeyIdentifier();
    assertThat(AuthorityKeyIdentifier.fromExtensions(signing.getExtensions()).getKeyIdentifierOctets()).isEqualTo(rootKeyId);
    assertThat(AuthorityKeyIdentifier.fromExtensions(encryption.getExtensions()).getKeyIdentifierOctets()).isEqualTo(rootKeyId);
    assertThat(SubjectKeyIdentifier.fromExtensions(signing.getExtensions()).getKeyIdentifier()).hasSize(20);

    GeneralName[] names = GeneralNames.fromExtensions(signing.getExtensions(), Extension.subjectAlternativeName).getNames();
    assertThat(names).hasSize(1);
    assertThat(names[0].getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
    assertThat(names[0].getName().toString()).isEqualTo("urn:pccc:centre:" + TestPkis.FR_CENTRE);

    assertThat(signing.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo(TestPkis.FR_CENTRE);
    assertThat(signing.getSubject().getRDNs(BCStyle.O)[0].getFirst().getValue().toString()).isEqualTo("Police nationale");
    assertThat(signing.getSubject().getRDNs(BCStyle.C)[0].getFirst().getValue().toString()).isEqualTo("FR");
    assertThat(signing.getSerialNumber().signum()).isPositive();
    assertThat(signing.getSerialNumber()).isNotEqualTo(encryption.getSerialNumber());
    assertThat(signing.getSerialNumber().toByteArray()).hasSize(16);
  }

  @Test
  void signatureAlgorithmsFollowRfc8410AndRfc5758() {
    X509Certificate ed = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE).encryption().certificate();
    X509Certificate ec = TestPkis.pki(KeyProfile.P256).centre(TestPkis.FR_CENTRE).encryption().certificate();

    assertThat(ed.getSigAlgOID()).isEqualTo("1.3.101.112");
    assertThat(ed.getPublicKey().getAlgorithm()).isEqualTo("XDH");
    assertThat(KeyAlgorithm.of(ed.getPublicKey())).isEqualTo(KeyAlgorithm.X25519);
    assertThat(ec.getSigAlgOID()).isEqualTo("1.2.840.10045.4.3.2");
    assertThat(KeyAlgorithm.of(ec.getPublicKey())).isEqualTo(KeyAlgorithm.P256);
  }

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void certificatesParseAndVerifyAlikeWithBouncyCastleAndTheJdk(KeyProfile profile) throws Exception {
    InsecureDevelopmentPki pki = TestPkis.pki(profile);
    X509Certificate root = pki.rootCertificate("IT");
    for (CertifiedKeyPair pair : List.of(pki.centre(TestPkis.IT_CENTRE).signing(), pki.centre(TestPkis.IT_CENTRE).encryption())) {
      X509Certificate jdk = pair.certificate();
      X509CertificateHolder holder = new X509CertificateHolder(jdk.getEncoded());
      X509Certificate viaBc = new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);

      jdk.verify(root.getPublicKey());
      assertThat(holder.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(root))).isTrue();
      assertThat(viaBc.getEncoded()).isEqualTo(jdk.getEncoded());
      assertThat(viaBc.getSubjectX500Principal()).isEqualTo(jdk.getSubjectX500Principal());
      assertThat(viaBc.getSerialNumber()).isEqualTo(jdk.getSerialNumber());
      assertThat(viaBc.getNotAfter()).isEqualTo(jdk.getNotAfter());
      assertThat(viaBc.getKeyUsage()).isEqualTo(jdk.getKeyUsage());
      assertThat(viaBc.getPublicKey().getEncoded()).isEqualTo(jdk.getPublicKey().getEncoded());
      assertThat(List.copyOf(viaBc.getSubjectAlternativeNames())).isEqualTo(List.copyOf(jdk.getSubjectAlternativeNames())).hasSize(1);
    }
  }

  @Test
  void validityIsCarriedToTheSecond() {
    CertificateIssuer ca = TestPkis.pki(KeyProfile.ED25519_X25519).authority("FR");
    Instant start = Instant.parse("2031-02-03T04:05:06.789Z");
    CertificateValidity validity = CertificateValidity.starting(start, Duration.ofDays(30));

    X509Certificate certificate =
        ca.issueSigningCertificate(
            TestPkis.keyPair(KeyAlgorithm.ED25519).getPublic(),
            CertificateSubject.centre("FR-VALIDITY", "Douane", "FR"),
            validity);

    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.parse("2031-02-03T04:05:06Z"));
    assertThat(CertificateValidity.of(certificate)).isEqualTo(validity);
  }

  @Test
  void farFutureDatesUseGeneralizedTimeAndStillParse() {
    CertificateIssuer ca = TestPkis.pki(KeyProfile.ED25519_X25519).authority("FR");
    CertificateValidity validity =
        new CertificateValidity(Instant.parse("2049-12-31T23:00:00Z"), Instant.parse("2051-01-01T00:00:00Z"));

    X509Certificate certificate =
        ca.issueSigningCertificate(
            TestPkis.keyPair(KeyAlgorithm.ED25519).getPublic(),
            CertificateSubject.centre("FR-FUTURE", "Douane", "FR"),
            validity);

    assertThat(CertificateValidity.of(certificate)).isEqualTo(validity);
  }

  @Test
  void keysAreOnlyCertifiedForWhatTheirAlgorithmCanDo() {
    CertificateIssuer ca = TestPkis.pki(KeyProfile.ED25519_X25519).authority("FR");
    CertificateSubject subject = CertificateSubject.centre("FR-X", "Douane", "FR");
    CertificateValidity validity = CertificateValidity.starting(TestPkis.AT, Duration.ofDays(1));

    assertThatThrownBy(() -> ca.issueSigningCertificate(TestPkis.keyPair(KeyAlgorithm.X25519).getPublic(), subject, validity))
        .isInstanceOf(KeyLoadingException.class);
    assertThatThrownBy(() -> ca.issueEncryptionCertificate(TestPkis.keyPair(KeyAlgorithm.ED25519).getPublic(), subject, validity))
        .isInstanceOf(KeyLoadingException.class);
  }

  @Test
  void x25519KeyCannotBecomeACertificateAuthority() {
    KeyPair x = TestPkis.keyPair(KeyAlgorithm.X25519);

    assertThatThrownBy(
            () ->
                CertificateIssuer.createRoot(
                    x,
                    CertificateSubject.authority("Root", "Test", "FR"),
                    CertificateValidity.starting(TestPkis.AT, Duration.ofDays(1)),
                    new SecureRandom()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("cannot sign");
  }

  @Test
  void endEntityCertificateCannotActAsAnIssuer() {
    SigningKeyPair signing = TestPkis.pki(KeyProfile.P256).centre(TestPkis.FR_CENTRE).signing();

    assertThatThrownBy(() -> CertificateIssuer.of(signing.privateKey(), signing.certificateChain(), new SecureRandom()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("not allowed to sign certificates");
  }

  @Test
  void intermediateChainsUpToTheRootAndPassesPkix() {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.ED25519_X25519);
    CertificateIssuer intermediate =
        pki.authority("FR")
            .issueIntermediate(
                TestPkis.keyPair(KeyAlgorithm.ED25519),
                CertificateSubject.authority("FR Issuing CA", "Ministère de l'Intérieur", "FR"),
                pki.validity());
    KeyPair leafKeys = TestPkis.keyPair(KeyAlgorithm.X25519);
    X509Certificate leaf =
        intermediate.issueEncryptionCertificate(
            leafKeys.getPublic(), CertificateSubject.centre("FR-SUB", "Douane", "FR"), pki.validity());
    EncryptionKeyPair pair = EncryptionKeyPair.of(leafKeys.getPrivate(), List.of(leaf, intermediate.certificate(), pki.rootCertificate("FR")));

    pki.validator().validate(pair.certificateChain(), KeyPurpose.KEY_AGREEMENT, TestPkis.AT);

    assertThat(intermediate.chain()).hasSize(2).endsWith(pki.rootCertificate("FR"));
    assertThat(intermediate.certificate().getBasicConstraints()).isZero();
    assertThat(CertificateSubject.authority("FR Issuing CA", "Ministère de l'Intérieur", "FR").toX500Principal())
        .isEqualTo(intermediate.certificate().getSubjectX500Principal());
  }

  @Test
  void issuerFromALoadedCaKeyIssuesVerifiableCertificates() throws Exception {
    InsecureDevelopmentPki pki = TestPkis.pki(KeyProfile.P256);
    CertificateIssuer original = pki.authority("IT");
    CertificateIssuer reloaded =
        CertificateIssuer.of(
            Pem.readPrivateKey(Pem.writePrivateKey(original.privateKey())),
            Pem.readCertificates(Pem.writeCertificate(original.certificate())),
            new SecureRandom());

    X509Certificate issued =
        reloaded.issueSigningCertificate(
            TestPkis.keyPair(KeyAlgorithm.P256).getPublic(),
            CertificateSubject.centre("IT-NEW", "Guardia di Finanza", "IT"),
            pki.validity());

    issued.verify(original.certificate().getPublicKey());
    assertThat(issued.getIssuerX500Principal()).isEqualTo(original.certificate().getSubjectX500Principal());
  }

  @Test
  void sameSeedGivesIdenticalKeysAndCertificatesAndAnotherSeedDoesNot() {
    InsecureDevelopmentPki first = seeded(7);
    InsecureDevelopmentPki again = seeded(7);
    InsecureDevelopmentPki other = seeded(8);

    assertThat(again.rootCertificate("DE")).isEqualTo(first.rootCertificate("DE"));
    assertThat(again.centre("DE-AT-PASSAU").signing().certificate()).isEqualTo(first.centre("DE-AT-PASSAU").signing().certificate());
    assertThat(again.centre("DE-AT-PASSAU").encryption().privateKey().getEncoded())
        .isEqualTo(first.centre("DE-AT-PASSAU").encryption().privateKey().getEncoded());
    assertThat(other.centre("DE-AT-PASSAU").signing().privateKey().getEncoded())
        .isNotEqualTo(first.centre("DE-AT-PASSAU").signing().privateKey().getEncoded());
  }

  @Test
  void subjectRejectsBadCountryCodesAndOverlongNames() {
    assertThatThrownBy(() -> CertificateSubject.centre("FR-A", "Police", "fr")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateSubject.centre("FR-A", "x".repeat(65), "FR")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateSubject.centre("FR A", "Police", "FR")).isInstanceOf(IllegalArgumentException.class);
    assertThat(CertificateSubject.networkCoordinator("ALPS", "Coordination", "FR").alternativeNames())
        .containsExactly(URI.create("urn:pccc:coordinator:ALPS"));
  }

  private static InsecureDevelopmentPki seeded(long seed) {
    return InsecureDevelopmentPki.builder().insecureSeed(seed).centre("DE-AT-PASSAU", "DE", "Bundespolizei").build();
  }
}
