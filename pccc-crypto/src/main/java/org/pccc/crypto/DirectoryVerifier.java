package org.pccc.crypto;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.UnverifiedJws;
import org.pccc.crypto.jose.VerifiedJws;
import org.pccc.crypto.pki.CertificateThumbprint;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.KeyLoadingException;
import org.pccc.crypto.pki.KeyPurpose;
import org.pccc.crypto.pki.TrustException;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.json.PcccJson;
import org.pccc.model.validation.ValidationException;

/**
 * Verifies a signed network directory against the coordinator certificates a node is configured
 * with (pinned; never a key from the directory itself) and returns the only kind of directory a
 * node trusts. Rejects a serial lower than the one the node already has (rollback). Immutable and
 * thread-safe.
 */
public final class DirectoryVerifier {
  private final List<X509Certificate> coordinators;
  private final AlgorithmPolicy policy;
  private final Clock clock;

  /**
   * Creates a verifier.
   *
   * @param coordinatorCertificates the certificates of the network coordinator's signing keys
   */
  public DirectoryVerifier(List<X509Certificate> coordinatorCertificates) {
    this(coordinatorCertificates, AlgorithmPolicy.defaults(), Clock.systemUTC());
  }

  /**
   * Creates a verifier with an algorithm policy and a clock.
   *
   * @param coordinatorCertificates the pinned coordinator certificates
   * @param policy the algorithm allow-list
   * @param clock the clock for certificate validity
   */
  public DirectoryVerifier(List<X509Certificate> coordinatorCertificates, AlgorithmPolicy policy, Clock clock) {
    if (coordinatorCertificates == null || coordinatorCertificates.isEmpty()) {
      throw new CryptoConfigurationException(ErrorCode.CONFIGURATION, "at least one coordinator certificate is needed");
    }
    this.coordinators = List.copyOf(coordinatorCertificates);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies a signed directory.
   *
   * @param signedDirectory the JWS compact serialization
   * @param minimumSerial the lowest serial accepted (the serial of the directory in use), or 0
   * @return the trusted directory
   * @throws EnvelopeRejectedException with {@code DIRECTORY_SIGNATURE_INVALID} if the signature
   *     does not verify with a pinned coordinator key, or {@code MESSAGE_INVALID} if the payload is
   *     not a valid directory or its serial is too low
   */
  public TrustedDirectory verify(byte[] signedDirectory, long minimumSerial) {
    UnverifiedJws jws;
    try {
      jws = Jws.parse(signedDirectory, 16 * 1024 * 1024);
    } catch (EnvelopeRejectedException e) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_SIGNATURE_INVALID, "the directory is not a well-formed JWS", e);
    }
    if (!jws.protectedHeader().type().map(EnvelopeTypes.DIRECTORY::equals).orElse(false)) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_SIGNATURE_INVALID, "the JWS is not a PCCC directory (typ)");
    }
    String x5t = jws.protectedHeader().x5tS256().or(jws::keyId).orElse("");
    X509Certificate coordinator = coordinators.stream()
        .filter(c -> CertificateThumbprint.x5tS256(c).equals(x5t))
        .findFirst()
        .orElseThrow(() -> new EnvelopeRejectedException(ErrorCode.DIRECTORY_SIGNATURE_INVALID,
            "the directory is not signed by a configured coordinator key"));
    VerifiedJws verified;
    try {
      verified = jws.verify(coordinator.getPublicKey(), policy, JcaProviders.defaults());
      CertificateValidator.requireValidAt(coordinator, clock.instant());
      CertificateValidator.requireKeyUsage(coordinator, KeyPurpose.SIGNATURE);
    } catch (EnvelopeRejectedException | TrustException e) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_SIGNATURE_INVALID,
          "the directory signature or the coordinator certificate is not acceptable", e);
    }
    NetworkDirectory directory;
    try {
      directory = PcccJson.create().readDirectory(verified.payload());
    } catch (ValidationException e) {
      throw new EnvelopeRejectedException(ErrorCode.MESSAGE_INVALID,
          "the signed directory is not valid: " + e.report().codes(), e);
    }
    if (directory.serial() < minimumSerial) {
      throw new EnvelopeRejectedException(ErrorCode.MESSAGE_INVALID,
          "directory serial " + directory.serial() + " is older than " + minimumSerial);
    }
    try {
      return TrustedDirectory.ofVerified(directory);
    } catch (KeyLoadingException | CryptoConfigurationException | IllegalArgumentException e) {
      throw new EnvelopeRejectedException(ErrorCode.MESSAGE_INVALID,
          "the signed directory lists certificates that cannot be used", e);
    }
  }
}
