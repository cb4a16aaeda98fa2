package org.pccc.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The highest directory serial a node (or the {@code pccc} tool) has accepted, kept in one small
 * file so that a restart cannot be talked into an older signed directory (rollback). The file
 * holds one line, {@code networkId serial}; it is replaced atomically (written to a temporary
 * file in the same folder, synced, renamed over the old one, and the folder synced), so a crash
 * leaves either the old or the new value, never a torn one. A missing file means nothing was
 * accepted yet; an unreadable one is a configuration error, never silently zero.
 *
 * <p>Thread-safe: {@link #advance} is synchronized; two processes must not share one file.
 */
public final class DirectorySerialFile {
  private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]{0,63}) ([1-9][0-9]{0,18})\n?$");
  private static final int MAX_BYTES = 200;

  private final Path file;

  private DirectorySerialFile(Path file) {
    this.file = file;
  }

  /**
   * Points at a state file; it need not exist yet, but its folder must.
   *
   * @param file where the highest accepted serial is kept
   * @return the state file
   */
  public static DirectorySerialFile at(Path file) {
    Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath();
    if (absolute.getParent() == null || !Files.isDirectory(absolute.getParent())) {
      throw new CryptoConfigurationException(ErrorCode.DIRECTORY_STATE_UNUSABLE,
          "the folder of the directory state file does not exist: " + absolute.getParent());
    }
    return new DirectorySerialFile(absolute);
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /**
   * Returns the highest serial accepted for a network, or 0 if none was.
   *
   * @param networkId the network
   * @return the serial
   * @throws CryptoConfigurationException with {@code DIRECTORY_STATE_UNUSABLE} if the file cannot
   *     be read, is not a regular file, or belongs to another network
   */
  public synchronized long highest(String networkId) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw unusable("the directory state file is not a regular file: " + file, null);
    }
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw unusable("the directory state file is too large: " + file, null);
      }
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw unusable("the directory state file cannot be read: " + file, e);
    }
    var m = LINE.matcher(text);
    if (!m.matches()) {
      throw unusable("the directory state file is not in the expected format: " + file, null);
    }
    if (!m.group(1).equals(networkId)) {
      throw unusable("the directory state file " + file + " belongs to network " + m.group(1)
          + ", not " + networkId, null);
    }
    return Long.parseLong(m.group(2));
  }

  /**
   * Records a serial as accepted if it is higher than the one kept; never lowers it.
   *
   * @param networkId the network
   * @param serial the serial just accepted
   * @throws CryptoConfigurationException with {@code DIRECTORY_STATE_UNUSABLE} if it cannot be
   *     written durably
   */
  public synchronized void advance(String networkId, long serial) {
    if (serial <= highest(networkId)) {
      return;
    }
    byte[] bytes = (networkId + " " + serial + "\n").getBytes(StandardCharsets.US_ASCII);
    Path folder = file.getParent();
    Path temp = folder.resolve("." + file.getFileName() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw unusable("the file system of " + folder + " cannot replace files atomically", e);
      }
      syncFolder(folder);
    } catch (IOException e) {
      throw unusable("the directory state file cannot be written: " + file, e);
    }
  }

  private static void syncFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a folder; the rename is then as durable as they allow.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  private static CryptoConfigurationException unusable(String message, Throwable cause) {
    return new CryptoConfigurationException(ErrorCode.DIRECTORY_STATE_UNUSABLE, message, cause);
  }

  @Override
  public String toString() {
    return "DirectorySerialFile[" + file + "]";
  }
}
