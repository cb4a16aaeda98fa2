package org.pccc.crypto.internal.pki;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.pccc.crypto.pki.KeyLoadingException;

/**
 * Conversions between DER and the JDK's certificate and CRL objects. Certificates always go
 * through the JDK's {@code CertificateFactory}, so their public keys are plain JDK keys whichever
 * library built them. Stateless and thread-safe.
 */
public final class X509 {
  private X509() {}

  /** Parses one DER-encoded certificate with the JDK. */
  public static X509Certificate certificateFromDer(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new KeyLoadingException("not a valid X.509 certificate", e);
    }
  }

  /** Parses one DER-encoded CRL with the JDK. */
  public static X509CRL crlFromDer(byte[] der) {
    try {
      return (X509CRL)
          CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    } catch (CertificateException | CRLException | RuntimeException e) {
      throw new KeyLoadingException("not a valid X.509 CRL", e);
    }
  }

  /** Returns the DER encoding of a certificate. */
  public static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new KeyLoadingException("certificate cannot be encoded", e);
    }
  }

  /** Returns the DER encoding of a CRL. */
  public static byte[] der(X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (CRLException e) {
      throw new KeyLoadingException("CRL cannot be encoded", e);
    }
  }

  /** Names a certificate in messages and logs: subject and serial, nothing else. */
  public static String describe(X509Certificate certificate) {
    return "'"
        + certificate.getSubjectX500Principal().getName()
        + "' (serial "
        + certificate.getSerialNumber().toString(16)
        + ")";
  }
}
