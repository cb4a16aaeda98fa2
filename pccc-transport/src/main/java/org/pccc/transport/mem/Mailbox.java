package org.pccc.transport.mem;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network's side of one endpoint: the listener bound to it, the envelopes queued for it (handed
 * over one at a time, in order), those held back to be reordered, and those in custody (handed over
 * but neither committed nor rejected). Thread-safe: state is guarded by {@code this}; handlers and
 * futures are called without the lock.
 */
final class Mailbox {
  private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);

  enum State { NEW, QUEUED, IN_FLIGHT, WAITING, DONE }

  /** One copy of an envelope on its way; its mutable state is guarded by the mailbox. */
  static final class Entry {
    final byte[] bytes;
    final Map<String, String> metadata;
    final UUID messageId;
    private final CompletableFuture<Void> sender;
    State state = State.NEW;
    int attempts;

    /**
     * @param sender the future of the {@code deliver} call to complete on the first outcome, or null
     *     for an injected duplicate
     */
    Entry(byte[] bytes, Map<String, String> metadata, UUID messageId, CompletableFuture<Void> sender) {
      this.bytes = bytes;
      this.metadata = metadata;
      this.messageId = messageId;
      this.sender = sender;
    }

    /**
     * Completes the sender's future on another thread: the sender's callbacks may block (waiting
     * for another delivery to this endpoint) and must not stall this endpoint's hand-overs.
     */
    void completeSender(Executor executor) {
      if (sender != null && !sender.isDone()) {
        runElsewhere(executor, () -> sender.complete(null));
      }
    }

    void failSender(Executor executor, TransportException failure) {
      if (sender != null && !sender.isDone()) {
        runElsewhere(executor, () -> sender.completeExceptionally(failure));
      }
    }

    private static void runElsewhere(Executor executor, Runnable action) {
      try {
        executor.execute(action);
      } catch (RejectedExecutionException e) {
        action.run();
      }
    }
  }

  private final MemoryNetwork network;
  final String name;
  private final URI endpoint;
  private MemoryListener listener;
  private final Set<Entry> custody = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Entry> held = new ArrayList<>();
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private boolean draining;

  Mailbox(MemoryNetwork network, String name) {
    this.network = network;
    this.name = name;
    this.endpoint = MemoryNetwork.endpointOf(name);
  }

  URI endpoint() {
    return endpoint;
  }

  synchronized boolean hasListener() {
    return listener != null;
  }

  synchronized int custodySize() {
    return custody.size();
  }

  /** Binds a listener and queues every envelope in custody waiting for one. */
  synchronized void bind(MemoryListener newListener) {
    if (listener != null) {
      throw new TransportException(TransportException.BAD_ENDPOINT, endpoint + " already has a listener", false);
    }
    listener = newListener;
    for (Entry entry : custody) {
      if (entry.state == State.WAITING) {
        enqueueLocked(entry);
      }
    }
  }

  synchronized void unbind(MemoryListener oldListener) {
    if (listener == oldListener) {
      listener = null;
    }
  }

  /** An envelope reaches the endpoint, possibly to be held back so that the next one overtakes it. */
  void arrive(Entry entry, boolean holdBack, long holdMillis) {
    if (holdBack) {
      synchronized (this) {
        held.add(entry);
      }
      network.counters.reordered.increment();
      try {
        network.timer.schedule(() -> release(entry), holdMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        entry.failSender(network.dispatcher, closedNetwork());
      }
      return;
    }
    synchronized (this) {
      enqueueLocked(entry);
      for (Entry overtaken : held) {
        enqueueLocked(overtaken);
      }
      held.clear();
    }
  }

  private synchronized void release(Entry entry) {
    if (held.remove(entry)) {
      enqueueLocked(entry);
    }
  }

  private void enqueueLocked(Entry entry) {
    entry.state = State.QUEUED;
    queue.add(entry);
    if (!draining) {
      draining = true;
      try {
        network.dispatcher.execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining = false;
        queue.clear();
        entry.failSender(network.dispatcher, closedNetwork());
      }
    }
  }

  /** Hands queued envelopes over one at a time, so that an endpoint sees them in queue order. */
  private void drain() {
    while (true) {
      Entry entry;
      MemoryListener current;
      boolean neverHandedOver = false;
      synchronized (this) {
        entry = queue.poll();
        if (entry == null) {
          draining = false;
          return;
        }
        current = listener;
        if (current == null) {
          neverHandedOver = noListenerLocked(entry);
        }
      }
      if (current == null) {
        failIfNeverHandedOver(entry, neverHandedOver);
        continue;
      }
      if (!current.gate().enter()) {
        synchronized (this) {
          neverHandedOver = noListenerLocked(entry);
        }
        failIfNeverHandedOver(entry, neverHandedOver);
        continue;
      }
      handOver(entry, current);
    }
  }

  /** With nobody to take it: a first attempt fails (a connection reset), custody waits. */
  private boolean noListenerLocked(Entry entry) {
    if (entry.attempts == 0) {
      entry.state = State.DONE;
      return true;
    }
    entry.state = State.WAITING;
    return false;
  }

  private void failIfNeverHandedOver(Entry entry, boolean neverHandedOver) {
    if (neverHandedOver) {
      entry.failSender(network.dispatcher, new TransportException(TransportException.UNAVAILABLE,
          "the listener on " + endpoint + " went away before message " + entry.messageId + " was handed over", true));
    }
  }

  private void handOver(Entry entry, MemoryListener current) {
    int attempt;
    synchronized (this) {
      entry.state = State.IN_FLIGHT;
      attempt = ++entry.attempts;
      custody.add(entry);
    }
    network.counters.handOvers.increment();
    if (attempt > 1) {
      network.counters.redeliveries.increment();
    }
    CompletionStage<Void> outcome;
    try {
      outcome = current.handler().onEnvelope(new InboundEnvelope(entry.bytes.clone(), entry.metadata));
      if (outcome == null) {
        outcome = CompletableFuture.failedFuture(new IllegalStateException("the handler returned null"));
      }
    } catch (RuntimeException e) {
      outcome = CompletableFuture.failedFuture(e);
    } finally {
      current.gate().exit();
    }
    outcome.whenComplete((ok, error) -> settle(entry, error));
  }

  private void settle(Entry entry, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause == null) {
      synchronized (this) {
        custody.remove(entry);
        entry.state = State.DONE;
      }
      network.counters.committed.increment();
      entry.completeSender(network.dispatcher);
      return;
    }
    if (cause instanceof TransportException rejection && !rejection.retryable()) {
      synchronized (this) {
        custody.remove(entry);
        entry.state = State.DONE;
      }
      network.counters.rejected.increment();
      LOG.debug("{} rejected message {} for good ({})", endpoint, entry.messageId, rejection.code());
      entry.failSender(network.dispatcher, new TransportException(TransportException.REJECTED,
          endpoint + " rejected message " + entry.messageId + " (" + rejection.code() + ")", false, rejection));
      return;
    }
    int attempts;
    synchronized (this) {
      entry.state = State.WAITING;
      attempts = entry.attempts;
    }
    network.counters.handlerFailures.increment();
    LOG.debug("handler on {} did not commit message {} (attempt {}); redelivering later", endpoint, entry.messageId,
        attempts);
    // The network keeps custody, so the sender is done: redelivery is the network's job now.
    entry.completeSender(network.dispatcher);
    try {
      network.timer.schedule(() -> redeliver(entry), network.redeliveryDelayMillis(attempts), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The network is closed: custody ends with it.
    }
  }

  private synchronized void redeliver(Entry entry) {
    // Without a listener the entry stays WAITING and the next bind queues it.
    if (entry.state == State.WAITING && listener != null) {
      enqueueLocked(entry);
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static TransportException closedNetwork() {
    return new TransportException(TransportException.CLOSED, "the memory network is closed", true);
  }
}
