package org.pccc.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.model.Message;
import org.pccc.transport.ExchangeListener;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;

/**
 * A receiving node whose Kafka transport is closed abruptly mid-stream (its consumer stops with
 * records handed over but not committed) and that is restarted on the same store: nothing is
 * lost, nothing reaches the application twice, although the restarted node is sent envelopes
 * it had already committed.
 */
class KilledConsumerTest {
  static final int COUNT = 600;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void consumerKilledMidStreamAndRestartedLosesNothingAndDuplicatesNothing() throws Exception {
    try (KafkaClusterTestKit cluster = TestClusters.start(1, Map.of())) {
      InsecureDevelopmentNetwork net = KafkaCentres.network(cluster.bootstrapServers());
      String a = KafkaCentres.A;
      String b = KafkaCentres.B;
      Map<UUID, AtomicInteger> handed = new ConcurrentHashMap<>();
      AtomicInteger duplicatesAfterRestart = new AtomicInteger();
      RetryPolicy retry = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0, Duration.ofSeconds(3));
      Path senderStore = KafkaCentres.fastStore("sender");
      Path receiverStore = KafkaCentres.fastStore("receiver");
      KafkaTransport senderTransport = KafkaTransport.create();
      KafkaTransport firstTransport = KafkaTransport.create();
      KafkaTransport secondTransport = KafkaTransport.create();
      PcccNode sender = null;
      PcccNode first = null;
      PcccNode second = null;
      try {
        sender = PcccNode.builder(net.keys(a), net.directory(), senderStore)
            .transport(senderTransport).retryPolicy(retry).pollInterval(Duration.ofMillis(20)).build().start();
        first = receiver(net, receiverStore, firstTransport, retry, handed, new ExchangeListener() { });
        List<CompletableFuture<VerifiedReceipt>> receipts = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
          Message m = KafkaCentres.message(a, List.of(b));
          receipts.add(sender.send(m).receipt(b));
          sent.add(m.header().messageId());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (handed.size() < COUNT / 4 && System.nanoTime() < deadline) {
          Thread.sleep(2);
        }
        // The "kill": the consumer stops where it is; offsets of records in hand are not committed.
        firstTransport.close();
        first.close();
        int beforeRestart = handed.size();
        assertThat(beforeRestart).as("messages handed over before the kill").isBetween(1, COUNT - 1);

        second = receiver(net, receiverStore, secondTransport, retry, handed, new ExchangeListener() {
          @Override
          public void duplicate(UUID messageId, String senderCentre) {
            duplicatesAfterRestart.incrementAndGet();
          }
        });
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        for (int i = 0; i < COUNT; i++) {
          assertThat(receipts.get(i).join().receipt().receivedMessageId()).isEqualTo(sent.get(i));
        }
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (handed.size() < COUNT && System.nanoTime() < settle) {
          Thread.sleep(20);
        }
        assertThat(handed.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(handed.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(duplicatesAfterRestart.get()).as("envelopes committed before the kill and delivered again").isPositive();
      } finally {
        for (PcccNode n : new PcccNode[] {second, first, sender}) {
          if (n != null) {
            n.close();
          }
        }
        secondTransport.close();
        firstTransport.close();
        senderTransport.close();
        KafkaCentres.delete(senderStore);
        KafkaCentres.delete(receiverStore);
      }
    }
  }

  private static PcccNode receiver(InsecureDevelopmentNetwork net, Path store, KafkaTransport transport, RetryPolicy retry,
      Map<UUID, AtomicInteger> handed, ExchangeListener listener) {
    return PcccNode.builder(net.keys(KafkaCentres.B), net.directory(), store)
        .transport(transport)
        .retryPolicy(retry)
        .pollInterval(Duration.ofMillis(20))
        .listener(listener)
        .handler(v -> handed.computeIfAbsent(v.message().header().messageId(), id -> new AtomicInteger()).incrementAndGet())
        .build()
        .start();
  }
}
