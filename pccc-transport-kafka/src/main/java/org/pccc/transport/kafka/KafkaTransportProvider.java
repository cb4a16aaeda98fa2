package org.pccc.transport.kafka;

import java.time.Duration;
import java.util.Map;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportProvider;

/**
 * Provides {@link KafkaTransport}s for the {@code kafka} scheme through {@link java.util.ServiceLoader}.
 *
 * <p>Settings (all optional; keys matching none of these are ignored, as they may be meant for
 * another scheme):
 *
 * <ul>
 *   <li>{@code kafka.<property>}: a Kafka client property for every client, for example {@code
 *       kafka.security.protocol=SASL_SSL}, {@code kafka.ssl.truststore.location=...}, {@code
 *       kafka.sasl.mechanism=SCRAM-SHA-512}, {@code kafka.sasl.jaas.config=...}, {@code
 *       kafka.client.id=pccc-mk};
 *   <li>{@code kafka.producer.<property>}, {@code kafka.consumer.<property>}, {@code
 *       kafka.admin.<property>}: a property for one kind of client only;
 *   <li>{@code kafka.topic.<config>}: a topic config for created inbox topics, for example {@code
 *       kafka.topic.min.insync.replicas=2};
 *   <li>{@code topicCreation}: {@code true} (default) or {@code false};
 *   <li>{@code topicPartitions} (default 3), {@code topicReplicationFactor} (default -1, the
 *       broker's default), {@code topicRetentionMillis} (default 691200000, 8 days);
 *   <li>{@code maxEnvelopeSizeBytes} (default {@link org.pccc.model.Limits#MAX_ENVELOPE_BYTES});
 *   <li>{@code topicPrefix} (default {@code pccc.inbox.}), {@code groupPrefix} (default {@code
 *       pccc.node.});
 *   <li>{@code adminTimeoutMillis} (default 30000), {@code handlerTimeoutMillis} (default 60000).
 * </ul>
 *
 * A value that is not a number or out of range, or a client property the transport sets itself,
 * is an {@link IllegalArgumentException} naming the key. Stateless and thread-safe.
 */
public final class KafkaTransportProvider implements TransportProvider {
  private static final String CLIENT = "kafka.";
  private static final String PRODUCER = "kafka.producer.";
  private static final String CONSUMER = "kafka.consumer.";
  private static final String ADMIN = "kafka.admin.";
  private static final String TOPIC = "kafka.topic.";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public KafkaTransportProvider() {}

  @Override
  public String scheme() {
    return KafkaTransport.SCHEME;
  }

  @Override
  public Transport create(Map<String, String> settings) {
    return KafkaTransport.create(settings(settings));
  }

  /**
   * Reads the settings map described above.
   *
   * @param settings the provider settings, possibly null or empty
   * @return the transport settings
   * @throws IllegalArgumentException naming a key whose value is not acceptable
   */
  public static KafkaSettings settings(Map<String, String> settings) {
    KafkaSettings.Builder b = KafkaSettings.builder();
    Map<String, String> given = settings == null ? Map.of() : settings;
    for (Map.Entry<String, String> e : given.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      try {
        if (key.startsWith(PRODUCER)) {
          b.producerProperty(key.substring(PRODUCER.length()), value);
        } else if (key.startsWith(CONSUMER)) {
          b.consumerProperty(key.substring(CONSUMER.length()), value);
        } else if (key.startsWith(ADMIN)) {
          b.adminProperty(key.substring(ADMIN.length()), value);
        } else if (key.startsWith(TOPIC)) {
          b.topicConfig(key.substring(TOPIC.length()), value);
        } else if (key.startsWith(CLIENT)) {
          b.clientProperty(key.substring(CLIENT.length()), value);
        } else {
          switch (key) {
            case "topicCreation" -> {
              if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
              }
              b.topicCreation(Boolean.parseBoolean(value));
            }
            case "topicPartitions" -> b.topicPartitions(Math.toIntExact(number(value)));
            case "topicReplicationFactor" -> b.topicReplicationFactor(Math.toIntExact(number(value)));
            case "topicRetentionMillis" -> b.topicRetention(Duration.ofMillis(number(value)));
            case "maxEnvelopeSizeBytes" -> b.maxEnvelopeSizeBytes(Math.toIntExact(number(value)));
            case "topicPrefix" -> b.topicPrefix(value);
            case "groupPrefix" -> b.groupPrefix(value);
            case "adminTimeoutMillis" -> b.adminTimeout(Duration.ofMillis(number(value)));
            case "handlerTimeoutMillis" -> b.handlerTimeout(Duration.ofMillis(number(value)));
            default -> { } // meant for another scheme
          }
        }
      } catch (IllegalArgumentException | ArithmeticException | NullPointerException ex) {
        throw new IllegalArgumentException("setting " + key + " is not acceptable: " + ex.getMessage(), ex);
      }
    }
    return b.build();
  }

  private static long number(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number, got '" + value + "'", e);
    }
  }
}
