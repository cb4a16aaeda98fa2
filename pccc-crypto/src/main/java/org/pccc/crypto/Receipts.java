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
 * SHA-256 of the signed message inside the envelope ({@link VerifiedMessage#signedSha256()}, the
 * digest of the inner JWS's signing input, which only the sender could produce), and the time;
 * the sender verifies it with a {@link ReceiptVerifier}. A receipt carries no personal data, so
 * it is signed but not encrypted. Stateless and thread-safe.
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
        new Receipt(in.messageId(), received.signedSha256(), received.openedAt()));
    String x5t = self.signing().x5tS256();
    JwsHeader jwsHeader = JwsHeader.builder().keyId(x5t).x5tS256(x5t).type(EnvelopeTypes.RECEIPT).build();
    String jws = Jws.sign(PcccJson.create().write(message), jwsHeader, self.signing().privateKey(), JcaProviders.defaults());
    return new SignedReceipt(message, jws.getBytes(StandardCharsets.US_ASCII));
  }

}
