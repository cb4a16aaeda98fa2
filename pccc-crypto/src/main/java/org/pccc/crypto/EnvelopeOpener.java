package org.pccc.crypto;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.EncryptedJwe;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweRecipientEntry;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.UnverifiedJws;
import org.pccc.crypto.jose.VerifiedJws;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.KeyPurpose;
import org.pccc.crypto.pki.TrustException;
import org.pccc.model.Limits;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;

/**
 * Opens envelopes addressed to one centre and checks everything, each failure with its own
 * stable {@link ErrorCode}, in this order:
 *
 * <ol>
 *   <li>size under the limit ({@code ENVELOPE_TOO_LARGE});
 *   <li>a well-formed JWE whose headers name no key and no forbidden parameter
 *       ({@code MALFORMED_ENVELOPE}, {@code FORBIDDEN_HEADER});
 *   <li>an entry for this centre's encryption key ({@code NOT_A_RECIPIENT}), algorithms on the
 *       allow-list ({@code ALGORITHM_NOT_ALLOWED}), decryption ({@code DECRYPTION_FAILED});
 *   <li>the inner JWS names a signing certificate the trusted directory lists
 *       ({@code SIGNER_UNKNOWN}) and its signature verifies ({@code SIGNATURE_INVALID});
 *   <li>the payload is a valid message ({@code MESSAGE_INVALID});
 *   <li>the signer's certificate is judged <em>now</em>, at the opener's clock, not at the
 *       message's created-at (which the signer chooses): it must be valid now and already valid
 *       at created-at, allow signing, and (if configured) chain to a national root and not be
 *       revoked now ({@code CERTIFICATE_NOT_VALID}, {@code KEY_USAGE_NOT_ALLOWED}, {@code
 *       CERTIFICATE_REVOKED}, {@code UNTRUSTED_CHAIN});
 *   <li>the signer is the sender named in the header ({@code SENDER_MISMATCH}) and this centre
 *       is among the named recipients, so a signed message cannot be re-encrypted and forwarded
 *       to a third centre ({@code RECIPIENT_NOT_NAMED});
 *   <li>created-at is inside the accepted window ({@code CLOCK_SKEW});
   *   <li>the directory's bilateral policy between the signer and this centre allows the message's
   *       kind and language ({@code POLICY_VIOLATION});
   *   <li>the (signer, message id) pair was not seen before ({@code REPLAY}), and the signer is
   *       within its replay quota ({@code REPLAY_QUOTA_EXCEEDED}).
 * </ol>
 *
 * <p><b>Certificates are judged at the time of opening.</b> A backdated created-at therefore
 * cannot revive a revoked or expired key. An honestly delayed message (a link down for days) is
 * still accepted within the maximum age as long as its signer's certificate is still valid and
 * not revoked when it arrives. A message signed just before its certificate expired and arriving
 * after the expiry is refused with {@code CERTIFICATE_NOT_VALID}: expiry is planned, so a centre
 * publishes its next signing certificate and signs with it at least the maximum age (8 days by
 * default) before the old one expires; {@link EnvelopeSealer} refuses to sign with a certificate
 * that is not valid at sealing time. See {@code pccc-crypto/SECURITY.md}.
 *
 * Algorithms are taken from the configured {@link AlgorithmPolicy}, never from the message.
 *
 * <p>The {@link ReplayGuard} is a required argument of {@link #builder}, so that where replay
 * state lives is chosen at the call site: a node passes its durable inbox; code that opens
 * envelopes on its own passes a durable guard of its own or, knowing that replays are accepted
 * again after a restart, {@link ReplayGuard#inMemoryNotSurvivingRestart()}.
 *
 * <p>Immutable and thread-safe (the replay guard is thread-safe).
 */
public final class EnvelopeOpener {
  /** Default largest envelope accepted: {@link Limits#MAX_ENVELOPE_BYTES} (4 MiB), as every transport. */
  public static final int DEFAULT_MAX_ENVELOPE_BYTES = Limits.MAX_ENVELOPE_BYTES;
  /** Default tolerance for a sender's clock running ahead. */
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  /**
   * Default oldest message accepted: 8 days, longer than the 7-day reply deadline, so that a
   * message retried over a link that was down for days is still accepted.
   */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(8);

  private final CentreKeys self;
  private final TrustedDirectory directory;
  private final PcccJson json;
  private final AlgorithmPolicy policy;
  private final JcaProviders providers;
  private final ReplayGuard replayGuard;
  private final CertificateValidator certificateValidator;
  private final Clock clock;
  private final int maxEnvelopeBytes;
  private final Duration maxClockSkew;
  private final Duration maxAge;

  private EnvelopeOpener(Builder b) {
    this.self = b.self;
    this.directory = b.directory;
    this.json = b.json;
    this.policy = b.policy;
    this.providers = b.providers;
    this.replayGuard = b.replayGuard;
    this.certificateValidator = b.certificateValidator;
    this.clock = b.clock;
    this.maxEnvelopeBytes = b.maxEnvelopeBytes;
    this.maxClockSkew = b.maxClockSkew;
    this.maxAge = b.maxAge;
  }

  /**
   * Returns a builder.
   *
   * @param self this centre's keys (the encryption key opens, the centre id is checked)
   * @param directory the verified network directory
   * @param replayGuard where the ids of opened messages are remembered: a durable guard (a node's
   *     inbox) or, knowingly, {@link ReplayGuard#inMemoryNotSurvivingRestart()}
   */
  public static Builder builder(CentreKeys self, TrustedDirectory directory, ReplayGuard replayGuard) {
    return new Builder(self, directory, replayGuard);
  }

  /**
   * Opens and checks an envelope.
   *
   * @param envelope the bytes as received
   * @return the verified message
   * @throws EnvelopeRejectedException with the code of the first check that failed
   */
  public VerifiedMessage open(byte[] envelope) {
    Objects.requireNonNull(envelope, "envelope");
    if (envelope.length > maxEnvelopeBytes) {
      throw reject(ErrorCode.ENVELOPE_TOO_LARGE,
          "envelope of " + envelope.length + " bytes exceeds the limit of " + maxEnvelopeBytes);
    }
    Instant now = clock.instant();
    EncryptedJwe jwe = Jwe.parse(envelope, maxEnvelopeBytes);
    if (!jwe.protectedHeader().type().map(EnvelopeTypes.ENVELOPE::equals).orElse(false)) {
      throw reject(ErrorCode.MALFORMED_ENVELOPE, "the JWE is not a PCCC envelope (typ)");
    }
    String myKid = self.encryption().kid();
    boolean addressed = false;
    for (JweRecipientEntry r : jwe.recipients()) {
      if (r.keyId().map(myKid::equals).orElse(false)) {
        addressed = true;
        break;
      }
    }
    if (!addressed) {
      throw reject(ErrorCode.NOT_A_RECIPIENT, "no recipient entry for this centre's encryption key");
    }
    byte[] jwsBytes = jwe.decrypt(myKid, self.encryption().privateKey(), policy, providers);

    UnverifiedJws jws = Jws.parse(jwsBytes, maxEnvelopeBytes);
    if (!jws.protectedHeader().type().map(EnvelopeTypes.MESSAGE::equals).orElse(false)) {
      throw reject(ErrorCode.MALFORMED_ENVELOPE, "the signed content is not a PCCC message (typ)");
    }
    String x5t = jws.protectedHeader().x5tS256().or(jws::keyId)
        .orElseThrow(() -> reject(ErrorCode.SIGNER_UNKNOWN, "the signature names no certificate"));
    TrustedDirectory.Signer signer = directory.signer(x5t)
        .orElseThrow(() -> reject(ErrorCode.SIGNER_UNKNOWN, "the signing certificate is not in the directory"));
    VerifiedJws verified = jws.verify(signer.certificate().getPublicKey(), policy, providers);

    ReadResult read = json.read(verified.payload());
    if (!(read instanceof ReadResult.Accepted accepted)) {
      throw reject(ErrorCode.MESSAGE_INVALID, "the signed message is not valid: " + read.report().codes());
    }
    Message message = accepted.message();
    checkCertificate(signer.certificate(), now, message.header().createdAt());
    if (!message.header().sender().centreId().equals(signer.centreId())) {
      throw reject(ErrorCode.SENDER_MISMATCH, "signed by centre " + signer.centreId()
          + " but the header names sender " + message.header().sender().centreId());
    }
    if (!namesRecipient(message.header().recipients(), self.centreId())) {
      throw reject(ErrorCode.RECIPIENT_NOT_NAMED, "this centre (" + self.centreId()
          + ") is not among the message's recipients");
    }
    Instant created = message.header().createdAt();
    if (created.isAfter(now.plus(maxClockSkew)) || created.isBefore(now.minus(maxAge))) {
      throw reject(ErrorCode.CLOCK_SKEW, "createdAt is outside the accepted window");
    }
    BilateralPolicyCheck.require(directory, signer.centreId(), self.centreId(), message);
    if (!replayGuard.firstSeen(signer.centreId(), message.header().messageId(), created)) {
      throw new ReplayedMessageException(message.header().messageId(), signer.centreId());
    }
    return new VerifiedMessage(message, signer.centreId(), signer.certificate(), Digests.sha256Hex(envelope),
        Digests.signingInputSha256Hex(verified.compact()), now);
  }

  /**
   * Judges the signer's certificate at the time of opening (validity, key usage, and with a
   * validator the chain and the CRLs as they stand now), and refuses a created-at before the
   * certificate's own start: a message cannot claim to be signed by a key that did not exist yet.
   */
  private void checkCertificate(X509Certificate certificate, Instant now, Instant createdAt) {
    try {
      requireCertificateNow(certificate, KeyPurpose.SIGNATURE, now, certificateValidator);
      if (createdAt.isBefore(certificate.getNotBefore().toInstant())) {
        throw new TrustException(TrustException.Reason.NOT_VALID_AT_TIME,
            "the message claims a creation time before its signing certificate's validity");
      }
    } catch (TrustException e) {
      throw new EnvelopeRejectedException(codeOf(e), "the signer's certificate is not acceptable", e);
    }
  }

  /**
   * Checks a certificate for a purpose at an instant with the validator if there is one,
   * otherwise its validity window and key usage.
   */
  static void requireCertificateNow(
      X509Certificate certificate, KeyPurpose purpose, Instant now, CertificateValidator validator) {
    if (validator != null) {
      validator.validate(certificate, purpose, now);
    } else {
      CertificateValidator.requireValidAt(certificate, now);
      CertificateValidator.requireKeyUsage(certificate, purpose);
    }
  }

  /** Maps a trust failure to the stable code the opener and the receipt verifier report. */
  static ErrorCode codeOf(TrustException e) {
    return switch (e.reason()) {
      case NOT_VALID_AT_TIME -> ErrorCode.CERTIFICATE_NOT_VALID;
      case REVOKED -> ErrorCode.CERTIFICATE_REVOKED;
      case KEY_USAGE_NOT_ALLOWED -> ErrorCode.KEY_USAGE_NOT_ALLOWED;
      default -> ErrorCode.UNTRUSTED_CHAIN;
    };
  }

  private static boolean namesRecipient(List<Party> recipients, String centreId) {
    return recipients.stream().anyMatch(p -> p.centreId().equals(centreId));
  }

  private static EnvelopeRejectedException reject(ErrorCode code, String message) {
    return new EnvelopeRejectedException(code, message);
  }

  /** Builds an {@link EnvelopeOpener}. Not thread-safe. */
  public static final class Builder {
    private final CentreKeys self;
    private final TrustedDirectory directory;
    private PcccJson json = PcccJson.create();
    private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
    private JcaProviders providers = JcaProviders.defaults();
    private final ReplayGuard replayGuard;
    private CertificateValidator certificateValidator;
    private Clock clock = Clock.systemUTC();
    private int maxEnvelopeBytes = DEFAULT_MAX_ENVELOPE_BYTES;
    private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
    private Duration maxAge = DEFAULT_MAX_AGE;

    private Builder(CentreKeys self, TrustedDirectory directory, ReplayGuard replayGuard) {
      this.self = Objects.requireNonNull(self, "self");
      this.directory = Objects.requireNonNull(directory, "directory");
      this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
    }

    /** Sets the JSON codec (and so the validator). */
    public Builder json(PcccJson v) { json = Objects.requireNonNull(v); return this; }
    /** Sets the algorithm allow-list; the default allows EdDSA, ES256, ECDH-ES+A256KW on X25519/P-256, A256GCM. */
    public Builder algorithmPolicy(AlgorithmPolicy v) { policy = Objects.requireNonNull(v); return this; }
    /** Sets the JCA providers. */
    public Builder providers(JcaProviders v) { providers = Objects.requireNonNull(v); return this; }
    /**
     * Adds PKIX validation of signers' certificates (national roots, CRLs) on top of the
     * directory listing, judged at the time of opening. Without it, validity now and key usage
     * are still checked.
     */
    public Builder certificateValidator(CertificateValidator v) { certificateValidator = Objects.requireNonNull(v); return this; }
    /** Sets the clock. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
    /** Sets the largest envelope accepted, in bytes. */
    public Builder maxEnvelopeBytes(int v) {
      if (v <= 0) {
        throw new IllegalArgumentException("maxEnvelopeBytes must be positive");
      }
      maxEnvelopeBytes = v;
      return this;
    }
    /** Sets how far a sender's clock may run ahead. */
    public Builder maxClockSkew(Duration v) { maxClockSkew = Objects.requireNonNull(v); return this; }
    /**
     * Sets the oldest message accepted. A replay guard must remember ids for this age plus the
     * clock skew, the whole span of creation times the opener accepts.
     */
    public Builder maxAge(Duration v) { maxAge = Objects.requireNonNull(v); return this; }

    /**
     * Builds the opener.
     *
     * @throws IllegalStateException if the replay guard is an {@link InMemoryReplayGuard} whose
     *     window is shorter than the maximum age plus the clock skew (it would forget ids the
     *     opener still accepts)
     */
    public EnvelopeOpener build() {
      if (replayGuard instanceof InMemoryReplayGuard memory
          && memory.window().compareTo(maxAge.plus(maxClockSkew)) < 0) {
        throw new IllegalStateException("the in-memory replay guard's window " + memory.window()
            + " is shorter than maxAge plus maxClockSkew " + maxAge.plus(maxClockSkew));
      }
      return new EnvelopeOpener(this);
    }
  }

  /** Returns this opener's centre id. */
  public String centreId() {
    return self.centreId();
  }

  /** Returns the directory in use. */
  public TrustedDirectory directory() {
    return directory;
  }
}
