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
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.model.Message;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;

/**
 * Three nodes exchange 5,000 messages through a three-broker cluster (replication factor 3,
 * min.insync.replicas 2) while one broker is stopped and started again: every message reaches its
 * application exactly once and every receipt verifies.
 */
class ThreeBrokerNodesTest {
  static final int MESSAGES = 5_000;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void fiveThousandMessagesSurviveABrokerRestartExactlyOnce() throws Exception {
    long t0 = System.nanoTime();
    try (KafkaClusterTestKit cluster = TestClusters.start(3, Map.of("min.insync.replicas", "2"))) {
      System.out.printf("cluster up after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      InsecureDevelopmentNetwork net = KafkaCentres.network(cluster.bootstrapServers());
      KafkaSettings settings = KafkaSettings.builder()
          .topicReplicationFactor(3)
          .topicPartitions(3)
          .topicConfig("min.insync.replicas", "2")
          .producerProperty("linger.ms", "2")
          .build();
      Map<UUID, AtomicInteger> handed = new ConcurrentHashMap<>();
      List<PcccNode> nodes = new ArrayList<>();
      List<KafkaTransport> transports = new ArrayList<>();
      List<Path> stores = new ArrayList<>();
      try {
        for (String c : KafkaCentres.ALL) {
          KafkaTransport t = KafkaTransport.create(settings);
          transports.add(t);
          Path store = KafkaCentres.fastStore(c);
          stores.add(store);
          nodes.add(PcccNode.builder(net.keys(c), net.directory(), store)
              .transport(t)
              .retryPolicy(new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(20)))
              .pollInterval(Duration.ofMillis(20))
              .workerThreads(1)
              .handler((v, context) -> handed.computeIfAbsent(v.message().header().messageId(), id -> new AtomicInteger())
                  .incrementAndGet())
              .build()
              .start());
        }
        try (Admin admin = cluster.admin()) {
          for (String c : KafkaCentres.ALL) {
            String topic = settings.inboxTopic(c);
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(d.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
          }
        }

        System.out.printf("nodes up after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        List<CompletableFuture<VerifiedReceipt>> receipts = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        AtomicInteger verified = new AtomicInteger();
        int stopAt = MESSAGES / 5;
        BrokerServer stopped = null;
        int receiptsWhileStopped = -1;
        for (int i = 0; i < MESSAGES; i++) {
          int from = i % 3;
          int to = (from + 1 + (i / 3) % 2) % 3;
          Message m = KafkaCentres.message(KafkaCentres.ALL.get(from), List.of(KafkaCentres.ALL.get(to)));
          CompletableFuture<VerifiedReceipt> r = nodes.get(from).send(m).receipt(KafkaCentres.ALL.get(to));
          r.thenRun(verified::incrementAndGet);
          receipts.add(r);
          sent.add(m.header().messageId());
          if (i == stopAt) {
            // A broker that is not the controller goes away mid-stream; with min.insync.replicas 2
            // the two left keep accepting acks=all writes, and leadership moves to them.
            stopped = cluster.brokers().get(1);
            stopped.shutdown();
            stopped.awaitShutdown();
            receiptsWhileStopped = verified.get();
            System.out.printf("broker 1 stopped after %d ms, %d receipts%n", (System.nanoTime() - t0) / 1_000_000, verified.get());
          }
          if (i == 3 * MESSAGES / 5 && stopped != null) {
            receiptsWhileStopped = verified.get() - receiptsWhileStopped;
            stopped.startup();
            System.out.printf("broker 1 started after %d ms, %d receipts%n", (System.nanoTime() - t0) / 1_000_000, verified.get());
          }
        }
        System.out.printf("all sent after %d ms, %d receipts%n", (System.nanoTime() - t0) / 1_000_000, verified.get());
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        System.out.printf("all receipts after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        for (int i = 0; i < MESSAGES; i++) {
          assertThat(receipts.get(i).join().receipt().receivedMessageId()).isEqualTo(sent.get(i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handed.size() < MESSAGES && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(receiptsWhileStopped).as("receipts verified while a broker was down").isPositive();
        assertThat(handed.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(handed.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        for (PcccNode n : nodes) {
          assertThat(n.pendingDeliveries()).isZero();
        }
        // The restarted broker caught up: it is back in the in-sync replicas of every inbox partition.
        try (Admin admin = cluster.admin()) {
          List<String> topics = KafkaCentres.ALL.stream().map(settings::inboxTopic).toList();
          long isrDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          boolean caughtUp = false;
          while (!caughtUp && System.nanoTime() < isrDeadline) {
            caughtUp = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.isr().stream().anyMatch(n -> n.id() == 1));
            if (!caughtUp) {
              Thread.sleep(200);
            }
          }
          assertThat(caughtUp).as("broker 1 back in the ISR of every inbox partition").isTrue();
        }
      } finally {
        for (PcccNode n : nodes) {
          n.close();
        }
        for (KafkaTransport t : transports) {
          t.close();
        }
        stores.forEach(KafkaCentres::delete);
      }
    }
  }
}
