package org.pccc.transport.https;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;

/**
 * Issue 14, finding 7: the TLS identity is bound to the centre. Three directory centres; C is a
 * member on the path that tries to answer for B.
 */
@Timeout(value = 120, unit = SECONDS)
class HttpsCentreBindingTest {
  private static final String A = "MK-RS-TABANOVCE";
  private static final String B = "RS-BA-SREMSKA-RACA";
  private static final String C = "BA-HR-GRADISKA";
  private static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("SEE-BINDING")
      .insecureSeed(77).clock(java.time.Clock.systemUTC())
      .centre(A, "MK").centre(B, "RS").centre(C, "BA")
      .build();
  private static final URI LOOPBACK = URI.create("https://127.0.0.1:0/pccc/v1/envelopes");

  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  @AfterEach
  void closeAll() throws Exception {
    while (!toClose.isEmpty()) {
      toClose.pop().close();
    }
  }

  private HttpsTransport transport(String centre) {
    HttpsTransport t = HttpsTransport.builder(TlsConfig.forCentre(NET.keys(centre), NET.directory()))
        .requestTimeout(java.time.Duration.ofSeconds(20)).build();
    toClose.push(t);
    return t;
  }

  private Listener listen(String centre, InboundHandler handler) {
    Listener l = transport(centre).listen(LOOPBACK, handler);
    toClose.push(l);
    return l;
  }

  private static OutboundEnvelope toB(byte[] bytes) {
    return new OutboundEnvelope(bytes, UUID.randomUUID(), UUID.randomUUID(), "alert", A, B);
  }

  private static TransportException failureOf(CompletableFuture<Void> delivery) {
    Throwable thrown = catchThrowable(() -> delivery.get(30, SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return (TransportException) thrown.getCause();
  }

  @Test
  void aCentreOnThePathCannotAnswerForTheRecipientAndTheDeliveryIsKept() throws Exception {
    AtomicInteger atC = new AtomicInteger();
    // C answers every envelope with a refusal for good, as the reported centre on the path did.
    Listener impostor = listen(C, envelope -> {
      atC.incrementAndGet();
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED, "no", false));
    });
    List<InboundEnvelope> atB = new CopyOnWriteArrayList<>();
    Listener genuine = listen(B, envelope -> {
      atB.add(envelope);
      return CompletableFuture.completedFuture(null);
    });
    HttpsTransport sender = transport(A);

    TransportException refused = failureOf(sender.deliver(impostor.endpoint(), toB(new byte[] {1})));

    assertThat(refused.code()).isEqualTo(HttpsTransport.NOT_THE_RECIPIENT);
    assertThat(refused.retryable()).isTrue();
    assertThat(atC).hasValue(0);
    sender.deliver(genuine.endpoint(), toB(new byte[] {2})).get(30, SECONDS);
    assertThat(atB).hasSize(1);
    assertThat(atB.get(0).bytes()).containsExactly(2);
  }

  @Test
  void theServerNamesTheClientsCentreAndNoHeaderCanForgeIt() throws Exception {
    List<InboundEnvelope> atB = new CopyOnWriteArrayList<>();
    Listener inbox = listen(B, envelope -> {
      atB.add(envelope);
      return CompletableFuture.completedFuture(null);
    });
    TlsConfig tlsA = TlsConfig.forCentre(NET.keys(A), NET.directory());
    HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .sslContext(tlsA.createSslContextFor(B)).sslParameters(tlsA.clientSslParameters()).build();

    HttpResponse<String> response = raw.send(HttpRequest.newBuilder(inbox.endpoint())
        .header("Content-Type", EnvelopeEndpoint.MEDIA_TYPE)
        .header(InboundEnvelope.AUTHENTICATED_PEER_CENTRE, C)
        .header(EnvelopeEndpoint.SENDER_HEADER, C)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(atB).hasSize(1);
    assertThat(atB.get(0).metadata()).containsEntry(InboundEnvelope.AUTHENTICATED_PEER_CENTRE, A);
  }

  @Test
  void aRefusalFromAServerNotAuthenticatedAsTheRecipientDoesNotEndTheDelivery() {
    byte[] body = ErrorJson.write(TransportException.REJECTED, "rejected");
    URI target = URI.create("https://127.0.0.1:8443/pccc/v1/envelopes");
    OutboundEnvelope envelope = toB(new byte[] {1});

    TransportException fromStranger = HttpsTransport.mapStatus(response(400, body), target, envelope, false);
    TransportException fromRecipient = HttpsTransport.mapStatus(response(400, body), target, envelope, true);

    assertThat(fromStranger.code()).isEqualTo(HttpsTransport.REFUSED_BY_UNVERIFIED_PEER);
    assertThat(fromStranger.retryable()).isTrue();
    assertThat(fromRecipient.code()).isEqualTo(TransportException.REJECTED);
    assertThat(fromRecipient.retryable()).isFalse();
  }

  @Test
  void aClientTrustsOnlyTheRecipientsCertificateButAnyPeerWithoutIdentification() throws Exception {
    TlsConfig tlsA = TlsConfig.forCentre(NET.keys(A), NET.directory());
    var serverC = NET.keys(C).signing().certificateChain().toArray(new java.security.cert.X509Certificate[0]);
    var serverB = NET.keys(B).signing().certificateChain().toArray(new java.security.cert.X509Certificate[0]);

    PeerTrustManager forB = new PeerTrustManager(tlsA.peerTrust(),
        chain -> B.equals(tlsA.peerCentre(chain).orElse(null)));
    forB.checkServerTrusted(serverB, "UNKNOWN");
    Throwable refused = catchThrowable(() -> forB.checkServerTrusted(serverC, "UNKNOWN"));

    assertThat(refused).isInstanceOf(PeerTrustManager.NotTheIntendedPeerException.class);
    assertThat(tlsA.peerCentre(List.of(serverC))).hasValue(C);
    assertThat(tlsA.identifiesPeers()).isTrue();
    assertThat(TlsConfig.of(NET.keys(A).signing().privateKey(), NET.keys(A).signing().certificateChain(), c -> true)
        .identifiesPeers()).isFalse();
  }

  private static HttpResponse<byte[]> response(int status, byte[] body) {
    return new HttpResponse<>() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpRequest request() {
        return null;
      }

      @Override
      public Optional<HttpResponse<byte[]>> previousResponse() {
        return Optional.empty();
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
      }

      @Override
      public byte[] body() {
        return body;
      }

      @Override
      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      @Override
      public URI uri() {
        return URI.create("https://127.0.0.1:8443/pccc/v1/envelopes");
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }

      @Override
      public String toString() {
        return new String(body, StandardCharsets.UTF_8);
      }
    };
  }
}
