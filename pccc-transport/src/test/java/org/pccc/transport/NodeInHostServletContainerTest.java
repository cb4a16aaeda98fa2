package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.crypto.SealedEnvelope;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Message;
import org.pccc.transport.https.EnvelopeEndpoint;
import org.pccc.transport.https.EnvelopeServlet;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.https.TlsConfig;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;

/**
 * The receiving node's endpoint mounted in a host's own servlet container, as the README tells a
 * centre to do: Jetty 12 with the ee10 servlet, embedded here, mutual TLS 1.3 with a client
 * certificate required, {@code EnvelopeServlet.create(EnvelopeEndpoint.create(node.inbound()), tls)}
 * at the default path. Centre A's node delivers to it over its own https transport.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeInHostServletContainerTest {
  private static final String A = TestNetwork.A;
  private static final String B = TestNetwork.B;
  private static final String C = "RS-MK-PRESEVO-TEST";

  private static RetryPolicy quickRetries() {
    return new RetryPolicy(Duration.ofMillis(20), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(2));
  }

  /** The host's own Jetty: its TLS from B's TlsConfig, client certificate required. */
  private static Server hostContainer(int port, TlsConfig tls, EnvelopeServlet servlet) throws Exception {
    Server server = new Server();
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls.createSslContext());
    ssl.setIncludeProtocols(TlsConfig.PROTOCOL);
    ssl.setNeedClientAuth(true);
    HttpConfiguration http = new HttpConfiguration();
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    http.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
        new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(servlet), EnvelopeEndpoint.DEFAULT_PATH);
    server.setHandler(context);
    server.start();
    return server;
  }

  @Test
  void aNodeMountedInTheHostsJettyReceivesAndItsReceiptVerifies() throws Exception {
    int portA = NodeOverHttpsTest.freePort();
    int portB = NodeOverHttpsTest.freePort();
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-HOST").insecureSeed(21).clock(java.time.Clock.systemUTC())
        .centre(A, "MK", "PCCC A", List.of("https://127.0.0.1:" + portA + "/pccc/v1/envelopes"), null)
        .centre(B, "RS", "PCCC B", List.of("https://127.0.0.1:" + portB + "/pccc/v1/envelopes"), null)
        .centre(C, "RS", "PCCC C", List.of("https://127.0.0.1:1/pccc/v1/envelopes"), null)
        .build();
    BlockingQueue<VerifiedMessage> atB = new LinkedBlockingQueue<>();
    TlsConfig tlsB = TlsConfig.forCentre(net.keys(B), net.directory());
    try (MemoryNetwork mem = MemoryNetwork.create();
        HttpsTransport ta = HttpsTransport.create(TlsConfig.forCentre(net.keys(A), net.directory()));
        HttpsTransport tb = HttpsTransport.create(tlsB);
        HttpsTransport tc = HttpsTransport.create(TlsConfig.forCentre(net.keys(C), net.directory()));
        PcccNode a = PcccNode.builder(net.keys(A), net.directory(), TestNetwork.fastStore("host-a"))
            .transport(ta).retryPolicy(quickRetries()).pollInterval(Duration.ofMillis(10)).build().start();
        // B receives only through the host's container; its https transport sends the receipts.
        PcccNode b = PcccNode.builder(net.keys(B), net.directory(), TestNetwork.fastStore("host-b"))
            .transport(tb).transport(mem.newTransport()).listenOn(URI.create("mem:host-b-unused"))
            .retryPolicy(quickRetries()).pollInterval(Duration.ofMillis(10)).handler(MessageHandler.of(atB::add)).build().start()) {
      Server host = hostContainer(portB, tlsB, EnvelopeServlet.create(EnvelopeEndpoint.create(b.inbound()), tlsB));
      try {
        // Centre C, a member on the path, posts an envelope that A sealed for B with its own client
        // certificate: B's node refuses it because C is not its signer.
        Message forwardedByC = TestNetwork.message(A, List.of(B), "receipt.json", null);
        SealedEnvelope sealedByA = EnvelopeSealer.builder(net.keys(A), net.directory()).build().seal(forwardedByC);
        OutboundEnvelope posted = new OutboundEnvelope(sealedByA.bytes(), forwardedByC.header().messageId(),
            forwardedByC.header().conversationId(), "receipt", C, B);
        Throwable refused = catchThrowable(() ->
            tc.deliver(URI.create("https://127.0.0.1:" + portB + "/pccc/v1/envelopes"), posted).get(30, TimeUnit.SECONDS));
        assertThat(refused).isInstanceOf(ExecutionException.class);
        TransportException te = (TransportException) refused.getCause();
        assertThat(te.code()).isEqualTo(TransportException.REJECTED);
        assertThat(te.retryable()).isFalse();
        assertThat(te.getMessage()).contains(TransportException.PEER_NOT_SIGNER);

        // The genuine traffic flows: A's node delivers the same message and a second one, each is
        // handed over once, and both receipts verify.
        Message genuine = TestNetwork.message(A, List.of(B), "receipt.json", null);
        VerifiedReceipt first = a.send(forwardedByC).receipt(B).get(60, TimeUnit.SECONDS);
        VerifiedReceipt second = a.send(genuine).receipt(B).get(60, TimeUnit.SECONDS);

        assertThat(first.receipt().receivedMessageId()).isEqualTo(forwardedByC.header().messageId());
        assertThat(second.receipt().receivedMessageId()).isEqualTo(genuine.header().messageId());
        VerifiedMessage one = atB.poll(30, TimeUnit.SECONDS);
        VerifiedMessage two = atB.poll(30, TimeUnit.SECONDS);
        assertThat(List.of(one.message().header().messageId(), two.message().header().messageId()))
            .containsExactlyInAnyOrder(forwardedByC.header().messageId(), genuine.header().messageId());
        assertThat(one.signerCentre()).isEqualTo(A);
        assertThat(atB.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(a.pendingDeliveries()).isZero();
      } finally {
        host.stop();
      }
    }
  }
}
