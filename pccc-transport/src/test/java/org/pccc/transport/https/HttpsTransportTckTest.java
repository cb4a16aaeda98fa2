package org.pccc.transport.https;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pccc.transport.https.TestCentres.Centre;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.tck.TransportTck;

/** The transport TCK over loopback; every transport is a centre that trusts both test centres. */
class HttpsTransportTckTest extends TransportTck {
  private static final Centre A = TestCentres.ed25519("PCCC-TCK-A");
  private static final Centre B = TestCentres.p256("PCCC-TCK-B");
  private int created;

  @Override
  protected Transport newTransport() {
    Centre self = created++ % 2 == 0 ? A : B; // senders and receivers are different centres
    return HttpsTransport.builder(self.tlsTrusting(A, B))
        .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(8)).build();
  }

  @Override
  protected URI newEndpoint() {
    return URI.create("https://127.0.0.1:0/pccc/v1/envelopes");
  }

  @Override
  protected Optional<URI> unreachableEndpoint() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return Optional.of(URI.create("https://127.0.0.1:" + socket.getLocalPort() + "/pccc/v1/envelopes"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected List<URI> malformedEndpoints() {
    return List.of(URI.create("http://127.0.0.1:8443/pccc/v1/envelopes"), URI.create("https:/no-host"),
        URI.create("https://user@127.0.0.1:8443/pccc/v1/envelopes"),
        URI.create("https://127.0.0.1:8443/pccc/v1/envelopes#fragment"));
  }

  @Override
  protected Duration deliveryTimeout() {
    return Duration.ofSeconds(15);
  }
}
