package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.transport.TestNetwork.A;
import static org.pccc.transport.TestNetwork.B;
import static org.pccc.transport.TestNetwork.C;
import static org.pccc.transport.TestNetwork.NET;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Message;
import org.pccc.model.body.Reply;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;
import org.pccc.transport.store.AuditVerifier;

class PcccNodeTest {
  private final MemoryNetwork network = MemoryNetwork.create();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
  private final Map<String, List<VerifiedMessage>> inboxes = new ConcurrentHashMap<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    network.close();
  }

  private PcccNode node(String centre, Path store) {
    MemoryTransport transport = network.newTransport();
    closeables.add(transport);
    List<VerifiedMessage> received = inboxes.computeIfAbsent(centre, c -> new CopyOnWriteArrayList<>());
    PcccNode node = PcccNode.builder(NET.keys(centre), NET.directory(), store)
        .transport(transport)
        .retryPolicy(RetryPolicy.fast())
        .pollInterval(Duration.ofMillis(10))
        .handler(MessageHandler.of(received::add))
        .build()
        .start();
    closeables.add(0, node);
    return node;
  }

  @Test
  void requestReplyAndReceiptsBetweenTwoCentres() throws Exception {
    PcccNode a = node(A, TestNetwork.fastStore("a"));
    PcccNode b = node(B, TestNetwork.fastStore("b"));
    Message request = TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null);
    PcccNode.PendingRequest pending = a.request(request);
    assertThat(pending.delivery().receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);

    VerifiedMessage atB = waitFor(B, 1).get(0);
    assertThat(atB.message()).isEqualTo(request);
    assertThat(b.openRequests()).extracting(PcccNode.OpenRequest::requestId)
        .containsExactly(request.header().messageId());

    Message reply = TestNetwork.message(B, List.of(A), "reply-hit-vehicle.json", request.header().messageId());
    b.send(reply).allReceipts().get(10, TimeUnit.SECONDS);
    VerifiedMessage answer = pending.reply().get(10, TimeUnit.SECONDS);
    assertThat(((Reply) answer.message().body()).outcome()).isEqualTo(ReplyOutcome.HIT);
    assertThat(b.openRequests()).isEmpty();
    assertThat(a.pendingDeliveries()).isZero();
    assertThat(b.pendingDeliveries()).isZero();
  }

  @Test
  void aListenOnEndpointWithoutAGivenTransportGetsTheSchemesProviderAndTheNodeClosesIt() throws Exception {
    // The mem: provider serves the shared network; the sender is given a transport on it explicitly.
    MemoryTransport senderTransport = MemoryTransport.create(MemoryNetwork.shared());
    closeables.add(senderTransport);
    PcccNode a = PcccNode.builder(NET.keys(A), NET.directory(), TestNetwork.fastStore("a"))
        .transport(senderTransport).retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10))
        .build().start();
    closeables.add(0, a);
    java.util.concurrent.BlockingQueue<VerifiedMessage> received = new java.util.concurrent.LinkedBlockingQueue<>();
    PcccNode b = PcccNode.builder(NET.keys(B), NET.directory(), TestNetwork.fastStore("b"))
        .listenOn(URI.create("mem:" + B)).retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10))
        .handler(MessageHandler.of(received::add)).build().start();

    Message message = TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null);
    assertThat(a.send(message).receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    // The hand-over follows the commit (and so the receipt) on B's worker: wait for it.
    VerifiedMessage handed = received.poll(10, TimeUnit.SECONDS);
    assertThat(handed).isNotNull();
    assertThat(handed.message().header().messageId()).isEqualTo(message.header().messageId());

    b.close();
    // The node closed the transport it discovered: the shared endpoint is free again.
    try (MemoryTransport again = MemoryTransport.create(MemoryNetwork.shared())) {
      assertThat(again.listen(URI.create("mem:" + B), envelope -> java.util.concurrent.CompletableFuture.completedFuture(null)).endpoint())
          .isEqualTo(URI.create("mem:" + B));
    }
  }

  @Test
  void aListenOnEndpointWhoseSchemeNoProviderServesIsAClearError() throws Exception {
    assertThatThrownBy(() -> PcccNode.builder(NET.keys(B), NET.directory(), TestNetwork.fastStore("b"))
        .listenOn(URI.create("carrier-pigeon:" + B)).build())
        .isInstanceOfSatisfying(org.pccc.transport.spi.TransportException.class,
            e -> assertThat(e.code()).isEqualTo(org.pccc.transport.spi.TransportException.NO_TRANSPORT));
  }

  @Test
  void broadcastToTwoCentresGetsTwoReceiptsAndTheAuditLogVerifies() throws Exception {
    Path storeA = TestNetwork.fastStore("a");
    PcccNode a = node(A, storeA);
    node(B, TestNetwork.fastStore("b"));
    node(C, TestNetwork.fastStore("c"));
    Message alert = TestNetwork.message(A, List.of(B, C), "alert-stolen-vehicle.json", null);
    assertThat(a.send(alert).allReceipts().get(10, TimeUnit.SECONDS)).hasSize(2);
    waitFor(B, 1);
    waitFor(C, 1);
    a.close();
    assertThat(AuditVerifier.verify(storeA.resolve("audit")).ok()).isTrue();
  }

  @Test
  void messagesWaitInTheOutboxWhileTheReceiverIsDownAndArriveWhenItReturns() throws Exception {
    PcccNode a = node(A, TestNetwork.fastStore("a"));
    Message m = TestNetwork.message(A, List.of(B), "alert-stolen-vehicle.json", null);
    DeliveryHandle handle = a.send(m);
    Thread.sleep(300);
    assertThat(handle.receipt(B)).isNotDone();
    assertThat(a.pendingDeliveries()).isEqualTo(1);
    node(B, TestNetwork.fastStore("b"));
    assertThat(handle.receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    assertThat(waitFor(B, 1)).hasSize(1);
  }

  @Test
  void h2ContentIsNotForwardedWithoutPermission() throws Exception {
    node(A, TestNetwork.fastStore("a"));
    PcccNode b = node(B, TestNetwork.fastStore("b"));
    node(C, TestNetwork.fastStore("c"));
    PcccNode a = closeables.stream().filter(PcccNode.class::isInstance).map(PcccNode.class::cast)
        .filter(n -> n.centreId().equals(A)).findFirst().orElseThrow();
    Message refusal = TestNetwork.message(A, List.of(B), "reply-refusal.json", UUID.randomUUID());
    a.send(refusal).allReceipts().get(10, TimeUnit.SECONDS);
    VerifiedMessage atB = waitFor(B, 1).get(0);
    assertThat(atB.message().header().handling().forbidsOnwardTransmission()).isTrue();
    assertThatThrownBy(() -> b.forward(atB, List.of(org.pccc.model.Party.of(C, "BG")), null))
        .isInstanceOf(HandlingRestrictionException.class).hasMessageContaining("PCCC-3101");
    ForwardingPermission permission = ForwardingPermission.byMessage(A, UUID.randomUUID(), java.time.Instant.now());
    b.forward(atB, List.of(org.pccc.model.Party.of(C, "BG")), permission).allReceipts().get(10, TimeUnit.SECONDS);
    assertThat(waitFor(C, 1)).hasSize(1);
  }

  private List<VerifiedMessage> waitFor(String centre, int count) throws InterruptedException {
    List<VerifiedMessage> list = inboxes.computeIfAbsent(centre, c -> new CopyOnWriteArrayList<>());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (list.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(list).as("messages at " + centre).hasSizeGreaterThanOrEqualTo(count);
    return list;
  }
}
