package org.pccc.transport.spi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Deterministic choice of a transport for an endpoint URI:
 *
 * <ol>
 *   <li>an explicitly given transport instance whose scheme matches wins;
 *   <li>otherwise, if the system property {@code org.pccc.transport.provider.<scheme>} names a
 *       provider class, that provider (it must be on the class path);
 *   <li>otherwise exactly one {@link TransportProvider} on the class path must serve the scheme;
 *   <li>none, or several, is a {@link TransportException} with code
 *       {@link TransportException#NO_TRANSPORT} naming the candidates.
 * </ol>
 *
 * Stateless and thread-safe.
 */
public final class Transports {
  /** Prefix of the system property that names the provider class for a scheme. */
  public static final String PROVIDER_PROPERTY_PREFIX = "org.pccc.transport.provider.";

  private Transports() {}

  /**
   * Chooses the transport for an endpoint.
   *
   * @param endpoint the endpoint URI
   * @param explicit transports given by the caller, checked first, possibly empty
   * @param loader where to look for providers
   * @param settings passed to a provider if one is used
   * @return the transport; one created from a provider is owned by the caller
   */
  public static Transport choose(
      URI endpoint, List<Transport> explicit, ClassLoader loader, Map<String, String> settings) {
    String scheme = endpoint.getScheme();
    if (scheme == null) {
      throw new TransportException(TransportException.BAD_ENDPOINT, "endpoint URI has no scheme", false);
    }
    String wanted = scheme.toLowerCase(Locale.ROOT);
    List<Transport> matching = new ArrayList<>();
    for (Transport t : explicit) {
      if (t.scheme().equalsIgnoreCase(wanted)) {
        matching.add(t);
      }
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    if (matching.size() > 1) {
      throw new TransportException(TransportException.NO_TRANSPORT,
          "several explicit transports serve scheme '" + wanted + "'", false);
    }
    List<TransportProvider> providers = new ArrayList<>();
    try {
      for (TransportProvider p : ServiceLoader.load(TransportProvider.class, loader)) {
        if (p.scheme().equalsIgnoreCase(wanted)) {
          providers.add(p);
        }
      }
    } catch (java.util.ServiceConfigurationError e) {
      throw new TransportException(TransportException.NO_TRANSPORT,
          "cannot load transport providers for scheme '" + wanted + "'", false, e);
    }
    String chosen = System.getProperty(PROVIDER_PROPERTY_PREFIX + wanted);
    if (chosen != null) {
      providers.removeIf(p -> !p.getClass().getName().equals(chosen));
      if (providers.isEmpty()) {
        throw new TransportException(TransportException.NO_TRANSPORT,
            "the provider named by " + PROVIDER_PROPERTY_PREFIX + wanted + " is not on the class path", false);
      }
    }
    if (providers.size() != 1) {
      String names = providers.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "));
      throw new TransportException(TransportException.NO_TRANSPORT,
          (providers.isEmpty() ? "no transport provider" : "several transport providers (" + names + ")")
              + " for scheme '" + wanted + "'; pass a transport instance explicitly",
          false);
    }
    return providers.get(0).create(settings == null ? Map.of() : settings);
  }
}
