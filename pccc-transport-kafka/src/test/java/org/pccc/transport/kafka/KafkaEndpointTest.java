package org.pccc.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;

/** Endpoint parsing: good endpoints give servers and centre; bad ones fail with BAD_ENDPOINT, never retryable. */
class KafkaEndpointTest {

  @Test
  void severalBootstrapServersAndTheCentre() {
    KafkaEndpoint e = KafkaEndpoint.parse(URI.create("kafka://broker1:9092,broker2.example.org:9093/MK-RS-TABANOVCE"));
    assertThat(e.bootstrapServers()).containsExactly("broker1:9092", "broker2.example.org:9093");
    assertThat(e.bootstrap()).isEqualTo("broker1:9092,broker2.example.org:9093");
    assertThat(e.centreId()).isEqualTo("MK-RS-TABANOVCE");
    assertThat(e.toUri()).isEqualTo(URI.create("kafka://broker1:9092,broker2.example.org:9093/MK-RS-TABANOVCE"));
  }

  @Test
  void oneServerIpv6AndUpperCaseScheme() {
    assertThat(KafkaEndpoint.parse(URI.create("kafka://127.0.0.1:9092/A")).bootstrapServers()).containsExactly("127.0.0.1:9092");
    assertThat(KafkaEndpoint.parse(URI.create("kafka://[::1]:9092/A")).bootstrapServers()).containsExactly("[::1]:9092");
    assertThat(KafkaEndpoint.parse(URI.create("KAFKA://localhost:1/RS-BA")).centreId()).isEqualTo("RS-BA");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://broker:9092/A", "kafka:opaque", "kafka:///A", "kafka://broker/A", "kafka://broker:/A",
      "kafka://broker:0/A", "kafka://broker:65536/A", "kafka://broker:99999999999/A", "kafka://broker:x/A",
      "kafka://broker:9092", "kafka://broker:9092/", "kafka://broker:9092/A/B", "kafka://broker:9092/A?q=1",
      "kafka://broker:9092/A#f", "kafka://user:secret@broker:9092/A", "kafka://broker:9092,/A",
      "kafka://,broker:9092/A", "kafka://bro_ker:9092/A", "kafka://-broker:9092/A", "kafka://broker:9092/A%20B",
      "kafka://broker:9092/A%0AB"})
  void badEndpointsFailWithBadEndpoint(String endpoint) {
    assertThatThrownBy(() -> KafkaEndpoint.parse(URI.create(endpoint)))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.BAD_ENDPOINT);
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void tooLongCentreIdIsRefused() {
    String id = "A".repeat(KafkaEndpoint.MAX_CENTRE_ID_LENGTH + 1);
    assertThatThrownBy(() -> KafkaEndpoint.parse(URI.create("kafka://b:1/" + id)))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(TransportException.BAD_ENDPOINT));
  }

  @Test
  void transportReportsBadEndpointsThroughTheFutureAndListenThrows() {
    List<String> problems = new ArrayList<>();
    try (KafkaTransport t = KafkaTransport.create()) {
      for (String bad : List.of("kafka://broker:9092/", "kafka://broker/A", "file:/tmp/x")) {
        OutboundEnvelope envelope = new OutboundEnvelope(new byte[] {1}, java.util.UUID.randomUUID(),
            java.util.UUID.randomUUID(), "request", "A", "B");
        try {
          t.deliver(URI.create(bad), envelope).join();
          problems.add(bad + " delivered");
        } catch (CompletionException e) {
          if (!(e.getCause() instanceof TransportException te) || !te.code().equals(TransportException.BAD_ENDPOINT)) {
            problems.add(bad + " failed with " + e.getCause());
          }
        }
        try {
          t.listen(URI.create(bad), x -> null).close();
          problems.add(bad + " listened");
        } catch (TransportException e) {
          if (!e.code().equals(TransportException.BAD_ENDPOINT)) {
            problems.add(bad + " listen threw " + e.code());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
