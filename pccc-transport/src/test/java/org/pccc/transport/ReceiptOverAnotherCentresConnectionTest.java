package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Message;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.https.TlsConfig;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;

/**
 * Issue 14, finding 7, on the receipt path: B's genuine signed receipt, posted to A's node over a
 * connection authenticated as centre C, is refused (PCCC-3060) and leaves the delivery open; the
 * same receipt from B completes it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReceiptOverAnotherCentresConnectionTest {
  private static final String A = TestNetwork.A;
  private static final String B = TestNetwork.B;
  private static final String C = "BA-HR-GRADISKA";

  @Test
  void aReceiptPostedByAnotherCentreIsRefusedAndTheSignersOwnCompletesTheDelivery() throws Exception {
    int portA = NodeOverHttpsTest.freePort();
    int portB = NodeOverHttpsTest.freePort();
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-RECEIPT").insecureSeed(31).clock(java.time.Clock.systemUTC())
        .centre(A, "MK", "PCCC A", List.of("https://127.0.0.1:" + portA + "/pccc/v1/envelopes"), null)
        .centre(B, "RS", "PCCC B", List.of("https://127.0.0.1:" + portB + "/pccc/v1/envelopes"), null)
        .centre(C, "BA", "PCCC C", List.of("https://127.0.0.1:1/pccc/v1/envelopes"), null)
        .build();
    BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
    try (HttpsTransport ta = HttpsTransport.create(TlsConfig.forCentre(net.keys(A), net.directory()));
        HttpsTransport tb = HttpsTransport.create(TlsConfig.forCentre(net.keys(B), net.directory()));
        HttpsTransport tc = HttpsTransport.create(TlsConfig.forCentre(net.keys(C), net.directory()));
        // B is a bare listener here that keeps what it gets and sends no receipt by itself.
        Listener inboxB = tb.listen(URI.create("https://127.0.0.1:" + portB + "/pccc/v1/envelopes"), envelope -> {
          atB.add(envelope.bytes());
          return CompletableFuture.completedFuture(null);
        });
        PcccNode a = PcccNode.builder(net.keys(A), net.directory(), TestNetwork.fastStore("receipt-peer-a"))
            .transport(ta).retryPolicy(new RetryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(60), 2.0,
                Duration.ofSeconds(60)))
            .pollInterval(Duration.ofMillis(10)).build().start()) {
      Message m = TestNetwork.message(A, List.of(B), "receipt.json", null);
      CompletableFuture<VerifiedReceipt> receipt = a.send(m).receipt(B);
      byte[] envelope = atB.poll(30, TimeUnit.SECONDS);
      assertThat(envelope).isNotNull();
      VerifiedMessage opened = EnvelopeOpener.builder(net.keys(B), net.directory(),
          org.pccc.crypto.ReplayGuard.inMemoryNotSurvivingRestart()).build().open(envelope);
      byte[] signedByB = Receipts.issue(opened, net.keys(B), Clock.systemUTC()).jws();
      URI endpointA = URI.create("https://127.0.0.1:" + portA + "/pccc/v1/envelopes");
      OutboundEnvelope receiptEnvelope = new OutboundEnvelope(signedByB, UUID.randomUUID(),
          m.header().conversationId(), "receipt", B, A);

      Throwable refused = catchThrowable(() -> tc.deliver(endpointA, receiptEnvelope).get(30, TimeUnit.SECONDS));

      assertThat(refused).isInstanceOf(ExecutionException.class);
      TransportException te = (TransportException) refused.getCause();
      assertThat(te.retryable()).isFalse();
      assertThat(te.getMessage()).contains(TransportException.PEER_NOT_SIGNER);
      assertThat(receipt).isNotDone();
      assertThat(a.pendingDeliveries()).isEqualTo(1);

      tb.deliver(endpointA, receiptEnvelope).get(30, TimeUnit.SECONDS);
      VerifiedReceipt verified = receipt.get(30, TimeUnit.SECONDS);
      assertThat(verified.receipt().receivedMessageId()).isEqualTo(m.header().messageId());
      assertThat(verified.receiverCentre()).isEqualTo(B);
      inboxB.close();
    }
  }
}
