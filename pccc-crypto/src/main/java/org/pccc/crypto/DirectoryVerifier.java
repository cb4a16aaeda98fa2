package org.pccc.crypto;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * node trusts. Each refusal has its own code:
 *
 * <ul>
 *   <li>not signed by a pinned coordinator key that is valid now ({@code
 *       DIRECTORY_SIGNATURE_INVALID}); a payload that is not a valid directory ({@code
 *       MESSAGE_INVALID});
 *   <li>another network's directory, when an expected network id is configured ({@code
 *       DIRECTORY_WRONG_NETWORK}): a test network's directory is not accepted in production;
 *   <li>a directory past its signed {@code expiresAt}, or, when it names none, older than the
 *       configured maximum age after {@code issuedAt} ({@code DIRECTORY_EXPIRED}): an old
 *       directory cannot be replayed for ever;
 *   <li>a serial lower than the highest already accepted ({@code DIRECTORY_ROLLBACK}): an old
 *       signed directory would re-enable removed keys. {@link #verify(byte[], DirectorySerialFile)}
 *       keeps that serial across restarts.
 * </ul>
 *
 * <p>Build one with {@link #builder}; the builder's defaults are the safe ones (a maximum age of
 * {@link #DEFAULT_MAX_AGE}). The two constructors keep their earlier meaning (no network check,
 * no maximum age, only the signed expiry) for tools that verify a directory they just signed.
 *
 * <p>Immutable and thread-safe.
 */
public final class DirectoryVerifier {
  /**
   * Default oldest directory accepted when it names no expiry: 400 days after it was issued, so a
   * coordinator re-signs at least once a year.
   */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(400);

  private final List<X509Certificate> coordinators;
  private final AlgorithmPolicy policy;
  private final Clock clock;
  private final String expectedNetworkId;
  private final Duration maxAge;

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
    this.expectedNetworkId = null;
    this.maxAge = null;
  }

  private DirectoryVerifier(Builder b) {
    this.coordinators = b.coordinators;
    this.policy = b.policy;
    this.clock = b.clock;
    this.expectedNetworkId = b.expectedNetworkId;
    this.maxAge = b.maxAge;
  }

  /**
   * Returns a builder with the safe defaults: the maximum age {@link #DEFAULT_MAX_AGE}, the
   * system clock, the default algorithm policy. Set the expected network id.
   *
   * @param coordinatorCertificates the pinned coordinator certificates
   */
  public static Builder builder(List<X509Certificate> coordinatorCertificates) {
    return new Builder(coordinatorCertificates);
  }

  /**
   * Verifies a signed directory against the highest serial kept in a state file, and records
   * its serial there once accepted. A node or tool that points this at the same file on every
   * start cannot be rolled back to an older directory.
   *
   * @param signedDirectory the JWS compact serialization
   * @param state the state file
   * @return the trusted directory
   * @throws EnvelopeRejectedException as {@link #verify(byte[], long)}
   * @throws CryptoConfigurationException with {@code DIRECTORY_STATE_UNUSABLE} if the state file
   *     cannot be read or written
   */
  public TrustedDirectory verify(byte[] signedDirectory, DirectorySerialFile state) {
    Objects.requireNonNull(state, "state");
    TrustedDirectory unchecked = verify(signedDirectory, 0);
    String network = unchecked.directory().networkId();
    long highest = state.highest(network);
    if (unchecked.serial() < highest) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_ROLLBACK,
          "directory serial " + unchecked.serial() + " is older than the accepted " + highest);
    }
    state.advance(network, unchecked.serial());
    return unchecked;
  }

  /**
   * Verifies a signed directory.
   *
   * @param signedDirectory the JWS compact serialization
   * @param minimumSerial the lowest serial accepted (the serial of the directory in use), or 0
   * @return the trusted directory
   * @throws EnvelopeRejectedException with {@code DIRECTORY_SIGNATURE_INVALID} if the signature
   *     does not verify with a pinned coordinator key, {@code MESSAGE_INVALID} if the payload is
   *     not a valid directory, {@code DIRECTORY_WRONG_NETWORK}, {@code DIRECTORY_EXPIRED} or
   *     {@code DIRECTORY_ROLLBACK} (serial below {@code minimumSerial})
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
    if (expectedNetworkId != null && !expectedNetworkId.equals(directory.networkId())) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_WRONG_NETWORK,
          "the directory is for network " + directory.networkId() + ", not " + expectedNetworkId);
    }
    Instant now = clock.instant();
    if (directory.expiresAt() != null && now.isAfter(directory.expiresAt())) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_EXPIRED,
          "directory serial " + directory.serial() + " expired at " + directory.expiresAt());
    }
    if (directory.expiresAt() == null && maxAge != null && now.isAfter(directory.issuedAt().plus(maxAge))) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_EXPIRED, "directory serial "
          + directory.serial() + " was issued at " + directory.issuedAt() + ", more than " + maxAge + " ago");
    }
    if (directory.serial() < minimumSerial) {
      throw new EnvelopeRejectedException(ErrorCode.DIRECTORY_ROLLBACK,
          "directory serial " + directory.serial() + " is older than " + minimumSerial);
    }
    try {
      return TrustedDirectory.ofVerified(directory);
    } catch (KeyLoadingException | CryptoConfigurationException | IllegalArgumentException e) {
      throw new EnvelopeRejectedException(ErrorCode.MESSAGE_INVALID,
          "the signed directory lists certificates that cannot be used", e);
    }
  }

  /** Builds a {@link DirectoryVerifier}. Not thread-safe. */
  public static final class Builder {
    private final List<X509Certificate> coordinators;
    private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private String expectedNetworkId;
    private Duration maxAge = DEFAULT_MAX_AGE;

    private Builder(List<X509Certificate> coordinatorCertificates) {
      if (coordinatorCertificates == null || coordinatorCertificates.isEmpty()) {
        throw new CryptoConfigurationException(ErrorCode.CONFIGURATION, "at least one coordinator certificate is needed");
      }
      this.coordinators = List.copyOf(coordinatorCertificates);
    }

    /** Sets the algorithm allow-list. */
    public Builder algorithmPolicy(AlgorithmPolicy v) { policy = Objects.requireNonNull(v); return this; }
    /** Sets the clock for the coordinator certificate's validity and the directory's expiry. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
    /** Sets the network this node belongs to; another network's directory is refused. */
    public Builder expectedNetworkId(String v) { expectedNetworkId = Objects.requireNonNull(v); return this; }
    /**
     * Sets the oldest directory accepted when it names no {@code expiresAt}, counted from its
     * {@code issuedAt}; null accepts any age (only for tools that verify what they just signed).
     */
    public Builder maxAge(Duration v) {
      if (v != null && (v.isNegative() || v.isZero())) {
        throw new IllegalArgumentException("maxAge must be positive");
      }
      maxAge = v;
      return this;
    }

    /** Builds the verifier. */
    public DirectoryVerifier build() {
      return new DirectoryVerifier(this);
    }
  }
}
