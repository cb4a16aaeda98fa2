package org.pccc.transport.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code kafka:} transport: one inbox topic per centre on a Kafka cluster run by the region.
 *
 * <p><b>Endpoints</b> name a cluster and a centre: {@code kafka://broker1:9092,broker2:9092/MK-RS-TABANOVCE}
 * (bootstrap servers in the authority, the centre id as the path; see {@link KafkaEndpoint}).
 * Centre {@code C}'s envelopes go to topic {@code pccc.inbox.C} and its node consumes them in
 * group {@code pccc.node.C} (prefixes and sanitizing in {@link KafkaSettings}).
 *
 * <p><b>Delivering</b> writes one record: key = conversation id (one conversation stays in one
 * partition, in order), value = the sealed envelope bytes, headers = routing metadata only
 * (message id, conversation id, kind, sender and recipient centre; never personal data). The
 * producer is idempotent with {@code acks=all}; the future completes when the cluster has
 * acknowledged the record (the send callback), so the envelope is durable even if no listener
 * runs. A failure is a retryable {@link TransportException#UNAVAILABLE}; an envelope larger than
 * {@link KafkaSettings#maxEnvelopeSizeBytes()} or refused by the broker as too large is a
 * non-retryable {@link TransportException#REJECTED}. A message to several centres is delivered
 * once per recipient with the same sealed bytes (the node calls {@code deliver} per recipient,
 * nothing is sealed again), so each recipient's inbox topic gets its own copy. Delivering to a
 * centre whose inbox topic does not exist fails retryably after {@code max.block.ms} (default
 * 5 s): the recipient's node creates it when it first listens.
 *
 * <p><b>Listening</b> creates (or checks) the inbox topic, then runs a consumer in the centre's
 * group with auto-commit off on its own thread. Each record goes to the {@link InboundHandler};
 * its offset is committed only after the handler's future completed normally, so a crash
 * re-delivers and the node's inbox deduplicates. A retryable failure seeks the partition back
 * and hands the same record over again after a backoff (nothing is skipped); a non-retryable
 * rejection commits past the record (drops it) and logs the code. Records of one partition are
 * handed over in order, partitions in parallel.
 *
 * <p>One producer, and one admin client, per cluster, created on first use. Thread-safe.
 */
public final class KafkaTransport implements Transport {
  /** The URI scheme served. */
  public static final String SCHEME = "kafka";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTransport.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final KafkaSettings settings;
  private final int instance = INSTANCES.incrementAndGet();
  private final Map<String, Cluster> clusters = new ConcurrentHashMap<>();
  private final Set<KafkaInboxListener> listeners = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
  private final ExecutorService completions;
  private final Object lifecycle = new Object();
  private volatile boolean closed;

  private KafkaTransport(KafkaSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.completions = Executors.newFixedThreadPool(2, daemon("pccc-kafka-" + instance + "-completion"));
  }

  /** Creates a transport with {@link KafkaSettings#defaults()}. */
  public static KafkaTransport create() {
    return new KafkaTransport(KafkaSettings.defaults());
  }

  /**
   * Creates a transport.
   *
   * @param settings client properties and topic settings
   * @return a new transport, owned by the caller
   */
  public static KafkaTransport create(KafkaSettings settings) {
    return new KafkaTransport(settings);
  }

  /** Returns the settings this transport was created with. */
  public KafkaSettings settings() {
    return settings;
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    KafkaEndpoint target;
    try {
      target = KafkaEndpoint.parse(endpoint);
    } catch (TransportException e) {
      return CompletableFuture.failedFuture(e);
    }
    Objects.requireNonNull(envelope, "envelope");
    int size = envelope.bytes().length;
    if (size > settings.maxEnvelopeSizeBytes()) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED,
          "envelope of " + size + " bytes is larger than " + settings.maxEnvelopeSizeBytes() + " bytes", false));
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    Cluster cluster;
    try {
      cluster = cluster(target);
    } catch (TransportException e) {
      return CompletableFuture.failedFuture(e);
    }
    pending.add(result);
    result.whenComplete((ok, error) -> pending.remove(result));
    ProducerRecord<byte[], byte[]> record = EnvelopeRecords.toRecord(settings.inboxTopic(target.centreId()), envelope);
    try {
      // Sending on the cluster's own thread: send() may block on metadata for max.block.ms, and
      // the caller (the node's scheduler) must not. One thread keeps the callers' order.
      cluster.dispatcher.execute(() -> send(cluster, record, target, size, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(closedException());
    }
    return result;
  }

  private void send(Cluster cluster, ProducerRecord<byte[], byte[]> record, KafkaEndpoint target, int size,
      CompletableFuture<Void> result) {
    if (closed) {
      result.completeExceptionally(closedException());
      return;
    }
    try {
      cluster.producer.send(record, (metadata, error) -> {
        TransportException failure = error == null ? null : deliveryFailure(target, size, error);
        try {
          // Off the producer's I/O thread: what callers chain on the future must not stall it.
          completions.execute(() -> complete(result, failure));
        } catch (RejectedExecutionException e) {
          complete(result, failure);
        }
      });
    } catch (InterruptException e) {
      result.completeExceptionally(closedException());
    } catch (RuntimeException e) {
      result.completeExceptionally(deliveryFailure(target, size, e));
    }
  }

  private static void complete(CompletableFuture<Void> result, TransportException failure) {
    if (failure == null) {
      result.complete(null);
    } else {
      result.completeExceptionally(failure);
    }
  }

  private TransportException deliveryFailure(KafkaEndpoint target, int size, Throwable error) {
    Throwable cause = error;
    while (cause instanceof KafkaException && !(cause instanceof org.apache.kafka.common.errors.ApiException)
        && cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String where = "centre " + target.centreId() + " on " + target.bootstrap();
    if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
        || cause instanceof InvalidRecordException) {
      return new TransportException(TransportException.REJECTED,
          "the cluster refused an envelope of " + size + " bytes for " + where + " (" + cause.getClass().getSimpleName() + ")",
          false, cause);
    }
    if (cause instanceof InvalidTopicException) {
      return new TransportException(TransportException.BAD_ENDPOINT, "no valid inbox topic for " + where, false, cause);
    }
    if (closed) {
      return closedException();
    }
    return new TransportException(TransportException.UNAVAILABLE,
        "delivery to " + where + " failed (" + cause.getClass().getSimpleName() + ")", true, cause);
  }

  @Override
  public Listener listen(URI endpoint, InboundHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw closedException();
    }
    KafkaEndpoint local = KafkaEndpoint.parse(endpoint);
    String topic = settings.inboxTopic(local.centreId());
    ensureTopic(cluster(local), topic);
    synchronized (lifecycle) {
      if (closed) {
        throw closedException();
      }
      KafkaInboxListener listener = new KafkaInboxListener(local, topic, settings, handler,
          clientId("consumer-" + KafkaSettings.sanitize(local.centreId())), listeners::remove);
      listeners.add(listener);
      listener.start();
      return listener;
    }
  }

  private void ensureTopic(Cluster cluster, String topic) {
    long timeoutMillis = settings.adminTimeout().toMillis();
    try {
      try {
        Map<String, TopicDescription> found = cluster.admin().describeTopics(List.of(topic)).allTopicNames()
            .get(timeoutMillis, TimeUnit.MILLISECONDS);
        if (found.containsKey(topic)) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      if (!settings.topicCreation()) {
        throw new TransportException(TransportException.BAD_ENDPOINT,
            "inbox topic " + topic + " does not exist and topic creation is off", false);
      }
      Map<String, String> configs = new java.util.LinkedHashMap<>();
      configs.put("retention.ms", Long.toString(settings.topicRetention().toMillis()));
      configs.put("max.message.bytes", Integer.toString(settings.maxEnvelopeSizeBytes() + KafkaSettings.RECORD_OVERHEAD_BYTES));
      configs.putAll(settings.topicConfigs());
      NewTopic newTopic = new NewTopic(topic, java.util.Optional.of(settings.topicPartitions()),
          settings.topicReplicationFactor() < 0 ? java.util.Optional.empty()
              : java.util.Optional.of(settings.topicReplicationFactor())).configs(configs);
      try {
        cluster.admin().createTopics(List.of(newTopic)).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        LOG.info("created inbox topic {} ({} partitions)", topic, settings.topicPartitions());
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new TransportException(TransportException.UNAVAILABLE,
          "could not check or create inbox topic " + topic + " on " + cluster.bootstrap + " ("
              + cause.getClass().getSimpleName() + ")", true, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(TransportException.UNAVAILABLE, "interrupted while preparing " + topic, true, e);
    }
  }

  private Cluster cluster(KafkaEndpoint endpoint) {
    String bootstrap = endpoint.bootstrap();
    Cluster existing = clusters.get(bootstrap);
    if (existing != null) {
      return existing;
    }
    synchronized (lifecycle) {
      if (closed) {
        throw closedException();
      }
      return clusters.computeIfAbsent(bootstrap, this::newCluster);
    }
  }

  private Cluster newCluster(String bootstrap) {
    Map<String, Object> config = new java.util.LinkedHashMap<>();
    // Defaults that the settings may override: bounded waits so deliver never hangs.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.maxEnvelopeSizeBytes() + KafkaSettings.RECORD_OVERHEAD_BYTES);
    config.putAll(settings.merged(settings.producerProperties()));
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId("producer-" + clusters.size()));
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    KafkaProducer<byte[], byte[]> producer;
    try {
      producer = new KafkaProducer<>(config);
    } catch (KafkaException e) {
      throw new TransportException(TransportException.UNAVAILABLE,
          "could not create a producer for " + bootstrap + " (" + e.getClass().getSimpleName() + ")", true, e);
    }
    return new Cluster(bootstrap, producer, Executors.newSingleThreadExecutor(daemon("pccc-kafka-" + instance + "-send")));
  }

  private String clientId(String role) {
    String base = settings.merged(Map.of()).getOrDefault("client.id", "pccc").toString();
    return base + "-" + instance + "-" + role;
  }

  private static TransportException closedException() {
    return new TransportException(TransportException.CLOSED, "the kafka transport is closed", true);
  }

  /**
   * Stops all listeners (waiting for their loops to end), fails pending deliveries as retryable
   * and closes the clients. Idempotent.
   */
  @Override
  public void close() {
    List<Cluster> toClose;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(clusters.values());
    }
    for (KafkaInboxListener l : new ArrayList<>(listeners)) {
      l.close();
    }
    for (Cluster c : toClose) {
      c.close();
    }
    for (CompletableFuture<Void> f : new ArrayList<>(pending)) {
      f.completeExceptionally(closedException());
    }
    completions.shutdown();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** One cluster's clients. */
  private final class Cluster {
    final String bootstrap;
    final KafkaProducer<byte[], byte[]> producer;
    final ExecutorService dispatcher;
    private Admin admin;

    Cluster(String bootstrap, KafkaProducer<byte[], byte[]> producer, ExecutorService dispatcher) {
      this.bootstrap = bootstrap;
      this.producer = producer;
      this.dispatcher = dispatcher;
    }

    synchronized Admin admin() {
      if (admin == null) {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("default.api.timeout.ms", (int) Math.min(Integer.MAX_VALUE, settings.adminTimeout().toMillis()));
        config.put("request.timeout.ms", (int) Math.min(Integer.MAX_VALUE, settings.adminTimeout().toMillis()));
        config.putAll(settings.merged(settings.adminProperties()));
        config.put("client.id", clientId("admin"));
        config.put("bootstrap.servers", bootstrap);
        try {
          admin = Admin.create(config);
        } catch (KafkaException e) {
          throw new TransportException(TransportException.UNAVAILABLE,
              "could not create an admin client for " + bootstrap + " (" + e.getClass().getSimpleName() + ")", true, e);
        }
      }
      return admin;
    }

    void close() {
      dispatcher.shutdownNow();
      try {
        // A short grace lets records already in flight be acknowledged; the rest fail retryably.
        producer.close(Duration.ofSeconds(1));
      } catch (RuntimeException e) {
        LOG.debug("producer for {} did not close cleanly ({})", bootstrap, e.getClass().getSimpleName());
      }
      synchronized (this) {
        if (admin != null) {
          admin.close(Duration.ofSeconds(1));
        }
      }
    }
  }
}
