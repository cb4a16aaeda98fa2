package org.pccc.transport.mem;

import java.util.Map;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportProvider;

/**
 * Provides {@link MemoryTransport}s for the {@code mem} scheme through {@link java.util.ServiceLoader}.
 *
 * <p>Settings: none. Every transport it creates is on {@link MemoryNetwork#shared()}, so that
 * transports found by discovery in one JVM reach each other; settings given are ignored (they may
 * be meant for another scheme's provider). For fault injection or isolation between tests, create
 * a {@link MemoryNetwork} and pass {@link MemoryTransport#create(MemoryNetwork)} explicitly.
 *
 * <p>Stateless and thread-safe.
 */
public final class MemoryTransportProvider implements TransportProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public MemoryTransportProvider() {}

  @Override
  public String scheme() {
    return MemoryTransport.SCHEME;
  }

  @Override
  public Transport create(Map<String, String> settings) {
    return MemoryTransport.create(MemoryNetwork.shared());
  }
}
