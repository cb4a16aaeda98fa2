package org.pccc.transport.https;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.transport.https.TestCentres.Centre;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;

/** The transport end to end over loopback: two centres, an unknown one, and hostile clients. */
@Timeout(value = 120, unit = SECONDS)
class HttpsTransportTest {
  private static final Centre A = TestCentres.ed25519("PCCC-A");
  private static final Centre B = TestCentres.ed25519("PCCC-B");
  private static final Centre STRANGER = TestCentres.ed25519("PCCC-UNKNOWN");
  private static final URI LOOPBACK = URI.create("https://127.0.0.1:0/pccc/v1/envelopes");

  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  @AfterEach
  void closeAll() throws Exception {
    while (!toClose.isEmpty()) {
      toClose.pop().close();
    }
  }

  private <T extends AutoCloseable> T closeLater(T closeable) {
    toClose.push(closeable);
    return closeable;
  }

  private HttpsTransport transport(TlsConfig tls, UnaryOperator<HttpsTransport.Builder> settings) {
    return closeLater(settings.apply(HttpsTransport.builder(tls).requestTimeout(Duration.ofSeconds(20))).build());
  }

  private HttpsTransport transport(Centre self, Centre... trusted) {
    return transport(self.tlsTrusting(trusted), b -> b);
  }

  private static OutboundEnvelope envelope(byte[] bytes) {
    return new OutboundEnvelope(bytes, UUID.randomUUID(), UUID.randomUUID(), "information-request", "PCCC-A", "PCCC-B");
  }

  private static TransportException failureOf(CompletableFuture<Void> delivery) {
    Throwable thrown = catchThrowable(() -> delivery.get(30, SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    assertThat(thrown.getCause()).isInstanceOf(TransportException.class);
    return (TransportException) thrown.getCause();
  }

  /** Records what the handler was given; accepts everything. */
  static final class Recorder implements InboundHandler {
    final Map<String, byte[]> bytesById = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> callsById = new ConcurrentHashMap<>();
    final List<InboundEnvelope> all = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CompletableFuture<Void> onEnvelope(InboundEnvelope envelope) {
      calls.incrementAndGet();
      all.add(envelope);
      String id = envelope.metadata().get(EnvelopeEndpoint.METADATA_MESSAGE_ID);
      if (id != null) {
        bytesById.put(id, envelope.bytes());
        callsById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      }
      return CompletableFuture.completedFuture(null);
    }
  }

  private static HttpClient rawClient(TlsConfig tls) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(tls.createSslContext())
        .sslParameters(tls.clientSslParameters())
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpRequest.Builder rawRequest(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
  }

  @Test
  void deliversAnEnvelopeWithItsRoutingMetadata() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    OutboundEnvelope sent = envelope("{\"protected\":\"x\"}".getBytes(StandardCharsets.UTF_8));

    transport(A, B).deliver(inbox.endpoint(), sent).get(30, SECONDS);

    assertThat(recorder.all).hasSize(1);
    InboundEnvelope received = recorder.all.get(0);
    assertThat(received.bytes()).isEqualTo(sent.bytes());
    assertThat(received.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
        EnvelopeEndpoint.METADATA_MESSAGE_ID, sent.messageId().toString(),
        EnvelopeEndpoint.METADATA_KIND, "information-request",
        EnvelopeEndpoint.METADATA_SENDER, "PCCC-A"));
  }

  @Test
  void listenerReportsTheRealPortAndTheDefaultPath() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(URI.create("https://127.0.0.1:0"), recorder));

    assertThat(inbox.endpoint().getPort()).isPositive();
    assertThat(inbox.endpoint().getPath()).isEqualTo(EnvelopeEndpoint.DEFAULT_PATH);
    assertThat(inbox.endpoint().getHost()).isEqualTo("127.0.0.1");

    URI withoutPath = URI.create("https://127.0.0.1:" + inbox.endpoint().getPort());
    transport(A, B).deliver(withoutPath, envelope(new byte[] {1, 2, 3})).get(30, SECONDS);
    assertThat(recorder.calls).hasValue(1);
  }

  @Test
  void thousandEnvelopesFromEightSendersArriveExactlyOnceAndIntact() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    HttpsTransport sender = transport(A, B);
    Map<String, byte[]> sent = new ConcurrentHashMap<>();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < 8; s++) {
        long seed = s;
        done.add(senders.submit(() -> {
          Random random = new Random(seed);
          for (int i = 0; i < 125; i++) {
            int size = i % 50 == 0 ? 200_000 + random.nextInt(50_000) : 1 + random.nextInt(6_000);
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            OutboundEnvelope e = envelope(bytes);
            sent.put(e.messageId().toString(), bytes);
            sender.deliver(inbox.endpoint(), e).get(30, SECONDS);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(90, SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }

    assertThat(sent).hasSize(1000);
    assertThat(recorder.calls).hasValue(1000);
    assertThat(recorder.callsById.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(recorder.bytesById.keySet()).isEqualTo(sent.keySet());
    sent.forEach((id, bytes) -> assertThat(recorder.bytesById.get(id)).as(id).isEqualTo(bytes));
  }

  @Test
  void sequentialDeliveriesReuseOneKeptAliveConnection() throws Exception {
    Recorder recorder = new Recorder();
    HttpsListener inbox = (HttpsListener) closeLater(transport(B, A).listen(LOOPBACK, recorder));
    HttpsTransport sender = transport(A, B);

    for (int i = 0; i < 50; i++) {
      sender.deliver(inbox.endpoint(), envelope(new byte[] {(byte) i})).get(30, SECONDS);
    }

    assertThat(recorder.calls).hasValue(50);
    assertThat(inbox.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void headIsMethodNotAllowedWithoutABody() throws Exception {
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, new Recorder()));

    HttpResponse<String> response = rawClient(A.tlsTrusting(B)).send(
        rawRequest(inbox.endpoint()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void ed25519AndP256CentresTalkToEachOther() throws Exception {
    Centre p256 = TestCentres.p256("PCCC-P256");
    Recorder atP256 = new Recorder();
    Recorder atEd = new Recorder();
    HttpsTransport p256Transport = transport(p256, A);
    HttpsTransport edTransport = transport(A, p256);
    Listener p256Inbox = closeLater(p256Transport.listen(LOOPBACK, atP256));
    Listener edInbox = closeLater(edTransport.listen(LOOPBACK, atEd));

    edTransport.deliver(p256Inbox.endpoint(), envelope(new byte[] {1})).get(30, SECONDS);
    p256Transport.deliver(edInbox.endpoint(), envelope(new byte[] {2})).get(30, SECONDS);

    assertThat(atP256.calls).hasValue(1);
    assertThat(atEd.calls).hasValue(1);
  }

  @Test
  void theHandshakeIsTls13WithAnEd25519Certificate() throws Exception {
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, new Recorder()));
    SSLContext context = A.tlsTrusting(B).createSslContext();
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
        .createSocket("127.0.0.1", inbox.endpoint().getPort())) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      assertThat(socket.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm())
          .isIn("EdDSA", "Ed25519");
    }
  }

  @Test
  void aTls12ClientIsRefused() {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    SSLContext context = A.tlsTrusting(B).createSslContext();

    assertThatThrownBy(() -> {
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
          .createSocket("127.0.0.1", inbox.endpoint().getPort())) {
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        socket.startHandshake();
      }
    }).isInstanceOf(IOException.class);
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void aClientWithAnUntrustedCertificateIsRefusedAtTheTlsLayer() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    // The stranger trusts B, but B does not trust the stranger.
    HttpsTransport stranger = transport(STRANGER, B);

    TransportException refused = failureOf(stranger.deliver(inbox.endpoint(), envelope(new byte[] {1})));

    assertThat(refused.code()).isEqualTo(TransportException.UNAVAILABLE);
    assertThat(refused.retryable()).isTrue();
    assertThat(recorder.calls).hasValue(0);
    transport(A, B).deliver(inbox.endpoint(), envelope(new byte[] {2})).get(30, SECONDS);
    assertThat(recorder.calls).hasValue(1);
  }

  @Test
  void aClientWithoutACertificateIsRefused() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    SSLContext noCertificate = SSLContext.getInstance("TLSv1.3");
    noCertificate.init(null, new javax.net.ssl.TrustManager[] {new PeerTrustManager(chain -> true, null)}, null);
    HttpClient client = HttpClient.newBuilder()
        .sslContext(noCertificate)
        .sslParameters(A.tlsTrusting(B).clientSslParameters())
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    HttpRequest request = rawRequest(inbox.endpoint())
        .header("Content-Type", EnvelopeEndpoint.MEDIA_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1}))
        .build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(IOException.class);
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void aClientWithAnExpiredCertificateIsRefused() throws Exception {
    Centre expired = TestCentres.expiredEd25519("PCCC-EXPIRED");
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A, expired).listen(LOOPBACK, recorder));

    TransportException refused = failureOf(transport(expired, B).deliver(inbox.endpoint(), envelope(new byte[] {1})));

    assertThat(refused.retryable()).isTrue();
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void theClientRefusesAServerItDoesNotTrust() throws Exception {
    Recorder recorder = new Recorder();
    // The stranger's server trusts A, but A does not trust the stranger.
    Listener impostor = closeLater(transport(STRANGER, A).listen(LOOPBACK, recorder));

    TransportException refused = failureOf(transport(A, B).deliver(impostor.endpoint(), envelope(new byte[] {1})));

    assertThat(refused.getMessage()).contains("server certificate is not trusted");
    assertThat(refused.retryable()).isTrue();
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void anOversizedBodyIsRejectedForGoodAndTheServerServesOn() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B.tlsTrusting(A), b -> b.maxEnvelopeBytes(64 * 1024)).listen(LOOPBACK, recorder));
    HttpsTransport sender = transport(A, B);

    TransportException rejected = failureOf(sender.deliver(inbox.endpoint(), envelope(new byte[100 * 1024])));

    assertThat(rejected.code()).isEqualTo(TransportException.REJECTED);
    assertThat(rejected.retryable()).isFalse();
    assertThat(rejected.getMessage()).contains("HTTP 413").contains("PCCC-3002");
    assertThat(((HttpsTransportException) rejected).httpStatus()).hasValue(413);
    assertThat(recorder.calls).hasValue(0);

    sender.deliver(inbox.endpoint(), envelope(new byte[64 * 1024])).get(30, SECONDS);
    assertThat(recorder.calls).hasValue(1);
  }

  @Test
  void aHugeDeclaredBodyIsRejectedWithoutBeingRead() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B.tlsTrusting(A), b -> b.maxEnvelopeBytes(1024)).listen(LOOPBACK, recorder));
    HttpClient client = rawClient(A.tlsTrusting(B));

    HttpResponse<String> response = client.send(rawRequest(inbox.endpoint())
            .header("Content-Type", EnvelopeEndpoint.MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"code\":\"PCCC-3002\",\"message\":\"envelope too large\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void theClientRefusesToSendAnEnvelopeAboveItsOwnLimit() {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    HttpsTransport sender = transport(A.tlsTrusting(B), b -> b.maxEnvelopeBytes(1000));

    TransportException rejected = failureOf(sender.deliver(inbox.endpoint(), envelope(new byte[1001])));

    assertThat(rejected.code()).isEqualTo(TransportException.REJECTED);
    assertThat(rejected.retryable()).isFalse();
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void garbageTheHandlerRejectsGetsA400WithItsCodeAndTheServerServesOn() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InboundHandler strict = envelope -> {
      if (envelope.bytes().length > 0 && envelope.bytes()[0] != '{') {
        return CompletableFuture.failedFuture(
            new TransportException("PCCC-2001", "not a JWE in JSON serialization", false));
      }
      accepted.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    };
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, strict));
    HttpsTransport sender = transport(A, B);

    TransportException rejected = failureOf(
        sender.deliver(inbox.endpoint(), envelope("garbage".getBytes(StandardCharsets.US_ASCII))));

    assertThat(rejected.code()).isEqualTo(TransportException.REJECTED);
    assertThat(rejected.retryable()).isFalse();
    assertThat(rejected.getMessage()).contains("HTTP 400").contains("PCCC-2001").doesNotContain("garbage");
    sender.deliver(inbox.endpoint(), envelope("{}".getBytes(StandardCharsets.US_ASCII))).get(30, SECONDS);
    assertThat(accepted).hasValue(1);
  }

  @Test
  void theServerSendsTheHandlersCodeAndMessageAsJson() throws Exception {
    InboundHandler strict = envelope -> CompletableFuture.failedFuture(
        new TransportException("PCCC-2001", "not a \"JWE\"", false));
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, strict));

    HttpResponse<String> response = rawClient(A.tlsTrusting(B)).send(rawRequest(inbox.endpoint())
            .header("Content-Type", EnvelopeEndpoint.MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString("x"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"code\":\"PCCC-2001\",\"message\":\"not a \\\"JWE\\\"\"}");
  }

  @Test
  void aRetryableHandlerFailureIsA503AndRetryable() throws Exception {
    InboundHandler busy = envelope -> CompletableFuture.failedFuture(
        new TransportException(TransportException.UNAVAILABLE, "inbox store is busy", true));
    Listener inbox = closeLater(transport(B.tlsTrusting(A), b -> b.retryAfterSeconds(3)).listen(LOOPBACK, busy));

    TransportException failed = failureOf(transport(A, B).deliver(inbox.endpoint(), envelope(new byte[] {1})));

    assertThat(failed.retryable()).isTrue();
    assertThat(failed.code()).isEqualTo(TransportException.UNAVAILABLE);
    assertThat(((HttpsTransportException) failed).retryAfter()).hasValue(Duration.ofSeconds(3));
    assertThat(failed.getMessage()).contains("HTTP 503").contains("retry after 3 s");
  }

  @Test
  void aFullWorkerPoolAnswers503WithRetryAfter() throws Exception {
    Semaphore entered = new Semaphore(0);
    List<CompletableFuture<Void>> commits = new CopyOnWriteArrayList<>();
    InboundHandler slow = envelope -> {
      CompletableFuture<Void> commit = new CompletableFuture<>();
      commits.add(commit);
      entered.release();
      return commit;
    };
    HttpsTransport server = transport(B.tlsTrusting(A), b -> b.workerThreads(1).queueCapacity(1).retryAfterSeconds(7));
    HttpsListener inbox = (HttpsListener) closeLater(server.listen(LOOPBACK, slow));
    HttpsTransport sender = transport(A, B);

    CompletableFuture<Void> first = sender.deliver(inbox.endpoint(), envelope(new byte[] {1}));
    assertThat(entered.tryAcquire(30, SECONDS)).isTrue();
    CompletableFuture<Void> second = sender.deliver(inbox.endpoint(), envelope(new byte[] {2}));
    for (int i = 0; i < 300 && inbox.inFlight() < 2; i++) {
      Thread.sleep(50);
    }
    assertThat(inbox.inFlight()).isEqualTo(2);

    TransportException busy = failureOf(sender.deliver(inbox.endpoint(), envelope(new byte[] {3})));

    assertThat(busy.retryable()).isTrue();
    assertThat(((HttpsTransportException) busy).httpStatus()).hasValue(503);
    assertThat(((HttpsTransportException) busy).retryAfter()).hasValue(Duration.ofSeconds(7));
    commits.forEach(c -> c.complete(null));
    assertThat(entered.tryAcquire(30, SECONDS)).isTrue();
    commits.forEach(c -> c.complete(null));
    first.get(30, SECONDS);
    second.get(30, SECONDS);
  }

  @Test
  void aHandlerThatNeverCommitsTimesOutAsRetryable() throws Exception {
    InboundHandler stuck = envelope -> new CompletableFuture<>();
    Listener inbox = closeLater(transport(B.tlsTrusting(A), b -> b.handlerTimeout(Duration.ofMillis(200))).listen(LOOPBACK, stuck));

    TransportException failed = failureOf(transport(A, B).deliver(inbox.endpoint(), envelope(new byte[] {1})));

    assertThat(failed.retryable()).isTrue();
    assertThat(((HttpsTransportException) failed).httpStatus()).hasValue(503);
  }

  @Test
  void getIsMethodNotAllowed() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));

    HttpResponse<String> response = rawClient(A.tlsTrusting(B))
        .send(rawRequest(inbox.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void anotherPathIsNotFound() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    URI elsewhere = inbox.endpoint().resolve("/pccc/v1/envelopes/extra");

    HttpResponse<String> response = rawClient(A.tlsTrusting(B)).send(rawRequest(elsewhere)
            .header("Content-Type", EnvelopeEndpoint.MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    TransportException viaTransport = failureOf(
        transport(A, B).deliver(inbox.endpoint().resolve("/other"), envelope(new byte[] {1})));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(viaTransport.code()).isEqualTo(TransportException.BAD_ENDPOINT);
    assertThat(viaTransport.retryable()).isFalse();
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void anotherMediaTypeIsUnsupported() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));

    HttpResponse<String> response = rawClient(A.tlsTrusting(B)).send(rawRequest(inbox.endpoint())
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("\"code\":\"PCCC-3002\"");
    assertThat(recorder.calls).hasValue(0);
  }

  @Test
  void aStoppedServerIsARetryableFailure() throws Exception {
    Listener inbox = transport(B, A).listen(LOOPBACK, new Recorder());
    URI endpoint = inbox.endpoint();
    inbox.close();

    TransportException failed = failureOf(transport(A, B).deliver(endpoint, envelope(new byte[] {1})));

    assertThat(failed.code()).isEqualTo(TransportException.UNAVAILABLE);
    assertThat(failed.retryable()).isTrue();
  }

  @Test
  void closingTheListenerReleasesThePort() throws Exception {
    HttpsTransport server = transport(B, A);
    Listener first = server.listen(LOOPBACK, new Recorder());
    int port = first.endpoint().getPort();
    transport(A, B).deliver(first.endpoint(), envelope(new byte[] {1})).get(30, SECONDS);
    first.close();

    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", port));
    }
    Recorder recorder = new Recorder();
    Listener second = closeLater(server.listen(URI.create("https://127.0.0.1:" + port + "/pccc/v1/envelopes"), recorder));
    transport(A, B).deliver(second.endpoint(), envelope(new byte[] {2})).get(30, SECONDS);
    assertThat(recorder.calls).hasValue(1);
  }

  @Test
  void listeningOnABusyPortFailsWithBadEndpoint() {
    HttpsTransport server = transport(B, A);
    Listener first = closeLater(server.listen(LOOPBACK, new Recorder()));

    assertThatThrownBy(() -> server.listen(first.endpoint(), new Recorder()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.BAD_ENDPOINT);
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void startingTheTransportAndItsServerSetsNoSystemProperty() throws Exception {
    java.util.Properties before = (java.util.Properties) System.getProperties().clone();
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, recorder));
    transport(A, B).deliver(inbox.endpoint(), envelope(new byte[] {1})).get(30, SECONDS);

    assertThat(System.getProperties()).isEqualTo(before);
    assertThat(recorder.calls).hasValue(1);
  }

  @Test
  void aStalledBodyIsDroppedAfterTheReadTimeoutAndTheServerServesOn() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B.tlsTrusting(A), b -> b.idleTimeout(Duration.ofMillis(300))).listen(LOOPBACK, recorder));
    SSLContext context = A.tlsTrusting(B).createSslContext();

    try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
        .createSocket("127.0.0.1", inbox.endpoint().getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /pccc/v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/pccc-envelope+json\r\nContent-Length: 100\r\n\r\n0123456789")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(endOfStreamOrReset(socket.getInputStream())).isTrue();
    }
    assertThat(recorder.calls).hasValue(0);
    // The server serves on.
    deliverRetrying(transport(A, B), inbox.endpoint());
    assertThat(recorder.calls).hasValue(1);
  }

  @Test
  void aClientStallingAfterAnEarlyAnswerDoesNotHoldTheOnlyConnectionThread() throws Exception {
    Recorder recorder = new Recorder();
    Listener inbox = closeLater(transport(B.tlsTrusting(A), b -> b.idleTimeout(Duration.ofMillis(300)).connectionThreads(1))
        .listen(LOOPBACK, recorder));
    SSLContext context = A.tlsTrusting(B).createSslContext();

    try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
        .createSocket("127.0.0.1", inbox.endpoint().getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      // 415 is answered without reading the body; the JDK server then tries to discard it.
      out.write(("POST /pccc/v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\n0123456789")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] status = socket.getInputStream().readNBytes(12);
      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 415");
      assertThat(endOfStreamOrReset(socket.getInputStream())).isTrue();
    }
    deliverRetrying(transport(A, B), inbox.endpoint());
    assertThat(recorder.calls).hasValue(1);
  }

  /**
   * Delivers one small envelope as the outbox does, retrying what is retryable: under heavy load a
   * handshake can itself outlast the 300 ms read timeout that these tests give the server.
   */
  private void deliverRetrying(HttpsTransport client, java.net.URI endpoint) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        client.deliver(endpoint, envelope(new byte[] {1})).get(30, SECONDS);
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        boolean retryable = e.getCause() instanceof TransportException te && te.retryable();
        if (!retryable || attempt == 10) {
          throw e;
        }
        Thread.sleep(100L * attempt);
      }
    }
  }

  @Test
  void aStalledHandshakeIsDroppedAfterTheReadTimeout() throws Exception {
    Listener inbox = closeLater(transport(B.tlsTrusting(A), b -> b.idleTimeout(Duration.ofMillis(300))).listen(LOOPBACK, new Recorder()));

    try (Socket socket = new Socket("127.0.0.1", inbox.endpoint().getPort())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(0x16); // the first byte of a TLS handshake record, then nothing
      socket.getOutputStream().flush();
      assertThat(endOfStreamOrReset(socket.getInputStream())).isTrue();
    }
  }

  /** True if the peer closed the connection; false if nothing happened until the socket timeout. */
  private static boolean endOfStreamOrReset(InputStream in) {
    try {
      while (in.read() != -1) {
        // an alert or a response: keep reading until the close
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void closingTheTransportFailsPendingDeliveriesAsRetryable() throws Exception {
    Semaphore entered = new Semaphore(0);
    InboundHandler stuck = envelope -> {
      entered.release();
      return new CompletableFuture<>();
    };
    Listener inbox = closeLater(transport(B, A).listen(LOOPBACK, stuck));
    HttpsTransport sender = HttpsTransport.builder(A.tlsTrusting(B)).build();
    CompletableFuture<Void> pending = sender.deliver(inbox.endpoint(), envelope(new byte[] {1}));
    assertThat(entered.tryAcquire(30, SECONDS)).isTrue();

    sender.close();

    TransportException closed = failureOf(pending);
    assertThat(closed.code()).isEqualTo(TransportException.CLOSED);
    assertThat(closed.retryable()).isTrue();
    TransportException afterwards = failureOf(sender.deliver(inbox.endpoint(), envelope(new byte[] {2})));
    assertThat(afterwards.code()).isEqualTo(TransportException.CLOSED);
    assertThat(afterwards.retryable()).isTrue();
  }

  @Test
  void closingTheTransportStopsItsListeners() throws Exception {
    HttpsTransport server = HttpsTransport.create(B.tlsTrusting(A));
    Listener inbox = server.listen(LOOPBACK, new Recorder());

    server.close();

    assertThat(failureOf(transport(A, B).deliver(inbox.endpoint(), envelope(new byte[] {1}))).retryable()).isTrue();
    assertThatThrownBy(() -> server.listen(LOOPBACK, new Recorder()))
        .isInstanceOfSatisfying(TransportException.class,
            e -> assertThat(e.code()).isEqualTo(TransportException.CLOSED));
  }

  @Test
  void endpointsThatAreNotHttpsAreBadEndpoints() {
    HttpsTransport transport = transport(A, B);

    for (String bad : List.of("http://127.0.0.1:1/pccc/v1/envelopes", "https:/no-host", "https://u@127.0.0.1:1/",
        "https://127.0.0.1:1/#fragment")) {
      TransportException e = failureOf(transport.deliver(URI.create(bad), envelope(new byte[] {1})));
      assertThat(e.code()).as(bad).isEqualTo(TransportException.BAD_ENDPOINT);
      assertThat(e.retryable()).as(bad).isFalse();
      assertThatThrownBy(() -> transport.listen(URI.create(bad), new Recorder())).as(bad)
          .isInstanceOf(TransportException.class);
    }
    assertThat(transport.scheme()).isEqualTo("https");
  }
}
