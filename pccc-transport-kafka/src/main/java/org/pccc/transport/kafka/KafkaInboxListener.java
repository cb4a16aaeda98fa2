package org.pccc.transport.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A centre's inbox consumer: a poll loop on its own thread that hands records to the handler
 * (partitions in parallel, each partition in order) and commits an offset only once the handler
 * committed the record or rejected it for good.
 */
final class KafkaInboxListener implements Listener {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaInboxListener.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long WAIT_SLICE_MILLIS = 50;

  private final KafkaEndpoint endpoint;
  private final String topic;
  private final KafkaSettings settings;
  private final InboundHandler handler;
  private final Consumer<KafkaInboxListener> onClosed;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread loop;
  private final ExecutorService partitionWorkers;
  // Read-held around every handler call, write-taken by close: once close has it, no call runs or starts.
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean open = true;

  /** Per partition: when a paused partition may be handed over again, and its current backoff. */
  private final Map<TopicPartition, Long> resumeAtNanos = new HashMap<>();
  private final Map<TopicPartition, Long> backoffMillis = new HashMap<>();

  KafkaInboxListener(KafkaEndpoint endpoint, String topic, KafkaSettings settings, InboundHandler handler,
      String clientId, Consumer<KafkaInboxListener> onClosed) {
    this.endpoint = endpoint;
    this.topic = topic;
    this.settings = settings;
    this.handler = handler;
    this.onClosed = onClosed;
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
        settings.maxEnvelopeSizeBytes() + KafkaSettings.RECORD_OVERHEAD_BYTES);
    config.putAll(settings.merged(settings.consumerProperties()));
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.bootstrap());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(endpoint.centreId()));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try {
      consumer = new KafkaConsumer<>(config);
    } catch (KafkaException e) {
      throw new TransportException(TransportException.UNAVAILABLE,
          "could not create a consumer for " + endpoint.bootstrap() + " (" + e.getClass().getSimpleName() + ")", true, e);
    }
    String name = "pccc-kafka-inbox-" + KafkaSettings.sanitize(endpoint.centreId());
    partitionWorkers = Executors.newCachedThreadPool(runnable -> {
      Thread t = new Thread(runnable, name + "-handler");
      t.setDaemon(true);
      return t;
    });
    loop = new Thread(this::run, name);
    loop.setDaemon(true);
  }

  void start() {
    consumer.subscribe(List.of(topic));
    loop.start();
  }

  @Override
  public URI endpoint() {
    return endpoint.toUri();
  }

  @Override
  public void close() {
    // Called from inside a handler call (the handler closing its own listener), waiting would
    // deadlock: the call in progress is this thread's, and the loop waits for it.
    boolean fromHandler = gate.getReadHoldCount() > 0;
    if (open) {
      open = false;
      if (!fromHandler) {
        // Waits for handler calls in progress; afterwards none can start.
        gate.writeLock().lock();
        gate.writeLock().unlock();
      }
      consumer.wakeup();
    }
    if (Thread.currentThread() != loop && !fromHandler) {
      try {
        loop.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    partitionWorkers.shutdownNow();
    onClosed.accept(this);
  }

  private void run() {
    try {
      while (open) {
        resumeDuePartitions();
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = consumer.poll(POLL);
        } catch (WakeupException e) {
          break;
        }
        if (!records.isEmpty()) {
          handOver(records);
        }
      }
    } catch (WakeupException e) {
      // close() woke the consumer up: stop.
    } catch (RuntimeException e) {
      LOG.error("inbox listener for topic {} stopped ({})", topic, e.getClass().getSimpleName(), e);
      open = false;
    } finally {
      try {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      } catch (RuntimeException e) {
        LOG.debug("consumer of {} did not close cleanly ({})", topic, e.getClass().getSimpleName());
      }
    }
  }

  /** The outcome of handing over one partition's records. */
  private record PartitionOutcome(TopicPartition partition, long commitOffset, long retryOffset) {}

  private void handOver(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, Future<PartitionOutcome>> running = new LinkedHashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
      running.put(partition, partitionWorkers.submit(() -> handOver(partition, batch)));
    }
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    for (Map.Entry<TopicPartition, Future<PartitionOutcome>> f : running.entrySet()) {
      PartitionOutcome outcome;
      try {
        outcome = f.getValue().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        open = false;
        return;
      } catch (ExecutionException e) {
        // Not expected (handler failures are outcomes); never skip: hand the whole batch over again.
        LOG.warn("inbox hand-over failed on {} ({})", topic, e.getCause().getClass().getSimpleName());
        retryLater(f.getKey(), records.records(f.getKey()).get(0).offset());
        continue;
      }
      if (outcome.commitOffset() >= 0) {
        commits.put(outcome.partition(), new OffsetAndMetadata(outcome.commitOffset()));
      }
      if (outcome.retryOffset() >= 0) {
        retryLater(outcome.partition(), outcome.retryOffset());
      } else {
        backoffMillis.remove(outcome.partition());
      }
    }
    if (!commits.isEmpty()) {
      try {
        consumer.commitSync(commits);
      } catch (WakeupException e) {
        // close() is stopping the loop; the wake-up is used up, so what the inbox committed can
        // still be committed here (fewer duplicates for the next listener), then stop.
        try {
          consumer.commitSync(commits, Duration.ofSeconds(5));
        } catch (KafkaException again) {
          LOG.debug("final offset commit on {} failed ({})", topic, again.getClass().getSimpleName());
        }
        throw e;
      } catch (KafkaException e) {
        // A rebalance took the partition: the records will be handed over again and deduplicated.
        LOG.warn("offset commit on {} failed ({}); records will be delivered again", topic, e.getClass().getSimpleName());
      }
    }
  }

  /** Hands over one partition's records in order; stops at the first that must be tried again. */
  private PartitionOutcome handOver(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> batch) {
    long commit = -1;
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      Outcome outcome = handOne(record);
      switch (outcome) {
        case COMMITTED -> commit = record.offset() + 1;
        case REJECTED -> commit = record.offset() + 1;
        case RETRY -> {
          return new PartitionOutcome(partition, commit, record.offset());
        }
        case STOPPED -> {
          return new PartitionOutcome(partition, commit, -1);
        }
        default -> throw new IllegalStateException();
      }
    }
    return new PartitionOutcome(partition, commit, -1);
  }

  private enum Outcome { COMMITTED, REJECTED, RETRY, STOPPED }

  private Outcome handOne(ConsumerRecord<byte[], byte[]> record) {
    CompletionStage<Void> stage;
    gate.readLock().lock();
    try {
      if (!open) {
        return Outcome.STOPPED;
      }
      try {
        stage = handler.onEnvelope(EnvelopeRecords.toEnvelope(record));
      } catch (RuntimeException e) {
        stage = CompletableFuture.failedFuture(e);
      }
    } finally {
      gate.readLock().unlock();
    }
    if (stage == null) {
      return Outcome.RETRY;
    }
    CompletableFuture<Void> future = stage.toCompletableFuture();
    long deadline = System.nanoTime() + settings.handlerTimeout().toNanos();
    while (true) {
      try {
        future.get(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
        return Outcome.COMMITTED;
      } catch (TimeoutException e) {
        if (!open) {
          return Outcome.STOPPED;
        }
        if (System.nanoTime() - deadline > 0) {
          LOG.warn("handler did not commit a record of {} partition {} within {}; it will be handed over again",
              topic, record.partition(), settings.handlerTimeout());
          return Outcome.RETRY;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.STOPPED;
      } catch (ExecutionException | CompletionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof TransportException te && !te.retryable()) {
          LOG.warn("dropped a record of {} partition {} offset {}: rejected ({})", topic, record.partition(),
              record.offset(), te.code());
          return Outcome.REJECTED;
        }
        String code = cause instanceof TransportException te ? te.code() : String.valueOf(cause).split(":", 2)[0];
        LOG.debug("record of {} partition {} offset {} not committed ({}); retrying", topic, record.partition(),
            record.offset(), code);
        return Outcome.RETRY;
      }
    }
  }

  private void retryLater(TopicPartition partition, long offset) {
    try {
      consumer.seek(partition, offset);
      long backoff = backoffMillis.merge(partition, settings.redeliveryBackoff().toMillis(),
          (old, first) -> Math.min(old * 2, settings.maxRedeliveryBackoff().toMillis()));
      consumer.pause(List.of(partition));
      resumeAtNanos.put(partition, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff));
    } catch (IllegalStateException e) {
      // The partition was revoked meanwhile; its new owner starts from the committed offset.
      resumeAtNanos.remove(partition);
    }
  }

  private void resumeDuePartitions() {
    if (resumeAtNanos.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    Set<TopicPartition> assigned = consumer.assignment();
    List<TopicPartition> due = new ArrayList<>();
    resumeAtNanos.entrySet().removeIf(e -> {
      if (!assigned.contains(e.getKey())) {
        return true;
      }
      if (now - e.getValue() >= 0) {
        due.add(e.getKey());
        return true;
      }
      return false;
    });
    if (!due.isEmpty()) {
      consumer.resume(due);
    }
  }
}
