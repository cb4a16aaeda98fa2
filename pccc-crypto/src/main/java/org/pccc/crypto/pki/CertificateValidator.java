package org.pccc.crypto.pki;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pccc.crypto.internal.pki.KeyAlgorithmDetector;
import org.pccc.crypto.internal.pki.KeyUsages;
import org.pccc.crypto.internal.pki.X509;

/**
 * Decides whether a certificate may be used for a purpose at an instant (usually the signing time
 * of a message).
 *
 * <p>Checks, in this order, each failure a {@link TrustException} with its own reason:
 *
 * <ol>
 *   <li>the certificate is valid at the instant ({@link TrustException.Reason#NOT_VALID_AT_TIME},
 *       PCCC-2009);
 *   <li>its key algorithm and keyUsage allow the purpose ({@link
 *       TrustException.Reason#KEY_USAGE_NOT_ALLOWED}, PCCC-2011): an encryption certificate cannot
 *       vouch for a signature, nor a signing certificate for key agreement;
 *   <li>if trust anchors are configured, PKIX path validation (RFC 5280 section 6) of the chain up
 *       to one of them, with the validation date set to the instant, and if revocation checking is
 *       on, against the configured CRLs only (no OCSP, no network): revoked gives {@link
 *       TrustException.Reason#REVOKED} (PCCC-2010), anything else that breaks the chain {@link
 *       TrustException.Reason#CHAIN_NOT_TRUSTED} (PCCC-2019).
 * </ol>
 *
 * <p>PKIX runs on the JDK's own {@code CertPathValidator}, which has validated Ed25519-signed
 * certificates and CRLs since JDK 15 (the tests of this package check it for chains of Ed25519,
 * X25519 and P-256 certificates), so no BouncyCastle provider is involved.
 *
 * <p>A CRL is used for an instant only if the instant lies between its thisUpdate and nextUpdate,
 * as RFC 5280 asks; a certificate revoked after the instant is still valid at it, so a signature
 * made before a revocation keeps verifying.
 *
 * <p>Immutable and thread-safe: every call builds its own PKIX parameters.
 */
public final class CertificateValidator {

  /** How revocation is checked during PKIX path validation. */
  public enum RevocationChecking {
    /** No revocation check. */
    NONE,
    /**
     * Check against the configured CRLs; a certificate whose issuer has no current CRL passes.
     * Only for networks where some CAs publish no CRL.
     */
    CRL_IF_AVAILABLE,
    /**
     * Check against the configured CRLs; a certificate whose status cannot be determined fails
     * with {@link TrustException.Reason#CHAIN_NOT_TRUSTED}.
     */
    CRL_REQUIRED
  }

  private static final CertificateValidator WITHOUT_PATH_VALIDATION =
      new CertificateValidator(Set.of(), List.of(), RevocationChecking.NONE);

  private final Set<TrustAnchor> trustAnchors;
  private final List<X509Certificate> anchorCertificates;
  private final List<X509CRL> crls;
  private final RevocationChecking revocationChecking;

  private CertificateValidator(
      Set<X509Certificate> anchors, List<X509CRL> crls, RevocationChecking revocationChecking) {
    Set<TrustAnchor> trustAnchorSet = new HashSet<>();
    for (X509Certificate anchor : anchors) {
      trustAnchorSet.add(new TrustAnchor(anchor, null));
    }
    this.trustAnchors = Set.copyOf(trustAnchorSet);
    this.anchorCertificates = List.copyOf(anchors);
    this.crls = List.copyOf(crls);
    this.revocationChecking = revocationChecking;
  }

  /**
   * A validator that checks validity time and key usage only, for networks where trust in a key
   * comes from the signed network directory alone.
   *
   * @return the shared instance
   */
  public static CertificateValidator withoutPathValidation() {
    return WITHOUT_PATH_VALIDATION;
  }

  /**
   * Starts a validator that also validates paths to national CA roots.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Tells whether this validator runs PKIX path validation. */
  public boolean validatesPaths() {
    return !trustAnchors.isEmpty();
  }

  /** Returns the configured revocation checking. */
  public RevocationChecking revocationChecking() {
    return revocationChecking;
  }

  /**
   * Validates a chain for a purpose at an instant.
   *
   * @param chain the certificate to use first, then its issuers in order; the trust anchor itself
   *     may be included or left out
   * @param purpose what the certificate is about to be used for
   * @param at the instant of use, usually the signing time
   * @throws TrustException if the certificate may not be used; see the class description
   */
  public void validate(List<X509Certificate> chain, KeyPurpose purpose, Instant at) {
    List<X509Certificate> certificates = List.copyOf(Objects.requireNonNull(chain, "chain"));
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("the chain is empty");
    }
    X509Certificate leaf = certificates.get(0);
    requireValidAt(leaf, at);
    requireKeyUsage(leaf, purpose);
    if (validatesPaths()) {
      validatePath(certificates, at);
    }
  }

  /**
   * Validates a single certificate (issued directly by a trust anchor, when paths are validated).
   *
   * @param certificate the certificate to use
   * @param purpose what it is about to be used for
   * @param at the instant of use
   * @throws TrustException if the certificate may not be used
   */
  public void validate(X509Certificate certificate, KeyPurpose purpose, Instant at) {
    validate(List.of(Objects.requireNonNull(certificate, "certificate")), purpose, at);
  }

  /**
   * Checks that the certificate is valid at the instant, both ends of its window included.
   *
   * @param certificate the certificate
   * @param at the instant
   * @throws TrustException with {@link TrustException.Reason#NOT_VALID_AT_TIME} otherwise
   */
  public static void requireValidAt(X509Certificate certificate, Instant at) {
    CertificateValidity validity = CertificateValidity.of(certificate);
    if (!validity.contains(at)) {
      throw new TrustException(
          TrustException.Reason.NOT_VALID_AT_TIME,
          "certificate "
              + X509.describe(certificate)
              + " is valid from "
              + validity.notBefore()
              + " to "
              + validity.notAfter()
              + ", not at "
              + at);
    }
  }

  /**
   * Checks that the certificate's key algorithm and keyUsage allow the purpose.
   *
   * @param certificate the certificate
   * @param purpose the intended use
   * @throws TrustException with {@link TrustException.Reason#KEY_USAGE_NOT_ALLOWED} otherwise
   */
  public static void requireKeyUsage(X509Certificate certificate, KeyPurpose purpose) {
    KeyAlgorithm algorithm =
        KeyAlgorithmDetector.detect(certificate.getPublicKey())
            .orElseThrow(
                () ->
                    new TrustException(
                        TrustException.Reason.KEY_USAGE_NOT_ALLOWED,
                        "certificate "
                            + X509.describe(certificate)
                            + " has a "
                            + certificate.getPublicKey().getAlgorithm()
                            + " key, which no PCCC profile allows"));
    if (!purpose.allows(algorithm)) {
      throw new TrustException(
          TrustException.Reason.KEY_USAGE_NOT_ALLOWED,
          "certificate "
              + X509.describe(certificate)
              + " has an "
              + algorithm
              + " key, which cannot be used for "
              + purpose);
    }
    if (!KeyUsages.allows(certificate, purpose)) {
      throw new TrustException(
          TrustException.Reason.KEY_USAGE_NOT_ALLOWED,
          "the keyUsage of certificate " + X509.describe(certificate) + " does not allow " + purpose);
    }
  }

  private void validatePath(List<X509Certificate> chain, Instant at) {
    List<X509Certificate> path = new ArrayList<>(chain);
    // PKIX wants the path without its trust anchor; callers often pass the full chain.
    while (!path.isEmpty() && anchorCertificates.contains(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    if (path.isEmpty()) {
      return; // the certificate is itself a trust anchor
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(trustAnchors);
      parameters.setDate(Date.from(at));
      parameters.setRevocationEnabled(false);
      CertPathValidator validator = CertPathValidator.getInstance("PKIX");
      if (revocationChecking != RevocationChecking.NONE) {
        parameters.addCertStore(
            CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        // CRLs only: no OCSP and no fetching, so validation never touches the network.
        EnumSet<PKIXRevocationChecker.Option> options =
            EnumSet.of(
                PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK);
        if (revocationChecking == RevocationChecking.CRL_IF_AVAILABLE) {
          options.add(PKIXRevocationChecker.Option.SOFT_FAIL);
        }
        checker.setOptions(options);
        parameters.addCertPathChecker(checker);
      }
      validator.validate(certPath, parameters);
    } catch (CertPathValidatorException e) {
      throw translate(e, path);
    } catch (InvalidAlgorithmParameterException e) {
      throw new TrustException(
          TrustException.Reason.CHAIN_NOT_TRUSTED, "PKIX parameters were rejected", e);
    } catch (GeneralSecurityException e) {
      throw new TrustException(
          TrustException.Reason.CHAIN_NOT_TRUSTED, "the chain cannot be validated", e);
    }
  }

  private static TrustException translate(
      CertPathValidatorException e, List<X509Certificate> path) {
    int index = e.getIndex();
    String which =
        index >= 0 && index < path.size()
            ? "certificate " + X509.describe(path.get(index))
            : "the chain of " + X509.describe(path.get(0));
    CertPathValidatorException.Reason reason = e.getReason();
    if (reason == BasicReason.EXPIRED || reason == BasicReason.NOT_YET_VALID) {
      return new TrustException(
          TrustException.Reason.NOT_VALID_AT_TIME, which + " is not valid at the instant", e);
    }
    if (reason == BasicReason.REVOKED) {
      return new TrustException(TrustException.Reason.REVOKED, which + " is revoked", e);
    }
    if (reason == PKIXReason.INVALID_KEY_USAGE) {
      return new TrustException(
          TrustException.Reason.KEY_USAGE_NOT_ALLOWED,
          which + " has a keyUsage that does not allow its place in the chain",
          e);
    }
    if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
      return new TrustException(
          TrustException.Reason.CHAIN_NOT_TRUSTED,
          "the revocation status of " + which + " cannot be determined from the configured CRLs",
          e);
    }
    return new TrustException(
        TrustException.Reason.CHAIN_NOT_TRUSTED,
        which + " does not chain to a trusted root (" + reason + ")",
        e);
  }

  /**
   * Builds a {@link CertificateValidator} with trust anchors and CRLs. Not thread-safe; the
   * validator it builds is.
   */
  public static final class Builder {
    private final Set<X509Certificate> anchors = new LinkedHashSet<>();
    private final List<X509CRL> crls = new ArrayList<>();
    private RevocationChecking revocationChecking;

    private Builder() {}

    /**
     * Trusts a root (usually a national CA root).
     *
     * @param root the root certificate
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate root) {
      anchors.add(Objects.requireNonNull(root, "root"));
      return this;
    }

    /**
     * Trusts several roots.
     *
     * @param roots the root certificates
     * @return this builder
     */
    public Builder trustAnchors(Collection<X509Certificate> roots) {
      roots.forEach(this::trustAnchor);
      return this;
    }

    /**
     * Adds a CRL to check revocation against.
     *
     * @param crl a CRL issued by a CA of the chains to validate
     * @return this builder
     */
    public Builder crl(X509CRL crl) {
      crls.add(Objects.requireNonNull(crl, "crl"));
      return this;
    }

    /**
     * Adds several CRLs.
     *
     * @param crlList the CRLs
     * @return this builder
     */
    public Builder crls(Collection<X509CRL> crlList) {
      crlList.forEach(this::crl);
      return this;
    }

    /**
     * Sets how revocation is checked. Defaults to {@link RevocationChecking#CRL_REQUIRED} when
     * CRLs were added and to {@link RevocationChecking#NONE} otherwise.
     *
     * @param checking the revocation checking
     * @return this builder
     */
    public Builder revocationChecking(RevocationChecking checking) {
      this.revocationChecking = Objects.requireNonNull(checking, "checking");
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return an immutable validator
     * @throws IllegalStateException if no trust anchor was given (use {@link
     *     CertificateValidator#withoutPathValidation()} for that)
     */
    public CertificateValidator build() {
      if (anchors.isEmpty()) {
        throw new IllegalStateException(
            "no trust anchor: add national CA roots or use withoutPathValidation()");
      }
      RevocationChecking checking =
          revocationChecking != null
              ? revocationChecking
              : crls.isEmpty() ? RevocationChecking.NONE : RevocationChecking.CRL_REQUIRED;
      return new CertificateValidator(anchors, crls, checking);
    }
  }
}
