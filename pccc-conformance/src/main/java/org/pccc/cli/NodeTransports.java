package org.pccc.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.model.directory.CentreEntry;
import org.pccc.transport.file.FileTransport;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.https.TlsConfig;
import org.pccc.transport.spi.Transport;

/**
 * The transports a command's node needs: {@code file:} always, {@code https:} (mutual TLS with the
 * centre's signing key, peers pinned to the directory) when an endpoint in the directory or a
 * {@code --listen} URI uses it. Closed together.
 */
final class NodeTransports implements AutoCloseable {
  final List<Transport> transports = new ArrayList<>();

  NodeTransports(CentreKeys keys, TrustedDirectory directory, URI listen) {
    transports.add(FileTransport.builder().scanInterval(Duration.ofMillis(100)).build());
    boolean https = listen != null && HttpsTransport.SCHEME.equals(listen.getScheme());
    for (CentreEntry c : directory.directory().centres()) {
      https |= c.endpoints().stream().anyMatch(e -> e.startsWith(HttpsTransport.SCHEME + ":"));
    }
    if (https) {
      transports.add(HttpsTransport.create(TlsConfig.forCentre(keys, directory)));
    }
  }

  @Override
  public void close() {
    for (Transport t : transports) {
      try {
        t.close();
      } catch (Exception e) {
        // Closing on the way out: nothing left to do with a failure.
      }
    }
  }
}
