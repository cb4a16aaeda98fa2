package org.pccc.crypto.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The certificates one centre has had for one purpose, to support key rotation: a new key is added
 * before the old one expires, and a message is checked against the certificate that was valid when
 * it was signed.
 *
 * <p>Every certificate must have a key that fits the purpose (and a keyUsage that allows it), and
 * must not name another centre in its SubjectAlternativeName. Kids and thumbprints are unique
 * within the set.
 *
 * <p>Immutable and thread-safe; {@link #with} returns a new set.
 *
 * @param centreId the centre the certificates belong to
 * @param purpose what the certificates are for
 * @param entries the certificates with their kids, in the order they were added
 */
public record CertificateSet(String centreId, KeyPurpose purpose, List<CertificateEntry> entries) {

  /** Checks the id, the purpose of every certificate and the uniqueness of kids and thumbprints. */
  public CertificateSet {
    if (!CertificateNames.isValidCentreId(centreId)) {
      throw new IllegalArgumentException("invalid centre id");
    }
    Objects.requireNonNull(purpose, "purpose");
    entries = List.copyOf(entries);
    Set<String> kids = new HashSet<>();
    Set<String> thumbprints = new HashSet<>();
    for (CertificateEntry entry : entries) {
      X509Certificate certificate = entry.certificate();
      try {
        CertificateValidator.requireKeyUsage(certificate, purpose);
      } catch (TrustException e) {
        throw new KeyLoadingException("a certificate of the set cannot be used for " + purpose, e);
      }
      Optional<String> named = CertificateNames.centreId(certificate);
      if (named.isPresent() && !named.get().equals(centreId)) {
        throw new KeyLoadingException(
            "a certificate of the set names centre " + named.get() + ", not " + centreId);
      }
      if (!kids.add(entry.kid())) {
        throw new IllegalArgumentException("duplicate kid in the certificate set: " + entry.kid());
      }
      if (!thumbprints.add(entry.x5tS256())) {
        throw new IllegalArgumentException("the same certificate is in the set twice");
      }
    }
  }

  /**
   * A set of certificates whose kids are their {@code x5t#S256} thumbprints.
   *
   * @param centreId the centre
   * @param purpose what the certificates are for
   * @param certificates the certificates, oldest first
   * @return the set
   */
  public static CertificateSet of(
      String centreId, KeyPurpose purpose, List<X509Certificate> certificates) {
    List<CertificateEntry> entries = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      entries.add(CertificateEntry.of(certificate));
    }
    return new CertificateSet(centreId, purpose, entries);
  }

  /**
   * Returns a set with one more certificate (a rotation).
   *
   * @param entry the new certificate and its kid
   * @return a new set; this one is unchanged
   */
  public CertificateSet with(CertificateEntry entry) {
    List<CertificateEntry> more = new ArrayList<>(entries);
    more.add(Objects.requireNonNull(entry, "entry"));
    return new CertificateSet(centreId, purpose, more);
  }

  /**
   * Selects the certificate to use at an instant: among those valid at it (both ends of the window
   * included), the most recently issued, taken as the latest notBefore; on a tie, the one added
   * last.
   *
   * @param at the instant, usually the signing time or now
   * @return the certificate, or empty if none is valid at the instant
   */
  public Optional<CertificateEntry> select(Instant at) {
    Objects.requireNonNull(at, "at");
    CertificateEntry best = null;
    for (CertificateEntry entry : entries) {
      CertificateValidity validity = entry.validity();
      if (validity.contains(at)
          && (best == null || !validity.notBefore().isBefore(best.validity().notBefore()))) {
        best = entry;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Finds a certificate by its {@code x5t#S256} thumbprint, as named in a JOSE header.
   *
   * @param x5tS256 base64url SHA-256 of the DER encoding, no padding
   * @return the certificate, or empty if the set does not hold it
   */
  public Optional<CertificateEntry> byX5tS256(String x5tS256) {
    Objects.requireNonNull(x5tS256, "x5tS256");
    return entries.stream().filter(entry -> entry.x5tS256().equals(x5tS256)).findFirst();
  }

  /**
   * Finds a certificate by its kid.
   *
   * @param kid the key id from a JOSE header
   * @return the certificate, or empty if no entry has that kid
   */
  public Optional<CertificateEntry> byKid(String kid) {
    Objects.requireNonNull(kid, "kid");
    return entries.stream().filter(entry -> entry.kid().equals(kid)).findFirst();
  }
}
