package org.pccc.transport.spi;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Moves sealed envelopes between centres. The SPI is deliberately small: deliver bytes to an
 * endpoint, receive bytes at an endpoint, close. Reliability (retries, deduplication, receipts)
 * lives above it in the node, so a transport only has to be honest about what it did:
 *
 * <ul>
 *   <li>{@link #deliver} completes normally only when the far side has accepted the bytes (an
 *       HTTP 2xx, a file renamed into the drop folder, a broker acknowledgement); otherwise it
 *       completes exceptionally with a {@link TransportException} saying whether a retry may help.
 *   <li>{@link #listen} hands every envelope to the handler and removes or acknowledges it only
 *       after the handler's future completes normally (the node's inbox has committed it), so a
 *       crash re-delivers instead of losing. Delivery is at least once: duplicates are expected.
 * </ul>
 *
 * <p>Implementations are thread-safe. Envelope bytes are opaque: a transport never parses,
 * logs or stores them beyond what delivery needs, and its metadata carries no personal data.
 */
public interface Transport extends AutoCloseable {

  /** Returns the URI scheme this transport serves, for example {@code https}. */
  String scheme();

  /**
   * Delivers one envelope.
   *
   * @param endpoint where to deliver, in this transport's scheme
   * @param envelope the bytes and their routing metadata
   * @return a future that completes when the far side has accepted the envelope, or fails with
   *     a {@link TransportException}
   */
  CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope);

  /**
   * Starts receiving envelopes addressed to a local endpoint.
   *
   * @param endpoint the local endpoint, in this transport's scheme
   * @param handler called for each envelope; may be called concurrently
   * @return a handle that stops receiving when closed
   * @throws TransportException if the endpoint cannot be served (not retryable)
   */
  Listener listen(URI endpoint, InboundHandler handler);

  /** Stops all listeners and releases resources. Pending deliveries fail as retryable. */
  @Override
  void close();
}
