package org.pccc.transport.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.spi.Transports;
import org.pccc.transport.tck.RecordingHandler;

/** What the file: transport promises beyond the TCK: no partial reads, evidence kept, limits. */
class FileTransportTest {

  @TempDir
  Path root;

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private FileTransport transport(FileTransport.Builder builder) {
    FileTransport transport = builder.build();
    resources.add(transport);
    return transport;
  }

  private FileTransport transport() {
    return transport(FileTransport.builder());
  }

  private Path folder() {
    return root.resolve("drop").resolve("MK-RS-TABANOVCE");
  }

  private static OutboundEnvelope envelope(byte[] bytes) {
    return new OutboundEnvelope(bytes, UUID.randomUUID(), UUID.randomUUID(), "request", "RS-MK-PRESEVO", "MK-RS-TABANOVCE");
  }

  /** A payload that proves its own completeness: length, body, CRC-32 of the body. */
  private static byte[] selfChecking(Random random, int bodySize) {
    byte[] body = new byte[bodySize];
    random.nextBytes(body);
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(4 + bodySize + 8).putInt(bodySize).put(body).putLong(crc.getValue()).array();
  }

  private static boolean isComplete(byte[] payload) {
    if (payload.length < 12) {
      return false;
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    int bodySize = buffer.getInt();
    if (bodySize != payload.length - 12) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(payload, 4, bodySize);
    return crc.getValue() == ByteBuffer.wrap(payload, 4 + bodySize, 8).getLong();
  }

  @Test
  void aReaderRacingAWriterNeverSeesAPartialFile() throws Exception {
    Random random = new Random(300);
    AtomicInteger incomplete = new AtomicInteger();
    Set<UUID> received = ConcurrentHashMap.newKeySet();
    Transport receiver = transport();
    Listener listener = receiver.listen(folder().toUri(), envelope -> {
      if (!isComplete(envelope.bytes())) {
        incomplete.incrementAndGet();
      }
      received.add(UUID.fromString(envelope.metadata().get("message-id")));
      return CompletableFuture.completedFuture(null);
    });
    resources.add(listener);
    Transport writer = transport();
    Set<UUID> sent = new java.util.HashSet<>();
    for (int i = 0; i < 300; i++) {
      // Mostly small, sometimes large enough to take several writes.
      int size = random.nextInt(10) == 0 ? 200_000 + random.nextInt(300_000) : random.nextInt(4096);
      OutboundEnvelope envelope = envelope(selfChecking(random, size));
      sent.add(envelope.messageId());
      writer.deliver(listener.endpoint(), envelope).get(10, TimeUnit.SECONDS);
    }
    assertThat(await(() -> received.containsAll(sent), 20_000)).as("all 300 envelopes arrived").isTrue();
    assertThat(incomplete).as("envelopes read before they were complete").hasValue(0);
    assertThat(await(() -> envelopeFiles(folder()).isEmpty(), 5_000)).as("committed files deleted").isTrue();
    try (Stream<Path> left = Files.list(folder())) {
      assertThat(left.map(p -> p.getFileName().toString())).as("nothing left but the lock, rejected/ and the empty .inflight/")
          .containsExactlyInAnyOrder(FileTransport.LOCK_FILE, FileTransport.REJECTED_FOLDER, FileTransport.INFLIGHT_FOLDER);
    }
  }

  @Test
  void aTemporaryFileLeftByACrashedWriterIsNeverRead() throws Exception {
    Files.createDirectories(folder());
    Path crashed = folder().resolve(".tmp-" + UUID.randomUUID());
    Path crashedWithSuffix = folder().resolve(".tmp-" + UUID.randomUUID() + FileTransport.SUFFIX);
    Files.write(crashed, new byte[] {1, 2, 3});
    Files.write(crashedWithSuffix, new byte[] {4, 5, 6});
    RecordingHandler inbox = RecordingHandler.committing();
    resources.add(transport().listen(folder().toUri(), inbox));
    byte[] real = selfChecking(new Random(1), 100);
    transport().deliver(folder().toUri(), envelope(real)).get(5, TimeUnit.SECONDS);
    assertThat(inbox.awaitCalls(1, Duration.ofSeconds(5))).isTrue();
    Thread.sleep(300);
    assertThat(inbox.received()).hasSize(1);
    assertThat(inbox.received().get(0).bytes()).isEqualTo(real);
    assertThat(crashed).exists();
    assertThat(crashedWithSuffix).exists();
  }

  @Test
  void aHandlerFailureLeavesTheFileInPlaceUntilCommitted() throws Exception {
    FileTransport receiver = transport(FileTransport.builder().redeliveryDelay(Duration.ofMillis(20)));
    RecordingHandler failing = RecordingHandler.failingRetryably();
    Listener first = receiver.listen(folder().toUri(), failing);
    OutboundEnvelope envelope = envelope(selfChecking(new Random(2), 500));
    transport().deliver(folder().toUri(), envelope).get(5, TimeUnit.SECONDS);
    assertThat(failing.awaitCalls(3, Duration.ofSeconds(5))).as("handed over again after failures").isTrue();
    // In the drop folder, or in its private .inflight/ while being handed over: never gone.
    assertThat(envelopeFiles(folder()).size() + envelopeFiles(folder().resolve(FileTransport.INFLIGHT_FOLDER)).size())
        .isEqualTo(1);
    first.close();
    List<Path> left = envelopeFiles(folder());
    assertThat(left).hasSize(1);
    assertThat(left.get(0).getFileName().toString()).startsWith(envelope.messageId().toString());
    assertThat(Files.readAllBytes(left.get(0))).isEqualTo(envelope.bytes());

    RecordingHandler committing = RecordingHandler.committing();
    resources.add(receiver.listen(folder().toUri(), committing));
    assertThat(await(() -> committing.commits() == 1 && envelopeFiles(folder()).isEmpty(), 5_000)).isTrue();
    assertThat(envelopeFiles(folder().resolve(FileTransport.REJECTED_FOLDER))).isEmpty();
  }

  @Test
  void aRejectedEnvelopeIsKeptInTheRejectedFolder() throws Exception {
    RecordingHandler rejecting = RecordingHandler.rejecting();
    resources.add(transport().listen(folder().toUri(), rejecting));
    OutboundEnvelope envelope = envelope(selfChecking(new Random(3), 64));
    transport().deliver(folder().toUri(), envelope).get(5, TimeUnit.SECONDS);
    Path rejected = folder().resolve(FileTransport.REJECTED_FOLDER);
    assertThat(await(() -> envelopeFiles(rejected).size() == 1, 5_000)).isTrue();
    assertThat(Files.readAllBytes(envelopeFiles(rejected).get(0))).isEqualTo(envelope.bytes());
    assertThat(envelopeFiles(folder())).isEmpty();
    assertThat(rejecting.calls()).isEqualTo(1);
  }

  @Test
  void anOversizeFileIsMovedToRejectedWithoutReachingTheHandler() throws Exception {
    RecordingHandler inbox = RecordingHandler.committing();
    resources.add(transport(FileTransport.builder().maxFileSizeBytes(1024)).listen(folder().toUri(), inbox));
    OutboundEnvelope big = envelope(new byte[2048]);
    OutboundEnvelope small = envelope(new byte[1024]);
    Transport sender = transport();
    sender.deliver(folder().toUri(), big).get(5, TimeUnit.SECONDS);
    sender.deliver(folder().toUri(), small).get(5, TimeUnit.SECONDS);
    Path rejected = folder().resolve(FileTransport.REJECTED_FOLDER);
    assertThat(await(() -> envelopeFiles(rejected).size() == 1 && inbox.commits() == 1, 5_000)).isTrue();
    assertThat(envelopeFiles(rejected).get(0).getFileName().toString()).startsWith(big.messageId().toString());
    assertThat(Files.size(envelopeFiles(rejected).get(0))).isEqualTo(2048);
    assertThat(inbox.received()).singleElement().satisfies(e -> assertThat(e.bytes()).hasSize(1024));
  }

  @Test
  void theSenderRefusesAnEnvelopeOverItsLimit() {
    Transport sender = transport(FileTransport.builder().maxFileSizeBytes(1024));
    assertThatThrownBy(() -> sender.deliver(root.toUri(), envelope(new byte[1025])).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.REJECTED);
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void listeningCreatesFoldersOnlyTheOwnerCanEnter() throws Exception {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    resources.add(transport().listen(folder().toUri(), RecordingHandler.committing()));
    for (Path created : List.of(folder().getParent(), folder(), folder().resolve(FileTransport.REJECTED_FOLDER))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).as("%s", created)
          .isEqualTo("rwx------");
    }
  }

  @Test
  void aDeliveredFileIsNamedByTheMessageIdAndNoTemporaryFileRemains() throws Exception {
    Files.createDirectories(folder());
    OutboundEnvelope envelope = envelope(new byte[] {42});
    transport().deliver(folder().toUri(), envelope).get(5, TimeUnit.SECONDS);
    try (Stream<Path> files = Files.list(folder())) {
      assertThat(files.map(p -> p.getFileName().toString())).singleElement()
          .satisfies(name -> assertThat(name).matches(envelope.messageId() + "-[0-9a-f-]{36}\\.pccc"));
    }
  }

  @Test
  void oneFolderHasOneListenerAcrossTransports() {
    resources.add(transport().listen(folder().toUri(), RecordingHandler.committing()));
    assertThatThrownBy(() -> transport().listen(folder().toUri(), RecordingHandler.committing()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.BAD_ENDPOINT);
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void theScanFindsFilesWithoutAWatchService() throws Exception {
    RecordingHandler inbox = RecordingHandler.committing();
    resources.add(transport(FileTransport.builder().watchService(false).scanInterval(Duration.ofMillis(20)))
        .listen(folder().toUri(), inbox));
    transport().deliver(folder().toUri(), envelope(new byte[] {7})).get(5, TimeUnit.SECONDS);
    assertThat(inbox.awaitCalls(1, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void linksAndFoldersNamedLikeEnvelopesAreIgnored() throws Exception {
    Path outside = Files.write(root.resolve("secret.txt"), new byte[] {9, 9, 9});
    Files.createDirectories(folder());
    try {
      Files.createSymbolicLink(folder().resolve("link" + FileTransport.SUFFIX), outside);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    Files.createDirectories(folder().resolve("folder" + FileTransport.SUFFIX));
    RecordingHandler inbox = RecordingHandler.committing();
    resources.add(transport().listen(folder().toUri(), inbox));
    transport().deliver(folder().toUri(), envelope(new byte[] {1})).get(5, TimeUnit.SECONDS);
    assertThat(inbox.awaitCalls(1, Duration.ofSeconds(5))).isTrue();
    Thread.sleep(200);
    assertThat(inbox.received()).singleElement().satisfies(e -> assertThat(e.bytes()).containsExactly(1));
    assertThat(outside).exists();
  }

  @Test
  void discoveryAndProviderSettings() throws Exception {
    try (Transport transport = Transports.choose(folder().toUri(), List.of(), getClass().getClassLoader(),
        Map.of("scanIntervalMillis", "25", "maxFileSizeBytes", "100", "watchService", "false"))) {
      assertThat(transport).isInstanceOf(FileTransport.class);
      assertThat(((FileTransport) transport).scanIntervalMillis).isEqualTo(25);
      assertThat(((FileTransport) transport).maxFileSizeBytes).isEqualTo(100);
      assertThat(((FileTransport) transport).watchService).isFalse();
    }
    FileTransportProvider provider = new FileTransportProvider();
    assertThatThrownBy(() -> provider.create(Map.of("maxFileSizeBytes", "lots")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFileSizeBytes");
    assertThatThrownBy(() -> provider.create(Map.of("scanIntervalMillis", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scanIntervalMillis");
    provider.create(Map.of("meant-for-another-scheme", "x")).close();
  }

  // ---------------------------------------------------------------------------------------------

  private static List<Path> envelopeFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(FileTransport.SUFFIX) && Files.isRegularFile(p))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean await(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
