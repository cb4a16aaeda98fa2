package org.pccc.transport.mem;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.tck.TransportTck;

/** The mem: transport against the TCK, on a network without faults. */
class MemoryTransportTckTest extends TransportTck {

  private final MemoryNetwork network = MemoryNetwork.create();

  @AfterEach
  void closeNetwork() {
    network.close();
  }

  @Override
  protected Transport newTransport() {
    return MemoryTransport.create(network);
  }

  @Override
  protected URI newEndpoint() {
    return URI.create("mem:TCK-" + UUID.randomUUID());
  }

  @Override
  protected Optional<URI> unreachableEndpoint() {
    return Optional.of(URI.create("mem:NOBODY-LISTENS-HERE"));
  }

  @Override
  protected java.util.List<URI> malformedEndpoints() {
    return java.util.List.of(URI.create("mem://host/inbox"), URI.create("mem:-starts-with-a-dash"),
        URI.create("mem:has%20space"), URI.create("mem:name#fragment"));
  }
}
