package org.pccc.transport.https;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of the {@code https:} transport as a plain request handler, independent of
 * any HTTP server: it checks the method, media type and size, reads the body, hands the envelope to
 * the {@link InboundHandler} and turns the outcome into a status code. The embedded server of
 * {@link HttpsTransport#listen} uses it, and a host application can mount it in its own server.
 *
 * <table>
 *   <caption>Outcomes</caption>
 *   <tr><th>status</th><th>when</th></tr>
 *   <tr><td>202</td><td>the handler's future completed normally (the envelope is committed)</td></tr>
 *   <tr><td>400</td><td>the handler failed with a non-retryable {@link TransportException}
 *       (its code and message in the JSON body), or the body was shorter than declared</td></tr>
 *   <tr><td>405</td><td>not {@code POST} ({@code Allow: POST})</td></tr>
 *   <tr><td>413</td><td>the body exceeds {@link #maxEnvelopeBytes()} ({@code PCCC-3002})</td></tr>
 *   <tr><td>415</td><td>not {@value #MEDIA_TYPE}</td></tr>
 *   <tr><td>500</td><td>the handler failed with anything else (the sender retries)</td></tr>
 *   <tr><td>503</td><td>the handler failed with a retryable {@link TransportException}, or did not
 *       answer within the handler timeout ({@code Retry-After})</td></tr>
 * </table>
 *
 * <p>Error bodies are {@code application/json}: {@code {"code":"PCCC-3002","message":"envelope too
 * large"}}. Routing headers ({@value #MESSAGE_ID_HEADER}, {@value #KIND_HEADER},
 * {@value #SENDER_HEADER}) become the envelope's metadata under {@value #METADATA_MESSAGE_ID},
 * {@value #METADATA_KIND} and {@value #METADATA_SENDER}; malformed values are dropped, since the
 * metadata is unauthenticated and optional.
 *
 * <p>A host application that runs its own servlet container mounts it with {@link EnvelopeServlet}
 * (the container terminates mutual TLS 1.3; configure it with {@link TlsConfig#createSslContext()}
 * and {@link TlsConfig#serverSslParameters()}, and require a client certificate):
 *
 * <pre>{@code
 * EnvelopeServlet servlet = EnvelopeServlet.create(EnvelopeEndpoint.create(node.inbound()), tls);
 * context.addServlet(new ServletHolder(servlet), EnvelopeEndpoint.DEFAULT_PATH);
 * }</pre>
 *
 * <p>A non-blocking host (Netty with an aggregator limited to {@link #maxEnvelopeBytes()}) calls
 * {@link #handleAsync} with the aggregated body instead. Path routing and the read timeout belong
 * to the host. Thread-safe; one instance serves any number of concurrent requests.
 */
public final class EnvelopeEndpoint {
  /** The path the transport POSTs to when an endpoint URI has no path. */
  public static final String DEFAULT_PATH = "/pccc/v1/envelopes";
  /** The request media type. */
  public static final String MEDIA_TYPE = "application/pccc-envelope+json";
  /** Routing header: the message id (a UUID). */
  public static final String MESSAGE_ID_HEADER = "Pccc-Message-Id";
  /** Routing header: the message kind code. */
  public static final String KIND_HEADER = "Pccc-Kind";
  /** Routing header: the sending centre's id. */
  public static final String SENDER_HEADER = "Pccc-Sender";
  /** Metadata key of the message id in {@link InboundEnvelope#metadata()}. */
  public static final String METADATA_MESSAGE_ID = "messageId";
  /** Metadata key of the message kind in {@link InboundEnvelope#metadata()}. */
  public static final String METADATA_KIND = "kind";
  /** Metadata key of the sending centre in {@link InboundEnvelope#metadata()}. */
  public static final String METADATA_SENDER = "senderCentre";
  /** The default time the handler has to commit an envelope: 60 s. */
  public static final long DEFAULT_HANDLER_TIMEOUT_MILLIS = 60_000;
  /** The default {@code Retry-After} of a 503: 5 s. */
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;
  /** The largest size limit: what fits in one array. */
  public static final long MAX_MAX_ENVELOPE_BYTES = Integer.MAX_VALUE - 16;

  private static final Logger LOG = LoggerFactory.getLogger(EnvelopeEndpoint.class);
  private static final String JSON = "application/json";
  private static final byte[] EMPTY = new byte[0];
  private static final int INITIAL_BUFFER_BYTES = 8192;

  private final InboundHandler handler;
  private final long maxEnvelopeBytes;
  private final long handlerTimeoutMillis;
  private final int retryAfterSeconds;

  private EnvelopeEndpoint(Builder b) {
    this.handler = b.handler;
    this.maxEnvelopeBytes = b.maxEnvelopeBytes;
    this.handlerTimeoutMillis = b.handlerTimeoutMillis;
    this.retryAfterSeconds = b.retryAfterSeconds;
  }

  /**
   * Creates an endpoint with the default limits.
   *
   * @param handler receives the envelopes
   * @return the endpoint
   */
  public static EnvelopeEndpoint create(InboundHandler handler) {
    return builder(handler).build();
  }

  /**
   * Starts a builder.
   *
   * @param handler receives the envelopes
   * @return a builder with the default limits
   */
  public static Builder builder(InboundHandler handler) {
    return new Builder(handler);
  }

  /** Returns the largest accepted body, in bytes. */
  public long maxEnvelopeBytes() {
    return maxEnvelopeBytes;
  }

  /**
   * Handles one request, blocking until the handler has committed the envelope or the handler
   * timeout has passed.
   *
   * @param method the HTTP method
   * @param header looks up a request header by name, case-insensitively, {@code null} if absent
   *     (for example {@code request::getHeader})
   * @param body the request body; read up to {@link #maxEnvelopeBytes()} + 1 bytes (a little more
   *     is discarded when too large, so that the client can read the 413), not closed
   * @return the response to send
   * @throws IOException if reading the body fails; the host should drop the connection
   */
  public Response handle(String method, Function<String, String> header, InputStream body)
      throws IOException {
    return handle(method, header, body, null);
  }

  /**
   * As {@link #handle(String, Function, InputStream)}, for a request whose TLS client certificate
   * the host has authenticated as a centre: the envelope is passed on with that centre under
   * {@link InboundEnvelope#AUTHENTICATED_PEER_CENTRE}, and the node refuses it unless that centre
   * signed it.
   *
   * @param method the HTTP method
   * @param header looks up a request header by name, case-insensitively, {@code null} if absent
   * @param body the request body (see {@link #handle(String, Function, InputStream)})
   * @param peerCentre the centre the client authenticated as, or {@code null} if not known
   * @return the response to send
   * @throws IOException if reading the body fails; the host should drop the connection
   */
  public Response handle(String method, Function<String, String> header, InputStream body, String peerCentre)
      throws IOException {
    Objects.requireNonNull(body, "body");
    Response early = precheck(method, header);
    if (early != null) {
      return early;
    }
    Body read = readBody(body, declaredLength(header));
    if (read.problem() != null) {
      return read.problem();
    }
    return await(deliverAsync(envelope(read.bytes(), header, peerCentre)));
  }

  /**
   * Handles one request whose body the host has already read (and limited), without blocking.
   *
   * @param method the HTTP method
   * @param header looks up a request header by name, case-insensitively, {@code null} if absent
   * @param body the whole request body; not copied, must not be modified afterwards
   * @return the response, completed when the handler has decided or the handler timeout passed;
   *     never completes exceptionally
   */
  public CompletableFuture<Response> handleAsync(
      String method, Function<String, String> header, byte[] body) {
    Objects.requireNonNull(body, "body");
    Response early = precheck(method, header);
    if (early != null) {
      return CompletableFuture.completedFuture(early);
    }
    if (body.length > maxEnvelopeBytes) {
      return CompletableFuture.completedFuture(tooLarge(false));
    }
    return deliverAsync(envelope(body, header, null));
  }

  // ---- pieces shared with the embedded server -------------------------------------------------

  /** Returns the response for a request that must not be read, or null if it may go on. */
  Response precheck(String method, Function<String, String> header) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(header, "header");
    if (!"POST".equals(method)) {
      return error(405, TransportException.BAD_ENDPOINT, "method not allowed", Map.of("Allow", "POST"));
    }
    String contentType = header.apply("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    if (!mediaType.equalsIgnoreCase(MEDIA_TYPE)) {
      return error(415, TransportException.REJECTED, "unsupported media type, expected " + MEDIA_TYPE, Map.of());
    }
    long declared = declaredLength(header);
    if (declared > discardLimit()) {
      // Too large to swallow: answer at once and have the connection closed.
      return tooLarge(true);
    }
    return null;
  }

  static long declaredLength(Function<String, String> header) {
    String value = header.apply("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(value.trim());
      return length < 0 ? -1 : length;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Reads the body: at most the limit plus one byte, and when it is too large, up to the limit
   * again more to discard, so that a client that is still sending can read the 413 instead of a
   * reset connection. The buffer grows with the bytes that actually arrive (doubling from 8 KiB),
   * never to a declared {@code Content-Length} up front: a client that declares 4 MiB and sends
   * one byte costs 8 KiB.
   */
  Body readBody(InputStream in, long declaredLength) throws IOException {
    if (declaredLength > maxEnvelopeBytes) {
      boolean drained = discard(in, discardLimit());
      return new Body(null, tooLarge(!drained));
    }
    // With a declared length, one byte more than declared is read to catch a body that is longer.
    long cap = declaredLength >= 0 ? declaredLength + 1 : maxEnvelopeBytes + 1;
    byte[] buffer = new byte[(int) Math.min(INITIAL_BUFFER_BYTES, cap)];
    int count = 0;
    while (true) {
      if (count == buffer.length) {
        if (count >= cap) {
          break;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(count * 2L, cap));
      }
      int n = in.read(buffer, count, buffer.length - count);
      if (n < 0) {
        break;
      }
      count += n;
    }
    if (declaredLength >= 0 && count > declaredLength) {
      return new Body(null, error(400, TransportException.REJECTED, "body longer than its Content-Length", Map.of()));
    }
    if (declaredLength < 0 && count > maxEnvelopeBytes) {
      boolean drained = discard(in, maxEnvelopeBytes);
      return new Body(null, tooLarge(!drained));
    }
    if (declaredLength >= 0 && count != declaredLength) {
      return new Body(null, error(400, TransportException.REJECTED, "body shorter than its Content-Length", Map.of()));
    }
    return new Body(count == buffer.length ? buffer : Arrays.copyOf(buffer, count), null);
  }

  private static boolean discard(InputStream in, long max) throws IOException {
    byte[] sink = new byte[8192];
    long left = max;
    while (left > 0) {
      int n = in.read(sink, 0, (int) Math.min(sink.length, left));
      if (n < 0) {
        return true;
      }
      left -= n;
    }
    return in.read() < 0;
  }

  private long discardLimit() {
    return maxEnvelopeBytes >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : maxEnvelopeBytes * 2;
  }

  InboundEnvelope envelope(byte[] bytes, Function<String, String> header, String peerCentre) {
    Map<String, String> metadata = new HashMap<>();
    if (peerCentre != null) {
      // From the TLS session, never from a header: the one metadata entry the node may rely on.
      metadata.put(InboundEnvelope.AUTHENTICATED_PEER_CENTRE, peerCentre);
    }
    String id = header.apply(MESSAGE_ID_HEADER);
    if (id != null) {
      try {
        metadata.put(METADATA_MESSAGE_ID, UUID.fromString(id.trim()).toString());
      } catch (IllegalArgumentException e) {
        // unauthenticated and optional: a malformed id is simply not passed on
      }
    }
    putIfToken(metadata, METADATA_KIND, header.apply(KIND_HEADER));
    putIfToken(metadata, METADATA_SENDER, header.apply(SENDER_HEADER));
    return new InboundEnvelope(bytes, metadata);
  }

  private static void putIfToken(Map<String, String> metadata, String key, String value) {
    if (value != null && isToken(value.trim())) {
      metadata.put(key, value.trim());
    }
  }

  /** Whether a routing value is safe as an HTTP header value and a log field: 1–128 visible ASCII. */
  static boolean isToken(String value) {
    if (value.isEmpty() || value.length() > 128) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Calls the handler; the future never fails and is bounded by the handler timeout. */
  CompletableFuture<Response> deliverAsync(InboundEnvelope envelope) {
    CompletableFuture<Void> committed = new CompletableFuture<>();
    try {
      CompletionStage<Void> stage = handler.onEnvelope(envelope);
      if (stage == null) {
        committed.completeExceptionally(new NullPointerException("the handler returned null"));
      } else {
        stage.whenComplete((v, e) -> {
          if (e != null) {
            committed.completeExceptionally(e);
          } else {
            committed.complete(null);
          }
        });
      }
    } catch (RuntimeException e) {
      committed.completeExceptionally(e);
    }
    return committed
        .handle((v, e) -> e == null ? accepted() : failure(e))
        .completeOnTimeout(
            busy("the receiver did not commit the envelope in time"), handlerTimeoutMillis, TimeUnit.MILLISECONDS);
  }

  Response await(CompletableFuture<Response> response) {
    try {
      return response.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return busy("the receiver is shutting down");
    } catch (ExecutionException | CancellationException e) {
      return failure(e);
    }
  }

  private Response failure(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TransportException) {
      TransportException te = (TransportException) cause;
      String message = plainMessage(te);
      if (te.retryable()) {
        LOG.debug("handler asked for a retry: {}", te.code());
        return error(503, te.code(), message, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
      }
      LOG.debug("handler rejected an envelope: {}", te.code());
      return error(400, te.code(), message, Map.of());
    }
    // The exception's message may come from anywhere: only its type is logged, nothing is echoed.
    LOG.warn("the inbound handler failed with {}", cause.getClass().getName());
    return error(500, TransportException.UNAVAILABLE, "the receiver failed", Map.of());
  }

  /** The message without the "CODE: " prefix that {@code PcccException} adds. */
  private static String plainMessage(TransportException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = e.code() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  static Response accepted() {
    return new Response(202, Map.of(), EMPTY);
  }

  Response busy(String message) {
    return error(503, TransportException.UNAVAILABLE, message,
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  static Response notFound() {
    return error(404, TransportException.BAD_ENDPOINT, "no envelope endpoint at this path", Map.of());
  }

  static Response tooLarge(boolean closeConnection) {
    return error(413, TransportException.REJECTED, "envelope too large",
        closeConnection ? Map.of("Connection", "close") : Map.of());
  }

  static Response error(int status, String code, String message, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", JSON);
    return new Response(status, headers, ErrorJson.write(code, message));
  }

  /** A body as read: the bytes, or the response that ends the request. */
  static final class Body {
    private final byte[] bytes;
    private final Response problem;

    Body(byte[] bytes, Response problem) {
      this.bytes = bytes;
      this.problem = problem;
    }

    byte[] bytes() {
      return bytes;
    }

    Response problem() {
      return problem;
    }
  }

  /**
   * A response to send.
   *
   * @param status the HTTP status code
   * @param headers headers to set (for example {@code Retry-After}, {@code Allow},
   *     {@code Content-Type})
   * @param body the body, possibly empty; not copied, do not modify
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    /** Copies the headers. */
    public Response {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    /** Returns the value of a header of this response, ignoring case, or {@code null}. */
    public String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return e.getValue();
        }
      }
      return null;
    }
  }

  /** Builds an {@link EnvelopeEndpoint}. Not thread-safe. */
  public static final class Builder {
    private final InboundHandler handler;
    private long maxEnvelopeBytes = EnvelopeOpener.DEFAULT_MAX_ENVELOPE_BYTES;
    private long handlerTimeoutMillis = DEFAULT_HANDLER_TIMEOUT_MILLIS;
    private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;

    private Builder(InboundHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Sets the largest accepted body (default {@link EnvelopeOpener#DEFAULT_MAX_ENVELOPE_BYTES}, the
     * limit of the opener behind it: accepting more would only buffer what the node refuses).
     *
     * @param maxEnvelopeBytes between 1 and {@link #MAX_MAX_ENVELOPE_BYTES}
     * @return this builder
     */
    public Builder maxEnvelopeBytes(long maxEnvelopeBytes) {
      if (maxEnvelopeBytes < 1 || maxEnvelopeBytes > MAX_MAX_ENVELOPE_BYTES) {
        throw new IllegalArgumentException("maxEnvelopeBytes must be between 1 and " + MAX_MAX_ENVELOPE_BYTES);
      }
      this.maxEnvelopeBytes = maxEnvelopeBytes;
      return this;
    }

    /**
     * Sets how long the handler may take to commit an envelope before the sender is told to retry
     * (default 60 s).
     *
     * @param handlerTimeout positive
     * @return this builder
     */
    public Builder handlerTimeout(java.time.Duration handlerTimeout) {
      java.util.Objects.requireNonNull(handlerTimeout, "handlerTimeout");
      this.handlerTimeoutMillis = positive(handlerTimeout.toMillis(), "handlerTimeout");
      return this;
    }

    /**
     * Sets the {@code Retry-After} of 503 responses (default 5 s).
     *
     * @param retryAfterSeconds zero or more
     * @return this builder
     */
    public Builder retryAfterSeconds(int retryAfterSeconds) {
      if (retryAfterSeconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds must not be negative");
      }
      this.retryAfterSeconds = retryAfterSeconds;
      return this;
    }

    /** Builds the endpoint. */
    public EnvelopeEndpoint build() {
      return new EnvelopeEndpoint(this);
    }
  }

  static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
