package org.pccc.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.tck.TransportTck;

/** The kafka: transport against the TCK, on a one-broker KRaft cluster shared by the class. */
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
}
