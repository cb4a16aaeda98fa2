package org.pccc.transport.file;

import org.pccc.transport.internal.HandlerGate;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
final class FileListener implements Listener {
  private static final Logger LOG = LoggerFactory.getLogger(FileListener.class);

  private record Candidate(Path path, String name, BasicFileAttributes attributes) {}

  private record Backoff(int failures, long notBeforeNanos) {}

  private final FileTransport transport;
  private final Path folder;
  private final Path rejectedFolder;
  private final InboundHandler handler;
  private final FileChannel lockChannel;
  private final HandlerGate gate = new HandlerGate();
  private final Semaphore permits;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread scanner;
  private WatchService watcher;

  FileListener(FileTransport transport, Path folder, InboundHandler handler, FileChannel lockChannel) {
    this.transport = transport;
    this.folder = folder;
    this.rejectedFolder = folder.resolve(FileTransport.REJECTED_FOLDER);
    this.handler = handler;
    this.lockChannel = lockChannel;
    this.permits = new Semaphore(transport.maxConcurrentHandlers);
    this.scanner = new Thread(this::run, transport.threadPrefix + "-listener-" + folder.getFileName());
    this.scanner.setDaemon(true);
  }

  void start() {
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
    try {
      long size = candidate.attributes().size();
      if (size > transport.maxFileSizeBytes) {
        reject(candidate, size + " bytes, over the limit of " + transport.maxFileSizeBytes);
        return;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(candidate.path());
      } catch (NoSuchFileException e) {
        return;
      }
      if (bytes.length > transport.maxFileSizeBytes) {
        reject(candidate, bytes.length + " bytes, over the limit of " + transport.maxFileSizeBytes);
        return;
      }
      if (!gate.enter()) {
        return;
      }
      CompletionStage<Void> outcome;
      try {
        outcome = handler.onEnvelope(new InboundEnvelope(bytes, metadataOf(candidate.name())));
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
    } catch (IOException e) {
      LOG.warn("cannot read {} in {}: {}", candidate.name(), folder, e.getClass().getSimpleName());
      backOff(candidate.name());
    } finally {
      if (!handedOver) {
        finish(candidate);
      }
    }
  }

  private void settle(Candidate candidate, Throwable error) {
    try {
      Throwable cause = unwrap(error);
      if (cause == null) {
        // Committed by the inbox: only now may the file go.
        Files.deleteIfExists(candidate.path());
        FileTransport.forceDirectory(folder);
        backoffs.remove(candidate.name());
      } else if (cause instanceof TransportException rejection && !rejection.retryable()) {
        reject(candidate, "the handler rejected it (" + rejection.code() + ")");
      } else {
        backOff(candidate.name());
      }
    } catch (IOException e) {
      LOG.warn("cannot delete committed {} in {}: {}; it will be handed over again", candidate.name(), folder,
          e.getClass().getSimpleName());
      backOff(candidate.name());
    } finally {
      finish(candidate);
    }
  }

  /** Moves a file to rejected/, never over an earlier file of the same name. */
  private void reject(Candidate candidate, String why) throws IOException {
    FileTransport.createOwnerOnlyDirectories(rejectedFolder);
    Path target = rejectedFolder.resolve(candidate.name());
    try {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        target = rejectedFolder.resolve(candidate.name() + "-" + UUID.randomUUID());
      }
      Files.move(candidate.path(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return;
    } catch (FileAlreadyExistsException e) {
      Files.move(candidate.path(), rejectedFolder.resolve(candidate.name() + "-" + UUID.randomUUID()),
          StandardCopyOption.ATOMIC_MOVE);
    }
    FileTransport.forceDirectory(rejectedFolder);
    FileTransport.forceDirectory(folder);
    backoffs.remove(candidate.name());
    LOG.warn("moved {} from {} to {}/: {}", candidate.name(), folder, FileTransport.REJECTED_FOLDER, why);
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
