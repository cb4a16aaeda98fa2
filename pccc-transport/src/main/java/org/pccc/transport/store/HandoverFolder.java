package org.pccc.transport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Sealed envelopes committed to the {@link Inbox} but not yet handed to the application, kept so
 * that a crash between commit and hand-over loses nothing. Each file is named by what the inbox
 * record commits to, {@code <messageId>.<sender>.<envelopeSha256>.env}, and written with the
 * stores' one durable-write helper (temporary file, fsync, atomic rename, directory fsync).
 *
 * <p>Recovery binds a file to its record: {@link #read} returns the bytes only if their SHA-256 is
 * the record's envelope digest; anything else is moved to {@code quarantine/} and reported, never
 * handed over. Files of the format before the sender and digest were in the name ({@code
 * <messageId>.env}) are still read, under the same check.
 *
 * <p>Thread-safe (stateless apart from the folder).
 */
public final class HandoverFolder {
  private static final String SUFFIX = ".env";

  private final Path folder;
  private final Path quarantineDir;
  private final Clock clock;

  private HandoverFolder(Path folder, Clock clock) {
    this.folder = folder;
    this.quarantineDir = folder.resolve("quarantine");
    this.clock = clock;
  }

  /**
   * Opens (creating if needed) a hand-over folder.
   *
   * @param folder the folder
   * @param clock names quarantined files
   * @throws StoreException {@link StoreException#IO} if it cannot be created
   */
  public static HandoverFolder open(Path folder, Clock clock) {
    Objects.requireNonNull(folder, "folder");
    try {
      DurableFiles.createDirectoryDurably(folder);
      DurableFiles.deleteTempFiles(folder);
    } catch (IOException e) {
      throw DurableFiles.io("opening the hand-over folder", e);
    }
    return new HandoverFolder(folder, Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Keeps a sealed envelope durably until {@link #release}; call before committing its record.
   *
   * @param record the record about to be committed (names the file)
   * @param envelope the envelope bytes whose digest the record holds
   */
  public void keep(InboxRecord record, byte[] envelope) {
    try {
      DurableFiles.replace(fileOf(record), envelope);
    } catch (IOException e) {
      throw DurableFiles.io("keeping message " + record.messageId() + " for hand-over", e);
    }
  }

  /** The result of {@link #read}. */
  public sealed interface Kept {
    /** The envelope, its digest equal to the record's. */
    record Envelope(byte[] bytes) implements Kept {}

    /** No file for the record. */
    record Missing() implements Kept {}

    /** A file whose content is not what the record committed to; moved aside. */
    record Quarantined(Path movedTo) implements Kept {}
  }

  /**
   * Reads the envelope kept for a committed record, checking that its SHA-256 is the record's.
   * A file that fails the check is quarantined.
   */
  public Kept read(InboxRecord record) {
    for (Path file : new Path[] {fileOf(record), folder.resolve(record.messageId() + SUFFIX)}) {
      byte[] bytes;
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Kept.Quarantined(quarantine(file));
          }
          continue;
        }
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw DurableFiles.io("reading message " + record.messageId() + " for hand-over", e);
      }
      if (!DurableFiles.sha256Hex(bytes).equals(record.envelopeSha256())) {
        return new Kept.Quarantined(quarantine(file));
      }
      return new Kept.Envelope(bytes);
    }
    return new Kept.Missing();
  }

  /**
   * Moves the files kept for a record aside, for an operator to look at (for example when the
   * envelope does not open as the message the record names).
   *
   * @return where the (first) file went, if there was one
   */
  public Optional<Path> quarantine(InboxRecord record) {
    Path moved = null;
    for (Path file : new Path[] {fileOf(record), folder.resolve(record.messageId() + SUFFIX)}) {
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        Path m = quarantine(file);
        moved = moved == null ? m : moved;
      }
    }
    return Optional.ofNullable(moved);
  }

  /** Deletes the files kept for a record, durably; the application has the message. */
  public void release(InboxRecord record) {
    release(record.messageId(), record.senderCentre(), record.envelopeSha256());
  }

  /**
   * Deletes the files kept for a sender's message with this envelope digest, durably.
   *
   * @param messageId the message id
   * @param senderCentre the signer
   * @param envelopeSha256 the envelope's digest
   */
  public void release(UUID messageId, String senderCentre, String envelopeSha256) {
    try {
      DurableFiles.deleteDurably(folder.resolve(fileName(messageId, senderCentre, envelopeSha256)));
      DurableFiles.deleteDurably(folder.resolve(messageId + SUFFIX));
    } catch (IOException e) {
      throw DurableFiles.io("releasing message " + messageId + " after hand-over", e);
    }
  }

  /**
   * Deletes kept files that no record still waiting for hand-over names: left by a crash between
   * hand-over and release, or by a copy of a message that lost the race to commit.
   *
   * @param waiting the records not yet handed to the application
   * @return how many files were deleted
   */
  public int retainOnly(java.util.Collection<InboxRecord> waiting) {
    java.util.Set<String> keep = new java.util.HashSet<>();
    for (InboxRecord r : waiting) {
      keep.add(fileOf(r).getFileName().toString());
      keep.add(r.messageId() + SUFFIX);
    }
    int deleted = 0;
    try {
      for (Path p : DurableFiles.list(folder)) {
        String name = p.getFileName().toString();
        if (name.endsWith(SUFFIX) && !keep.contains(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
          deleted++;
        }
      }
      if (deleted > 0) {
        DurableFiles.fsyncDirectory(folder);
      }
    } catch (IOException e) {
      throw DurableFiles.io("cleaning the hand-over folder", e);
    }
    return deleted;
  }

  private Path quarantine(Path file) {
    try {
      return DurableFiles.quarantine(file, quarantineDir, clock.instant());
    } catch (IOException e) {
      throw DurableFiles.io("quarantining a hand-over file", e);
    }
  }

  private Path fileOf(InboxRecord r) {
    return folder.resolve(fileName(r.messageId(), r.senderCentre(), r.envelopeSha256()));
  }

  /** Returns the name a record's envelope is kept under (for tests and operators). */
  public static String fileName(UUID messageId, String senderCentre, String envelopeSha256) {
    return messageId + "." + senderCentre + "." + envelopeSha256 + SUFFIX;
  }
}
