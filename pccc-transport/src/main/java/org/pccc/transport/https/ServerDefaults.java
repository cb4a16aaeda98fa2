package org.pccc.transport.https;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one JVM-wide setting this transport makes; see the package documentation. */
final class ServerDefaults {
  /** Read once, when the JDK's {@code sun.net.httpserver.ServerConfig} class initialises. */
  static final String TCP_NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private static final Logger LOG = LoggerFactory.getLogger(ServerDefaults.class);

  private ServerDefaults() {}

  /**
   * Sets {@code sun.net.httpserver.nodelay=true} unless the user has set it. Has an effect only if
   * no {@code HttpServer} has been created in this JVM yet, which is why it also runs when
   * {@link HttpsTransport} is loaded.
   */
  static void ensureTcpNoDelay() {
    try {
      if (System.getProperty(TCP_NODELAY_PROPERTY) == null) {
        System.setProperty(TCP_NODELAY_PROPERTY, "true");
        LOG.debug("set {}=true so that the JDK HTTP server does not delay small responses", TCP_NODELAY_PROPERTY);
      }
    } catch (SecurityException e) {
      LOG.warn("cannot set {}; responses of the embedded server may be delayed by ~40 ms", TCP_NODELAY_PROPERTY);
    }
  }
}
