package org.pccc.transport.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.model.Message;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;
import org.pccc.transport.spi.OutboundEnvelope;

/**
 * A rough measurement, not a test (it asserts nothing and is skipped unless
 * {@code -Dpccc.kafka.measure=true}): messages per second node to node through one broker, from
 * the first {@code send} to the last verified receipt, and raw {@code deliver} calls per second.
 */
@EnabledIfSystemProperty(named = "pccc.kafka.measure", matches = "true")
class ThroughputMeasurement {

  @Test
  void measure() throws Exception {
    int messages = Integer.getInteger("pccc.kafka.messages", 3000);
    int window = Integer.getInteger("pccc.kafka.window", 200);
    try (KafkaClusterTestKit cluster = TestClusters.start(1, Map.of())) {
      InsecureDevelopmentNetwork net = KafkaCentres.network(cluster.bootstrapServers());
      RetryPolicy retry = new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
      Path sa = KafkaCentres.fastStore("measure-a");
      Path sb = KafkaCentres.fastStore("measure-b");
      try (KafkaTransport ta = KafkaTransport.create(); KafkaTransport tb = KafkaTransport.create();
          PcccNode a = PcccNode.builder(net.keys(KafkaCentres.A), net.directory(), sa).transport(ta).retryPolicy(retry)
              .pollInterval(Duration.ofMillis(10)).build().start();
          PcccNode b = PcccNode.builder(net.keys(KafkaCentres.B), net.directory(), sb).transport(tb).retryPolicy(retry)
              .pollInterval(Duration.ofMillis(10)).handler((v, context) -> { }).build().start()) {
        // Warm-up, then the measured run.
        if (messages > 0) {
          run(a, 300);
        }
        long start = System.nanoTime();
        run(a, messages);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("node-to-node: %d messages with verified receipts in %.1f s = %.0f messages/s%n",
            messages, seconds, messages / seconds);

        byte[] bytes = new byte[4096];
        String endpoint = "kafka://" + cluster.bootstrapServers() + "/" + KafkaCentres.C;
        tb.listen(java.net.URI.create(endpoint), e -> CompletableFuture.completedFuture(null));
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        // At most `window` deliveries outstanding, as an outbox working through a backlog would have.
        java.util.concurrent.Semaphore outstanding = new java.util.concurrent.Semaphore(window);
        int raw = 10_000;
        long rawStart = System.nanoTime();
        for (int i = 0; i < raw; i++) {
          outstanding.acquire();
          if (i % 1000 == 0) {
            System.out.printf("%d at %d ms%n", i, (System.nanoTime() - rawStart) / 1_000_000);
          }
          CompletableFuture<Void> d = ta.deliver(java.net.URI.create(endpoint), new OutboundEnvelope(bytes, UUID.randomUUID(),
              UUID.randomUUID(), "request", KafkaCentres.A, KafkaCentres.C));
          d.whenComplete((ok, error) -> outstanding.release());
          deliveries.add(d);
        }
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        System.out.printf("raw deliver: %d envelopes of 4 KiB acknowledged in %.1f s = %.0f envelopes/s%n",
            raw, rawSeconds, raw / rawSeconds);
      } finally {
        KafkaCentres.delete(sa);
        KafkaCentres.delete(sb);
      }
    }
    if (messages > 0) {
      // The same nodes over mem:, for comparison: what the node itself costs on this machine.
      InsecureDevelopmentNetwork memNet = InsecureDevelopmentNetwork.builder("SEE-MEM").insecureSeed(11).clock(java.time.Clock.systemUTC())
          .centre(KafkaCentres.A, "MK").centre(KafkaCentres.B, "RS").build();
      RetryPolicy retry = new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
      Path sa = KafkaCentres.fastStore("measure-mem-a");
      Path sb = KafkaCentres.fastStore("measure-mem-b");
      try (org.pccc.transport.mem.MemoryNetwork mem = org.pccc.transport.mem.MemoryNetwork.create();
          PcccNode a = PcccNode.builder(memNet.keys(KafkaCentres.A), memNet.directory(), sa).transport(mem.newTransport())
              .retryPolicy(retry).pollInterval(Duration.ofMillis(10)).build().start();
          PcccNode b = PcccNode.builder(memNet.keys(KafkaCentres.B), memNet.directory(), sb).transport(mem.newTransport())
              .retryPolicy(retry).pollInterval(Duration.ofMillis(10)).handler((v, context) -> { }).build().start()) {
        run(a, 300);
        long start = System.nanoTime();
        run(a, messages);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("node-to-node over mem: %d messages with verified receipts in %.1f s = %.0f messages/s%n",
            messages, seconds, messages / seconds);
      } finally {
        KafkaCentres.delete(sa);
        KafkaCentres.delete(sb);
      }
    }
  }

  private static void run(PcccNode a, int messages) throws Exception {
    List<CompletableFuture<VerifiedReceipt>> receipts = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      Message m = KafkaCentres.message(KafkaCentres.A, List.of(KafkaCentres.B));
      receipts.add(a.send(m).receipt(KafkaCentres.B));
    }
    CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
  }
}
