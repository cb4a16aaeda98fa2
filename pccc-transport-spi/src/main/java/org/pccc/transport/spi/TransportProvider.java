package org.pccc.transport.spi;

import java.util.Map;

/**
 * Creates transports of one URI scheme; found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.pccc.transport.spi.TransportProvider}). See {@link Transports}
 * for how one is chosen.
 */
public interface TransportProvider {

  /** Returns the URI scheme served, for example {@code file}. */
  String scheme();

  /**
   * Creates a transport.
   *
   * @param settings provider-specific settings (documented by each provider), possibly empty
   * @return a new transport, owned by the caller
   */
  Transport create(Map<String, String> settings);
}
