package org.pccc.transport.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.tck.RecordingHandler;

/**
 * Someone who can write the drop folder (issue 14, finding 12) tries to make the listener follow a
 * link, block on a FIFO, or move files outside the drop folder. Each attack meets its code or
 * leaves nothing outside, and a genuine envelope is still handed over.
 */
class DropFolderAttackTest {
  private static final byte[] JUNK = {6, 6, 6};

  @TempDir Path root;

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private Path folder() {
    return root.resolve("drop").resolve("MK-RS-TABANOVCE");
  }

  private FileTransport transport(FileTransport.Builder b) {
    FileTransport t = b.build();
    resources.add(t);
    return t;
  }

  /** Rejects the junk, commits anything else. */
  private static RecordingHandler inbox() {
    return RecordingHandler.answering(e -> Arrays.equals(e.bytes(), JUNK)
        ? CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED, "junk", false))
        : CompletableFuture.completedFuture(null));
  }

  private void deliver(byte[] bytes) throws Exception {
    transport(FileTransport.builder()).deliver(folder().toUri(),
        new OutboundEnvelope(bytes, UUID.randomUUID(), UUID.randomUUID(), "alert", "RS-MK-PRESEVO", "MK-RS-TABANOVCE"))
        .get(5, TimeUnit.SECONDS);
  }

  private static Path link(Path at, Path target) {
    try {
      return Files.createSymbolicLink(at, target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
      return null;
    }
  }

  @Test
  void aDropFolderWhoseRejectedFolderIsALinkIsRefusedWithItsCode() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createDirectories(folder());
    Path rejected = link(folder().resolve(FileTransport.REJECTED_FOLDER), outside);
    FileTransport receiver = transport(FileTransport.builder());
    RecordingHandler inbox = inbox();
    assertThatThrownBy(() -> receiver.listen(folder().toUri(), inbox))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(FileTransport.FOLDER_NOT_TRUSTED);
          assertThat(e.retryable()).isFalse();
        });

    // The operator removes the link: the folder is served and genuine envelopes flow.
    Files.delete(rejected);
    resources.add(receiver.listen(folder().toUri(), inbox));
    deliver(new byte[] {1});
    assertThat(inbox.awaitCalls(1, Duration.ofSeconds(5))).isTrue();
    assertThat(inbox.received()).singleElement().satisfies(e -> assertThat(e.bytes()).containsExactly(1));
    assertThat(list(outside)).isEmpty();
  }

  @Test
  void rejectedFolderSwappedForALinkWhileListeningCannotSendFilesOutOfTheDropFolder() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    RecordingHandler inbox = inbox();
    FileListener listener = (FileListener) transport(FileTransport.builder().scanInterval(Duration.ofMillis(20)))
        .listen(folder().toUri(), inbox);
    resources.add(listener);
    // The attacker renames rejected/ away and puts a link to a folder of its choice in its place.
    Path movedAway = folder().resolve("rejected-old");
    Files.move(folder().resolve(FileTransport.REJECTED_FOLDER), movedAway);
    link(folder().resolve(FileTransport.REJECTED_FOLDER), outside);

    deliver(JUNK);
    deliver(new byte[] {1});
    assertThat(inbox.awaitCalls(2, Duration.ofSeconds(5))).isTrue();
    assertThat(await(() -> list(movedAway).size() == 1)).as("junk kept in the rejected folder held since start").isTrue();
    assertThat(list(outside)).isEmpty();
    assertThat(inbox.commits()).isEqualTo(1);
    assertThat(Files.readAllBytes(list(movedAway).get(0))).isEqualTo(JUNK);
    assertThat(listener.refusals(FileTransport.FOLDER_NOT_TRUSTED)).isEqualTo(1);
  }

  @Test
  void envelopeSwappedForAFifoBetweenScanAndReadIsMovedAsideWithoutBlockingTheListener() throws Exception {
    Path fifo = folder().resolve("swapped" + FileTransport.SUFFIX);
    RecordingHandler inbox = inbox();
    // One handler slot: a listener blocked on the FIFO would never hand over the genuine envelope.
    FileListener listener = (FileListener) transport(FileTransport.builder().maxConcurrentHandlers(1).ioThreads(1))
        .listen(folder().toUri(), inbox);
    resources.add(listener);
    listener.beforeTake = name -> {
      if (name.equals(fifo.getFileName().toString())) {
        try {
          Files.delete(fifo);
          mkfifo(fifo);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
    Files.write(fifo, new byte[] {2}); // a regular file when the scan sees it
    assertThat(await(() -> Files.exists(folder().resolve(FileTransport.REJECTED_FOLDER).resolve(fifo.getFileName()),
        LinkOption.NOFOLLOW_LINKS))).as("the FIFO is moved to rejected/, unopened").isTrue();
    assertThat(Files.isRegularFile(folder().resolve(FileTransport.REJECTED_FOLDER).resolve(fifo.getFileName()),
        LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(listener.refusals(FileTransport.NOT_A_REGULAR_FILE)).isEqualTo(1);

    deliver(new byte[] {1});
    assertThat(inbox.awaitCalls(1, Duration.ofSeconds(5))).isTrue();
    assertThat(inbox.received()).singleElement().satisfies(e -> assertThat(e.bytes()).containsExactly(1));
  }

  @Test
  void envelopeSwappedForALinkBetweenScanAndReadIsNeverFollowed() throws Exception {
    Path secret = Files.write(root.resolve("secret.key"), new byte[] {9, 9, 9});
    Path swapped = folder().resolve("swapped" + FileTransport.SUFFIX);
    RecordingHandler inbox = inbox();
    FileListener listener = (FileListener) transport(FileTransport.builder()).listen(folder().toUri(), inbox);
    resources.add(listener);
    listener.beforeTake = name -> {
      if (name.equals(swapped.getFileName().toString())) {
        try {
          Files.delete(swapped);
          link(swapped, secret);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    Files.write(swapped, new byte[] {2});
    Path inRejected = folder().resolve(FileTransport.REJECTED_FOLDER).resolve(swapped.getFileName());
    assertThat(await(() -> Files.isSymbolicLink(inRejected))).as("the link itself is moved to rejected/").isTrue();
    assertThat(secret).exists().hasBinaryContent(new byte[] {9, 9, 9});
    assertThat(listener.refusals(FileTransport.NOT_A_REGULAR_FILE)).isEqualTo(1);

    deliver(new byte[] {1});
    assertThat(inbox.awaitCalls(1, Duration.ofSeconds(5))).isTrue();
    assertThat(inbox.received()).singleElement().satisfies(e -> assertThat(e.bytes()).containsExactly(1));
  }

  @Test
  void aFileGrowingPastTheLimitAfterTheScanIsReadOnlyUpToTheLimit() throws Exception {
    Path growing = folder().resolve("growing" + FileTransport.SUFFIX);
    RecordingHandler inbox = inbox();
    FileListener listener = (FileListener) transport(FileTransport.builder().maxFileSizeBytes(1024))
        .listen(folder().toUri(), inbox);
    resources.add(listener);
    listener.beforeTake = name -> {
      if (name.equals(growing.getFileName().toString())) {
        try {
          Files.write(growing, new byte[4096]);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    Files.write(growing, new byte[] {3});
    Path inRejected = folder().resolve(FileTransport.REJECTED_FOLDER).resolve(growing.getFileName());
    assertThat(await(() -> Files.exists(inRejected))).isTrue();
    assertThat(inbox.calls()).isZero();

    deliver(new byte[] {1});
    assertThat(inbox.awaitCalls(1, Duration.ofSeconds(5))).isTrue();
    assertThat(inbox.received()).singleElement().satisfies(e -> assertThat(e.bytes()).containsExactly(1));
  }

  // ---------------------------------------------------------------------------------------------

  private static void mkfifo(Path path) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
