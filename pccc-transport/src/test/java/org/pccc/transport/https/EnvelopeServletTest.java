package org.pccc.transport.https;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;

/**
 * {@link EnvelopeServlet} in a host's container that is configured too loosely: it asks for a
 * client certificate but does not require one. The servlet still fails closed.
 */
@Timeout(value = 120, unit = SECONDS)
class EnvelopeServletTest {
  private static final String A = "MK-RS-TABANOVCE";
  private static final String B = "RS-BA-SREMSKA-RACA";
  private static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("SEE-SERVLET")
      .insecureSeed(78).clock(java.time.Clock.systemUTC()).centre(A, "MK").centre(B, "RS").build();

  @Test
  void aRequestWithoutAClientCertificateIsRefusedEvenWhenTheContainerDoesNotRequireOne() throws Exception {
    TlsConfig tlsB = TlsConfig.forCentre(NET.keys(B), NET.directory());
    TlsConfig tlsA = TlsConfig.forCentre(NET.keys(A), NET.directory());
    List<InboundEnvelope> received = new CopyOnWriteArrayList<>();
    InboundHandler handler = envelope -> {
      received.add(envelope);
      return CompletableFuture.completedFuture(null);
    };
    Server server = new Server();
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tlsB.createSslContext());
    ssl.setIncludeProtocols(TlsConfig.PROTOCOL);
    ssl.setWantClientAuth(true); // the mistake: asked for, not required
    HttpConfiguration http = new HttpConfiguration();
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    http.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
        new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(EnvelopeServlet.create(EnvelopeEndpoint.create(handler), tlsB)),
        EnvelopeEndpoint.DEFAULT_PATH);
    server.setHandler(context);
    server.start();
    try {
      URI endpoint = URI.create("https://127.0.0.1:" + connector.getLocalPort() + EnvelopeEndpoint.DEFAULT_PATH);
      SSLContext noCertificate = SSLContext.getInstance(TlsConfig.PROTOCOL);
      noCertificate.init(null, new javax.net.ssl.TrustManager[] {new PeerTrustManager(chain -> true, null)}, null);

      HttpResponse<String> anonymous = post(noCertificate, tlsA, endpoint);
      HttpResponse<String> fromA = post(tlsA.createSslContextFor(B), tlsA, endpoint);

      assertThat(anonymous.statusCode()).isEqualTo(403);
      assertThat(anonymous.body()).contains(EnvelopeServlet.NO_PEER_IDENTITY);
      assertThat(fromA.statusCode()).isEqualTo(202);
      assertThat(received).hasSize(1);
      assertThat(received.get(0).metadata()).containsEntry(InboundEnvelope.AUTHENTICATED_PEER_CENTRE, A);
    } finally {
      server.stop();
    }
  }

  private static HttpResponse<String> post(SSLContext context, TlsConfig tls, URI endpoint) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
        .sslParameters(tls.clientSslParameters()).build();
    return client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", EnvelopeEndpoint.MEDIA_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build(), HttpResponse.BodyHandlers.ofString());
  }
}
