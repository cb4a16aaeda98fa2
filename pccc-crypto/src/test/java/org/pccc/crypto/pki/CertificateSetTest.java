package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.X509CertUtils;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateSetTest {
  private static final Instant T0 = Instant.parse("2031-01-01T00:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofDays(300)); // the new key appears
  private static final Instant T2 = T0.plus(Duration.ofDays(365)); // the old key expires
  private static final Instant T3 = T1.plus(Duration.ofDays(365)); // the new key expires

  private static X509Certificate oldCertificate;
  private static X509Certificate newCertificate;

  @BeforeAll
  static void issueTwoGenerations() {
    CertificateIssuer ca = TestPkis.pki(KeyProfile.ED25519_X25519).authority("FR");
    CertificateSubject subject = CertificateSubject.centre(TestPkis.FR_CENTRE, "Police nationale", "FR");
    oldCertificate =
        ca.issueSigningCertificate(TestPkis.keyPair(KeyAlgorithm.ED25519).getPublic(), subject, new CertificateValidity(T0, T2));
    newCertificate =
        ca.issueSigningCertificate(TestPkis.keyPair(KeyAlgorithm.P256).getPublic(), subject, new CertificateValidity(T1, T3));
  }

  private static CertificateSet rotation() {
    return CertificateSet.of(TestPkis.FR_CENTRE, KeyPurpose.SIGNATURE, List.of(oldCertificate))
        .with(new CertificateEntry("fr-sig-2", newCertificate));
  }

  @Test
  void selectsTheCertificateValidAtTheInstantPreferringTheNewestInTheOverlap() {
    CertificateSet set = rotation();

    assertThat(set.select(T0.minusSeconds(1))).isEmpty();
    assertThat(set.select(T0).orElseThrow().certificate()).isEqualTo(oldCertificate);
    assertThat(set.select(T1.minusSeconds(1)).orElseThrow().certificate()).isEqualTo(oldCertificate);
    assertThat(set.select(T1).orElseThrow().certificate()).isEqualTo(newCertificate);
    assertThat(set.select(T2).orElseThrow().certificate()).isEqualTo(newCertificate);
    assertThat(set.select(T3).orElseThrow().certificate()).isEqualTo(newCertificate);
    assertThat(set.select(T3.plusSeconds(1))).isEmpty();
  }

  @Test
  void orderOfEntriesDoesNotChangeTheSelection() {
    CertificateSet reversed =
        CertificateSet.of(TestPkis.FR_CENTRE, KeyPurpose.SIGNATURE, List.of(newCertificate, oldCertificate));

    assertThat(reversed.select(T1.plusSeconds(5)).orElseThrow().certificate()).isEqualTo(newCertificate);
    assertThat(reversed.select(T0.plusSeconds(5)).orElseThrow().certificate()).isEqualTo(oldCertificate);
  }

  @Test
  void findsCertificatesByThumbprintAndKid() {
    CertificateSet set = rotation();
    String oldThumbprint = X509CertUtils.computeSHA256Thumbprint(oldCertificate).toString();

    assertThat(CertificateThumbprint.x5tS256(oldCertificate)).isEqualTo(oldThumbprint).hasSize(43).doesNotContain("=", "+", "/");
    assertThat(set.byX5tS256(oldThumbprint).orElseThrow().certificate()).isEqualTo(oldCertificate);
    assertThat(set.byKid(oldThumbprint).orElseThrow().certificate()).isEqualTo(oldCertificate);
    assertThat(set.byKid("fr-sig-2").orElseThrow().certificate()).isEqualTo(newCertificate);
    assertThat(set.byX5tS256(CertificateThumbprint.x5tS256(newCertificate)).orElseThrow().kid()).isEqualTo("fr-sig-2");
    assertThat(set.byKid("unknown")).isEmpty();
    assertThat(set.byX5tS256("AAAA")).isEmpty();
  }

  @Test
  void withLeavesTheOriginalUnchanged() {
    CertificateSet one = CertificateSet.of(TestPkis.FR_CENTRE, KeyPurpose.SIGNATURE, List.of(oldCertificate));

    CertificateSet two = one.with(CertificateEntry.of(newCertificate));

    assertThat(one.entries()).hasSize(1);
    assertThat(two.entries()).hasSize(2);
  }

  @Test
  void duplicateKidsOrCertificatesAreRejected() {
    assertThatThrownBy(() -> rotation().with(new CertificateEntry("fr-sig-2", oldCertificate)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate kid");
    assertThatThrownBy(() -> rotation().with(new CertificateEntry("again", oldCertificate)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void certificatesForAnotherPurposeOrCentreAreRejected() {
    CentreKeys it = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.IT_CENTRE);
    CentreKeys fr = TestPkis.pki(KeyProfile.ED25519_X25519).centre(TestPkis.FR_CENTRE);

    assertThatThrownBy(() -> CertificateSet.of(TestPkis.FR_CENTRE, KeyPurpose.SIGNATURE, List.of(fr.encryption().certificate())))
        .isInstanceOf(KeyLoadingException.class);
    assertThatThrownBy(() -> CertificateSet.of(TestPkis.FR_CENTRE, KeyPurpose.SIGNATURE, List.of(it.signing().certificate())))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining(TestPkis.IT_CENTRE);
  }
}
