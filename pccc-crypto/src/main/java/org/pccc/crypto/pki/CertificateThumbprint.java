package org.pccc.crypto.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import org.pccc.crypto.internal.pki.X509;

/**
 * The {@code x5t#S256} certificate thumbprint of RFC 7515 section 4.1.8: base64url without padding
 * of the SHA-256 digest of the certificate's DER encoding. JWS and JWE headers name the signer's and
 * recipient's certificates by it.
 *
 * <p>Stateless and thread-safe.
 */
public final class CertificateThumbprint {
  private CertificateThumbprint() {}

  /**
   * Computes the {@code x5t#S256} thumbprint.
   *
   * @param certificate the certificate
   * @return 43 characters of base64url, no padding
   */
  public static String x5tS256(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(X509.der(certificate));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
