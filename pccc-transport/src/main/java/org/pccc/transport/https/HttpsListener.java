package org.pccc.transport.https;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server: Jetty 12 (TLS 1.3 only, client certificate required and checked with the
 * {@link TlsConfig}'s peer trust) running an {@link EnvelopeServlet}.
 *
 * <p>Bounded everywhere: the accept queue ({@code acceptQueueSize}), the thread pool
 * ({@code connectionThreads + workerThreads} threads plus one acceptor and one selector, with a job
 * queue of {@code queueCapacity + connectionThreads}), the envelopes admitted at once
 * ({@code workerThreads + queueCapacity}; 503 beyond, before any body is read), the body (the
 * envelope limit, in a buffer that grows with what arrives), and time: total deadlines for the
 * handshake with the headers and for the body ({@link ConnectionDeadlines}) besides Jetty's idle
 * timeout. Connections wait for bytes in Jetty's selector, not on a thread each, so connections
 * that send nothing or never finish their handshake do not stall the listener.
 */
final class HttpsListener implements Listener {
  private static final Logger LOG = LoggerFactory.getLogger(HttpsListener.class);
  private static final long STOP_WAIT_MILLIS = 1_000;

  private final Server server;
  private final URI endpoint;
  private final int permits;
  private final Semaphore admission;
  private final AtomicInteger connections;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Consumer<HttpsListener> onClose;

  private HttpsListener(Server server, URI endpoint, int permits, Semaphore admission, AtomicInteger connections,
      Consumer<HttpsListener> onClose) {
    this.server = server;
    this.endpoint = endpoint;
    this.permits = permits;
    this.admission = admission;
    this.connections = connections;
    this.onClose = onClose;
  }

  /**
   * Binds and starts a server.
   *
   * @throws TransportException with {@link TransportException#BAD_ENDPOINT} if it cannot bind
   */
  static HttpsListener start(String host, int port, String path, TlsConfig tls, HttpsSettings s,
      InboundHandler handler, Consumer<HttpsListener> onClose) {
    String bindHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int threads = s.connectionThreads() + s.workerThreads() + 2; // + acceptor + selector
    QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, 4), 30_000, 0,
        new ArrayBlockingQueue<>(s.queueCapacity() + s.connectionThreads()), null);
    pool.setName("pccc-https-" + port);
    pool.setDaemon(true);
    Server server = new Server(pool);
    ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("pccc-https-" + port + "-deadlines", true);
    server.addBean(scheduler);

    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls.createSslContext());
    ssl.setIncludeProtocols(TlsConfig.PROTOCOL);
    ssl.setNeedClientAuth(true);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Centres are known by their pinned certificates, not by host names (see TlsConfig).
    secure.setSniHostCheck(false);
    secure.setSniRequired(false);
    http.addCustomizer(secure);

    ServerConnector connector = new ServerConnector(server, 1, 1,
        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    connector.setHost(bindHost);
    connector.setPort(port);
    connector.setAcceptQueueSize(s.acceptQueueSize());
    connector.setIdleTimeout(s.readTimeoutMillis());
    ConnectionDeadlines deadlines = new ConnectionDeadlines(scheduler, s.headersTimeout(), s.bodyTimeout(),
        java.time.Duration.ofMillis(s.readTimeoutMillis()));
    connector.addBean(deadlines);
    AtomicInteger connections = new AtomicInteger();
    connector.addBean(new Connection.Listener() {
      @Override
      public void onOpened(Connection connection) {
        if (!(connection.getEndPoint() instanceof org.eclipse.jetty.io.EndPoint.Wrapper)) {
          connections.incrementAndGet();
        }
      }
    });
    server.addConnector(connector);

    EnvelopeEndpoint envelopes = EnvelopeEndpoint.builder(handler)
        .maxEnvelopeBytes(s.maxEnvelopeBytes())
        .handlerTimeout(java.time.Duration.ofMillis(s.handlerTimeoutMillis()))
        .retryAfterSeconds(s.retryAfterSeconds())
        .build();
    int permits = s.workerThreads() + s.queueCapacity();
    Semaphore admission = new Semaphore(permits);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(EnvelopeServlet.embedded(envelopes, tls, path, admission)), "/*");
    org.eclipse.jetty.server.Handler.Wrapper watched = deadlines.handler();
    watched.setHandler(context);
    server.setHandler(watched);
    // Stopping drops connections at once (senders retry); threads still in a handler get a moment.
    server.setStopTimeout(0);
    pool.setStopTimeout(STOP_WAIT_MILLIS);

    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new TransportException(TransportException.BAD_ENDPOINT,
          "cannot listen on " + host + ":" + port + ": " + e.getClass().getSimpleName(), false, e);
    }
    URI endpoint;
    try {
      endpoint = new URI("https", null, host, connector.getLocalPort(), path, null, null);
    } catch (URISyntaxException e) {
      stopQuietly(server);
      throw new TransportException(TransportException.BAD_ENDPOINT, "invalid endpoint host " + host, false, e);
    }
    LOG.info("https listener started on {}", endpoint);
    return new HttpsListener(server, endpoint, permits, admission, connections, onClose);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** The number of envelopes admitted and not yet answered (being read or handled). */
  int inFlight() {
    return permits - admission.availablePermits();
  }

  /** The number of TLS connections accepted so far. */
  int connectionsAccepted() {
    return connections.get();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Closes the listening socket and every connection; unanswered senders see a failure and retry.
    stopQuietly(server);
    onClose.accept(this);
    LOG.info("https listener on {} closed", endpoint);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.debug("stopping the https server failed: {}", e.getClass().getSimpleName());
    }
  }
}
