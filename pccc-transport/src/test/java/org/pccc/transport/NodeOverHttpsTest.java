package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.model.Message;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.https.TlsConfig;

/** Two nodes over https: on loopback, mutual TLS pinned to the directory, 1,000 messages from 4 threads. */
class NodeOverHttpsTest {
  static final String A = TestNetwork.A;
  static final String B = TestNetwork.B;

  @Test
  void thousandMessagesFromConcurrentSendersAllReceiptedExactlyOnce() throws Exception {
    int portA = freePort();
    int portB = freePort();
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-HTTPS").insecureSeed(5).clock(java.time.Clock.systemUTC())
        .centre(A, "MK", "PCCC A", List.of("https://127.0.0.1:" + portA + "/pccc/v1/envelopes"), null)
        .centre(B, "RS", "PCCC B", List.of("https://127.0.0.1:" + portB + "/pccc/v1/envelopes"), null)
        .build();
    Map<UUID, AtomicInteger> handed = new ConcurrentHashMap<>();
    try (HttpsTransport ta = HttpsTransport.create(TlsConfig.forCentre(net.keys(A), net.directory()));
        HttpsTransport tb = HttpsTransport.create(TlsConfig.forCentre(net.keys(B), net.directory()));
        PcccNode a = PcccNode.builder(net.keys(A), net.directory(), TestNetwork.fastStore("https-a"))
            .transport(ta).retryPolicy(new RetryPolicy(Duration.ofMillis(20), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(2))).pollInterval(Duration.ofMillis(10)).build().start();
        PcccNode b = PcccNode.builder(net.keys(B), net.directory(), TestNetwork.fastStore("https-b"))
            .transport(tb).retryPolicy(new RetryPolicy(Duration.ofMillis(20), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(2))).pollInterval(Duration.ofMillis(10))
            .handler((v, context) -> handed.computeIfAbsent(v.message().header().messageId(), k -> new AtomicInteger()).incrementAndGet())
            .build().start()) {
      ExecutorService senders = Executors.newFixedThreadPool(4);
      List<Future<CompletableFuture<VerifiedReceipt>>> sent = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        Message m = TestNetwork.message(A, List.of(B), "receipt.json", null);
        sent.add(senders.submit(() -> a.send(m).receipt(B)));
      }
      List<CompletableFuture<VerifiedReceipt>> receipts = new ArrayList<>();
      for (Future<CompletableFuture<VerifiedReceipt>> f : sent) {
        receipts.add(f.get(60, TimeUnit.SECONDS));
      }
      senders.shutdown();
      CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (handed.size() < 1000 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(handed).hasSize(1000);
      assertThat(handed.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      assertThat(a.pendingDeliveries()).isZero();
      assertThat(b.endpoints()).hasSize(1);
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
