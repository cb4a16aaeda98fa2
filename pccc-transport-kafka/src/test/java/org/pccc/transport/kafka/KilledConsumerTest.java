package org.pccc.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.model.Message;
import org.pccc.transport.ExchangeListener;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;

/**
 * A receiving node that "dies" mid-stream right after its inbox committed an envelope and before
 * the transport committed the offset (the handler's future never completes, then the Kafka
 * transport is closed without committing), and that is restarted on the same store: nothing is
 * lost and nothing reaches the application twice, although Kafka hands the restarted node
 * envelopes its inbox had already committed.
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
        CountDownLatch died = new CountDownLatch(1);
        AtomicInteger inboundSeen = new AtomicInteger();
        Transport dying = new DyingTransport(firstTransport, handler -> envelope -> {
          CompletionStage<Void> committed = handler.onEnvelope(envelope);
          if (inboundSeen.incrementAndGet() >= COUNT / 4) {
            died.countDown();
            return new CompletableFuture<>(); // the process is gone before the transport hears back
          }
          return committed;
        });
        first = receiver(net, receiverStore, dying, retry, handed, new ExchangeListener() { });
        List<CompletableFuture<VerifiedReceipt>> receipts = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
          Message m = KafkaCentres.message(a, List.of(b));
          receipts.add(sender.send(m).receipt(b));
          sent.add(m.header().messageId());
        }
        long t0 = System.nanoTime();
        assertThat(died.await(60, TimeUnit.SECONDS)).as("the receiver got a quarter of the envelopes").isTrue();
        // The "kill": the consumer stops where it is; offsets of records in hand are not committed.
        System.out.printf("died after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        firstTransport.close();
        first.close();
        System.out.printf("closed after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        int beforeRestart = handed.size();
        assertThat(beforeRestart).as("messages handed over before the kill").isBetween(1, COUNT - 1);

        second = receiver(net, receiverStore, secondTransport, retry, handed, new ExchangeListener() {
          @Override
          public void duplicate(UUID messageId, String senderCentre) {
            duplicatesAfterRestart.incrementAndGet();
          }
        });
        System.out.printf("restarted after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        System.out.printf("all receipts after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
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

  /** Delegates to a Kafka transport, with the handler of every listener wrapped. */
  private record DyingTransport(KafkaTransport kafka, UnaryOperator<InboundHandler> wrap) implements Transport {
    @Override
    public String scheme() {
      return kafka.scheme();
    }

    @Override
    public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
      return kafka.deliver(endpoint, envelope);
    }

    @Override
    public Listener listen(URI endpoint, InboundHandler handler) {
      return kafka.listen(endpoint, wrap.apply(handler));
    }

    @Override
    public void close() {
      kafka.close();
    }
  }

  private static PcccNode receiver(InsecureDevelopmentNetwork net, Path store, Transport transport, RetryPolicy retry,
      Map<UUID, AtomicInteger> handed, ExchangeListener listener) {
    return PcccNode.builder(net.keys(KafkaCentres.B), net.directory(), store)
        .transport(transport)
        .retryPolicy(retry)
        .pollInterval(Duration.ofMillis(20))
        .listener(listener)
        .handler((v, context) -> handed.computeIfAbsent(v.message().header().messageId(), id -> new AtomicInteger()).incrementAndGet())
        .build()
        .start();
  }
}
