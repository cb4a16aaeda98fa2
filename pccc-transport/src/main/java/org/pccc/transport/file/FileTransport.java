package org.pccc.transport.file;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.pccc.model.Limits;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;

/**
 * The {@code file:} transport: a drop folder per recipient, for air-gapped or intermittent links
 * (a folder on removable media, a synchronised share). The endpoint is the recipient's folder, for
 * example {@code file:///var/pccc/drop/MK-RS-TABANOVCE}.
 *
 * <p><b>Delivering</b> writes the bytes to a hidden temporary file in the folder ({@code
 * .tmp-<uuid>}), forces it to disk, renames it atomically to {@code <messageId>-<uuid>.pccc} and
 * forces the folder's entry to disk where the operating system allows; the future completes after
 * that, so an accepted envelope survives a crash of either side. A folder that does not exist
 * fails retryably ({@code UNAVAILABLE}: the medium is not mounted); delivery never creates it.
 * An envelope over {@link Builder#maxFileSizeBytes} fails with {@code REJECTED}.
 *
 * <p><b>Listening</b> creates the folder (owner-only permissions where POSIX is supported) and
 * takes an exclusive lock on {@code .listener.lock} in it, so that one listener per folder runs,
 * across processes too. It notices new files through a {@link java.nio.file.WatchService} and
 * scans the folder every {@link Builder#scanIntervalMillis} in any case. It reads only regular
 * files whose names end in {@code .pccc} and do not start with a dot, so a partly written file
 * is never read (another writer must follow the same write-then-rename rule). A file is deleted
 * only after the handler's future completes normally; after a retryable failure it stays and is
 * handed over again after a back-off; after a non-retryable {@link TransportException} it is
 * moved to the {@code rejected/} subfolder, as is a file over the size limit, so evidence is
 * never lost. At most {@link Builder#maxConcurrentHandlers} envelopes per listener are with the
 * handler at once. The handler receives the metadata {@code message-id} when the file name starts
 * with one.
 *
 * <p><b>Whoever can write the drop folder</b> cannot make the listener follow a link, block on a
 * FIFO or write elsewhere: the folder (itself not a link), {@code rejected/} and the owner-only
 * {@code .inflight/} are held open by identity; each file is renamed into {@code .inflight/}
 * before it is checked and read (at most {@link Builder#maxFileSizeBytes}); anything but a regular
 * file goes to {@code rejected/} unopened ({@link #NOT_A_REGULAR_FILE}); a folder that is a link
 * is refused, a folder replaced while listening is logged ({@link #FOLDER_NOT_TRUSTED}).
 *
 * <p>Thread-safe. Uses daemon threads; {@link #close()} stops them and the listeners.
 */
public final class FileTransport implements Transport {

  /** The URI scheme served. */
  public static final String SCHEME = "file";
  /** The ending of the names of complete envelope files. */
  public static final String SUFFIX = ".pccc";
  /** The subfolder of a drop folder that receives rejected and oversize files. */
  public static final String REJECTED_FOLDER = "rejected";

  /**
   * Logged (the file is moved to {@code rejected/}) when an entry named like an envelope is not a
   * regular file: a link, FIFO or device put in the drop folder, possibly swapped in after a scan.
   */
  public static final String NOT_A_REGULAR_FILE = "PCCC-3042";
  /**
   * A drop folder or its {@code rejected/} is a link or was replaced while listening: {@link
   * #listen} refuses such a folder with this code; a listener logs it and keeps using the folders
   * it opened at start, never following the link.
   */
  public static final String FOLDER_NOT_TRUSTED = "PCCC-3043";

  /** The owner-only subfolder where a file is checked and read, out of reach of other writers. */
  static final String INFLIGHT_FOLDER = ".inflight";
  static final String TEMP_PREFIX = ".tmp-";
  static final String LOCK_FILE = ".listener.lock";
  private static final AtomicInteger TRANSPORT_NUMBERS = new AtomicInteger();

  final long scanIntervalMillis;
  final long maxFileSizeBytes;
  final int maxConcurrentHandlers;
  final boolean watchService;
  final long redeliveryDelayMillis;
  final long maxRedeliveryDelayMillis;
  final ExecutorService io;
  final String threadPrefix;
  private final Set<FileListener> listeners = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private FileTransport(Builder builder) {
    this.scanIntervalMillis = builder.scanIntervalMillis;
    this.maxFileSizeBytes = builder.maxFileSizeBytes;
    this.maxConcurrentHandlers = builder.maxConcurrentHandlers;
    this.watchService = builder.watchService;
    this.redeliveryDelayMillis = builder.redeliveryDelayMillis;
    this.maxRedeliveryDelayMillis = builder.maxRedeliveryDelayMillis;
    this.threadPrefix = "pccc-file-" + TRANSPORT_NUMBERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.io = Executors.newFixedThreadPool(builder.ioThreads, runnable -> {
      Thread thread = new Thread(runnable, threadPrefix + "-io-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Returns a transport with the default settings. */
  public static FileTransport create() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    if (closed) {
      return CompletableFuture.failedFuture(closedFailure(false));
    }
    Path folder;
    try {
      folder = folderOf(endpoint);
    } catch (TransportException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (envelope.bytes().length > maxFileSizeBytes) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED,
          "message " + envelope.messageId() + " has " + envelope.bytes().length + " bytes, over the limit of "
              + maxFileSizeBytes, false));
    }
    CompletableFuture<Void> delivery = new CompletableFuture<>();
    pending.add(delivery);
    delivery.whenComplete((ok, error) -> pending.remove(delivery));
    try {
      io.execute(() -> {
        try {
          write(folder, envelope);
          delivery.complete(null);
        } catch (TransportException e) {
          delivery.completeExceptionally(e);
        } catch (RuntimeException e) {
          delivery.completeExceptionally(new TransportException(TransportException.UNAVAILABLE,
              "could not write message " + envelope.messageId() + " to " + folder, true, e));
        }
      });
    } catch (RejectedExecutionException e) {
      delivery.completeExceptionally(closedFailure(true));
    }
    return delivery;
  }

  private void write(Path folder, OutboundEnvelope envelope) {
    if (!Files.isDirectory(folder)) {
      throw new TransportException(TransportException.UNAVAILABLE,
          "drop folder " + folder + " does not exist (not mounted?)", true);
    }
    Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(envelope.bytes());
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Path target = folder.resolve(envelope.messageId() + "-" + UUID.randomUUID() + SUFFIX);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(folder);
    } catch (AtomicMoveNotSupportedException e) {
      deleteQuietly(temp);
      throw new TransportException(TransportException.BAD_ENDPOINT,
          "the file system of " + folder + " cannot rename atomically", false, e);
    } catch (ClosedByInterruptException e) {
      deleteQuietly(temp);
      throw closedFailure(true);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new TransportException(TransportException.UNAVAILABLE,
          "could not write message " + envelope.messageId() + " to " + folder + ": " + e.getClass().getSimpleName(),
          true, e);
    }
  }

  @Override
  public Listener listen(URI endpoint, InboundHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw closedFailure(false);
    }
    Path folder = folderOf(endpoint);
    FileChannel lockChannel = null;
    List<DropDirectory> opened = new ArrayList<>();
    try {
      createOwnerOnlyDirectories(folder);
      for (String sub : List.of(REJECTED_FOLDER, INFLIGHT_FOLDER)) {
        if (!Files.exists(folder.resolve(sub), LinkOption.NOFOLLOW_LINKS)) {
          createOwnerOnlyDirectories(folder.resolve(sub));
        }
      }
      // Links are never followed here: not for the lock, not for the folders.
      lockChannel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      FileLock lock = lockChannel.tryLock();
      if (lock == null) {
        throw alreadyServed(folder, null);
      }
      DropDirectory drop = DropDirectory.open(folder);
      opened.add(drop);
      DropDirectory rejected = drop.openSubfolder(REJECTED_FOLDER);
      opened.add(rejected);
      DropDirectory inflight = drop.openSubfolder(INFLIGHT_FOLDER);
      opened.add(inflight);
      FileListener listener = new FileListener(this, drop, inflight, rejected, handler, lockChannel);
      listeners.add(listener);
      listener.start();
      if (closed) {
        listener.close();
        throw closedFailure(false);
      }
      return listener;
    } catch (OverlappingFileLockException e) {
      closeAll(opened, lockChannel);
      throw alreadyServed(folder, e);
    } catch (DropDirectory.NotTrustedException e) {
      closeAll(opened, lockChannel);
      throw new TransportException(FOLDER_NOT_TRUSTED, "cannot serve drop folder " + folder + ": " + e.getMessage(),
          false, e);
    } catch (IOException e) {
      closeAll(opened, lockChannel);
      throw new TransportException(TransportException.BAD_ENDPOINT,
          "cannot serve drop folder " + folder + ": " + e.getClass().getSimpleName(), false, e);
    } catch (TransportException e) {
      closeAll(opened, lockChannel);
      throw e;
    }
  }

  /** Stops the listeners and the threads; deliveries in progress fail retryably. Idempotent. */
  @Override
  public void close() {
    closed = true;
    for (FileListener listener : listeners) {
      listener.close();
    }
    io.shutdownNow();
    for (CompletableFuture<Void> delivery : pending) {
      delivery.completeExceptionally(closedFailure(true));
    }
  }

  void forget(FileListener listener) {
    listeners.remove(listener);
  }

  /**
   * Returns the folder of a {@code file:} endpoint: a hierarchical URI with an absolute path and
   * no host, query or fragment.
   *
   * @throws TransportException with {@link TransportException#BAD_ENDPOINT} otherwise
   */
  static Path folderOf(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw badEndpoint(endpoint, "not a file: URI");
    }
    if (endpoint.isOpaque() || endpoint.getRawAuthority() != null && !endpoint.getRawAuthority().isEmpty()
        || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw badEndpoint(endpoint, "a drop folder is file:///absolute/path, without host, query or fragment");
    }
    try {
      return Path.of(endpoint).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
      throw badEndpoint(endpoint, e.getClass().getSimpleName());
    }
  }

  /** Creates a folder and its missing parents, readable only by their owner where POSIX allows. */
  static void createOwnerOnlyDirectories(Path folder) throws IOException {
    if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
      Files.createDirectories(folder, ownerOnly);
    } else {
      Files.createDirectories(folder);
    }
  }

  /**
   * Forces a folder's entries to disk, as the store's {@code DurableFiles.fsyncDirectory} does:
   * a platform that cannot open a folder (Windows) is skipped, but a failed sync is the caller's
   * failure, never ignored (the delivery is retried, the listener hands the file over again).
   */
  static void forceDirectory(Path folder) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(folder, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      return; // cannot open a folder here; the rename itself is still atomic
    }
    try (channel) {
      channel.force(true);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A left-over temporary file starts with a dot and is never read.
    }
  }

  private static void closeAll(List<DropDirectory> opened, FileChannel lockChannel) {
    for (DropDirectory d : opened) {
      d.close();
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing more to release.
      }
    }
  }

  private static TransportException alreadyServed(Path folder, Throwable cause) {
    return new TransportException(TransportException.BAD_ENDPOINT,
        "drop folder " + folder + " already has a listener", false, cause);
  }

  private static TransportException badEndpoint(URI endpoint, String why) {
    return new TransportException(TransportException.BAD_ENDPOINT, "bad endpoint " + endpoint + ": " + why, false);
  }

  private static TransportException closedFailure(boolean retryable) {
    return new TransportException(TransportException.CLOSED, "the file transport is closed", retryable);
  }

  /** Builds a {@link FileTransport}. Not thread-safe. */
  public static final class Builder {
    private long scanIntervalMillis = 50;
    private long maxFileSizeBytes = Limits.MAX_ENVELOPE_BYTES;
    private int maxConcurrentHandlers = 4;
    private boolean watchService = true;
    private long redeliveryDelayMillis = 100;
    private long maxRedeliveryDelayMillis = 5000;
    private int ioThreads = 4;

    private Builder() {}

    /** Sets how often a listener scans its folder even without a change notification (default 50 ms). */
    public Builder scanInterval(Duration interval) {
      this.scanIntervalMillis = atLeast(1, millis(interval, "scanInterval"), "scanInterval (ms)");
      return this;
    }

    /**
     * Sets the largest envelope delivered or read (default {@link Limits#MAX_ENVELOPE_BYTES}, the
     * envelope opener's default too); larger files found in a drop
     * folder are moved to {@code rejected/}.
     */
    public Builder maxFileSizeBytes(long sizeBytes) {
      this.maxFileSizeBytes = atLeast(1, sizeBytes, "maxFileSizeBytes");
      return this;
    }

    /** Sets how many envelopes one listener has with its handler at once at most (default 4). */
    public Builder maxConcurrentHandlers(int count) {
      this.maxConcurrentHandlers = (int) atLeast(1, count, "maxConcurrentHandlers");
      return this;
    }

    /**
     * Sets whether listeners also use a {@link java.nio.file.WatchService} to notice files sooner
     * (default true); the periodic scan runs either way.
     */
    public Builder watchService(boolean use) {
      this.watchService = use;
      return this;
    }

    /** Sets the first back-off before a file whose handling failed is handed over again (default 100 ms). */
    public Builder redeliveryDelay(Duration delay) {
      this.redeliveryDelayMillis = atLeast(1, millis(delay, "redeliveryDelay"), "redeliveryDelay (ms)");
      return this;
    }

    /** Sets the longest back-off between hand-overs of a file that keeps failing (default 5 s). */
    public Builder maxRedeliveryDelay(Duration delay) {
      this.maxRedeliveryDelayMillis = atLeast(1, millis(delay, "maxRedeliveryDelay"), "maxRedeliveryDelay (ms)");
      return this;
    }

    /** Sets the number of threads that write and read files (default 4). */
    public Builder ioThreads(int count) {
      this.ioThreads = (int) atLeast(1, count, "ioThreads");
      return this;
    }

    /** Returns the transport; close it when done. */
    public FileTransport build() {
      if (maxRedeliveryDelayMillis < redeliveryDelayMillis) {
        throw new IllegalArgumentException("maxRedeliveryDelay is shorter than redeliveryDelay");
      }
      return new FileTransport(this);
    }

    private static long millis(Duration duration, String name) {
      return Objects.requireNonNull(duration, name).toMillis();
    }

    private static long atLeast(long minimum, long value, String name) {
      if (value < minimum) {
        throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
      }
      return value;
    }
  }
}
