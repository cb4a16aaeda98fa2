package org.pccc.transport.https;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server: a {@link HttpsServer} (TLS 1.3, client certificate required) in front of an
 * {@link EnvelopeEndpoint}.
 *
 * <p>Two pools, because the JDK server closes the connection without a response when its executor
 * rejects a task: connection threads (a fixed number, unbounded queue of waiting connections) do
 * the handshake, read the headers and the body under a read timeout, and answer at once what needs
 * no handler (404, 405, 413, 415, and 503 when busy); worker threads (a {@link ThreadPoolExecutor}
 * with a bounded queue) call the inbound handler and send its answer. A semaphore of workers +
 * queue capacity is taken <em>before</em> the body is read, so a busy server answers 503 without
 * reading (or buffering) bodies it cannot handle, and memory is bounded by that many envelopes.
 */
final class HttpsListener implements Listener {
  private static final Logger LOG = LoggerFactory.getLogger(HttpsListener.class);
  private static final ThreadLocal<ReadWatchdog.Guard> GUARD = new ThreadLocal<>();
  private static final long STOP_WAIT_MILLIS = 5_000;

  private final HttpsServer server;
  private final URI endpoint;
  private final String path;
  private final EnvelopeEndpoint envelopes;
  private final ThreadPoolExecutor connectionPool;
  private final ThreadPoolExecutor workerPool;
  private final int permits;
  private final Semaphore admission;
  private final ReadWatchdog watchdog;
  private final long readTimeoutMillis;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger connections = new AtomicInteger();
  private final Consumer<HttpsListener> onClose;

  private HttpsListener(
      HttpsServer server, URI endpoint, String path, HttpsSettings s, InboundHandler handler,
      Consumer<HttpsListener> onClose) {
    this.server = server;
    this.endpoint = endpoint;
    this.path = path;
    this.onClose = onClose;
    this.readTimeoutMillis = s.readTimeoutMillis();
    this.envelopes = EnvelopeEndpoint.builder(handler)
        .maxEnvelopeBytes(s.maxEnvelopeBytes())
        .handlerTimeoutMillis(s.handlerTimeoutMillis())
        .retryAfterSeconds(s.retryAfterSeconds())
        .build();
    int port = server.getAddress().getPort();
    this.connectionPool = pool(s.connectionThreads(), new LinkedBlockingQueue<>(), "pccc-https-" + port + "-conn-");
    // The semaphore is the bound; the queue has room for workerThreads more because a worker
    // releases its permit just before it is back to taking from the queue.
    this.workerPool = pool(s.workerThreads(), new ArrayBlockingQueue<>(s.queueCapacity() + s.workerThreads()),
        "pccc-https-" + port + "-worker-");
    this.permits = s.workerThreads() + s.queueCapacity();
    this.admission = new Semaphore(permits);
    this.watchdog = new ReadWatchdog("pccc-https-" + port + "-watchdog");
  }

  /**
   * Binds and starts a server.
   *
   * @throws TransportException with {@link TransportException#BAD_ENDPOINT} if it cannot bind
   */
  static HttpsListener start(
      String host, int port, String path, TlsConfig tls, SSLContext sslContext, HttpsSettings settings,
      InboundHandler handler, Consumer<HttpsListener> onClose) {
    ServerDefaults.ensureTcpNoDelay();
    String bindHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    HttpsServer server;
    try {
      server = HttpsServer.create(new InetSocketAddress(bindHost, port), 0);
    } catch (IOException e) {
      throw new TransportException(TransportException.BAD_ENDPOINT,
          "cannot listen on " + host + ":" + port + ": " + e.getClass().getSimpleName(), false, e);
    }
    int actualPort = server.getAddress().getPort();
    URI endpoint;
    try {
      endpoint = new URI("https", null, host, actualPort, path, null, null);
    } catch (URISyntaxException e) {
      server.stop(0);
      throw new TransportException(TransportException.BAD_ENDPOINT, "invalid endpoint host " + host, false, e);
    }
    HttpsListener listener = new HttpsListener(server, endpoint, path, settings, handler, onClose);
    server.setHttpsConfigurator(new HttpsConfigurator(sslContext) {
      @Override
      public void configure(HttpsParameters parameters) {
        // Called once per new connection, before its handshake.
        listener.connections.incrementAndGet();
        parameters.setSSLParameters(tls.serverSslParameters());
      }
    });
    server.createContext("/", listener::exchange);
    server.setExecutor(listener.connectionExecutor());
    server.start();
    LOG.info("https listener started on {}", endpoint);
    return listener;
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** The number of envelopes admitted and not yet answered (being read, queued or handled). */
  int inFlight() {
    return permits - admission.availablePermits();
  }

  /** The number of TLS connections accepted so far. */
  int connectionsAccepted() {
    return connections.get();
  }

  /** Guards every exchange, from the first byte of its request to the end of its body. */
  private Executor connectionExecutor() {
    return task -> connectionPool.execute(() -> {
      ReadWatchdog.Guard guard = watchdog.arm(readTimeoutMillis);
      GUARD.set(guard);
      try {
        task.run();
      } finally {
        GUARD.remove();
        guard.disarm();
      }
    });
  }

  /**
   * Runs on a connection thread once the request headers are in. The read guard stays armed until
   * the exchange ends: answering a request whose body was not read makes the JDK server read and
   * discard up to 64 KiB of it, and a client that stalls there must not hold the thread.
   */
  private void exchange(HttpExchange exchange) throws IOException {
    ReadWatchdog.Guard guard = GUARD.get();
    Runnable progress = guard == null ? () -> { } : guard::touch;
    progress.run();
    Headers headers = exchange.getRequestHeaders();
    Function<String, String> header = headers::getFirst;
    if (!path.equals(exchange.getRequestURI().getRawPath())) {
      respond(exchange, EnvelopeEndpoint.notFound());
      return;
    }
    EnvelopeEndpoint.Response early = envelopes.precheck(exchange.getRequestMethod(), header);
    if (early != null) {
      respond(exchange, early);
      return;
    }
    if (!admission.tryAcquire()) {
      LOG.debug("busy: {} envelopes in flight, answering 503", permits);
      respond(exchange, envelopes.busy("the receiver is busy"));
      return;
    }
    boolean handedOver = false;
    try {
      EnvelopeEndpoint.Body body = envelopes.readBody(
          exchange.getRequestBody(), EnvelopeEndpoint.declaredLength(header), progress);
      progress.run();
      if (body.problem() != null) {
        respond(exchange, body.problem());
        return;
      }
      InboundEnvelope envelope = envelopes.envelope(body.bytes(), header);
      workerPool.execute(() -> {
        try {
          EnvelopeEndpoint.Response response = envelopes.await(envelopes.deliverAsync(envelope));
          LOG.debug("envelope {} ({} bytes): {}",
              envelope.metadata().getOrDefault(EnvelopeEndpoint.METADATA_MESSAGE_ID, "-"),
              envelope.bytes().length, response.status());
          respond(exchange, response);
        } finally {
          admission.release();
        }
      });
      handedOver = true;
    } catch (RejectedExecutionException e) {
      respond(exchange, envelopes.busy("the receiver is shutting down"));
    } catch (IOException e) {
      // Read timeout (the guard's interrupt closed the channel) or the client went away: the JDK
      // server closes the connection when this propagates.
      LOG.debug("reading a request body failed: {}", e.getClass().getSimpleName());
      throw e;
    } finally {
      if (!handedOver) {
        admission.release();
      }
    }
  }

  private static void respond(HttpExchange exchange, EnvelopeEndpoint.Response response) {
    try {
      Headers out = exchange.getResponseHeaders();
      response.headers().forEach(out::set);
      byte[] body = response.body();
      if (body.length == 0 || "HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(response.status(), -1);
      } else {
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(body);
        }
      }
    } catch (IOException e) {
      LOG.debug("sending a {} response failed: {}", response.status(), e.getClass().getSimpleName());
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Closes the listening socket and every connection; unanswered senders see a failure and retry.
    server.stop(0);
    connectionPool.shutdownNow();
    workerPool.shutdownNow();
    watchdog.close();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
      connectionPool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      workerPool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onClose.accept(this);
    LOG.info("https listener on {} closed", endpoint);
  }

  private static ThreadPoolExecutor pool(int threads, BlockingQueue<Runnable> queue, String namePrefix) {
    AtomicInteger serial = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, r -> {
      Thread t = new Thread(r, namePrefix + serial.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
