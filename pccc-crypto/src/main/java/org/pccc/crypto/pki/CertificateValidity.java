package org.pccc.crypto.pki;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The validity window of a certificate, both ends included as in RFC 5280 section 4.1.2.5.
 *
 * <p>X.509 times have a precision of one second, so both instants are truncated to whole seconds;
 * a window built here is exactly the window the issued certificate carries.
 *
 * <p>Immutable and thread-safe.
 *
 * @param notBefore first instant of validity
 * @param notAfter last instant of validity, after {@code notBefore}
 */
public record CertificateValidity(Instant notBefore, Instant notAfter) {

  /** Checks the window and truncates it to whole seconds. */
  public CertificateValidity {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
    notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("notAfter must be after notBefore");
    }
  }

  /**
   * A window that starts at {@code notBefore} and lasts {@code duration}.
   *
   * @param notBefore first instant of validity
   * @param duration positive length of the window
   * @return the window
   */
  public static CertificateValidity starting(Instant notBefore, Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return new CertificateValidity(notBefore, notBefore.plus(duration));
  }

  /**
   * The window a certificate carries.
   *
   * @param certificate the certificate
   * @return its notBefore and notAfter
   */
  public static CertificateValidity of(X509Certificate certificate) {
    return new CertificateValidity(
        certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
  }

  /**
   * Tells whether the instant lies in the window, both ends included.
   *
   * @param instant the instant to test
   * @return {@code true} if {@code notBefore <= instant <= notAfter}
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
  }
}
