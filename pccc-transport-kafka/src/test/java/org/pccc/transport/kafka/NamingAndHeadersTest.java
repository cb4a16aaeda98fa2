package org.pccc.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.spi.TransportProvider;
import org.pccc.transport.spi.Transports;

/** Topic and group naming, record layout (headers carry routing metadata only), settings and discovery. */
class NamingAndHeadersTest {

  @Test
  void inboxTopicAndGroupFollowTheConvention() {
    KafkaSettings s = KafkaSettings.defaults();
    assertThat(s.inboxTopic("MK-RS-TABANOVCE")).isEqualTo("pccc.inbox.MK-RS-TABANOVCE");
    assertThat(s.groupId("MK-RS-TABANOVCE")).isEqualTo("pccc.node.MK-RS-TABANOVCE");
    assertThat(KafkaSettings.sanitize("a b/ć:x_y.z-9")).isEqualTo("a_b__:x_y.z-9".replace(':', '_'));
    KafkaSettings custom = KafkaSettings.builder().topicPrefix("see.inbox-").groupPrefix("see.group-").build();
    assertThat(custom.inboxTopic("RS BA")).isEqualTo("see.inbox-RS_BA");
    assertThat(custom.groupId("RS BA")).isEqualTo("see.group-RS_BA");
    assertThatThrownBy(() -> KafkaSettings.builder().topicPrefix("bad prefix/")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordCarriesTheBytesAsValueTheConversationAsKeyAndOnlyRoutingHeaders() {
    String marker = "PERSONAL-" + UUID.randomUUID();
    byte[] payload = ("{\"name\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
    OutboundEnvelope out = new OutboundEnvelope(payload, UUID.randomUUID(), UUID.randomUUID(), "request",
        "MK-RS-TABANOVCE", "RS-BA-SREMSKA-RACA");
    ProducerRecord<byte[], byte[]> record = EnvelopeRecords.toRecord("pccc.inbox.RS-BA-SREMSKA-RACA", out);
    assertThat(record.topic()).isEqualTo("pccc.inbox.RS-BA-SREMSKA-RACA");
    assertThat(record.value()).isSameAs(payload);
    assertThat(new String(record.key(), StandardCharsets.US_ASCII)).isEqualTo(out.conversationId().toString());
    Map<String, String> headers = new HashMap<>();
    for (Header h : record.headers()) {
      String value = new String(h.value(), StandardCharsets.UTF_8);
      assertThat(value).as("header %s", h.key()).doesNotContain(marker).doesNotContain("name");
      assertThat(headers.put(h.key(), value)).as("header %s once", h.key()).isNull();
    }
    assertThat(headers).containsOnly(
        Map.entry("pccc-message-id", out.messageId().toString()),
        Map.entry("pccc-conversation-id", out.conversationId().toString()),
        Map.entry("pccc-kind", "request"),
        Map.entry("pccc-sender-centre", "MK-RS-TABANOVCE"),
        Map.entry("pccc-recipient-centre", "RS-BA-SREMSKA-RACA"));

    ConsumerRecord<byte[], byte[]> in = new ConsumerRecord<>(record.topic(), 0, 7L, record.key(), record.value());
    record.headers().forEach(h -> in.headers().add(h));
    in.headers().add("x-foreign", "ignored".getBytes(StandardCharsets.UTF_8));
    InboundEnvelope back = EnvelopeRecords.toEnvelope(in);
    assertThat(back.bytes()).isEqualTo(payload);
    assertThat(back.metadata()).isEqualTo(headers);
  }

  @Test
  void anEnvelopeLargerThanTheLimitIsRejectedForGoodWithoutACluster() {
    KafkaSettings s = KafkaSettings.builder().maxEnvelopeSizeBytes(1000).build();
    try (KafkaTransport t = KafkaTransport.create(s)) {
      OutboundEnvelope big = new OutboundEnvelope(new byte[1001], UUID.randomUUID(), UUID.randomUUID(), "request", "A", "B");
      assertThatThrownBy(() -> t.deliver(URI.create("kafka://127.0.0.1:1/B"), big).join())
          .isInstanceOf(CompletionException.class)
          .cause().isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.code()).isEqualTo(TransportException.REJECTED);
            assertThat(e.retryable()).isFalse();
          });
    }
  }

  @Test
  void providerMapsSettingsAndIsFoundByScheme() {
    KafkaSettings s = KafkaTransportProvider.settings(Map.of(
        "kafka.security.protocol", "SASL_SSL",
        "kafka.sasl.mechanism", "SCRAM-SHA-512",
        "kafka.producer.linger.ms", "10",
        "kafka.consumer.max.poll.records", "100",
        "kafka.admin.retries", "3",
        "kafka.topic.min.insync.replicas", "2",
        "topicCreation", "false",
        "topicPartitions", "6",
        "topicReplicationFactor", "3",
        "topicRetentionMillis", "864000000"));
    assertThat(s.clientProperties()).containsOnly(Map.entry("security.protocol", "SASL_SSL"),
        Map.entry("sasl.mechanism", "SCRAM-SHA-512"));
    assertThat(s.producerProperties()).containsOnly(Map.entry("linger.ms", "10"));
    assertThat(s.consumerProperties()).containsOnly(Map.entry("max.poll.records", "100"));
    assertThat(s.adminProperties()).containsOnly(Map.entry("retries", "3"));
    assertThat(s.topicConfigs()).containsOnly(Map.entry("min.insync.replicas", "2"));
    assertThat(s.topicCreation()).isFalse();
    assertThat(s.topicPartitions()).isEqualTo(6);
    assertThat(s.topicReplicationFactor()).isEqualTo((short) 3);
    assertThat(s.topicRetention().toDays()).isEqualTo(10);
    assertThat(KafkaSettings.defaults().topicRetention().toDays()).as("default retention").isEqualTo(8);
    assertThatThrownBy(() -> KafkaTransportProvider.settings(Map.of("kafka.acks", "1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.acks");
    assertThatThrownBy(() -> KafkaTransportProvider.settings(Map.of("topicPartitions", "many")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topicPartitions");

    assertThat(ServiceLoader.load(TransportProvider.class).stream().map(p -> p.get().scheme()).toList()).contains("kafka");
    try (Transport t = Transports.choose(URI.create("kafka://127.0.0.1:1/A"), List.of(), getClass().getClassLoader(),
        Map.of("kafka.client.id", "test"))) {
      assertThat(t).isInstanceOf(KafkaTransport.class);
      assertThat(((KafkaTransport) t).settings().clientProperties()).containsEntry("client.id", "test");
    }
  }
}
