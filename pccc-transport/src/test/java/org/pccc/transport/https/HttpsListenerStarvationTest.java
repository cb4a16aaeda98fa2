package org.pccc.transport.https;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.transport.https.TestCentres.Centre;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.OutboundEnvelope;

/**
 * Issue 14, finding 8: slow and silent clients must not starve the embedded server. Every test
 * gives the server an idle timeout far longer than the test's own socket timeout, so a connection
 * closed in time was closed by a total deadline, not by the idle timeout that a trickling client
 * keeps resetting.
 */
@Timeout(value = 120, unit = SECONDS)
class HttpsListenerStarvationTest {
  private static final Centre A = TestCentres.ed25519("PCCC-A");
  private static final Centre B = TestCentres.ed25519("PCCC-B");
  private static final URI LOOPBACK = URI.create("https://127.0.0.1:0/pccc/v1/envelopes");
  private static final long LONG_IDLE_MILLIS = 120_000;

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

  private HttpsListener server(AtomicInteger calls, UnaryOperator<HttpsTransport.Builder> settings) {
    InboundHandler handler = envelope -> {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    };
    HttpsTransport transport = closeLater(settings.apply(
        HttpsTransport.builder(B.tlsTrusting(A)).idleTimeout(Duration.ofMillis(LONG_IDLE_MILLIS))).build());
    return (HttpsListener) closeLater(transport.listen(LOOPBACK, handler));
  }

  private void deliverOne(HttpsListener inbox) throws Exception {
    HttpsTransport sender = closeLater(HttpsTransport.builder(A.tlsTrusting(B)).requestTimeout(Duration.ofSeconds(20)).build());
    sender.deliver(inbox.endpoint(), new OutboundEnvelope(new byte[] {1}, UUID.randomUUID(), UUID.randomUUID(),
        "alert", "PCCC-A", "PCCC-B")).get(30, SECONDS);
  }

  private SSLSocket authenticatedSocket(HttpsListener inbox) throws IOException {
    SSLSocket socket = (SSLSocket) A.tlsTrusting(B).createSslContext().getSocketFactory()
        .createSocket("127.0.0.1", inbox.endpoint().getPort());
    socket.setSoTimeout(20_000);
    socket.startHandshake();
    return socket;
  }

  /** True if the server closed the connection; false if nothing happened until the socket timeout. */
  private static boolean closedByServer(InputStream in) {
    try {
      while (in.read() != -1) {
        // a response or an alert: read on until the close
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Writes one byte of {@code bytes} every 50 ms on a thread of its own, until stopped or failing. */
  private static Thread trickle(OutputStream out, byte[] bytes, AtomicBoolean stop, AtomicInteger written) {
    Thread t = new Thread(() -> {
      try {
        for (byte b : bytes) {
          if (stop.get()) {
            return;
          }
          out.write(b);
          out.flush();
          written.incrementAndGet();
          Thread.sleep(50);
        }
      } catch (IOException | InterruptedException e) {
        // the server closed the connection
      }
    }, "trickle");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void fourOneByteConnectionsWithoutACertificateDoNotStallTheListener() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    // Few threads and a deadline longer than the test: the silent connections stay open throughout.
    // The queue has room for the four handshake jobs even if they arrive at once on a loaded
    // machine (a full queue sheds connections, which would hide what this test shows).
    HttpsListener inbox = server(calls, b -> b.connectionThreads(1).workerThreads(1).queueCapacity(8)
        .headersTimeout(Duration.ofSeconds(100)));
    List<Socket> silent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket s = closeLater(new Socket("127.0.0.1", inbox.endpoint().getPort()));
      s.getOutputStream().write(0x16); // the first byte of a TLS handshake record, then nothing
      s.getOutputStream().flush();
      silent.add(s);
    }

    deliverOne(inbox);

    assertThat(calls).hasValue(1);
    assertThat(inbox.connectionsAccepted()).isGreaterThanOrEqualTo(5);
    for (Socket s : silent) {
      s.setSoTimeout(50);
      assertThat(closedByServer(s.getInputStream())).as("a silent connection is still open").isFalse();
    }
  }

  @Test
  void aStalledHandshakeIsClosedByTheHandshakeDeadlineNotTheIdleTimeout() throws Exception {
    HttpsListener inbox = server(new AtomicInteger(), b -> b.headersTimeout(Duration.ofMillis(300)));

    try (Socket socket = new Socket("127.0.0.1", inbox.endpoint().getPort())) {
      socket.setSoTimeout(20_000);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      // A TLS record header announcing 16 KiB, then its bytes one at a time.
      byte[] record = new byte[5 + 16_000];
      record[0] = 0x16;
      record[1] = 0x03;
      record[2] = 0x03;
      record[3] = 0x3e;
      record[4] = (byte) 0x80;
      trickle(socket.getOutputStream(), record, stop, written);
      assertThat(closedByServer(socket.getInputStream())).isTrue();
      stop.set(true);
      assertThat(written.get()).isLessThan(record.length);
    }
  }

  @Test
  void anAuthenticatedPeerTricklingItsHeadersIsCutOffByTheHeadersDeadline() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpsListener inbox = server(calls, b -> b.headersTimeout(Duration.ofMillis(500)));
    byte[] headers = ("POST /pccc/v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/pccc-envelope+json\r\nX-Padding: " + "a".repeat(2_000) + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);

    try (SSLSocket socket = authenticatedSocket(inbox)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      trickle(socket.getOutputStream(), headers, stop, written);
      assertThat(closedByServer(socket.getInputStream())).isTrue();
      stop.set(true);
      assertThat(written.get()).isLessThan(headers.length);
    }
    assertThat(calls).hasValue(0);
    deliverOne(inbox);
    assertThat(calls).hasValue(1);
  }

  @Test
  void anAuthenticatedPeerTricklingItsBodyIsCutOffByTheBodyDeadline() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpsListener inbox = server(calls, b -> b.bodyTimeout(Duration.ofMillis(500)).connectionThreads(1));
    byte[] body = new byte[2_000];

    try (SSLSocket socket = authenticatedSocket(inbox)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /pccc/v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/pccc-envelope+json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      trickle(out, body, stop, written);
      assertThat(closedByServer(socket.getInputStream())).isTrue();
      stop.set(true);
      assertThat(written.get()).isLessThan(body.length);
    }
    assertThat(calls).hasValue(0);
    // The thread the trickler held is free again.
    deliverOne(inbox);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aHugeContentLengthIsRefusedBeforeAnyBodyByteIsSent() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpsListener inbox = server(calls, b -> b);

    try (SSLSocket socket = authenticatedSocket(inbox)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /pccc/v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/pccc-envelope+json\r\nContent-Length: 1099511627776\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(response).isEqualTo("HTTP/1.1 413");
      assertThat(closedByServer(socket.getInputStream())).isTrue();
    }
    assertThat(calls).hasValue(0);
    deliverOne(inbox);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aDeclaredContentLengthIsNotAllocatedBeforeItsBytesArrive() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.create(envelope -> CompletableFuture.completedFuture(null));
    long declared = endpoint.maxEnvelopeBytes();
    AtomicInteger largestBuffer = new AtomicInteger();
    InputStream tenBytes = new ByteArrayInputStream(new byte[10]) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        largestBuffer.accumulateAndGet(b.length, Math::max);
        return super.read(b, off, len);
      }
    };

    EnvelopeEndpoint.Response response = endpoint.handle("POST", Map.of(
        "Content-Type", EnvelopeEndpoint.MEDIA_TYPE, "Content-Length", Long.toString(declared))::get, tenBytes);

    assertThat(response.status()).isEqualTo(400);
    assertThat(largestBuffer.get()).isLessThanOrEqualTo(8192);
  }

  @Test
  void theServersEnvelopeLimitIsTheOpenersByDefault() {
    assertThat(EnvelopeEndpoint.create(envelope -> CompletableFuture.completedFuture(null)).maxEnvelopeBytes())
        .isEqualTo(EnvelopeOpener.DEFAULT_MAX_ENVELOPE_BYTES);
  }
}
