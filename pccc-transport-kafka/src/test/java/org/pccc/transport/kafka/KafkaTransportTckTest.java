package org.pccc.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.tck.TransportTck;

/**
 * The kafka: transport against the TCK, on a one-broker KRaft cluster shared by the class, plus
 * Kafka-specific checks on the same cluster: order within a conversation across a retryable
 * failure, topic creation and checking, and a broker refusing a record as too large.
 */
class KafkaTransportTckTest extends TransportTck {
  static KafkaClusterTestKit cluster;
  static KafkaSettings settings;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = TestClusters.start(1, Map.of());
    settings = KafkaSettings.builder()
        .topicPartitions(2)
        .redeliveryBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
        .build();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected Transport newTransport() {
    return KafkaTransport.create(settings);
  }

  @Override
  protected URI newEndpoint() {
    return URI.create("kafka://" + cluster.bootstrapServers() + "/TCK-" + UUID.randomUUID());
  }

  @Override
  protected Optional<URI> unreachableEndpoint() {
    // A closed loopback port: nobody runs a broker there.
    return Optional.of(URI.create("kafka://127.0.0.1:1/TCK-UNREACHABLE"));
  }

  @Override
  protected List<URI> malformedEndpoints() {
    String servers = cluster.bootstrapServers();
    return List.of(URI.create("kafka:opaque"), URI.create("kafka://" + servers + "/"),
        URI.create("kafka://" + servers + "/A/B"), URI.create("kafka://" + servers + "/A?x=1"),
        URI.create("kafka://localhost/NO-PORT"), URI.create("kafka://user@" + servers + "/A"));
  }

  @Override
  protected boolean storeAndForward() {
    return true;
  }

  @Override
  protected void assertDurablyAccepted(URI endpoint, OutboundEnvelope envelope) {
    String topic = settings.inboxTopic(KafkaEndpoint.parse(endpoint).centreId());
    try (Admin admin = cluster.admin()) {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      long records = 0;
      for (int p = 0; p < partitions; p++) {
        TopicPartition tp = new TopicPartition(topic, p);
        records += admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
      }
      assertThat(records).as("records in inbox topic %s", topic).isEqualTo(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static OutboundEnvelope inConversation(UUID conversation, byte[] bytes) {
    return new OutboundEnvelope(bytes, UUID.randomUUID(), conversation, "request", "TCK-SENDER", "TCK-RECIPIENT");
  }

  @Test
  void aRetryableFailureHoldsBackTheRestOfItsConversationAndSkipsNothing() throws Exception {
    URI endpoint = newEndpoint();
    List<Integer> calls = new CopyOnWriteArrayList<>();
    AtomicInteger failuresLeft = new AtomicInteger(2);
    try (KafkaTransport receiver = KafkaTransport.create(settings); KafkaTransport sender = KafkaTransport.create(settings);
        Listener listener = receiver.listen(endpoint, envelope -> {
          int n = envelope.bytes()[0];
          calls.add(n);
          if (n == 2 && failuresLeft.getAndDecrement() > 0) {
            return CompletableFuture.failedFuture(new TransportException(TransportException.UNAVAILABLE, "busy", true));
          }
          return CompletableFuture.completedFuture(null);
        })) {
      UUID conversation = UUID.randomUUID();
      for (int i = 1; i <= 4; i++) {
        sender.deliver(listener.endpoint(), inConversation(conversation, new byte[] {(byte) i})).get(10, TimeUnit.SECONDS);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!calls.contains(4) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(300);
      assertThat(calls).as("hand-overs in one conversation: 2 failed twice and was retried before 3")
          .containsExactly(1, 2, 2, 2, 3, 4);
    }
  }

  @Test
  void listenCreatesTheInboxTopicWithRetentionOrOnlyChecksItWhenCreationIsOff() throws Exception {
    URI endpoint = newEndpoint();
    String centre = KafkaEndpoint.parse(endpoint).centreId();
    String topic = settings.inboxTopic(centre);
    KafkaSettings noCreation = settings.toBuilder().topicCreation(false).build();
    try (KafkaTransport checking = KafkaTransport.create(noCreation)) {
      assertThatThrownBy(() -> checking.listen(endpoint, e -> CompletableFuture.completedFuture(null)))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.code()).isEqualTo(TransportException.BAD_ENDPOINT);
            assertThat(e.retryable()).isFalse();
          });
      try (Admin admin = cluster.admin()) {
        assertThat(admin.listTopics().names().get()).doesNotContain(topic);
      }
      try (KafkaTransport creating = KafkaTransport.create(settings)) {
        creating.listen(endpoint, e -> CompletableFuture.completedFuture(null)).close();
      }
      checking.listen(endpoint, e -> CompletableFuture.completedFuture(null)).close();
    }
    try (Admin admin = cluster.admin()) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(8).toMillis()));
      assertThat(Integer.parseInt(config.get("max.message.bytes").value())).isGreaterThan(settings.maxEnvelopeSizeBytes());
      assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(2);
    }
    assertThat(topic).isEqualTo("pccc.inbox." + centre);
  }

  @Test
  void aRecordTheBrokerRefusesAsTooLargeIsRejectedForGood() throws Exception {
    URI endpoint = newEndpoint();
    // The recipient's topic takes small envelopes only; the sender allows large ones.
    try (KafkaTransport small = KafkaTransport.create(settings.toBuilder().maxEnvelopeSizeBytes(1024).build());
        KafkaTransport sender = KafkaTransport.create(settings)) {
      small.listen(endpoint, e -> CompletableFuture.completedFuture(null)).close();
      CompletableFuture<Void> delivery = sender.deliver(endpoint, inConversation(UUID.randomUUID(), new byte[200_000]));
      assertThatThrownBy(() -> delivery.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.code()).isEqualTo(TransportException.REJECTED);
            assertThat(e.retryable()).isFalse();
          });
    }
  }
}
