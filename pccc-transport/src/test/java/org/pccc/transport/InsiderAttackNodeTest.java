package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pccc.transport.TestNetwork.A;
import static org.pccc.transport.TestNetwork.B;
import static org.pccc.transport.TestNetwork.C;
import static org.pccc.transport.TestNetwork.NET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.store.AuditVerifier;
import org.pccc.transport.store.HandoverFolder;

/**
 * A member centre attacking another through the node's bookkeeping (issue 14, findings 3, 4, 10
 * and 13). Each test asserts the exact code the attack meets and that genuine traffic still flows.
 */
class InsiderAttackNodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MemoryNetwork network = MemoryNetwork.create();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
  private final Map<String, List<VerifiedMessage>> inboxes = new ConcurrentHashMap<>();
  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    network.close();
  }

  private PcccNode.Builder builder(String centre, Path store) {
    MemoryTransport transport = network.newTransport();
    closeables.add(transport);
    List<VerifiedMessage> received = inboxes.computeIfAbsent(centre, c -> new CopyOnWriteArrayList<>());
    return PcccNode.builder(NET.keys(centre), NET.directory(), store)
        .transport(transport)
        .clock(clock)
        .retryPolicy(RetryPolicy.fast())
        .pollInterval(Duration.ofMillis(10))
        .handler(MessageHandler.of(received::add));
  }

  private PcccNode node(String centre, Path store) {
    return started(builder(centre, store).build());
  }

  private PcccNode started(PcccNode node) {
    closeables.add(0, node);
    return node.start();
  }

  /** A message of the shared clock's time, with a chosen id if not null. */
  private Message message(String from, List<String> to, String example, UUID inReplyTo, UUID id) {
    Message m = TestNetwork.message(from, to, example, inReplyTo);
    Header.Builder h = m.header().toBuilder().createdAt(clock.instant());
    if (id != null) {
      h.messageId(id);
      if (inReplyTo == null) {
        h.conversationId(id);
      }
    }
    return Message.of(h.build(), m.body());
  }

  @Test
  void messageIdSquattedByACoRecipientDoesNotHideTheGenuineMessageNorGetItsSenderTheWrongReceipt() throws Exception {
    PcccNode a = node(A, TestNetwork.fastStore("a"));
    PcccNode b = node(B, TestNetwork.fastStore("b"));
    Path storeC = TestNetwork.fastStore("c");
    node(C, storeC);
    UUID id = UUID.randomUUID();
    // B learned the id of A's message to B and C and registers it at C first, for a message of its own.
    b.send(message(B, List.of(C), "alert-stolen-vehicle.json", null, id)).allReceipts().get(10, TimeUnit.SECONDS);
    waitFor(C, 1);

    Message genuine = message(A, List.of(B, C), "alert-stolen-vehicle.json", null, id);
    // Both receipts verify against A's own envelope: C answered with the receipt of A's message.
    assertThat(a.send(genuine).allReceipts().get(10, TimeUnit.SECONDS)).hasSize(2);
    List<VerifiedMessage> atC = waitFor(C, 2);
    assertThat(atC).extracting(VerifiedMessage::signerCentre).containsExactly(B, A);
    assertThat(atC.get(1).message()).isEqualTo(genuine);

    List<JsonNode> received = audit(storeC, "RECEIVED", id);
    assertThat(received).extracting(e -> e.path("senderCentre").asText()).containsExactly(B, A);
    assertThat(received.get(0).has("code")).isFalse();
    assertThat(received.get(1).path("code").asText()).isEqualTo(ErrorCode.MESSAGE_ID_CONFLICT.code());

    assertThat(inboxes.get(C)).hasSize(2);
  }

  @Test
  void replyHijackedByACentreTheRequestWasNotSentToIsRefusedAndTheGenuineReplyIsCorrelated() throws Exception {
    Path storeA = TestNetwork.fastStore("a");
    PcccNode a = node(A, storeA);
    PcccNode b = node(B, TestNetwork.fastStore("b"));
    PcccNode c = node(C, TestNetwork.fastStore("c"));
    Message request = message(A, List.of(B), "request-vehicle-urgent.json", null, null);
    PcccNode.PendingRequest pending = a.request(request);
    pending.delivery().receipt(B).get(10, TimeUnit.SECONDS);

    UUID requestId = request.header().messageId();
    Message forged = message(C, List.of(A), "reply-hit-vehicle.json", requestId, null);
    CompletableFuture<?> hijack = c.send(forged).receipt(A);
    assertThat(catchCause(hijack)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.code()).isEqualTo(DeliveryException.REJECTED));
    assertThat(pending.reply()).isNotDone();
    assertThat(audit(storeA, "REJECTED", forged.header().messageId()))
        .singleElement().satisfies(e -> {
          assertThat(e.path("code").asText()).isEqualTo(InboundRefusedException.REPLY_NOT_FROM_RECIPIENT);
          assertThat(e.path("senderCentre").asText()).isEqualTo(C);
        });
    assertThat(inboxes.get(A)).isEmpty();

    Message reply = message(B, List.of(A), "reply-hit-vehicle.json", requestId, null);
    b.send(reply).allReceipts().get(10, TimeUnit.SECONDS);
    VerifiedMessage answer = pending.reply().get(10, TimeUnit.SECONDS);
    assertThat(answer.signerCentre()).isEqualTo(B);
    assertThat(answer.message()).isEqualTo(reply);
  }

  @Test
  void inboxRecordsBeyondTheReplayWindowArePurgedOnAScheduleAndAnOldEnvelopeStaysRefused() throws Exception {
    PcccNode a = node(A, TestNetwork.fastStore("a"));
    Path storeB = TestNetwork.fastStore("b");
    CountDownLatch purged = new CountDownLatch(1);
    List<Integer> purgedCounts = new CopyOnWriteArrayList<>();
    PcccNode b = started(builder(B, storeB)
        .purgeInterval(Duration.ofMillis(20))
        .listener(new ExchangeListener() {
          @Override
          public void inboxPurged(int records, Instant cutoff) {
            if (records > 0) {
              purgedCounts.add(records);
              purged.countDown();
            }
          }
        })
        .build());
    Message old = message(A, List.of(B), "alert-stolen-vehicle.json", null, null);
    byte[] oldEnvelope = EnvelopeSealer.builder(NET.keys(A), NET.directory()).clock(clock).build().seal(old).bytes();
    MemoryTransport attacker = network.newTransport();
    closeables.add(attacker);
    attacker.deliver(b.endpoints().get(0), envelope(old, oldEnvelope)).get(10, TimeUnit.SECONDS);
    waitFor(B, 1);
    waitForHandOver(storeB, 1);
    assertThat(recordFiles(storeB)).hasSize(1);

    clock.advance(PcccNode.DEFAULT_INBOX_RETENTION.plusMinutes(1));
    assertThat(purged.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(purgedCounts).containsExactly(1);
    assertThat(recordFiles(storeB)).isEmpty();

    // The id is forgotten, but the envelope is older than the window: refused, not handed over again.
    assertThat(catchCause(attacker.deliver(b.endpoints().get(0), envelope(old, oldEnvelope))))
        .isInstanceOf(TransportException.class);
    assertThat(audit(storeB, "REJECTED", null)).extracting(e -> e.path("code").asText())
        .contains(ErrorCode.CLOCK_SKEW.code());
    Message fresh = message(A, List.of(B), "alert-stolen-vehicle.json", null, null);
    assertThat(a.send(fresh).receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    assertThat(waitFor(B, 2)).extracting(v -> v.message().header().messageId())
        .containsExactly(old.header().messageId(), fresh.header().messageId());
  }

  @Test
  void oneCentreFloodingTheInboxIsStoppedByItsQuotaWhileAnotherCentreStillGetsThrough() throws Exception {
    PcccNode a = node(A, TestNetwork.fastStore("a"));
    PcccNode c = node(C, TestNetwork.fastStore("c"));
    Path storeB = TestNetwork.fastStore("b");
    started(builder(B, storeB).maxInboxRecordsPerSender(2).build());
    for (int i = 0; i < 2; i++) {
      c.send(message(C, List.of(B), "alert-stolen-vehicle.json", null, null)).receipt(B).get(10, TimeUnit.SECONDS);
    }
    Message overQuota = message(C, List.of(B), "alert-stolen-vehicle.json", null, null);
    assertThat(catchCause(c.send(overQuota).receipt(B))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.code()).isEqualTo(DeliveryException.REJECTED));
    assertThat(audit(storeB, "REJECTED", null)).extracting(e -> e.path("code").asText())
        .containsExactly(ErrorCode.REPLAY_QUOTA_EXCEEDED.code());

    Message genuine = message(A, List.of(B), "alert-stolen-vehicle.json", null, null);
    assertThat(a.send(genuine).receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    assertThat(waitFor(B, 3)).extracting(VerifiedMessage::signerCentre).containsExactly(C, C, A);
  }

  @Test
  void handOverFileSwappedForAnotherValidEnvelopeBeforeRecoveryIsQuarantinedAndNotHandedOver() throws Exception {
    PcccNode a = node(A, TestNetwork.fastStore("a"));
    Path storeB = TestNetwork.fastStore("b");
    AtomicBoolean crashHandler = new AtomicBoolean(true);
    PcccNode b = started(builder(B, storeB).handler((v, context) -> {
      if (crashHandler.get()) {
        throw new IllegalStateException("application down");
      }
      inboxes.get(B).add(v);
    }).build());
    Message swapped = message(A, List.of(B), "alert-stolen-vehicle.json", null, null);
    Message intact = message(A, List.of(B), "alert-stolen-vehicle.json", null, null);
    assertThat(a.send(swapped).receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    assertThat(a.send(intact).receipt(B).get(10, TimeUnit.SECONDS).receiverCentre()).isEqualTo(B);
    b.close();

    // Someone with access to the store puts another valid envelope from A in place of the first.
    Path handover = storeB.resolve("handover");
    Path file;
    try (Stream<Path> files = Files.list(handover)) {
      file = files.filter(p -> p.getFileName().toString().startsWith(swapped.header().messageId() + "."))
          .findFirst().orElseThrow();
    }
    assertThat(file.getFileName().toString()).startsWith(swapped.header().messageId() + "." + A + ".");
    Message other = message(A, List.of(B), "alert-stolen-vehicle.json", null, null);
    Files.write(file, EnvelopeSealer.builder(NET.keys(A), NET.directory()).clock(clock).build().seal(other).bytes());

    crashHandler.set(false);
    started(builder(B, storeB).build());
    List<VerifiedMessage> handed = waitFor(B, 1);
    assertThat(handed).extracting(v -> v.message().header().messageId()).containsExactly(intact.header().messageId());
    assertThat(file).doesNotExist();
    try (Stream<Path> quarantined = Files.list(handover.resolve("quarantine"))) {
      assertThat(quarantined).singleElement()
          .satisfies(p -> assertThat(p.getFileName().toString()).startsWith(file.getFileName().toString()));
    }
    assertThat(audit(storeB, "REJECTED", swapped.header().messageId())).singleElement()
        .satisfies(e -> assertThat(e.path("code").asText()).isEqualTo(InboundRefusedException.HANDOVER_MISMATCH));
    assertThat(AuditVerifier.verify(storeB.resolve("audit")).ok()).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private static OutboundEnvelope envelope(Message m, byte[] bytes) {
    Header h = m.header();
    return new OutboundEnvelope(bytes, h.messageId(), h.conversationId(), m.body().kind().code(), h.sender().centreId(),
        h.recipients().get(0).centreId());
  }

  private static Throwable catchCause(CompletableFuture<?> f) throws InterruptedException {
    try {
      f.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no outcome in time", e);
    }
  }

  /** Audit entries of one direction (and message id, if not null), in log order. */
  static List<JsonNode> audit(Path store, String direction, UUID messageId) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    List<Path> segments;
    try (Stream<Path> s = Files.list(store.resolve("audit"))) {
      segments = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path segment : segments) {
      for (String line : Files.readAllLines(segment)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        if (n.path("direction").asText().equals(direction)
            && (messageId == null || n.path("messageId").asText().equals(messageId.toString()))) {
          out.add(n);
        }
      }
    }
    return out;
  }

  private static List<Path> recordFiles(Path store) throws IOException {
    try (Stream<Path> s = Files.walk(store.resolve("inbox").resolve("records"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".rec")).toList();
    }
  }

  private static void waitForHandOver(Path store, int handed) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (audit(store, "HANDED_TO_APPLICATION", null).size() < handed && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(audit(store, "HANDED_TO_APPLICATION", null)).hasSize(handed);
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

  /** A clock the test moves forward; shared by every node of a test, so all agree on the time. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
