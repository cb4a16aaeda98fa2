package org.pccc.transport.mem;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;

/**
 * An in-process network that several {@link MemoryTransport}s share, standing in for the links
 * between centres in tests: each node gets its own transport on the same network and listens on
 * an endpoint such as {@code mem:MK-RS-TABANOVCE}.
 *
 * <p><b>Faults</b> ({@link MemoryFaults}: loss, failures, duplicates, delays, reordering) and
 * <b>partitions</b> can be changed at any time, for example to take a centre offline and bring
 * it back. A partitioned endpoint is cut off in both directions: deliveries to it, and
 * deliveries by a transport that listens on it, are refused retryably (or, in {@link
 * MemoryFaults.PartitionMode#BLACKHOLE} mode, swallowed). Every random decision comes from one
 * {@link Random} seeded at creation and drawn when {@code deliver} is called, so a test that
 * delivers from one thread sees the same faults on every run; concurrent senders draw in the
 * order they happen to run.
 *
 * <p><b>Custody and redelivery.</b> An envelope is handed to the listener's handler on a network
 * thread, one at a time per endpoint. If the handler's future fails retryably (or with anything
 * but a non-retryable {@link TransportException}), the network keeps the envelope and hands it
 * over again after a back-off that doubles from {@code redeliveryDelayMillis} up to {@code
 * maxRedeliveryDelayMillis}, while a listener is open; if the listener closes, the envelope waits
 * for the next listener on the endpoint. Custody ends when the handler commits or rejects the
 * envelope for good. A delivery to an endpoint nobody listens on fails retryably, as a refused
 * connection would.
 *
 * <p>Thread-safe. Uses daemon threads; {@link #close()} stops them (the {@link #shared()} network
 * ignores close).
 */
public final class MemoryNetwork implements AutoCloseable {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,199}");
  private static final AtomicInteger NETWORK_NUMBERS = new AtomicInteger();

  private final Object randomLock = new Object();
  private final Random random;
  private volatile MemoryFaults faults;
  private final Set<String> partitionedNames = ConcurrentHashMap.newKeySet();
  private final ConcurrentMap<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
  private final Set<MemoryTransport> transports = ConcurrentHashMap.newKeySet();
  private final long redeliveryDelayMillis;
  private final long maxRedeliveryDelayMillis;
  private final boolean sharedInstance;
  final Counters counters = new Counters();
  final ScheduledThreadPoolExecutor timer;
  final ExecutorService dispatcher;
  private volatile boolean closed;

  private MemoryNetwork(Builder builder, boolean sharedInstance) {
    this.random = new Random(builder.seed);
    this.faults = builder.faults;
    this.redeliveryDelayMillis = builder.redeliveryDelayMillis;
    this.maxRedeliveryDelayMillis = builder.maxRedeliveryDelayMillis;
    this.sharedInstance = sharedInstance;
    int number = NETWORK_NUMBERS.incrementAndGet();
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("pccc-mem-" + number + "-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.dispatcher = Executors.newCachedThreadPool(daemonThreads("pccc-mem-" + number + "-dispatch"));
  }

  /** Returns a network without faults, with seed 1. */
  public static MemoryNetwork create() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the network of the JVM that {@link MemoryTransportProvider} uses: without faults,
   * seed 1, never closed.
   */
  public static MemoryNetwork shared() {
    return SharedHolder.SHARED;
  }

  /** Returns a new transport on this network; same as {@link MemoryTransport#create(MemoryNetwork)}. */
  public MemoryTransport newTransport() {
    return MemoryTransport.create(this);
  }

  /** Returns the faults now injected. */
  public MemoryFaults faults() {
    return faults;
  }

  /** Replaces the faults injected from now on. */
  public void setFaults(MemoryFaults faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  /**
   * Cuts endpoints off: deliveries to them, and by transports listening on them, fail or vanish
   * (see {@link MemoryFaults.PartitionMode}) until {@link #heal healed}.
   *
   * @throws TransportException with {@link TransportException#BAD_ENDPOINT} if one is not a mem endpoint
   */
  public void partition(URI... endpoints) {
    for (URI endpoint : endpoints) {
      partitionedNames.add(nameOf(endpoint));
    }
  }

  /** Reconnects partitioned endpoints; envelopes in custody for them are redelivered as usual. */
  public void heal(URI... endpoints) {
    for (URI endpoint : endpoints) {
      partitionedNames.remove(nameOf(endpoint));
    }
  }

  /** Reconnects every partitioned endpoint. */
  public void healAll() {
    partitionedNames.clear();
  }

  /** Returns the endpoints now partitioned, sorted. */
  public Set<URI> partitioned() {
    Set<URI> result = new TreeSet<>();
    for (String name : partitionedNames) {
      result.add(endpointOf(name));
    }
    return Set.copyOf(result);
  }

  /**
   * Returns how many envelopes the network holds for an endpoint that its handler has neither
   * committed nor rejected (in flight or waiting for redelivery).
   */
  public int pendingCount(URI endpoint) {
    Mailbox mailbox = mailboxes.get(nameOf(endpoint));
    return mailbox == null ? 0 : mailbox.custodySize();
  }

  /** Returns a snapshot of the counters. */
  public MemoryNetworkStatistics statistics() {
    return counters.snapshot();
  }

  /** Sets every counter to zero. */
  public void resetStatistics() {
    counters.reset();
  }

  /**
   * Closes every transport on the network and stops its threads; envelopes in custody are lost.
   * Does nothing on the {@link #shared()} network.
   */
  @Override
  public void close() {
    if (sharedInstance) {
      return;
    }
    closed = true;
    for (MemoryTransport transport : transports) {
      transport.close();
    }
    timer.shutdownNow();
    dispatcher.shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------
  // Package-private: used by MemoryTransport and Mailbox.

  boolean isClosed() {
    return closed;
  }

  void register(MemoryTransport transport) {
    if (closed) {
      throw new TransportException(TransportException.CLOSED, "the memory network is closed", false);
    }
    transports.add(transport);
  }

  void unregister(MemoryTransport transport) {
    transports.remove(transport);
  }

  Mailbox mailbox(String name) {
    return mailboxes.computeIfAbsent(name, n -> new Mailbox(this, n));
  }

  boolean isPartitioned(String name) {
    return partitionedNames.contains(name);
  }

  long redeliveryDelayMillis(int attempts) {
    long delay = redeliveryDelayMillis;
    for (int i = 1; i < attempts && delay < maxRedeliveryDelayMillis; i++) {
      delay *= 2;
    }
    return Math.min(delay, maxRedeliveryDelayMillis);
  }

  /** Runs the fault-injection pipeline for one delivery; the transport has checked it is open. */
  CompletableFuture<Void> deliver(MemoryTransport from, String name, OutboundEnvelope envelope) {
    counters.deliveries.increment();
    MemoryFaults now = faults;
    double failureDraw;
    double dropDraw;
    double duplicateDraw;
    double reorderDraw;
    long delayMillis;
    synchronized (randomLock) {
      // Always draw the same numbers, so that one fault setting does not shift the others' sequence.
      failureDraw = random.nextDouble();
      dropDraw = random.nextDouble();
      duplicateDraw = random.nextDouble();
      reorderDraw = random.nextDouble();
      long minDelayMillis = now.minDelay().toMillis();
      long span = now.maxDelay().toMillis() - minDelayMillis;
      long extra = random.nextLong();
      delayMillis = minDelayMillis + (span == 0 ? 0 : Math.floorMod(extra, span + 1));
    }
    URI endpoint = endpointOf(name);
    if (isPartitioned(name) || from.listensOnAnyOf(partitionedNames)) {
      counters.partitioned.increment();
      if (now.partitionMode() == MemoryFaults.PartitionMode.BLACKHOLE) {
        counters.dropped.increment();
        return CompletableFuture.completedFuture(null);
      }
      return unavailable(endpoint + " is partitioned from the sender");
    }
    Mailbox mailbox = mailboxes.get(name);
    if (mailbox == null || !mailbox.hasListener()) {
      counters.refused.increment();
      return unavailable("nobody listens on " + endpoint + " (connection refused)");
    }
    if (failureDraw < now.failureRate()) {
      counters.failed.increment();
      return unavailable("injected failure delivering to " + endpoint);
    }
    if (dropDraw < now.dropRate()) {
      counters.dropped.increment();
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    Map<String, String> metadata = MemoryTransport.metadataOf(envelope);
    byte[] bytes = envelope.bytes().clone();
    boolean hold = reorderDraw < now.reorderRate();
    Mailbox.Entry first = new Mailbox.Entry(bytes, metadata, envelope.messageId(), accepted);
    arriveLater(mailbox, first, hold, delayMillis, now.reorderMaxHold().toMillis());
    if (duplicateDraw < now.duplicateRate()) {
      counters.duplicated.increment();
      arriveLater(mailbox, new Mailbox.Entry(bytes, metadata, envelope.messageId(), null), false, delayMillis,
          now.reorderMaxHold().toMillis());
    }
    return accepted;
  }

  private void arriveLater(Mailbox mailbox, Mailbox.Entry entry, boolean hold, long delayMillis, long holdMillis) {
    if (delayMillis == 0) {
      mailbox.arrive(entry, hold, holdMillis);
      return;
    }
    counters.delayed.increment();
    try {
      timer.schedule(() -> mailbox.arrive(entry, hold, holdMillis), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      entry.failSender(dispatcher, new TransportException(TransportException.CLOSED, "the memory network is closed", true));
    }
  }

  private static CompletableFuture<Void> unavailable(String message) {
    return CompletableFuture.failedFuture(new TransportException(TransportException.UNAVAILABLE, message, true));
  }

  /**
   * Returns the endpoint name of a {@code mem:} URI: the scheme-specific part, 1 to 200 letters,
   * digits and {@code . _ ~ -}, starting with a letter or digit.
   *
   * @throws TransportException with {@link TransportException#BAD_ENDPOINT} otherwise
   */
  static String nameOf(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals(MemoryTransport.SCHEME)) {
      throw badEndpoint(endpoint, "not a mem: URI");
    }
    if (!endpoint.isOpaque() || endpoint.getRawFragment() != null) {
      throw badEndpoint(endpoint, "a mem: endpoint is mem:<name>, without // or #");
    }
    String name = endpoint.getRawSchemeSpecificPart();
    if (!NAME.matcher(name).matches()) {
      throw badEndpoint(endpoint, "the name must be 1 to 200 letters, digits, '.', '_', '~' or '-'");
    }
    return name;
  }

  static URI endpointOf(String name) {
    return URI.create(MemoryTransport.SCHEME + ":" + name);
  }

  private static TransportException badEndpoint(URI endpoint, String why) {
    return new TransportException(TransportException.BAD_ENDPOINT, "bad endpoint " + endpoint + ": " + why, false);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static final class SharedHolder {
    static final MemoryNetwork SHARED = new MemoryNetwork(new Builder(), true);
  }

  /** Builds a {@link MemoryNetwork}. Not thread-safe. */
  public static final class Builder {
    private long seed = 1;
    private MemoryFaults faults = MemoryFaults.none();
    private long redeliveryDelayMillis = 10;
    private long maxRedeliveryDelayMillis = 1000;

    private Builder() {}

    /** Seeds the random generator behind every fault (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the initial faults (default none). */
    public Builder faults(MemoryFaults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Sets the first redelivery back-off after a handler failure (default 10 ms). */
    public Builder redeliveryDelay(Duration delay) {
      this.redeliveryDelayMillis = atLeastOneMilli(delay, "redeliveryDelay");
      return this;
    }

    /** Sets the longest redelivery back-off (default 1000 ms). */
    public Builder maxRedeliveryDelay(Duration delay) {
      this.maxRedeliveryDelayMillis = atLeastOneMilli(delay, "maxRedeliveryDelay");
      return this;
    }

    /** Returns the network; close it when done. */
    public MemoryNetwork build() {
      if (maxRedeliveryDelayMillis < redeliveryDelayMillis) {
        throw new IllegalArgumentException("maxRedeliveryDelay is shorter than redeliveryDelay");
      }
      return new MemoryNetwork(this, false);
    }

    private static long atLeastOneMilli(Duration delay, String name) {
      Objects.requireNonNull(delay, name);
      if (delay.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 ms");
      }
      return delay.toMillis();
    }
  }
}
