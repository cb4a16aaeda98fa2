package org.pccc.transport.https;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code https:} transport: mutual TLS 1.3, the JDK {@link HttpClient} to send, an embedded
 * Jetty 12 server to receive.
 *
 * <p><b>Sending.</b> {@link #deliver} POSTs the envelope to the endpoint URI (its path, or
 * {@value EnvelopeEndpoint#DEFAULT_PATH} when it has none) with {@code Content-Type:
 * application/pccc-envelope+json} and the routing headers {@code Pccc-Message-Id},
 * {@code Pccc-Kind} and {@code Pccc-Sender}. When the {@link TlsConfig} identifies peers (as
 * {@link TlsConfig#forCentre} does), the server must be the envelope's recipient centre: the
 * certificate of any other centre fails the handshake ({@value #NOT_THE_RECIPIENT}, retryable),
 * and connections are never shared between recipients. The outcome:
 *
 * <ul>
 *   <li>2xx: the future completes;
 *   <li>401, 403, 408, 425, 429, 5xx, connect and response timeouts, refused or reset connections,
 *       TLS failures: a retryable {@link HttpsTransportException} ({@link TransportException#UNAVAILABLE}
 *       or {@value #NOT_THE_RECIPIENT}) with the server's {@code Retry-After}, if any, in
 *       {@link HttpsTransportException#retryAfter()}. TLS failures and refusals of our identity
 *       count as retryable because peers are trusted through the directory, which changes when keys
 *       rotate, and because with TLS 1.3 a refused client certificate reaches the client after its
 *       side of the handshake, often as a plain reset;
 *   <li>400, 413, 415, 422 from the authenticated recipient: rejected for good
 *       ({@link TransportException#REJECTED}, not retryable), with the server's error code (only
 *       the code) in the message. The same from a server not authenticated as the recipient
 *       centre is retryable ({@value #REFUSED_BY_UNVERIFIED_PEER}): a centre on the path must not
 *       be able to make the sender drop a delivery;
 *   <li>other statuses (redirects are not followed, 404, 405…): the endpoint is wrong
 *       ({@link TransportException#BAD_ENDPOINT}, not retryable);
 *   <li>an envelope above {@link Builder#maxEnvelopeBytes} is rejected before sending.
 * </ul>
 *
 * <p>One {@link HttpClient} per recipient centre, HTTP/1.1 with keep-alive, completing exchanges
 * on the transport's own bounded executor ({@link Builder#clientThreads}), never on a fresh thread
 * per response or the JDK's common pool.
 *
 * <p><b>Receiving.</b> {@link #listen} with {@code https://HOST:PORT/PATH} starts an embedded
 * Jetty 12 server bound to HOST (an address of this machine, {@code 0.0.0.0} for all) and PORT
 * ({@code 0} picks a free one, reported by {@link Listener#endpoint()}), serving PATH (or
 * {@value EnvelopeEndpoint#DEFAULT_PATH}) with an {@link EnvelopeServlet}: TLS 1.3 only, a client
 * certificate is required and checked with the {@link TlsConfig}'s peer-trust predicate, only
 * {@code POST} with the envelope media type, bodies up to {@link Builder#maxEnvelopeBytes}
 * (413 {@code PCCC-3002} above, without reading or buffering them), total deadlines for the
 * handshake with the request headers ({@link Builder#headersTimeout}) and for the body
 * ({@link Builder#bodyTimeout}) besides the idle timeout, a bounded accept queue and thread pool,
 * and at most {@code workerThreads + queueCapacity} envelopes at once, 503 with
 * {@code Retry-After} beyond. The handler's completion is answered with 202. Nothing JVM-wide is
 * set.
 *
 * <p>Thread-safe. {@link #close()} stops every listener and fails pending deliveries as retryable
 * ({@link TransportException#CLOSED}); so do deliveries attempted after it, so that a node shutting
 * down keeps its outbox entries for the next start.
 *
 * <pre>{@code
 * try (HttpsTransport transport = HttpsTransport.create(TlsConfig.forCentre(keys, directory));
 *      PcccNode node = PcccNode.builder(keys, directory, store).transport(transport).build().start()) {
 *   node.send(message);
 * }
 * }</pre>
 */
public final class HttpsTransport implements Transport {
  /** The URI scheme served. */
  public static final String SCHEME = "https";

  /**
   * Delivery failure code (retryable): the server's certificate is trusted but belongs to a centre
   * other than the recipient, so the handshake was refused.
   */
  public static final String NOT_THE_RECIPIENT = "PCCC-3062";
  /**
   * Delivery failure code (retryable): a server not authenticated as the recipient centre refused
   * the envelope with a 4xx; only the recipient's own refusal ends a delivery.
   */
  public static final String REFUSED_BY_UNVERIFIED_PEER = "PCCC-3061";

  private static final Logger LOG = LoggerFactory.getLogger(HttpsTransport.class);
  private static final int ERROR_BODY_LIMIT = 4096;
  private static final byte[] NO_BODY = new byte[0];
  /** The key of the one client shared by all recipients when the TLS configuration names no centres. */
  private static final String ANY_PEER = "";

  private final TlsConfig tls;
  private final HttpsSettings settings;
  private final ExecutorService clientExecutor;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
  private final Map<CompletableFuture<Void>, CompletableFuture<?>> pending = new ConcurrentHashMap<>();
  private final Set<HttpsListener> listeners = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private HttpsTransport(TlsConfig tls, HttpsSettings settings) {
    this.tls = tls;
    this.settings = settings;
    AtomicInteger serial = new AtomicInteger();
    // Fixed threads; the queue holds only completions of responses already received.
    this.clientExecutor = Executors.newFixedThreadPool(settings.clientThreads(), r -> {
      Thread t = new Thread(r, "pccc-https-client-" + serial.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The client for one recipient centre: its TLS context accepts that centre's servers only. */
  private HttpClient clientFor(String recipientCentre) {
    String key = tls.identifiesPeers() ? recipientCentre : ANY_PEER;
    return clients.computeIfAbsent(key, k -> HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(k.equals(ANY_PEER) ? tls.createSslContext() : tls.createSslContextFor(k))
        .sslParameters(tls.clientSslParameters())
        .connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis()))
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(clientExecutor)
        .build());
  }

  /**
   * Creates a transport with the default settings.
   *
   * @param tls the local key, certificate and peer trust
   * @return a new transport, owned by the caller
   */
  public static HttpsTransport create(TlsConfig tls) {
    return builder(tls).build();
  }

  /**
   * Starts a builder.
   *
   * @param tls the local key, certificate and peer trust
   * @return a builder with the default settings
   */
  public static Builder builder(TlsConfig tls) {
    return new Builder(tls);
  }

  /** Returns a builder with this transport's settings, for a new, independent transport. */
  public Builder toBuilder() {
    return new Builder(tls).settings(settings);
  }

  /** Returns the TLS configuration. */
  public TlsConfig tlsConfig() {
    return tls;
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(envelope, "envelope");
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    URI target;
    try {
      target = targetUri(endpoint);
    } catch (TransportException e) {
      return CompletableFuture.failedFuture(e);
    }
    int size = envelope.bytes().length;
    if (size > settings.maxEnvelopeBytes()) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED,
          "envelope " + envelope.messageId() + " has " + size + " bytes, more than the limit of "
              + settings.maxEnvelopeBytes(), false));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(target)
        .timeout(Duration.ofMillis(settings.requestTimeoutMillis()))
        .header("Content-Type", EnvelopeEndpoint.MEDIA_TYPE)
        .header(EnvelopeEndpoint.MESSAGE_ID_HEADER, envelope.messageId().toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.bytes()));
    putIfToken(request, EnvelopeEndpoint.KIND_HEADER, envelope.kind());
    putIfToken(request, EnvelopeEndpoint.SENDER_HEADER, envelope.senderCentre());

    CompletableFuture<Void> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = clientFor(envelope.recipientCentre()).sendAsync(request.build(), HttpsTransport::bodyHandler);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.BAD_ENDPOINT,
          "cannot send to " + target, false, e));
    }
    pending.put(result, exchange);
    if (closed) {
      // close() may have run between the check above and put(): do its work for this one.
      pending.remove(result);
      exchange.cancel(true);
      return CompletableFuture.failedFuture(closedException());
    }
    exchange.whenComplete((response, failure) -> {
      pending.remove(result);
      if (failure != null) {
        result.completeExceptionally(mapFailure(failure, target));
        return;
      }
      TransportException refused = mapStatus(response, target, envelope, fromRecipient(response, envelope));
      if (refused == null) {
        result.complete(null);
      } else {
        result.completeExceptionally(refused);
      }
    });
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        exchange.cancel(true);
      }
    });
    return result;
  }

  private static HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
    return info.statusCode() / 100 == 2
        ? HttpResponse.BodySubscribers.replacing(NO_BODY)
        : new LimitedBodySubscriber(ERROR_BODY_LIMIT);
  }

  private static void putIfToken(HttpRequest.Builder request, String name, String value) {
    // Metadata is optional; a value that is not a plain token is left out rather than fail delivery.
    if (EnvelopeEndpoint.isToken(value)) {
      request.header(name, value);
    }
  }

  /**
   * Whether the response came over a TLS session whose server is the recipient centre. Without an
   * identification of centres every trusted server counts as the one meant (see {@link TlsConfig}).
   */
  private boolean fromRecipient(HttpResponse<?> response, OutboundEnvelope envelope) {
    if (!tls.identifiesPeers()) {
      return true;
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : response.sslSession().orElseThrow().getPeerCertificates()) {
        chain.add((X509Certificate) c);
      }
      return tls.peerCentre(chain).map(envelope.recipientCentre()::equals).orElse(false);
    } catch (SSLPeerUnverifiedException | RuntimeException e) {
      return false;
    }
  }

  static TransportException mapStatus(
      HttpResponse<byte[]> response, URI target, OutboundEnvelope envelope, boolean fromRecipient) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return null;
    }
    String code = ErrorJson.code(response.body()).map(c -> ", code " + c).orElse("");
    Duration retryAfter = RetryAfter.parse(
        response.headers().firstValue("Retry-After").orElse(null), Instant.now()).orElse(null);
    switch (status) {
      case 400:
      case 413:
      case 415:
      case 422:
        if (!fromRecipient) {
          return new HttpsTransportException(REFUSED_BY_UNVERIFIED_PEER, target + ", not authenticated as "
              + envelope.recipientCentre() + ", refused envelope " + envelope.messageId() + ": HTTP " + status + code,
              true, status, retryAfter);
        }
        return new HttpsTransportException(TransportException.REJECTED,
            target + " rejected envelope " + envelope.messageId() + ": HTTP " + status + code, false, status, null);
      case 401:
      case 403:
      case 408:
      case 425:
      case 429:
        return unavailable(target, status, code, retryAfter);
      default:
        if (status >= 500) {
          return unavailable(target, status, code, retryAfter);
        }
        return new HttpsTransportException(TransportException.BAD_ENDPOINT,
            target + " is not an envelope endpoint: HTTP " + status + code, false, status, null);
    }
  }

  private static TransportException unavailable(URI target, int status, String code, Duration retryAfter) {
    String wait = retryAfter == null ? "" : ", retry after " + retryAfter.getSeconds() + " s";
    return new HttpsTransportException(TransportException.UNAVAILABLE,
        target + " is unavailable: HTTP " + status + code + wait, true, status, retryAfter);
  }

  private TransportException mapFailure(Throwable failure, URI target) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof TransportException) {
      return (TransportException) e;
    }
    if (e instanceof CancellationException) {
      return closedException();
    }
    String what;
    if (e instanceof HttpConnectTimeoutException) {
      what = "connecting timed out after " + settings.connectTimeoutMillis() + " ms";
    } else if (e instanceof HttpTimeoutException) {
      what = "no response within " + settings.requestTimeoutMillis() + " ms";
    } else if (e instanceof ConnectException) {
      what = "cannot connect";
    } else if (hasCause(e, PeerTrustManager.NotTheIntendedPeerException.class)) {
      LOG.debug("delivery to {} failed: the server is not the recipient centre", target);
      return new TransportException(NOT_THE_RECIPIENT,
          target + ": TLS handshake refused: the server's certificate is not the recipient centre's", true, e);
    } else if (hasCause(e, PeerTrustManager.UntrustedPeerException.class)) {
      what = "TLS handshake failed: the server certificate is not trusted";
    } else if (hasCause(e, SSLException.class)) {
      what = "TLS failed (" + firstOf(e, SSLException.class).getMessage() + ")";
    } else if (e instanceof IOException) {
      // Under TLS 1.3 a server that refuses our certificate does so after our side of the
      // handshake is done, so the refusal typically arrives as this: a connection closed early.
      what = "the connection failed before a response (" + e.getClass().getSimpleName()
          + "; also how a server that does not trust this centre's certificate answers)";
    } else {
      what = "unexpected failure (" + e.getClass().getName() + ")";
    }
    LOG.debug("delivery to {} failed: {}", target, what);
    return new TransportException(TransportException.UNAVAILABLE, target + ": " + what, true, e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    return firstOf(e, type) != null;
  }

  private static Throwable firstOf(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static TransportException closedException() {
    return new TransportException(TransportException.CLOSED, "the https transport is closed", true);
  }

  /** Checks an endpoint and fills in the default path. */
  static URI targetUri(URI endpoint) {
    String scheme = endpoint.getScheme();
    if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw badEndpoint(endpoint, "not an https URI");
    }
    if (endpoint.getHost() == null) {
      throw badEndpoint(endpoint, "no host");
    }
    if (endpoint.getRawUserInfo() != null || endpoint.getRawFragment() != null) {
      throw badEndpoint(endpoint, "user info and fragments are not allowed");
    }
    String path = endpoint.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      try {
        return new URI(SCHEME, null, endpoint.getHost(), endpoint.getPort(), EnvelopeEndpoint.DEFAULT_PATH,
            endpoint.getQuery(), null);
      } catch (URISyntaxException e) {
        throw badEndpoint(endpoint, "cannot add the default path");
      }
    }
    return endpoint;
  }

  private static TransportException badEndpoint(URI endpoint, String why) {
    return new TransportException(TransportException.BAD_ENDPOINT, "bad https endpoint " + endpoint + ": " + why, false);
  }

  /**
   * {@inheritDoc}
   *
   * @param endpoint {@code https://HOST:PORT/PATH}: HOST is the address to bind ({@code 0.0.0.0}
   *     for all, {@code 127.0.0.1} for loopback only), PORT {@code 0} for a free port (443 if
   *     absent), PATH the path served ({@value EnvelopeEndpoint#DEFAULT_PATH} if empty)
   */
  @Override
  public Listener listen(URI endpoint, InboundHandler handler) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw new TransportException(TransportException.CLOSED, "the https transport is closed", false);
    }
    URI target = targetUri(endpoint);
    if (target.getRawQuery() != null) {
      throw badEndpoint(endpoint, "a listening endpoint has no query");
    }
    int port = target.getPort() < 0 ? 443 : target.getPort();
    HttpsListener listener = HttpsListener.start(
        target.getHost(), port, target.getRawPath(), tls, settings, handler, listeners::remove);
    listeners.add(listener);
    if (closed) {
      listener.close();
      throw new TransportException(TransportException.CLOSED, "the https transport is closed", false);
    }
    return listener;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (HttpsListener listener : listeners) {
      listener.close();
    }
    for (Map.Entry<CompletableFuture<Void>, CompletableFuture<?>> e : pending.entrySet()) {
      e.getKey().completeExceptionally(closedException());
      e.getValue().cancel(true);
    }
    pending.clear();
    clients.values().forEach(HttpsTransport::shutdownClient);
    clients.clear();
    clientExecutor.shutdownNow();
  }

  /**
   * JDK 21 added {@code HttpClient.shutdownNow()}; on 17 the client's idle connections go when it
   * is garbage-collected, and its selector thread is a daemon.
   */
  private static void shutdownClient(HttpClient client) {
    try {
      Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
      shutdownNow.invoke(client);
    } catch (NoSuchMethodException e) {
      // JDK 17-20
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("HttpClient.shutdownNow failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Builds an {@link HttpsTransport}. Not thread-safe. */
  public static final class Builder {
    private final TlsConfig tls;
    private long maxEnvelopeBytes = EnvelopeOpener.DEFAULT_MAX_ENVELOPE_BYTES;
    private long connectTimeoutMillis = 10_000;
    private long requestTimeoutMillis = 120_000;
    private long readTimeoutMillis = 30_000;
    private Duration headersTimeout = Duration.ofSeconds(10);
    private Duration bodyTimeout = Duration.ofSeconds(60);
    private long handlerTimeoutMillis = EnvelopeEndpoint.DEFAULT_HANDLER_TIMEOUT_MILLIS;
    private int workerThreads = 4;
    private int queueCapacity = 64;
    private int connectionThreads = 16;
    private int acceptQueueSize = 128;
    private int clientThreads = 2;
    private int retryAfterSeconds = EnvelopeEndpoint.DEFAULT_RETRY_AFTER_SECONDS;

    private Builder(TlsConfig tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
    }

    private Builder settings(HttpsSettings s) {
      maxEnvelopeBytes = s.maxEnvelopeBytes();
      connectTimeoutMillis = s.connectTimeoutMillis();
      requestTimeoutMillis = s.requestTimeoutMillis();
      readTimeoutMillis = s.readTimeoutMillis();
      headersTimeout = s.headersTimeout();
      bodyTimeout = s.bodyTimeout();
      handlerTimeoutMillis = s.handlerTimeoutMillis();
      workerThreads = s.workerThreads();
      queueCapacity = s.queueCapacity();
      connectionThreads = s.connectionThreads();
      acceptQueueSize = s.acceptQueueSize();
      clientThreads = s.clientThreads();
      retryAfterSeconds = s.retryAfterSeconds();
      return this;
    }

    /**
     * The largest envelope sent or accepted (default {@link EnvelopeOpener#DEFAULT_MAX_ENVELOPE_BYTES},
     * the opener's: a node refuses larger envelopes anyway, so set both together). The server may
     * buffer up to {@code (workerThreads + queueCapacity)} envelopes of this size at once, each in
     * a buffer that grows with the bytes received.
     *
     * @param maxEnvelopeBytes between 1 and {@link EnvelopeEndpoint#MAX_MAX_ENVELOPE_BYTES}
     * @return this builder
     */
    public Builder maxEnvelopeBytes(long maxEnvelopeBytes) {
      if (maxEnvelopeBytes < 1 || maxEnvelopeBytes > EnvelopeEndpoint.MAX_MAX_ENVELOPE_BYTES) {
        throw new IllegalArgumentException(
            "maxEnvelopeBytes must be between 1 and " + EnvelopeEndpoint.MAX_MAX_ENVELOPE_BYTES);
      }
      this.maxEnvelopeBytes = maxEnvelopeBytes;
      return this;
    }

    /**
     * How long the client waits for a TCP connection (default 10 s).
     *
     * @param connectTimeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeoutMillis = positive(connectTimeout, "connectTimeout").toMillis();
      return this;
    }

    /**
     * How long the client waits for the response after sending starts, upload included
     * (default 120 s: a full-size envelope over a slow border link).
     *
     * @param requestTimeout positive
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeoutMillis = positive(requestTimeout, "requestTimeout").toMillis();
      return this;
    }

    /**
     * The server's idle timeout (default 30 s): a connection on which no byte moves for this long
     * is dropped. A client that trickles bytes meets {@link #headersTimeout} or
     * {@link #bodyTimeout} instead.
     *
     * @param idleTimeout positive
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.readTimeoutMillis = positive(idleTimeout, "idleTimeout").toMillis();
      return this;
    }

    /**
     * The server's total deadline, from the moment a connection is accepted, for the TLS handshake
     * and the complete headers of the first request (default 10 s); a kept-alive connection has
     * the idle timeout plus this for the headers of each further request. Missed: the connection
     * is closed. Connections that wait do not hold a thread.
     *
     * @param headersTimeout positive
     * @return this builder
     */
    public Builder headersTimeout(Duration headersTimeout) {
      this.headersTimeout = positive(headersTimeout, "headersTimeout");
      return this;
    }

    /**
     * The server's total deadline for a request body, from the end of its headers to its last
     * byte (default 60 s: 4 MiB at about 70 KB/s); missed: the connection is closed and nothing
     * is handed over.
     *
     * @param bodyTimeout positive
     * @return this builder
     */
    public Builder bodyTimeout(Duration bodyTimeout) {
      this.bodyTimeout = positive(bodyTimeout, "bodyTimeout");
      return this;
    }

    /**
     * The server's accept queue: connections the operating system holds before the server takes
     * them (default 128).
     *
     * @param acceptQueueSize positive
     * @return this builder
     */
    public Builder acceptQueueSize(int acceptQueueSize) {
      this.acceptQueueSize = (int) EnvelopeEndpoint.positive(acceptQueueSize, "acceptQueueSize");
      return this;
    }

    /**
     * The client's threads, which complete deliveries when responses arrive (default 2).
     *
     * @param clientThreads positive
     * @return this builder
     */
    public Builder clientThreads(int clientThreads) {
      this.clientThreads = (int) EnvelopeEndpoint.positive(clientThreads, "clientThreads");
      return this;
    }

    private static Duration positive(Duration value, String name) {
      java.util.Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }

    /**
     * How long the server waits for the inbound handler to commit an envelope before answering
     * 503 (default 60 s).
     *
     * @param handlerTimeout positive
     * @return this builder
     */
    public Builder handlerTimeout(Duration handlerTimeout) {
      this.handlerTimeoutMillis = positive(handlerTimeout, "handlerTimeout").toMillis();
      return this;
    }

    /**
     * The server's threads for envelopes being handled (default 4; the server has
     * {@code connectionThreads + workerThreads} threads in all).
     *
     * @param workerThreads positive
     * @return this builder
     */
    public Builder workerThreads(int workerThreads) {
      this.workerThreads = (int) EnvelopeEndpoint.positive(workerThreads, "workerThreads");
      return this;
    }

    /**
     * How many envelopes may be admitted beyond {@code workerThreads} (default 64); beyond that, 503
     * before the body is read. Also bounds the server's job queue.
     *
     * @param queueCapacity positive
     * @return this builder
     */
    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = (int) EnvelopeEndpoint.positive(queueCapacity, "queueCapacity");
      return this;
    }

    /**
     * The server's threads for TLS handshakes and reading requests (default 16).
     *
     * @param connectionThreads positive
     * @return this builder
     */
    public Builder connectionThreads(int connectionThreads) {
      this.connectionThreads = (int) EnvelopeEndpoint.positive(connectionThreads, "connectionThreads");
      return this;
    }

    /**
     * The {@code Retry-After} the server sends with 503 (default 5 s).
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

    /** Builds the transport. */
    public HttpsTransport build() {
      return new HttpsTransport(tls, new HttpsSettings(maxEnvelopeBytes, connectTimeoutMillis, requestTimeoutMillis,
          readTimeoutMillis, headersTimeout, bodyTimeout, handlerTimeoutMillis, workerThreads, queueCapacity,
          connectionThreads, acceptQueueSize, clientThreads, retryAfterSeconds));
    }
  }
}
