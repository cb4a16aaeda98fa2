package org.pccc.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.JwsHeader;
import org.pccc.crypto.jose.UnverifiedJws;
import org.pccc.crypto.jose.VerifiedJws;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.KeyPurpose;
import org.pccc.crypto.pki.TrustException;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.Receipt;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;

/**
 * Signed receipts: proof that a centre received an envelope. The receiver signs (JWS, typed
 * {@code pccc-receipt}) a message whose body is a {@link Receipt} naming the message id, the
 * SHA-256 of the envelope bytes exactly as received, and the time; the sender verifies it
 * against the trusted directory. A receipt carries no personal data, so it is signed but not
 * encrypted. Stateless and thread-safe.
 */
public final class Receipts {
  private Receipts() {}

  /**
   * A receipt as issued: the message and its signed bytes.
   *
   * @param message the receipt message
   * @param jws the JWS compact serialization, ASCII bytes: what travels back to the sender
   */
  public record SignedReceipt(Message message, byte[] jws) {}

  /**
   * A receipt whose signature and content have been verified.
   *
   * @param message the receipt message
   * @param receipt its body
   * @param receiverCentre the centre that signed it
   */
  public record VerifiedReceipt(Message message, Receipt receipt, String receiverCentre) {}

  /**
   * Issues the receipt for a message this centre opened.
   *
   * @param received the opened message
   * @param self this centre's keys
   * @param clock the clock for the receipt's times
   * @return the signed receipt
   */
  public static SignedReceipt issue(VerifiedMessage received, CentreKeys self, Clock clock) {
    Header in = received.message().header();
    Party me = in.recipients().stream().filter(p -> p.centreId().equals(self.centreId())).findFirst()
        .orElseThrow(() -> new CryptoConfigurationException(ErrorCode.CONFIGURATION,
            "the received message does not name this centre"));
    Instant now = clock.instant();
    Header header = Header.builder()
        .conversationId(in.conversationId())
        .inReplyTo(in.messageId())
        .sender(me)
        .recipients(List.of(in.sender()))
        .createdAt(now)
        .handling(org.pccc.model.Handling.of(HandlingCode.H0))
        .language("en")
        .build();
    Message message = Message.of(header,
        new Receipt(in.messageId(), received.envelopeSha256(), received.openedAt()));
    String x5t = self.signing().x5tS256();
    JwsHeader jwsHeader = JwsHeader.builder().keyId(x5t).x5tS256(x5t).type(EnvelopeTypes.RECEIPT).build();
    String jws = Jws.sign(PcccJson.create().write(message), jwsHeader, self.signing().privateKey(), JcaProviders.defaults());
    return new SignedReceipt(message, jws.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Verifies a receipt for an envelope this centre sent.
   *
   * @param receiptJws the receipt as received
   * @param directory the trusted directory
   * @param expectedMessageId the id of the message sent
   * @param expectedEnvelopeSha256 the SHA-256 of the envelope sent
   * @param expectedReceiver the centre the envelope was sent to
   * @return the verified receipt
   * @throws EnvelopeRejectedException with {@code RECEIPT_INVALID} (or {@code SIGNER_UNKNOWN},
   *     {@code SIGNATURE_INVALID}) if anything does not match
   */
  public static VerifiedReceipt verify(
      byte[] receiptJws, TrustedDirectory directory, UUID expectedMessageId, String expectedEnvelopeSha256,
      String expectedReceiver) {
    Objects.requireNonNull(receiptJws, "receiptJws");
    UnverifiedJws jws = Jws.parse(receiptJws, 64 * 1024);
    if (!jws.protectedHeader().type().map(EnvelopeTypes.RECEIPT::equals).orElse(false)) {
      throw invalid("the JWS is not a PCCC receipt (typ)");
    }
    String x5t = jws.protectedHeader().x5tS256().or(jws::keyId).orElse("");
    TrustedDirectory.Signer signer = directory.signer(x5t)
        .orElseThrow(() -> new EnvelopeRejectedException(ErrorCode.SIGNER_UNKNOWN,
            "the receipt's signing certificate is not in the directory"));
    VerifiedJws verified = jws.verify(signer.certificate().getPublicKey(), AlgorithmPolicy.defaults(), JcaProviders.defaults());
    ReadResult read = PcccJson.create().read(verified.payload());
    if (!(read instanceof ReadResult.Accepted accepted) || !(accepted.message().body() instanceof Receipt receipt)) {
      throw invalid("the signed content is not a valid receipt");
    }
    Message message = accepted.message();
    try {
      CertificateValidator.requireValidAt(signer.certificate(), message.header().createdAt());
      CertificateValidator.requireKeyUsage(signer.certificate(), KeyPurpose.SIGNATURE);
    } catch (TrustException e) {
      throw new EnvelopeRejectedException(ErrorCode.RECEIPT_INVALID, "the receipt signer's certificate is not acceptable", e);
    }
    if (!signer.centreId().equals(expectedReceiver) || !message.header().sender().centreId().equals(expectedReceiver)) {
      throw invalid("the receipt is not from the centre the envelope was sent to");
    }
    if (!receipt.receivedMessageId().equals(expectedMessageId)) {
      throw invalid("the receipt names another message");
    }
    if (!receipt.envelopeSha256().equals(expectedEnvelopeSha256)) {
      throw invalid("the receipt names other envelope bytes than those sent");
    }
    return new VerifiedReceipt(message, receipt, signer.centreId());
  }

  private static EnvelopeRejectedException invalid(String message) {
    return new EnvelopeRejectedException(ErrorCode.RECEIPT_INVALID, message);
  }
}
