package org.pccc.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.UnverifiedJws;
import org.pccc.crypto.jose.VerifiedJws;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.KeyPurpose;
import org.pccc.crypto.pki.TrustException;
import org.pccc.model.Message;
import org.pccc.model.body.Receipt;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;

/**
 * Verifies signed receipts for envelopes this centre sent, each failure with its own stable code:
 *
 * <ol>
 *   <li>a JWS typed {@code pccc-receipt} whose signing certificate the trusted directory lists
 *       ({@code RECEIPT_INVALID}, {@code SIGNER_UNKNOWN}), whose signature verifies with an
 *       allowed algorithm ({@code SIGNATURE_INVALID}, {@code ALGORITHM_NOT_ALLOWED}) and whose
 *       content is a valid receipt ({@code RECEIPT_INVALID});
 *   <li>the signer's certificate judged <em>now</em>, not at the receipt's own created-at: valid,
 *       allowed to sign, and with the configured {@link CertificateValidator} chaining to a
 *       national root and not revoked ({@code CERTIFICATE_NOT_VALID}, {@code
 *       KEY_USAGE_NOT_ALLOWED}, {@code CERTIFICATE_REVOKED}, {@code UNTRUSTED_CHAIN}), so a
 *       retired key that the directory still lists as rotation history cannot sign a receipt;
 *   <li>the receipt's created-at and received-at lie inside the delivery: not before the message
 *       was sent (less the clock skew) and not after now (plus the clock skew), and received-at
 *       not after created-at plus the skew ({@code RECEIPT_TIME_OUT_OF_BOUNDS});
 *   <li>it comes from the centre the envelope was sent to, names the message id and the digest of
 *       the signed message sent ({@link SealedEnvelope#signedSha256()}) ({@code RECEIPT_INVALID});
 *   <li>the directory's bilateral policy does not forbid receipts (it never does).
 * </ol>
 *
 * Immutable and thread-safe.
 */
public final class ReceiptVerifier {
  /** The largest receipt accepted: receipts are small, fixed-shape messages. */
  public static final int MAX_RECEIPT_BYTES = 64 * 1024;

  private final TrustedDirectory directory;
  private final Clock clock;
  private final CertificateValidator certificateValidator;
  private final Duration maxClockSkew;
  private final AlgorithmPolicy policy;
  private final PcccJson json;

  private ReceiptVerifier(Builder b) {
    this.directory = b.directory;
    this.clock = b.clock;
    this.certificateValidator = b.certificateValidator;
    this.maxClockSkew = b.maxClockSkew;
    this.policy = b.policy;
    this.json = b.json;
  }

  /**
   * Returns a builder.
   *
   * @param directory the verified network directory
   */
  public static Builder builder(TrustedDirectory directory) {
    return new Builder(directory);
  }

  /**
   * What the sender knows about one delivery: the receipt must match it.
   *
   * @param messageId the id of the message sent
   * @param signedSha256 the digest of the signed message sent, {@link SealedEnvelope#signedSha256()}
   * @param receiverCentre the centre the envelope was sent to
   * @param sentAt the message's created-at: no receipt for it can be older
   */
  public record Delivery(UUID messageId, String signedSha256, String receiverCentre, Instant sentAt) {
    /** Checks that nothing is null. */
    public Delivery {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(signedSha256, "signedSha256");
      Objects.requireNonNull(receiverCentre, "receiverCentre");
      Objects.requireNonNull(sentAt, "sentAt");
    }
  }

  /**
   * Verifies a receipt for one delivery.
   *
   * @param receiptJws the receipt as received (JWS compact serialization, ASCII)
   * @param delivery what the sender knows about the delivery
   * @return the verified receipt
   * @throws EnvelopeRejectedException with the code of the first check that failed (see the class)
   */
  public VerifiedReceipt verify(byte[] receiptJws, Delivery delivery) {
    Objects.requireNonNull(receiptJws, "receiptJws");
    Objects.requireNonNull(delivery, "delivery");
    Instant now = clock.instant();
    UnverifiedJws jws = Jws.parse(receiptJws, MAX_RECEIPT_BYTES);
    if (!jws.protectedHeader().type().map(EnvelopeTypes.RECEIPT::equals).orElse(false)) {
      throw invalid("the JWS is not a PCCC receipt (typ)");
    }
    String x5t = jws.protectedHeader().x5tS256().or(jws::keyId).orElse("");
    TrustedDirectory.Signer signer = directory.signer(x5t)
        .orElseThrow(() -> new EnvelopeRejectedException(ErrorCode.SIGNER_UNKNOWN,
            "the receipt's signing certificate is not in the directory"));
    VerifiedJws verified = jws.verify(signer.certificate().getPublicKey(), policy, JcaProviders.defaults());
    ReadResult read = json.read(verified.payload());
    if (!(read instanceof ReadResult.Accepted accepted) || !(accepted.message().body() instanceof Receipt receipt)) {
      throw invalid("the signed content is not a valid receipt");
    }
    Message message = accepted.message();
    try {
      EnvelopeOpener.requireCertificateNow(signer.certificate(), KeyPurpose.SIGNATURE, now, certificateValidator);
    } catch (TrustException e) {
      throw new EnvelopeRejectedException(EnvelopeOpener.codeOf(e),
          "the receipt signer's certificate is not acceptable now", e);
    }
    Instant earliest = delivery.sentAt().minus(maxClockSkew);
    Instant latest = now.plus(maxClockSkew);
    Instant created = message.header().createdAt();
    Instant received = receipt.receivedAt();
    if (created.isBefore(earliest) || created.isAfter(latest)
        || received.isBefore(earliest) || received.isAfter(latest)
        || received.isAfter(created.plus(maxClockSkew))) {
      throw new EnvelopeRejectedException(ErrorCode.RECEIPT_TIME_OUT_OF_BOUNDS,
          "the receipt's times lie outside the delivery (sent " + delivery.sentAt() + ", now " + now + ")");
    }
    if (!signer.centreId().equals(delivery.receiverCentre())
        || !message.header().sender().centreId().equals(delivery.receiverCentre())) {
      throw invalid("the receipt is not from the centre the envelope was sent to");
    }
    if (!receipt.receivedMessageId().equals(delivery.messageId())) {
      throw invalid("the receipt names another message");
    }
    if (!receipt.envelopeSha256().equals(delivery.signedSha256())) {
      throw invalid("the receipt names another signed message than the one sent");
    }
    return new VerifiedReceipt(message, receipt, signer.centreId());
  }

  private static EnvelopeRejectedException invalid(String message) {
    return new EnvelopeRejectedException(ErrorCode.RECEIPT_INVALID, message);
  }

  /** Builds a {@link ReceiptVerifier}. Not thread-safe. */
  public static final class Builder {
    private final TrustedDirectory directory;
    private Clock clock = Clock.systemUTC();
    private CertificateValidator certificateValidator;
    private Duration maxClockSkew = EnvelopeOpener.DEFAULT_MAX_CLOCK_SKEW;
    private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
    private PcccJson json = PcccJson.create();

    private Builder(TrustedDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Sets the clock: receipt signers are judged at its instant. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
    /**
     * Adds PKIX validation (national roots, CRLs) of receipt signers, as for message signers; null
     * (the default) checks validity now and key usage only.
     */
    public Builder certificateValidator(CertificateValidator v) { certificateValidator = v; return this; }
    /** Sets how far the receiver's clock may differ from ours; default 5 minutes. */
    public Builder maxClockSkew(Duration v) {
      if (Objects.requireNonNull(v).isNegative()) {
        throw new IllegalArgumentException("maxClockSkew must not be negative");
      }
      maxClockSkew = v;
      return this;
    }
    /** Sets the algorithm allow-list. */
    public Builder algorithmPolicy(AlgorithmPolicy v) { policy = Objects.requireNonNull(v); return this; }
    /** Sets the JSON codec. */
    public Builder json(PcccJson v) { json = Objects.requireNonNull(v); return this; }

    /** Builds the verifier. */
    public ReceiptVerifier build() {
      return new ReceiptVerifier(this);
    }
  }
}
