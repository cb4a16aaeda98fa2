package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweHeader;
import org.pccc.crypto.jose.JweRecipient;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateEntry;
import org.pccc.crypto.pki.CertificateValidity;
import org.pccc.crypto.pki.InsecureDevelopmentPki;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.Message;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;
import org.pccc.transport.spi.OutboundEnvelope;

/**
 * Receipts at the node (trust issue, findings 2 and 6): a receipt forged with a retired key does
 * not stop the sender's retries, and a receipt for an envelope a co-recipient re-encrypted still
 * completes the delivery because it names the signed message.
 */
class ReceiptTrustTest {
  private static final String A = TestNetwork.A;
  private static final String B = TestNetwork.B;
  private static final String C = TestNetwork.C;

  /** B's signing key of an earlier rotation: expired at the end of 2025, still listed as history. */
  private static final SigningKeyPair RETIRED_B = InsecureDevelopmentPki.builder().insecureSeed(71)
      .validity(new CertificateValidity(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z")))
      .centre(B, "RS", "Police").build().centre(B).signing();

  private static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("SEE-TEST")
      .insecureSeed(7).clock(java.time.Clock.systemUTC())
      .centre(A, "MK")
      .centre(B, "RS")
      .centre(C, "BG")
      .retiredSigningCertificate(B, RETIRED_B.certificate())
      .build();

  private final MemoryNetwork network = MemoryNetwork.create();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> rejectedAtA = new LinkedBlockingQueue<>();
  private final BlockingQueue<VerifiedMessage> receivedAtB = new LinkedBlockingQueue<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    network.close();
  }

  private MemoryTransport transport() {
    MemoryTransport t = network.newTransport();
    closeables.add(t);
    return t;
  }

  private PcccNode node(String centre, Path store, ExchangeListener listener, java.util.function.Consumer<VerifiedMessage> handler) {
    return node(centre, store, listener, handler, RetryPolicy.fast());
  }

  private PcccNode node(String centre, Path store, ExchangeListener listener,
      java.util.function.Consumer<VerifiedMessage> handler, RetryPolicy retry) {
    PcccNode node = PcccNode.builder(NET.keys(centre), NET.directory(), store)
        .transport(transport())
        .retryPolicy(retry)
        .pollInterval(Duration.ofMillis(10))
        .listener(listener)
        .handler(MessageHandler.of(handler))
        .build()
        .start();
    closeables.add(0, node);
    return node;
  }

  /** Listens at C's endpoint as a raw transport: what C's node would be handed. */
  private BlockingQueue<byte[]> copiesForC() {
    BlockingQueue<byte[]> copies = new LinkedBlockingQueue<>();
    transport().listen(URI.create("mem:" + C), e -> {
      copies.add(e.bytes());
      return CompletableFuture.completedFuture(null);
    });
    return copies;
  }

  private ExchangeListener recordingRejections() {
    return new ExchangeListener() {
      @Override
      public void rejectedInbound(String code) {
        rejectedAtA.add(code);
      }
    };
  }

  /** What a co-recipient C can do with its copy: decrypt it and hand B the signed message again. */
  private static byte[] reencryptedByC(byte[] envelope) {
    CentreKeys c = NET.keys(C);
    byte[] innerJws = Jwe.parse(envelope, Jwe.DEFAULT_MAX_BYTES)
        .decrypt(c.encryption().kid(), c.encryption().privateKey(), AlgorithmPolicy.defaults());
    CertificateEntry toB = NET.directory().encryptionCertificate(B, Instant.now()).orElseThrow();
    String jwe = Jwe.encrypt(innerJws,
        JweHeader.builder().type("pccc-envelope").contentType("pccc-message").build(),
        List.of(new JweRecipient(toB.kid(), toB.certificate().getPublicKey())));
    return jwe.replace(",", " ,\n ").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void receiptForgedWithRetiredKeyDoesNotStopRetries() throws Exception {
    BlockingQueue<byte[]> copiesForC = copiesForC();
    PcccNode a = node(A, TestNetwork.fastStore("a"), recordingRejections(), m -> { });
    Message alert = TestNetwork.message(A, List.of(B, C), "alert-stolen-vehicle.json", null);
    DeliveryHandle handle = a.send(alert);

    // C, a co-recipient, opens its copy and forges B's receipt with B's retired key, dated 2025.
    VerifiedMessage atC = EnvelopeOpener.builder(NET.keys(C), NET.directory(), org.pccc.crypto.ReplayGuard.inMemoryNotSurvivingRestart()).build()
        .open(copiesForC.poll(10, TimeUnit.SECONDS));
    CentreKeys retiredB = new CentreKeys(B, RETIRED_B, NET.keys(B).encryption());
    byte[] forged = Receipts.issue(atC, withRecipient(retiredB, atC),
        Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC)).jws();
    transport().deliver(URI.create("mem:" + A), new OutboundEnvelope(forged, alert.header().messageId(),
        alert.header().conversationId(), "receipt", B, A));
    assertThat(rejectedAtA.poll(10, TimeUnit.SECONDS)).isEqualTo("PCCC-2009");
    assertThat(handle.receipt(B)).isNotDone();

    // B comes up: the genuine message arrives once and its genuine receipt completes the delivery.
    node(B, TestNetwork.fastStore("b"), new ExchangeListener() { }, receivedAtB::add);
    assertThat(handle.receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    assertThat(receivedAtB.poll(10, TimeUnit.SECONDS).message()).isEqualTo(alert);
    assertThat(receivedAtB.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void reencryptionByACoRecipientStillGetsTheSenderAVerifiableReceipt() throws Exception {
    BlockingQueue<byte[]> copiesForC = copiesForC();
    CountDownLatch firstAttemptAtB = new CountDownLatch(1);
    ExchangeListener listener = new ExchangeListener() {
      @Override
      public void rejectedInbound(String code) {
        rejectedAtA.add(code);
      }

      @Override
      public void retried(java.util.UUID messageId, String recipientCentre, int attempts, Instant next, String code) {
        if (recipientCentre.equals(B)) {
          firstAttemptAtB.countDown();
        }
      }
    };
    // B is down at first and A waits an hour before trying again, so B only ever sees C's copy.
    RetryPolicy patient = new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1), 1.0, Duration.ofHours(1));
    PcccNode a = node(A, TestNetwork.fastStore("a"), listener, m -> { }, patient);
    Message alert = TestNetwork.message(A, List.of(B, C), "alert-stolen-vehicle.json", null);
    DeliveryHandle handle = a.send(alert);
    byte[] copyForC = copiesForC.poll(10, TimeUnit.SECONDS);
    assertThat(firstAttemptAtB.await(10, TimeUnit.SECONDS)).isTrue();

    // B only ever sees C's re-encrypted, re-formatted copy, whose outer bytes A never made.
    node(B, TestNetwork.fastStore("b"), new ExchangeListener() { }, receivedAtB::add);
    transport().deliver(URI.create("mem:" + B), new OutboundEnvelope(reencryptedByC(copyForC),
        alert.header().messageId(), alert.header().conversationId(), "alert", A, B)).get(10, TimeUnit.SECONDS);
    assertThat(receivedAtB.poll(10, TimeUnit.SECONDS).message()).isEqualTo(alert);
    assertThat(handle.receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    assertThat(rejectedAtA).isEmpty();
  }

  /** The forger reuses C's opened copy; the receipt must name B as its sender, so B must be a recipient. */
  private static CentreKeys withRecipient(CentreKeys keys, VerifiedMessage opened) {
    assertThat(opened.message().header().recipients()).anyMatch(p -> p.centreId().equals(keys.centreId()));
    return keys;
  }
}
