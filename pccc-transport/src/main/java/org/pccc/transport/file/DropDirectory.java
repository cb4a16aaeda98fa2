package org.pccc.transport.file;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.OpenOption;
import java.util.Set;
import java.util.Objects;

/**
 * A folder the listener works in, held by identity where the platform allows: on Linux and other
 * systems with {@code openat}, a {@link SecureDirectoryStream} keeps the folder open, and every
 * operation names an entry relative to it without following links, so renaming the folder or
 * putting a link in its place (by whoever can write the drop folder) cannot redirect a read or a
 * move. Elsewhere it falls back to paths with {@link LinkOption#NOFOLLOW_LINKS} checks. Entries
 * are plain file names, never paths. Thread-safe for the operations used here.
 */
final class DropDirectory implements AutoCloseable {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final Set<OpenOption> READ_NOFOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  private final Path path;
  private final SecureDirectoryStream<Path> secure;
  private final Object fileKey;

  private DropDirectory(Path path, SecureDirectoryStream<Path> secure, Object fileKey) {
    this.path = path;
    this.secure = secure;
    this.fileKey = fileKey;
  }

  /**
   * Opens a folder that must be a real directory, not a link.
   *
   * @throws IOException if it is missing, a link or not a directory
   */
  static DropDirectory open(Path folder) throws IOException {
    BasicFileAttributes a = Files.readAttributes(folder, BasicFileAttributes.class, NOFOLLOW);
    if (!a.isDirectory() || a.isSymbolicLink()) {
      throw new NotTrustedException(folder.getFileName() + " is not a directory of its own (a link?)");
    }
    DirectoryStream<Path> stream = Files.newDirectoryStream(folder);
    SecureDirectoryStream<Path> secure = stream instanceof SecureDirectoryStream<Path> s ? s : null;
    if (secure == null) {
      stream.close();
    }
    DropDirectory d = new DropDirectory(folder, secure, a.fileKey());
    if (secure != null && !Objects.equals(d.ownAttributes().fileKey(), a.fileKey()) && a.fileKey() != null) {
      d.close();
      throw new NotTrustedException(folder.getFileName() + " changed while it was opened");
    }
    return d;
  }

  /** Opens a subfolder of this one, relative to it, refusing a link. */
  DropDirectory openSubfolder(String name) throws IOException {
    Path sub = path.resolve(name);
    if (secure == null) {
      return open(sub);
    }
    BasicFileAttributes a = attributes(name);
    if (!a.isDirectory() || a.isSymbolicLink()) {
      throw new NotTrustedException(name + " is not a directory of its own (a link?)");
    }
    // openat(O_NOFOLLOW): fails on a link swapped in after the check above.
    SecureDirectoryStream<Path> s = secure.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
    return new DropDirectory(sub, s, a.fileKey());
  }

  Path path() {
    return path;
  }

  /**
   * Returns whether the folder's path still names the directory held (same file key, no link). A
   * false answer means someone renamed it or put something else in its place.
   */
  boolean stillAtItsPath() {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
      return a.isDirectory() && !a.isSymbolicLink() && (fileKey == null || fileKey.equals(a.fileKey()));
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads an entry's own attributes (a link is reported as a link, never followed). */
  BasicFileAttributes attributes(String name) throws IOException {
    if (secure != null) {
      return secure.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
    }
    return Files.readAttributes(path.resolve(name), BasicFileAttributes.class, NOFOLLOW);
  }

  /** Opens an entry for reading, refusing a link (O_NOFOLLOW). */
  SeekableByteChannel openForReading(String name) throws IOException {
    if (secure != null) {
      return secure.newByteChannel(Path.of(name), READ_NOFOLLOW);
    }
    return Files.newByteChannel(path.resolve(name), READ_NOFOLLOW);
  }

  /** Moves an entry (whatever it is: a link moves as a link) into another held folder. */
  void move(String name, DropDirectory target, String targetName) throws IOException {
    if (secure != null && target.secure != null) {
      secure.move(Path.of(name), target.secure, Path.of(targetName));
    } else {
      Files.move(path.resolve(name), target.path.resolve(targetName), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Returns whether an entry of this name exists (a dangling link counts). */
  boolean exists(String name) {
    try {
      attributes(name);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes an entry (a link itself, never its target). */
  void delete(String name) throws IOException {
    if (secure != null) {
      secure.deleteFile(Path.of(name));
    } else {
      Files.delete(path.resolve(name));
    }
  }

  private BasicFileAttributes ownAttributes() throws IOException {
    return secure.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
  }

  @Override
  public void close() {
    if (secure != null) {
      try {
        secure.close();
      } catch (IOException e) {
        // Nothing more to release.
      }
    }
  }

  /** A folder is a link, not a directory, or not the one opened. */
  static final class NotTrustedException extends IOException {
    private static final long serialVersionUID = 1L;

    NotTrustedException(String message) {
      super(message);
    }
  }
}
