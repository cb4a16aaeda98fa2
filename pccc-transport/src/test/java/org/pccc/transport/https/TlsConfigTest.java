package org.pccc.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.transport.https.TestCentres.Centre;
import org.pccc.transport.spi.TransportException;

class TlsConfigTest {
  private static final Centre A = TestCentres.ed25519("PCCC-A");
  private static final Centre B = TestCentres.p256("PCCC-B");

  @TempDir Path dir;

  static String pem(X509Certificate... certificates) throws Exception {
    StringBuilder b = new StringBuilder();
    for (X509Certificate c : certificates) {
      b.append("-----BEGIN CERTIFICATE-----\n")
          .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return b.toString();
  }

  static Path pkcs12(Path file, char[] password, Centre... centres) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (Centre c : centres) {
      store.setKeyEntry(c.id(), c.key(), password, new Certificate[] {c.certificate()});
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    return file;
  }

  @Test
  void keysAndCertificatesFromBouncyCastleBecomeJdkObjects() {
    TlsConfig tls = A.tlsTrusting(B);

    assertThat(A.certificate().getClass().getName()).startsWith("org.bouncycastle");
    assertThat(tls.certificateChain()).singleElement()
        .satisfies(c -> assertThat(c.getClass().getName()).doesNotStartWith("org.bouncycastle"))
        .isEqualTo(A.certificate());
  }

  @Test
  void aCertificateThatDoesNotMatchTheKeyIsRefused() {
    assertThatThrownBy(() -> TlsConfig.of(A.key(), B.chain(), chain -> true))
        .isInstanceOf(IllegalArgumentException.class);
    Centre otherEd = TestCentres.ed25519("PCCC-OTHER");
    assertThatThrownBy(() -> TlsConfig.of(A.key(), otherEd.chain(), chain -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not hold the public key");
    assertThatThrownBy(() -> TlsConfig.of(A.key(), List.of(), chain -> true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNamesTheCertificateButNeverTheKey() {
    String text = A.tlsTrusting(B).toString();

    assertThat(text).contains("CN=PCCC-A").contains(TlsConfig.sha256(A.certificate()));
    assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(A.key().getEncoded()).substring(0, 20));
  }

  @Test
  void parametersAreTls13OnlyAndTheServerRequiresAClientCertificate() {
    TlsConfig tls = A.tlsTrusting(B);
    SSLParameters server = tls.serverSslParameters();
    SSLParameters client = tls.clientSslParameters();

    assertThat(server.getProtocols()).containsExactly("TLSv1.3");
    assertThat(server.getNeedClientAuth()).isTrue();
    assertThat(client.getProtocols()).containsExactly("TLSv1.3");
    assertThat(tls.createSslContext().getProtocol()).isEqualTo("TLSv1.3");
  }

  @Test
  void pinnedLeavesAreTrustedAndNothingElse() {
    var trust = TlsConfig.trustLeafCertificates(List.of(A.certificate()));

    assertThat(trust.test(List.of(A.certificate()))).isTrue();
    assertThat(trust.test(List.of(A.certificate(), B.certificate()))).isTrue();
    assertThat(trust.test(List.of(B.certificate(), A.certificate()))).isFalse();
    assertThat(trust.test(List.of())).isFalse();
  }

  @Test
  void theTrustManagerChecksValidityAndTheTrustPredicate() {
    PeerTrustManager trusting = new PeerTrustManager(chain -> true, null);
    PeerTrustManager throwing = new PeerTrustManager(chain -> {
      throw new IllegalStateException("directory unavailable");
    }, null);
    X509Certificate[] expired = {TestCentres.expiredEd25519("PCCC-OLD").certificate()};
    X509Certificate[] valid = {A.certificate()};

    assertThatThrownBy(() -> trusting.checkClientTrusted(expired, "UNKNOWN"))
        .isInstanceOf(CertificateExpiredException.class);
    assertThatThrownBy(() -> throwing.checkServerTrusted(valid, "UNKNOWN"))
        .isInstanceOf(PeerTrustManager.UntrustedPeerException.class);
    assertThatThrownBy(() -> trusting.checkClientTrusted(new X509Certificate[0], "UNKNOWN"))
        .isInstanceOf(CertificateException.class);
    assertThat(trusting.getAcceptedIssuers()).isEmpty();
  }

  @Test
  void loadsTheOnlyKeyOfAPkcs12StoreOrTheNamedOne() throws Exception {
    char[] password = "changeit".toCharArray();
    Path single = pkcs12(dir.resolve("a.p12"), password, A);
    Path both = pkcs12(dir.resolve("ab.p12"), password, A, B);

    assertThat(TlsConfig.fromPkcs12(single, password, null, chain -> true).certificateChain())
        .containsExactly(A.certificate());
    assertThat(TlsConfig.fromPkcs12(both, password, "PCCC-B", chain -> true).certificateChain())
        .containsExactly(B.certificate());
    assertThatThrownBy(() -> TlsConfig.fromPkcs12(both, password, null, chain -> true))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.NO_TRANSPORT);
          assertThat(e.getMessage()).contains("several keys");
        });
    assertThatThrownBy(() -> TlsConfig.fromPkcs12(single, "wrong".toCharArray(), null, chain -> true))
        .isInstanceOf(TransportException.class);
    assertThatThrownBy(() -> TlsConfig.fromPkcs12(dir.resolve("missing.p12"), password, null, chain -> true))
        .isInstanceOf(TransportException.class);
  }

  @Test
  void readsTrustedCertificatesFromPemOrPkcs12() throws Exception {
    Path pem = Files.writeString(dir.resolve("peers.pem"), pem(A.certificate(), B.certificate()));
    Path p12 = pkcs12(dir.resolve("peers.p12"), "pw".toCharArray(), A, B);
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThat(TlsConfig.readCertificates(pem, null)).containsExactly(A.certificate(), B.certificate());
    assertThat(TlsConfig.readCertificates(p12, "pw".toCharArray()))
        .containsExactlyInAnyOrder(A.certificate(), B.certificate());
    assertThatThrownBy(() -> TlsConfig.readCertificates(empty, null)).isInstanceOf(TransportException.class);
  }
}
