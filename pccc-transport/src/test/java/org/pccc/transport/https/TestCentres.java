package org.pccc.transport.https;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway centre identities for tests: self-signed certificates made with BouncyCastle through an
 * explicit provider instance (never installed globally), named by centre id only, with no DNS name
 * or IP address, as directory certificates are.
 */
final class TestCentres {
  static final Provider BC = new BouncyCastleProvider();
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestCentres() {}

  /** One centre's key and certificate. */
  record Centre(String id, PrivateKey key, X509Certificate certificate) {
    List<X509Certificate> chain() {
      return List.of(certificate);
    }

    /** TLS material trusting exactly the given centres' certificates. */
    TlsConfig tlsTrusting(Centre... peers) {
      return TlsConfig.of(key, chain(), TlsConfig.trustLeafCertificates(certificates(peers)));
    }
  }

  static Centre ed25519(String id) {
    return centre(id, keyPair("Ed25519", null), "Ed25519", Instant.now().minus(Duration.ofHours(1)),
        Instant.now().plus(Duration.ofDays(2)));
  }

  static Centre p256(String id) {
    return centre(id, keyPair("EC", new ECGenParameterSpec("secp256r1")), "SHA256withECDSA",
        Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(2)));
  }

  static Centre expiredEd25519(String id) {
    return centre(id, keyPair("Ed25519", null), "Ed25519", Instant.now().minus(Duration.ofDays(3)),
        Instant.now().minus(Duration.ofDays(1)));
  }

  static Collection<X509Certificate> certificates(Centre... centres) {
    return java.util.Arrays.stream(centres).map(Centre::certificate).toList();
  }

  private static KeyPair keyPair(String algorithm, ECGenParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, BC);
      if (spec != null) {
        generator.initialize(spec);
      }
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Centre centre(String id, KeyPair keys, String signatureAlgorithm, Instant notBefore, Instant notAfter) {
    try {
      X500Name subject = new X500Name("CN=" + id + ",O=PCCC test network");
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          subject, BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
          subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC).build(keys.getPrivate());
      X509CertificateHolder holder = builder.build(signer);
      X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
      return new Centre(id, keys.getPrivate(), certificate);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
