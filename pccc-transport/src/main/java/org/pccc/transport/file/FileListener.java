package org.pccc.transport.file;

import org.pccc.transport.internal.HandlerGate;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one drop folder and hands its complete envelope files to a handler; see {@link
 * FileTransport} for the rules. One scanning thread per listener; reading and handing over run on
 * the transport's I/O threads. Thread-safe; closing is idempotent.
 *
 * <p><b>Against whoever can write the drop folder</b>: the drop folder, {@code rejected/} and
 * the private {@code .inflight/} are held open by identity ({@link DropDirectory}), and links are
 * never followed. A file is first renamed into {@code .inflight/} (owner-only; the rename moves a
 * link or a FIFO as itself) and only there checked and opened: so it cannot be swapped between
 * check and read, a FIFO or device is never opened (it would block the reader) but moved to
 * {@code rejected/} ({@link FileTransport#NOT_A_REGULAR_FILE}), at most the size limit is read
 * from the opened file, and a {@code rejected/} replaced by a link cannot send files elsewhere
 * ({@link FileTransport#FOLDER_NOT_TRUSTED} is logged, the evidence goes to the folder held).
 * After a retryable failure the file goes back to the drop folder.
 */
final class FileListener implements Listener {
  private static final Logger LOG = LoggerFactory.getLogger(FileListener.class);

  private record Candidate(Path path, String name, BasicFileAttributes attributes) {}

  private record Backoff(int failures, long notBeforeNanos) {}

  private final FileTransport transport;
  private final Path folder;
  private final DropDirectory drop;
  private final DropDirectory inflight;
  private final DropDirectory rejectedDir;
  private final InboundHandler handler;
  private final FileChannel lockChannel;
  private final HandlerGate gate = new HandlerGate();
  private final Semaphore permits;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread scanner;
  private WatchService watcher;
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> refusals = new ConcurrentHashMap<>();

  /** Runs just before a file is taken: lets a test swap it the way an attacker would. */
  volatile java.util.function.Consumer<String> beforeTake = name -> { };

  FileListener(FileTransport transport, DropDirectory drop, DropDirectory inflight, DropDirectory rejected,
      InboundHandler handler, FileChannel lockChannel) {
    this.transport = transport;
    this.folder = drop.path();
    this.drop = drop;
    this.inflight = inflight;
    this.rejectedDir = rejected;
    this.handler = handler;
    this.lockChannel = lockChannel;
    this.permits = new Semaphore(transport.maxConcurrentHandlers);
    this.scanner = new Thread(this::run, transport.threadPrefix + "-listener-" + folder.getFileName());
    this.scanner.setDaemon(true);
  }

  void start() {
    // Files a previous listener had taken but not finished: back to the drop folder.
    moveInflightBack();
    if (transport.watchService) {
      try {
        WatchService service = folder.getFileSystem().newWatchService();
        // An atomic rename into the folder is reported as a creation.
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE);
        watcher = service;
      } catch (IOException | UnsupportedOperationException e) {
        // The periodic scan alone still finds every file, a little later.
        LOG.debug("no watch service for {}; scanning only", folder);
      }
    }
    scanner.start();
  }

  @Override
  public URI endpoint() {
    return folder.toUri();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // After the gate closes no handler call starts, and those in progress have returned.
    gate.close();
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
    scanner.interrupt();
    if (Thread.currentThread() != scanner) {
      try {
        scanner.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    moveInflightBack();
    drop.close();
    inflight.close();
    rejectedDir.close();
    try {
      lockChannel.close();
    } catch (IOException e) {
      // The lock goes with the channel.
    }
    transport.forget(this);
  }

  private void run() {
    while (!closed.get()) {
      try {
        scan();
      } catch (RuntimeException e) {
        LOG.warn("scan of drop folder {} failed: {}", folder, e.getClass().getSimpleName());
      }
      if (!awaitChange()) {
        return;
      }
    }
  }

  /** Waits for a change notification or the scan interval; returns false once closed. */
  private boolean awaitChange() {
    try {
      if (watcher == null) {
        Thread.sleep(transport.scanIntervalMillis);
        return !closed.get();
      }
      WatchKey key = watcher.poll(transport.scanIntervalMillis, TimeUnit.MILLISECONDS);
      if (key != null) {
        key.pollEvents();
        key.reset();
      }
      return !closed.get();
    } catch (InterruptedException | ClosedWatchServiceException e) {
      return false;
    }
  }

  private void scan() {
    if (!drop.stillAtItsPath()) {
      count(FileTransport.FOLDER_NOT_TRUSTED);
      LOG.warn("{}: drop folder {} was renamed or replaced (by a link?); not scanning what is at its path now",
          FileTransport.FOLDER_NOT_TRUSTED, folder);
      return;
    }
    List<Candidate> candidates = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path path : entries) {
        String name = path.getFileName().toString();
        // Dot-files are partial writes (".tmp-…") or the lock; only complete envelopes end in .pccc.
        if (name.startsWith(".") || !name.endsWith(FileTransport.SUFFIX)) {
          continue;
        }
        try {
          BasicFileAttributes attributes =
              Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          // Links are not followed out of the drop folder; directories are not envelopes.
          if (attributes.isRegularFile()) {
            candidates.add(new Candidate(path, name, attributes));
          }
        } catch (NoSuchFileException e) {
          // Taken meanwhile.
        }
      }
    } catch (NoSuchFileException e) {
      LOG.warn("drop folder {} has disappeared; still watching", folder);
      return;
    } catch (IOException e) {
      LOG.warn("cannot list drop folder {}: {}", folder, e.getClass().getSimpleName());
      return;
    }
    Set<String> present = new HashSet<>();
    for (Candidate candidate : candidates) {
      present.add(candidate.name());
    }
    backoffs.keySet().retainAll(present);
    // Oldest first, so that a backlog drains roughly in the order it was written.
    candidates.sort(Comparator.comparing((Candidate c) -> c.attributes().lastModifiedTime()).thenComparing(Candidate::name));
    long now = System.nanoTime();
    for (Candidate candidate : candidates) {
      if (closed.get()) {
        return;
      }
      if (inFlight.contains(candidate.name())) {
        continue;
      }
      Backoff backoff = backoffs.get(candidate.name());
      if (backoff != null && now - backoff.notBeforeNanos() < 0) {
        continue;
      }
      if (!permits.tryAcquire()) {
        return;
      }
      inFlight.add(candidate.name());
      try {
        transport.io.execute(() -> handle(candidate));
      } catch (RejectedExecutionException e) {
        finish(candidate);
        return;
      }
    }
  }

  private void handle(Candidate candidate) {
    boolean handedOver = false;
    String name = candidate.name();
    try {
      beforeTake.accept(name);
      try {
        // Take the entry as it is now (a link or FIFO moves as itself) into the owner-only folder,
        // where nobody else can swap it between the check and the read below.
        drop.move(name, inflight, name);
      } catch (NoSuchFileException e) {
        return;
      }
      BasicFileAttributes attributes = inflight.attributes(name);
      if (!attributes.isRegularFile()) {
        count(FileTransport.NOT_A_REGULAR_FILE);
        refuse(name, FileTransport.NOT_A_REGULAR_FILE + ": not a regular file (a link, FIFO or device)");
        return;
      }
      if (attributes.size() > transport.maxFileSizeBytes) {
        refuse(name, attributes.size() + " bytes, over the limit of " + transport.maxFileSizeBytes);
        return;
      }
      byte[] bytes = readAtMost(name, transport.maxFileSizeBytes);
      if (bytes == null) {
        refuse(name, "more than the limit of " + transport.maxFileSizeBytes + " bytes");
        return;
      }
      if (!gate.enter()) {
        moveBack(name);
        return;
      }
      CompletionStage<Void> outcome;
      try {
        outcome = handler.onEnvelope(new InboundEnvelope(bytes, metadataOf(name)));
        if (outcome == null) {
          outcome = CompletableFuture.failedFuture(new IllegalStateException("the handler returned null"));
        }
      } catch (RuntimeException e) {
        outcome = CompletableFuture.failedFuture(e);
      } finally {
        gate.exit();
      }
      handedOver = true;
      outcome.whenComplete((ok, error) -> settle(candidate, error));
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read {} in {}: {}", name, folder, e.getClass().getSimpleName());
      moveBack(name);
      backOff(name);
    } finally {
      if (!handedOver) {
        finish(candidate);
      }
    }
  }

  /** Reads a regular file in .inflight/, at most {@code limit} bytes; null if it holds more. */
  private byte[] readAtMost(String name, long limit) throws IOException {
    try (SeekableByteChannel channel = inflight.openForReading(name)) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      long total = 0;
      int n;
      // The buffer grows with what is read, never with a size someone claims.
      while ((n = channel.read(buffer.clear())) >= 0) {
        total += n;
        if (total > limit) {
          return null;
        }
        out.write(buffer.array(), 0, n);
      }
      return out.toByteArray();
    }
  }

  private void settle(Candidate candidate, Throwable error) {
    String name = candidate.name();
    try {
      Throwable cause = unwrap(error);
      if (cause == null) {
        // Committed by the inbox: only now may the file go.
        inflight.delete(name);
        FileTransport.forceDirectory(inflight.path());
        backoffs.remove(name);
      } else if (cause instanceof TransportException rejection && !rejection.retryable()) {
        refuse(name, "the handler rejected it (" + rejection.code() + ")");
      } else {
        moveBack(name);
        backOff(name);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot settle {} in {}: {}; it will be handed over again", name, folder, e.getClass().getSimpleName());
      moveBack(name);
      backOff(name);
    } finally {
      finish(candidate);
    }
  }

  /** Moves an entry from .inflight/ to rejected/, never over an earlier file of the same name. */
  private void refuse(String name, String why) throws IOException {
    if (!rejectedDir.stillAtItsPath() || !drop.stillAtItsPath()) {
      count(FileTransport.FOLDER_NOT_TRUSTED);
      // Someone put something else (a link?) where rejected/ was: the evidence still goes to the
      // folder held since the listener started, never to where a link points.
      LOG.warn("{}: {}/ in {} was renamed or replaced; keeping rejected files in the folder opened at start",
          FileTransport.FOLDER_NOT_TRUSTED, FileTransport.REJECTED_FOLDER, folder);
    }
    String target = rejectedDir.exists(name) ? name + "-" + UUID.randomUUID() : name;
    try {
      inflight.move(name, rejectedDir, target);
    } catch (NoSuchFileException e) {
      return;
    }
    FileTransport.forceDirectory(rejectedDir.path());
    FileTransport.forceDirectory(inflight.path());
    backoffs.remove(name);
    LOG.warn("moved {} from {} to {}/: {}", name, folder, FileTransport.REJECTED_FOLDER, why);
  }

  /** Puts an entry taken into .inflight/ back into the drop folder (best effort). */
  private void moveBack(String name) {
    try {
      inflight.move(name, drop, name);
    } catch (NoSuchFileException e) {
      // Not taken, or already settled.
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot put {} back into {}: {}; the next listener will", name, folder, e.getClass().getSimpleName());
    }
  }

  private void moveInflightBack() {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(inflight.path())) {
      for (Path p : entries) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", inflight.path(), e.getClass().getSimpleName());
    }
    for (String name : names) {
      if (!inFlight.contains(name)) {
        moveBack(name);
      }
    }
  }

  private void count(String code) {
    refusals.computeIfAbsent(code, c -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
  }

  /** Returns how often this listener met an attack of this code ({@code PCCC-3042}, {@code PCCC-3043}). */
  int refusals(String code) {
    java.util.concurrent.atomic.AtomicInteger n = refusals.get(code);
    return n == null ? 0 : n.get();
  }

  private void backOff(String name) {
    backoffs.compute(name, (n, previous) -> {
      int failures = previous == null ? 1 : previous.failures() + 1;
      long delay = transport.redeliveryDelayMillis;
      for (int i = 1; i < failures && delay < transport.maxRedeliveryDelayMillis; i++) {
        delay *= 2;
      }
      delay = Math.min(delay, transport.maxRedeliveryDelayMillis);
      return new Backoff(failures, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay));
    });
  }

  private void finish(Candidate candidate) {
    inFlight.remove(candidate.name());
    permits.release();
  }

  private static Map<String, String> metadataOf(String fileName) {
    if (fileName.length() > 36) {
      try {
        return Map.of("message-id", UUID.fromString(fileName.substring(0, 36)).toString());
      } catch (IllegalArgumentException e) {
        // Not named by a message id: no metadata.
      }
    }
    return Map.of();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public String toString() {
    return "FileListener[" + folder + "]";
  }
}
