package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pccc.transport.TestNetwork.A;
import static org.pccc.transport.TestNetwork.B;
import static org.pccc.transport.TestNetwork.C;
import static org.pccc.transport.TestNetwork.NET;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.model.Message;
import org.pccc.transport.mem.MemoryFaults;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;

/**
 * The reliability contract over a lossy in-memory network: 3 nodes exchange 10,000 messages with
 * 10% of deliveries silently dropped and 10% duplicated; every message reaches its application
 * exactly once and every receipt verifies.
 */
class ReliableDeliveryTest {
  static final int MESSAGES = 10_000;

  @Test
  void tenThousandMessagesWithDropsAndDuplicatesAreDeliveredExactlyOnce() throws Exception {
    List<String> centres = List.of(A, B, C);
    Map<UUID, AtomicInteger> handed = new ConcurrentHashMap<>();
    AtomicInteger duplicatesSeen = new AtomicInteger();
    ExchangeListener counting = new ExchangeListener() {
      @Override
      public void duplicate(UUID messageId, String senderCentre) {
        duplicatesSeen.incrementAndGet();
      }
    };
    try (MemoryNetwork network = MemoryNetwork.builder().seed(2026)
        .faults(MemoryFaults.builder().dropRate(0.10).duplicateRate(0.10).build()).build()) {
      List<PcccNode> nodes = new ArrayList<>();
      List<MemoryTransport> transports = new ArrayList<>();
      try {
        for (String c : centres) {
          MemoryTransport t = network.newTransport();
          transports.add(t);
          nodes.add(PcccNode.builder(NET.keys(c), NET.directory(), TestNetwork.fastStore(c))
              .transport(t)
              .retryPolicy(new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(400), 2.0, Duration.ofMillis(500)))
              .pollInterval(Duration.ofMillis(20))
              .workerThreads(1)
              .listener(counting)
              .handler((v, context) -> handed.computeIfAbsent(v.message().header().messageId(), id -> new AtomicInteger())
                  .incrementAndGet())
              .build()
              .start());
        }
        List<CompletableFuture<VerifiedReceipt>> receipts = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
          int from = i % 3;
          int to = (from + 1 + (i / 3) % 2) % 3;
          Message m = TestNetwork.message(centres.get(from), List.of(centres.get(to)), "receipt.json", null);
          receipts.add(nodes.get(from).send(m).receipt(centres.get(to)));
          sent.add(m.header().messageId());
        }
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        for (int i = 0; i < MESSAGES; i++) {
          VerifiedReceipt r = receipts.get(i).join();
          assertThat(r.receipt().receivedMessageId()).isEqualTo(sent.get(i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handed.size() < MESSAGES && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(handed.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(handed.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(network.statistics().dropped()).isGreaterThan(0);
        assertThat(network.statistics().duplicated()).isGreaterThan(0);
        assertThat(duplicatesSeen.get()).isGreaterThan(0);
        for (PcccNode n : nodes) {
          assertThat(n.pendingDeliveries()).isZero();
        }
      } finally {
        for (PcccNode n : nodes) {
          n.close();
        }
        for (MemoryTransport t : transports) {
          t.close();
        }
      }
    }
  }
}
