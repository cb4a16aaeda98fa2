package org.pccc.transport.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link KafkaTransport} talks to its clusters: Kafka client properties passed through as
 * given, and how inbox topics are named, created and sized.
 *
 * <p><b>Client properties.</b> {@link Builder#clientProperty} applies to the producer, the
 * consumers and the admin client alike (TLS: {@code security.protocol=SSL} and {@code ssl.*};
 * SASL: {@code sasl.mechanism}, {@code sasl.jaas.config}; {@code client.id}); {@link
 * Builder#producerProperty}, {@link Builder#consumerProperty} and {@link Builder#adminProperty}
 * apply to one kind of client and win over the common ones. The transport's own defaults
 * (for example {@code delivery.timeout.ms=30000}) are overridden by both. A few properties carry
 * the delivery guarantee and cannot be overridden: {@code enable.idempotence=true},
 * {@code acks=all}, {@code enable.auto.commit=false}, {@code group.id}, {@code bootstrap.servers} (from
 * the endpoint) and the key and value (de)serializers.
 *
 * <p><b>Topics.</b> Centre {@code C} receives on topic {@code topicPrefix + sanitized(C)}
 * (default {@code pccc.inbox.C}) and consumes in group {@code groupPrefix + sanitized(C)}
 * (default {@code pccc.node.C}), where {@link #sanitize} replaces every character outside
 * {@code [A-Za-z0-9._-]} with {@code _}. With {@link Builder#topicCreation} on (the default) a
 * listener creates its inbox topic if missing, with {@link #topicPartitions()} partitions, {@link
 * #topicReplicationFactor()} replicas, {@code retention.ms} = {@link #topicRetention()} (default
 * 8 days: longer than the longest reply deadline of 7 days, so an envelope waits as long as it
 * can matter) and {@code max.message.bytes} large enough for {@link #maxEnvelopeSizeBytes()};
 * with it off the topic must exist already.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class KafkaSettings {

  /** The properties the transport sets itself, whatever is configured. */
  static final String FIXED_NOTE = "enable.idempotence=true, acks=all, enable.auto.commit=false, group.id, "
      + "bootstrap.servers (from the endpoint) and the key/value (de)serializers";

  /** Client properties the transport sets itself; configuring them is refused. */
  static final Set<String> FIXED = Set.of("enable.idempotence", "acks", "enable.auto.commit", "group.id",
      "bootstrap.servers", "key.serializer", "value.serializer", "key.deserializer", "value.deserializer");

  /** Extra bytes a record needs besides the envelope: key, headers, batch overhead. */
  static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

  private final Map<String, String> clientProperties;
  private final Map<String, String> producerProperties;
  private final Map<String, String> consumerProperties;
  private final Map<String, String> adminProperties;
  private final Map<String, String> topicConfigs;
  private final boolean topicCreation;
  private final int topicPartitions;
  private final short topicReplicationFactor;
  private final Duration topicRetention;
  private final int maxEnvelopeSizeBytes;
  private final String topicPrefix;
  private final String groupPrefix;
  private final Duration adminTimeout;
  private final Duration handlerTimeout;
  private final Duration redeliveryBackoff;
  private final Duration maxRedeliveryBackoff;

  private KafkaSettings(Builder b) {
    clientProperties = Map.copyOf(b.clientProperties);
    producerProperties = Map.copyOf(b.producerProperties);
    consumerProperties = Map.copyOf(b.consumerProperties);
    adminProperties = Map.copyOf(b.adminProperties);
    topicConfigs = Map.copyOf(b.topicConfigs);
    topicCreation = b.topicCreation;
    topicPartitions = b.topicPartitions;
    topicReplicationFactor = b.topicReplicationFactor;
    topicRetention = b.topicRetention;
    maxEnvelopeSizeBytes = b.maxEnvelopeSizeBytes;
    topicPrefix = b.topicPrefix;
    groupPrefix = b.groupPrefix;
    adminTimeout = b.adminTimeout;
    handlerTimeout = b.handlerTimeout;
    redeliveryBackoff = b.redeliveryBackoff;
    maxRedeliveryBackoff = b.maxRedeliveryBackoff;
  }

  /** Returns the default settings: plaintext clients, topic creation on, 3 partitions, 8 days' retention. */
  public static KafkaSettings defaults() {
    return builder().build();
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Replaces every character outside {@code [A-Za-z0-9._-]} with {@code _}, so that any centre id
   * makes a legal topic and group name.
   *
   * @param centreId a centre id
   * @return the id as it appears in topic and group names
   */
  public static String sanitize(String centreId) {
    StringBuilder out = new StringBuilder(centreId.length());
    for (int i = 0; i < centreId.length(); i++) {
      char c = centreId.charAt(i);
      boolean legal = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      out.append(legal ? c : '_');
    }
    return out.toString();
  }

  /**
   * Returns the inbox topic of a centre: {@code topicPrefix + sanitize(centreId)}.
   *
   * @param centreId the receiving centre
   * @return the topic name
   */
  public String inboxTopic(String centreId) {
    return topicPrefix + sanitize(centreId);
  }

  /**
   * Returns the consumer group of a centre's node: {@code groupPrefix + sanitize(centreId)}.
   *
   * @param centreId the receiving centre
   * @return the group id
   */
  public String groupId(String centreId) {
    return groupPrefix + sanitize(centreId);
  }

  /** Returns the properties given to every client. */
  public Map<String, String> clientProperties() {
    return clientProperties;
  }

  /** Returns the properties given to producers only. */
  public Map<String, String> producerProperties() {
    return producerProperties;
  }

  /** Returns the properties given to consumers only. */
  public Map<String, String> consumerProperties() {
    return consumerProperties;
  }

  /** Returns the properties given to the admin client only. */
  public Map<String, String> adminProperties() {
    return adminProperties;
  }

  /** Returns extra topic configs for created inbox topics (for example {@code min.insync.replicas}). */
  public Map<String, String> topicConfigs() {
    return topicConfigs;
  }

  /** Returns whether a listener creates its inbox topic when it is missing. */
  public boolean topicCreation() {
    return topicCreation;
  }

  /** Returns the partitions of a created inbox topic. */
  public int topicPartitions() {
    return topicPartitions;
  }

  /** Returns the replication factor of a created inbox topic; -1 means the broker's default. */
  public short topicReplicationFactor() {
    return topicReplicationFactor;
  }

  /** Returns how long a created inbox topic keeps records ({@code retention.ms}). */
  public Duration topicRetention() {
    return topicRetention;
  }

  /** Returns the largest envelope delivered; larger ones are rejected before sending. */
  public int maxEnvelopeSizeBytes() {
    return maxEnvelopeSizeBytes;
  }

  /** Returns the prefix of inbox topic names. */
  public String topicPrefix() {
    return topicPrefix;
  }

  /** Returns the prefix of consumer group ids. */
  public String groupPrefix() {
    return groupPrefix;
  }

  /** Returns how long topic checks and creation may take. */
  public Duration adminTimeout() {
    return adminTimeout;
  }

  /** Returns how long a listener waits for the handler to commit one envelope before retrying it. */
  public Duration handlerTimeout() {
    return handlerTimeout;
  }

  /** Returns the first pause before an envelope whose handler failed retryably is handed over again. */
  public Duration redeliveryBackoff() {
    return redeliveryBackoff;
  }

  /** Returns the longest pause between handing over an envelope that keeps failing. */
  public Duration maxRedeliveryBackoff() {
    return maxRedeliveryBackoff;
  }

  /** Builds {@link KafkaSettings}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> clientProperties = new LinkedHashMap<>();
    private final Map<String, String> producerProperties = new LinkedHashMap<>();
    private final Map<String, String> consumerProperties = new LinkedHashMap<>();
    private final Map<String, String> adminProperties = new LinkedHashMap<>();
    private final Map<String, String> topicConfigs = new LinkedHashMap<>();
    private boolean topicCreation = true;
    private int topicPartitions = 3;
    private short topicReplicationFactor = -1;
    private Duration topicRetention = Duration.ofDays(8);
    private int maxEnvelopeSizeBytes = org.pccc.model.Limits.MAX_ENVELOPE_BYTES;
    private String topicPrefix = "pccc.inbox.";
    private String groupPrefix = "pccc.node.";
    private Duration adminTimeout = Duration.ofSeconds(30);
    private Duration handlerTimeout = Duration.ofSeconds(60);
    private Duration redeliveryBackoff = Duration.ofMillis(100);
    private Duration maxRedeliveryBackoff = Duration.ofSeconds(10);

    private Builder() {}

    private Builder(KafkaSettings s) {
      clientProperties.putAll(s.clientProperties);
      producerProperties.putAll(s.producerProperties);
      consumerProperties.putAll(s.consumerProperties);
      adminProperties.putAll(s.adminProperties);
      topicConfigs.putAll(s.topicConfigs);
      topicCreation = s.topicCreation;
      topicPartitions = s.topicPartitions;
      topicReplicationFactor = s.topicReplicationFactor;
      topicRetention = s.topicRetention;
      maxEnvelopeSizeBytes = s.maxEnvelopeSizeBytes;
      topicPrefix = s.topicPrefix;
      groupPrefix = s.groupPrefix;
      adminTimeout = s.adminTimeout;
      handlerTimeout = s.handlerTimeout;
      redeliveryBackoff = s.redeliveryBackoff;
      maxRedeliveryBackoff = s.maxRedeliveryBackoff;
    }

    /**
     * Sets a Kafka client property for every client (producer, consumers, admin).
     *
     * @param key a Kafka client property, for example {@code security.protocol}
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException for a property the transport sets itself
     */
    public Builder clientProperty(String key, String value) {
      clientProperties.put(checked(key), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets Kafka client properties for every client.
     *
     * @param properties property names and values
     * @return this builder
     */
    public Builder clientProperties(Map<String, String> properties) {
      properties.forEach(this::clientProperty);
      return this;
    }

    /**
     * Sets a property for producers only (for example {@code linger.ms}).
     *
     * @param key a Kafka producer property
     * @param value its value
     * @return this builder
     */
    public Builder producerProperty(String key, String value) {
      producerProperties.put(checked(key), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets a property for consumers only (for example {@code max.poll.records}).
     *
     * @param key a Kafka consumer property
     * @param value its value
     * @return this builder
     */
    public Builder consumerProperty(String key, String value) {
      consumerProperties.put(checked(key), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets a property for the admin client only.
     *
     * @param key a Kafka admin client property
     * @param value its value
     * @return this builder
     */
    public Builder adminProperty(String key, String value) {
      adminProperties.put(checked(key), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets a topic config for inbox topics this transport creates (for example {@code
     * min.insync.replicas=2}); {@code retention.ms} and {@code max.message.bytes} come from their
     * own settings unless given here.
     *
     * @param key a Kafka topic config
     * @param value its value
     * @return this builder
     */
    public Builder topicConfig(String key, String value) {
      topicConfigs.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Says whether a listener creates its missing inbox topic (true, the default) or only checks
     * that it exists (false: listening on a missing topic fails with {@code BAD_ENDPOINT}).
     *
     * @param create whether to create
     * @return this builder
     */
    public Builder topicCreation(boolean create) {
      topicCreation = create;
      return this;
    }

    /**
     * Sets the partitions of created inbox topics (default 3).
     *
     * @param partitions at least 1
     * @return this builder
     */
    public Builder topicPartitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("topicPartitions must be at least 1, got " + partitions);
      }
      topicPartitions = partitions;
      return this;
    }

    /**
     * Sets the replication factor of created inbox topics (default -1: the broker's {@code
     * default.replication.factor}); 3 is right for a production cluster.
     *
     * @param replicas at least 1, or -1
     * @return this builder
     */
    public Builder topicReplicationFactor(int replicas) {
      if (replicas != -1 && (replicas < 1 || replicas > Short.MAX_VALUE)) {
        throw new IllegalArgumentException("topicReplicationFactor must be -1 or at least 1, got " + replicas);
      }
      topicReplicationFactor = (short) replicas;
      return this;
    }

    /**
     * Sets the retention of created inbox topics (default 8 days).
     *
     * @param retention positive
     * @return this builder
     */
    public Builder topicRetention(Duration retention) {
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("topicRetention must be positive, got " + retention);
      }
      topicRetention = retention;
      return this;
    }

    /**
     * Sets the largest envelope (default {@link org.pccc.model.Limits#MAX_ENVELOPE_BYTES}, 4 MiB,
     * the envelope opener's default too); it sizes {@code max.request.size} and the
     * topic's {@code max.message.bytes}.
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxEnvelopeSizeBytes(int bytes) {
      if (bytes < 1 || bytes > Integer.MAX_VALUE - RECORD_OVERHEAD_BYTES) {
        throw new IllegalArgumentException("maxEnvelopeSizeBytes out of range: " + bytes);
      }
      maxEnvelopeSizeBytes = bytes;
      return this;
    }

    /**
     * Sets the prefix of inbox topic names (default {@code pccc.inbox.}).
     *
     * @param prefix legal in a topic name
     * @return this builder
     */
    public Builder topicPrefix(String prefix) {
      topicPrefix = legalPrefix("topicPrefix", prefix);
      return this;
    }

    /**
     * Sets the prefix of consumer group ids (default {@code pccc.node.}).
     *
     * @param prefix legal in a group id
     * @return this builder
     */
    public Builder groupPrefix(String prefix) {
      groupPrefix = legalPrefix("groupPrefix", prefix);
      return this;
    }

    /**
     * Sets how long topic checks and creation may take (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder adminTimeout(Duration timeout) {
      adminTimeout = positive("adminTimeout", timeout);
      return this;
    }

    /**
     * Sets how long a listener waits for its handler to commit an envelope before treating it as a
     * retryable failure (default 60 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder handlerTimeout(Duration timeout) {
      handlerTimeout = positive("handlerTimeout", timeout);
      return this;
    }

    /**
     * Sets the first and the longest pause before an envelope whose handler failed retryably is
     * handed over again (defaults 100 ms and 10 s; doubled after each failure in between).
     *
     * @param first positive
     * @param longest at least {@code first}
     * @return this builder
     */
    public Builder redeliveryBackoff(Duration first, Duration longest) {
      positive("redeliveryBackoff", first);
      if (longest.compareTo(first) < 0) {
        throw new IllegalArgumentException("the longest redelivery backoff is shorter than the first");
      }
      redeliveryBackoff = first;
      maxRedeliveryBackoff = longest;
      return this;
    }

    /** Returns the settings. */
    public KafkaSettings build() {
      return new KafkaSettings(this);
    }

    private static String checked(String key) {
      Objects.requireNonNull(key, "key");
      if (FIXED.contains(key)) {
        throw new IllegalArgumentException("client property " + key + " is set by the transport (" + FIXED_NOTE + ")");
      }
      return key;
    }

    private static Duration positive(String name, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static String legalPrefix(String name, String prefix) {
      if (!sanitize(prefix).equals(prefix)) {
        throw new IllegalArgumentException(name + " may only hold [A-Za-z0-9._-]: '" + prefix + "'");
      }
      return prefix;
    }
  }

  /** Returns the client properties of one kind: common ones, then the kind's own. */
  Map<String, Object> merged(Map<String, String> own) {
    Map<String, Object> out = new LinkedHashMap<>(clientProperties);
    out.putAll(own);
    return out;
  }
}
