package org.pccc.examples.samples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.ReceiptVerifier;
import org.pccc.crypto.Receipts;
import org.pccc.crypto.ReplayGuard;
import org.pccc.crypto.SealedEnvelope;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Examples;
import org.pccc.model.Message;
import org.pccc.model.json.PcccJson;

/**
 * Sample: seal a message for a partner centre, open it there, and verify the signed receipt.
 * The keys come from a development network (NOT FOR PRODUCTION); in production they come from
 * PEM or PKCS#12 files ({@code org.pccc.crypto.pki.Pem}, {@code Pkcs12}) and the directory from
 * the coordinator ({@code DirectoryVerifier}).
 */
public final class SealAndOpen {
  private SealAndOpen() {}

  /**
   * Runs the sample.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  static VerifiedMessage run(PrintStream out) {
    // One clock for everything that judges time: certificates, the message, the opener, the receipt.
    Clock clock = Clock.systemUTC();
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-SAMPLE")
        .clock(clock)
        .centre("MK-RS-TABANOVCE", "MK")
        .centre("MK-RS-TABANOVCE-MK", "MK")
        .build();
    // An example message as if written now (its instants moved alike); a real system builds its own.
    Message message = PcccJson.create().readValid(Examples.readAt("reply-hit-vehicle.json", clock.instant()));

    // The sender seals: sign (EdDSA) then encrypt (ECDH-ES+A256KW with X25519, A256GCM) for every recipient.
    EnvelopeSealer sealer = EnvelopeSealer.builder(net.keys("MK-RS-TABANOVCE-MK"), net.directory()).clock(clock).build();
    SealedEnvelope envelope = sealer.seal(message);
    out.println("sealed " + envelope.size() + " bytes, sha256 " + envelope.sha256());

    // The recipient opens: every check of EnvelopeOpener, each failure with its own code. The replay
    // guard is chosen here: this one forgets every id when the process ends (a node uses its inbox).
    EnvelopeOpener opener = EnvelopeOpener.builder(net.keys("MK-RS-TABANOVCE"), net.directory(),
            ReplayGuard.inMemoryNotSurvivingRestart())
        .clock(clock)
        .build();
    VerifiedMessage opened = opener.open(envelope.bytes());
    out.println("opened message " + opened.message().header().messageId() + " signed by " + opened.signerCentre());

    // The recipient signs a receipt naming the signed message; the sender verifies it against the
    // directory, its signer judged now, its time bounded to the delivery.
    Receipts.SignedReceipt receipt = Receipts.issue(opened, net.keys("MK-RS-TABANOVCE"), clock);
    Receipts.VerifiedReceipt verified = ReceiptVerifier.builder(net.directory()).clock(clock).build().verify(receipt.jws(),
        new ReceiptVerifier.Delivery(message.header().messageId(), envelope.signedSha256(), "MK-RS-TABANOVCE",
            message.header().createdAt()));
    out.println("receipt verified from " + verified.receiverCentre());
    return opened;
  }
}
