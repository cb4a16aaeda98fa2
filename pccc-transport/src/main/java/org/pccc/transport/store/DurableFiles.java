package org.pccc.transport.store;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The durable-write primitives every file store uses: write to a temporary file, fsync it, make it
 * visible by an atomic rename (or an atomic create-if-absent), fsync the directory. Temporary files
 * are named {@code .<final name>.tmp-<random>} so that a crash leaves only files that startup
 * recognises and deletes. Stateless and thread-safe.
 */
final class DurableFiles {
  private static final String TMP_MARK = ".tmp-";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  /** A centre identifier, as in {@code org.pccc.model.Patterns.CENTRE_ID}; safe in file names. */
  static final Pattern CENTRE_ID = Pattern.compile(org.pccc.model.Patterns.CENTRE_ID);
  /** A lower-case hex SHA-256 digest. */
  static final Pattern SHA256_HEX = Pattern.compile(org.pccc.model.Patterns.SHA256_HEX);
  /** A message kind wire code such as {@code information-request}: short, no free text. */
  static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9-]{0,63}$");

  private DurableFiles() {}

  /** Returns whether a file name is one of our temporary files (left behind by a crash). */
  static boolean isTemp(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.contains(TMP_MARK);
  }

  /**
   * Writes {@code data} to {@code target}, replacing any previous content atomically: a reader (or
   * a restart after a crash) sees either the old or the new file, never a mixture.
   */
  static void replace(Path target, byte[] data) throws IOException {
    Path tmp = writeTemp(target, data);
    try {
      Files.move(tmp, target, ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
    fsyncDirectory(target.getParent());
  }

  /**
   * Creates {@code target} with {@code data} only if no file of that name exists, atomically and
   * durably. The final name appears in one step (a hard link from a fully written and fsynced
   * temporary file), so two writers racing for the same name, in this process or another, cannot
   * both succeed and nobody ever sees a partial file.
   *
   * @return true if this call created the file, false if it already existed
   */
  static boolean createIfAbsent(Path target, byte[] data) throws IOException {
    Path tmp = writeTemp(target, data);
    try {
      try {
        Files.createLink(target, tmp);
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (IOException | UnsupportedOperationException e) {
        // No hard links on this file system. Callers hold a lock per name and the store folder is
        // locked against other processes, so check-then-rename cannot race here.
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        Files.move(tmp, target, ATOMIC_MOVE);
      }
      fsyncDirectory(target.getParent());
      return true;
    } finally {
      // The temporary name is not needed after the link; a crash before this line leaves a temp
      // file that startup removes.
      deleteQuietly(tmp);
    }
  }

  /** Creates an empty marker file durably; returns false if it already existed. */
  static boolean createMarker(Path marker) throws IOException {
    try {
      Files.createFile(marker);
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    fsyncDirectory(marker.getParent());
    return true;
  }

  /** Deletes a file and fsyncs its directory; returns whether it existed. */
  static boolean deleteDurably(Path file) throws IOException {
    boolean existed = Files.deleteIfExists(file);
    if (existed) {
      fsyncDirectory(file.getParent());
    }
    return existed;
  }

  /**
   * Moves a damaged file into {@code quarantineDir} under a name that cannot collide, durably.
   *
   * @return the new location
   */
  static Path quarantine(Path file, Path quarantineDir, Instant now) throws IOException {
    Files.createDirectories(quarantineDir);
    Path target = quarantineDir.resolve(
        file.getFileName() + "." + now.toEpochMilli() + "-" + randomHex(4) + ".corrupt");
    Files.move(file, target, ATOMIC_MOVE);
    fsyncDirectory(quarantineDir);
    fsyncDirectory(file.getParent());
    return target;
  }

  /** Deletes every temporary file directly inside {@code dir}; returns how many. */
  static int deleteTempFiles(Path dir) throws IOException {
    int n = 0;
    for (Path p : list(dir)) {
      if (isTemp(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(p);
        n++;
      }
    }
    if (n > 0) {
      fsyncDirectory(dir);
    }
    return n;
  }

  /** Lists a directory's entries (empty if it does not exist). */
  static List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        out.add(p);
      }
    }
    return out;
  }

  /** Creates a directory (and parents) and makes its entry durable in the parent. */
  static void createDirectoryDurably(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      fsyncDirectory(dir.getParent());
    }
  }

  /**
   * Fsyncs a directory so that renames and new names in it survive a power loss. Some platforms
   * (Windows) cannot open a directory; there the rename itself is journaled and this is a no-op.
   */
  static void fsyncDirectory(Path dir) throws IOException {
    if (dir == null) {
      return;
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(dir, READ);
    } catch (IOException | UnsupportedOperationException e) {
      return;
    }
    try (ch) {
      ch.force(true);
    }
  }

  /** Writes all bytes to the channel at its position. */
  static void writeFully(FileChannel ch, byte[] data) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(data);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort: a leftover temp file is removed at the next startup.
    }
  }

  static String sha256Hex(byte[] data) {
    return HEX.formatHex(sha256().digest(data));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HEX.formatHex(b);
  }

  /** Wraps an I/O failure in the store's exception. */
  static StoreException io(String what, IOException e) {
    return new StoreException(StoreException.IO, what + " failed (" + e.getClass().getSimpleName() + ")", e);
  }

  private static Path writeTemp(Path target, byte[] data) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + TMP_MARK + randomHex(8));
    try (FileChannel ch = FileChannel.open(tmp, CREATE_NEW, WRITE)) {
      writeFully(ch, data);
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
    return tmp;
  }

  /** A store's recovery from disk, run while the folder lock is held. */
  interface Recovery {
    void run() throws IOException;
  }

  /**
   * Opens a store folder: creates it durably, takes its lock, and runs the store's recovery; if
   * recovery fails the lock is released, so a failed open leaves nothing held.
   *
   * @param folder the store folder
   * @param storeName the store's name in messages, for example {@code inbox}
   * @param recovery creates the store's sub-folders and reads its state
   * @return the lock, held until the store closes
   */
  static FolderLock openLocked(Path folder, String storeName, Recovery recovery) {
    try {
      createDirectoryDurably(folder);
    } catch (IOException e) {
      throw io("creating the " + storeName + " folder", e);
    }
    FolderLock lock = FolderLock.acquire(folder, storeName);
    try {
      recovery.run();
    } catch (IOException e) {
      lock.close();
      throw io("opening the " + storeName, e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  /**
   * An exclusive lock on a store folder, held until {@link #close()}. It keeps a second store
   * instance (in this JVM or another process) from writing the same files; the operating system
   * releases it if the process dies.
   */
  static final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static FolderLock acquire(Path dir, String storeName) {
      FileChannel ch = null;
      try {
        ch = FileChannel.open(dir.resolve(".lock"), CREATE, WRITE);
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null;
        }
        if (l == null) {
          ch.close();
          throw new StoreException(StoreException.LOCKED,
              storeName + " folder is already open in another store instance: " + dir.getFileName());
        }
        return new FolderLock(ch, l);
      } catch (IOException e) {
        if (ch != null) {
          try {
            ch.close();
          } catch (IOException ignored) {
            // Already failing.
          }
        }
        throw io("locking the " + storeName + " folder", e);
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
      } catch (IOException ignored) {
        // Closing the channel releases the lock anyway.
      }
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing left to release.
      }
    }
  }
}
