package org.pccc.examples.samples;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;

/**
 * Sample: how to implement a transport. {@code loop:NAME} endpoints inside one JVM; a delivery
 * calls the listener's handler directly and completes with the handler's own outcome, which is
 * what a direct transport such as HTTPS does too: the sender's outbox retries what failed. It
 * passes the transport TCK ({@code LoopbackTransportTckTest}); copy that test for your transport.
 * Thread-safe.
 */
public final class LoopbackTransport implements Transport {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final Map<String, Registration> ENDPOINTS = new ConcurrentHashMap<>();

  private final Set<Registration> mine = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A listening endpoint: closing it waits until no handler call is still running. */
  private final class Registration implements Listener {
    final String name;
    final org.pccc.transport.spi.InboundHandler handler;
    final AtomicBoolean open = new AtomicBoolean(true);
    final AtomicInteger running = new AtomicInteger();

    Registration(String name, org.pccc.transport.spi.InboundHandler handler) {
      this.name = name;
      this.handler = handler;
    }

    @Override
    public URI endpoint() {
      return URI.create("loop:" + name);
    }

    @Override
    public void close() {
      open.set(false);
      ENDPOINTS.remove(name, this);
      mine.remove(this);
      while (running.get() > 0) {
        Thread.onSpinWait();
      }
    }
  }

  @Override
  public String scheme() {
    return "loop";
  }

  @Override
  public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.CLOSED, "transport closed", false));
    }
    String name;
    try {
      name = nameOf(endpoint);
    } catch (TransportException e) {
      return CompletableFuture.failedFuture(e);
    }
    Registration r = ENDPOINTS.get(name);
    if (r == null) {
      return unavailable(endpoint);
    }
    r.running.incrementAndGet();
    try {
      if (!r.open.get()) {
        return unavailable(endpoint);
      }
      return r.handler.onEnvelope(new InboundEnvelope(envelope.bytes(), Map.of("message-id", envelope.messageId().toString())))
          .toCompletableFuture()
          .handle((ok, err) -> {
            if (err == null) {
              return null;
            }
            Throwable cause = err.getCause() != null && !(err instanceof TransportException) ? err.getCause() : err;
            if (cause instanceof TransportException te) {
              throw te;
            }
            throw new TransportException(TransportException.UNAVAILABLE, "the receiver could not commit", true, cause);
          });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new TransportException(TransportException.UNAVAILABLE, "the receiver failed", true, e));
    } finally {
      r.running.decrementAndGet();
    }
  }

  @Override
  public Listener listen(URI endpoint, org.pccc.transport.spi.InboundHandler handler) {
    if (closed.get()) {
      throw new TransportException(TransportException.CLOSED, "transport closed", false);
    }
    Registration r = new Registration(nameOf(endpoint), handler);
    if (ENDPOINTS.putIfAbsent(r.name, r) != null) {
      throw new TransportException(TransportException.BAD_ENDPOINT, "endpoint already served: " + endpoint, false);
    }
    mine.add(r);
    return r;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      for (Registration r : Set.copyOf(mine)) {
        r.close();
      }
    }
  }

  private static String nameOf(URI endpoint) {
    if (endpoint == null || !"loop".equals(endpoint.getScheme()) || endpoint.getFragment() != null
        || endpoint.getSchemeSpecificPart() == null || !NAME.matcher(endpoint.getSchemeSpecificPart()).matches()) {
      throw new TransportException(TransportException.BAD_ENDPOINT, "not a loop:NAME endpoint: " + endpoint, false);
    }
    return endpoint.getSchemeSpecificPart();
  }

  private static CompletableFuture<Void> unavailable(URI endpoint) {
    return CompletableFuture.failedFuture(
        new TransportException(TransportException.UNAVAILABLE, "nobody listens on " + endpoint, true));
  }
}
