package org.pccc.examples.samples;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.tck.TransportTck;

/** The sample transport passes the same TCK as every built-in transport. */
class LoopbackTransportTckTest extends TransportTck {
  @Override
  protected Transport newTransport() {
    return new LoopbackTransport();
  }

  @Override
  protected URI newEndpoint() {
    return URI.create("loop:tck-" + UUID.randomUUID());
  }

  @Override
  protected Optional<URI> unreachableEndpoint() {
    return Optional.of(URI.create("loop:nobody-" + UUID.randomUUID()));
  }

  @Override
  protected List<URI> malformedEndpoints() {
    return List.of(URI.create("mem:x"), URI.create("loop:has%20space"), URI.create("loop:x#fragment"));
  }
}
