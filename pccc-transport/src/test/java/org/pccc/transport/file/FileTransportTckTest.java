package org.pccc.transport.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.tck.TransportTck;

/** The file: transport against the TCK, with drop folders in a temporary directory. */
class FileTransportTckTest extends TransportTck {

  @TempDir
  Path root;

  @Override
  protected Transport newTransport() {
    return FileTransport.create();
  }

  @Override
  protected URI newEndpoint() {
    return root.resolve("drop").resolve("TCK-" + UUID.randomUUID()).toUri();
  }

  @Override
  protected Optional<URI> unreachableEndpoint() {
    return Optional.of(root.resolve("not-mounted").resolve("TCK").toUri());
  }

  @Override
  protected List<URI> malformedEndpoints() {
    return List.of(URI.create("file://remote-host/share/drop"), URI.create("file:relative/drop"),
        URI.create(root.toUri() + "?query=1"));
  }

  @Override
  protected boolean storeAndForward() {
    return true;
  }

  @Override
  protected void assertDurablyAccepted(URI endpoint, OutboundEnvelope envelope) {
    try (Stream<Path> files = Files.list(Path.of(endpoint))) {
      List<Path> envelopes = files.filter(p -> p.getFileName().toString().endsWith(FileTransport.SUFFIX)).toList();
      assertThat(envelopes).as("envelope files in the drop folder").hasSize(1);
      assertThat(envelopes.get(0).getFileName().toString()).startsWith(envelope.messageId() + "-");
      assertThat(Files.readAllBytes(envelopes.get(0))).isEqualTo(envelope.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
