package org.pccc.transport.mem;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.pccc.model.Limits;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;

/**
 * The {@code mem:} transport: delivers envelopes inside the JVM over a {@link MemoryNetwork}, for
 * tests and demonstrations of several centres in one process. Endpoints are opaque URIs such as
 * {@code mem:MK-RS-TABANOVCE}; each transport may listen on several, and one endpoint has at most
 * one listener on its network.
 *
 * <p>{@link #deliver} completes normally once the receiving handler has taken the envelope: it
 * committed it, or it failed retryably and the network keeps custody and redelivers (see {@link
 * MemoryNetwork}). It fails retryably ({@code UNAVAILABLE}) when nobody listens on the endpoint,
 * when it is partitioned, or by injected failure; it fails with {@code REJECTED}, not retryable,
 * when the handler rejects the envelope for good, and when the envelope is larger than {@link
 * Limits#MAX_ENVELOPE_BYTES}. The receiver gets a copy of the bytes and this
 * metadata: {@code message-id}, {@code conversation-id}, {@code kind}, {@code sender-centre},
 * {@code recipient-centre}.
 *
 * <p>Thread-safe. {@link #close()} closes this transport's listeners and fails its pending
 * deliveries retryably; the network and other transports on it are unaffected.
 */
public final class MemoryTransport implements Transport {

  /** The URI scheme served. */
  public static final String SCHEME = "mem";

  private final MemoryNetwork network;
  private final Set<MemoryListener> listeners = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private MemoryTransport(MemoryNetwork network) {
    this.network = network;
  }

  /**
   * Creates a transport on a network.
   *
   * @throws TransportException with {@link TransportException#CLOSED} if the network is closed
   */
  public static MemoryTransport create(MemoryNetwork network) {
    MemoryTransport transport = new MemoryTransport(Objects.requireNonNull(network, "network"));
    network.register(transport);
    return transport;
  }

  /** Returns the network this transport is on. */
  public MemoryNetwork network() {
    return network;
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    if (closed || network.isClosed()) {
      return CompletableFuture.failedFuture(closedFailure(false));
    }
    String name;
    try {
      name = MemoryNetwork.nameOf(endpoint);
    } catch (TransportException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (envelope.bytes().length > Limits.MAX_ENVELOPE_BYTES) {
      // As the real transports: what no opener would accept is refused before it travels.
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED,
          "message " + envelope.messageId() + " has " + envelope.bytes().length + " bytes, over the limit of "
              + Limits.MAX_ENVELOPE_BYTES, false));
    }
    CompletableFuture<Void> delivery = network.deliver(this, name, envelope);
    if (!delivery.isDone()) {
      pending.add(delivery);
      delivery.whenComplete((ok, error) -> pending.remove(delivery));
      if (closed) {
        delivery.completeExceptionally(closedFailure(true));
      }
    }
    return delivery;
  }

  @Override
  public Listener listen(URI endpoint, InboundHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (closed || network.isClosed()) {
      throw closedFailure(false);
    }
    Mailbox mailbox = network.mailbox(MemoryNetwork.nameOf(endpoint));
    MemoryListener listener = new MemoryListener(this, mailbox, handler);
    listeners.add(listener);
    try {
      mailbox.bind(listener);
    } catch (TransportException e) {
      listeners.remove(listener);
      throw e;
    }
    if (closed) {
      listener.close();
      throw closedFailure(false);
    }
    return listener;
  }

  /** Closes the listeners of this transport and fails its pending deliveries retryably. Idempotent. */
  @Override
  public void close() {
    closed = true;
    for (MemoryListener listener : listeners) {
      listener.close();
    }
    for (CompletableFuture<Void> delivery : pending) {
      delivery.completeExceptionally(closedFailure(true));
    }
    network.unregister(this);
  }

  void forget(MemoryListener listener) {
    listeners.remove(listener);
  }

  boolean listensOnAnyOf(Set<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    for (MemoryListener listener : listeners) {
      if (names.contains(listener.name())) {
        return true;
      }
    }
    return false;
  }

  static Map<String, String> metadataOf(OutboundEnvelope envelope) {
    return Map.of(
        "message-id", envelope.messageId().toString(),
        "conversation-id", envelope.conversationId().toString(),
        "kind", envelope.kind(),
        "sender-centre", envelope.senderCentre(),
        "recipient-centre", envelope.recipientCentre());
  }

  private static TransportException closedFailure(boolean retryable) {
    return new TransportException(TransportException.CLOSED, "the mem transport is closed", retryable);
  }

  @Override
  public String toString() {
    return "MemoryTransport[listeners=" + listeners.size() + (closed ? ", closed" : "") + "]";
  }
}
