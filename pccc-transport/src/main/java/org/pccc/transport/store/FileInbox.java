package org.pccc.transport.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.pccc.model.json.PcccJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Inbox} in a folder on local disk. Thread-safe: operations on ids in different shards
 * run in parallel, operations on the same shard are serialised. One instance per folder at a time
 * (a lock file keeps out a second one, in this or another process).
 *
 * <p>Layout, sharded by the first two hex digits of the message id so that no directory grows past
 * a few hundred entries per 100,000 messages:
 *
 * <pre>
 * folder/
 *   .lock
 *   records/&lt;ab&gt;/&lt;messageId&gt;.rec       the committed record (immutable once written)
 *   records/&lt;ab&gt;/&lt;messageId&gt;.handled   empty marker: handed to the application
 *   quarantine/                         damaged files moved aside
 * </pre>
 *
 * <p><b>Exactly once</b>: {@link #commit} writes and fsyncs a temporary file, then publishes it
 * under the final name with a hard link, which the file system refuses if the name exists; so of
 * any number of racing commits of one id exactly one succeeds and no reader sees a partial record.
 * Where hard links are not supported it falls back to an atomic rename after a check, made safe by
 * the per-shard lock and the folder lock.
 *
 * <p><b>Startup</b> reads every record once to rebuild a small in-memory index (id, received-at,
 * handled: about 100 bytes per message), deletes temporary files left by a crash and markers whose
 * record was purged, and quarantines damaged records with code {@link StoreException#CORRUPT}
 * instead of failing. A quarantined id is no longer known, so a duplicate of it would be accepted
 * again; the error log names the id.
 */
public final class FileInbox implements Inbox {
  private static final Logger LOG = LoggerFactory.getLogger(FileInbox.class);
  private static final String TYPE = "inbox-record";
  private static final String RECORD = ".rec";
  private static final String HANDLED = ".handled";
  private static final int FORMAT_VERSION = 1;
  private static final int SHARDS = 256;
  private static final Pattern SHARD_NAME = Pattern.compile("^[0-9a-f]{2}$");

  private final Path recordsDir;
  private final Path quarantineDir;
  private final Clock clock;
  private final ObjectMapper json = PcccJson.newMapper();
  private final DurableFiles.FolderLock folderLock;
  private final Object[] shardLocks = new Object[SHARDS];
  private final boolean[] shardExists = new boolean[SHARDS];
  private final Map<UUID, Indexed> index = new ConcurrentHashMap<>();
  private final List<Path> quarantined = new ArrayList<>();
  private volatile boolean closed;

  private record Indexed(Instant receivedAt, boolean handled) {}

  private FileInbox(Path folder, Clock clock) {
    this.recordsDir = folder.resolve("records");
    this.quarantineDir = folder.resolve("quarantine");
    this.clock = clock;
    for (int i = 0; i < SHARDS; i++) {
      shardLocks[i] = new Object();
    }
    this.folderLock = DurableFiles.openLocked(folder, "inbox", () -> {
      DurableFiles.createDirectoryDurably(recordsDir);
      recover();
    });
  }

  /**
   * Opens (creating if needed) the inbox in {@code folder}, recovering its state from disk.
   *
   * @throws StoreException {@link StoreException#LOCKED} if another instance has it open,
   *     {@link StoreException#IO} if the folder cannot be used
   */
  public static FileInbox open(Path folder) {
    return builder(folder).open();
  }

  /** Returns a builder for an inbox in {@code folder}. */
  public static Builder builder(Path folder) {
    return new Builder(folder);
  }

  private void recover() throws IOException {
    int temps = 0;
    int orphans = 0;
    for (Path shard : DurableFiles.list(recordsDir)) {
      String shardName = shard.getFileName().toString();
      if (!SHARD_NAME.matcher(shardName).matches() || !Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      shardExists[Integer.parseInt(shardName, 16)] = true;
      temps += DurableFiles.deleteTempFiles(shard);
      List<Path> markerFiles = new ArrayList<>();
      for (Path f : DurableFiles.list(shard)) {
        String name = f.getFileName().toString();
        if (DurableFiles.isTemp(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (name.endsWith(HANDLED)) {
          if (idOf(name, HANDLED, shardName) != null) {
            markerFiles.add(f);
          }
          continue;
        }
        UUID id = name.endsWith(RECORD) ? idOf(name, RECORD, shardName) : null;
        if (id == null) {
          quarantine(f, "file name is not <messageId>" + RECORD + " in its shard");
          continue;
        }
        InboxRecord r = read(f, id);
        if (r != null) {
          index.put(id, new Indexed(r.receivedAt(), r.handedToApplication()));
        }
      }
      int shardOrphans = 0;
      for (Path marker : markerFiles) {
        UUID id = idOf(marker.getFileName().toString(), HANDLED, shardName);
        Indexed x = index.get(id);
        if (x == null) {
          // The record was purged (or quarantined) and a crash came before its marker went.
          Files.deleteIfExists(marker);
          shardOrphans++;
        } else if (!x.handled()) {
          index.put(id, new Indexed(x.receivedAt(), true));
        }
      }
      if (shardOrphans > 0) {
        DurableFiles.fsyncDirectory(shard);
        orphans += shardOrphans;
      }
    }
    long unhandled = index.values().stream().filter(x -> !x.handled()).count();
    LOG.info("inbox opened: {} records, {} not yet handed to the application, {} temporary files and {} stale markers removed, {} quarantined",
        index.size(), unhandled, temps, orphans, quarantined.size());
  }

  @Override
  public Optional<InboxRecord> find(UUID messageId) {
    Objects.requireNonNull(messageId, "messageId");
    checkOpen();
    Indexed x = index.get(messageId);
    if (x == null) {
      return Optional.empty();
    }
    synchronized (lockFor(messageId)) {
      checkOpen();
      x = index.get(messageId);
      if (x == null) {
        return Optional.empty();
      }
      return Optional.of(readIndexed(messageId, x));
    }
  }

  @Override
  public boolean commit(InboxRecord record) {
    Objects.requireNonNull(record, "record");
    UUID id = record.messageId();
    synchronized (lockFor(id)) {
      checkOpen();
      if (index.containsKey(id)) {
        return false;
      }
      boolean created;
      try {
        Path shard = shardDir(id);
        created = DurableFiles.createIfAbsent(shard.resolve(id + RECORD), encode(record));
      } catch (IOException e) {
        throw DurableFiles.io("committing inbox record " + id, e);
      }
      if (!created) {
        return false;
      }
      index.put(id, new Indexed(record.receivedAt(), record.handedToApplication()));
    }
    LOG.debug("inbox commit {} from {}", id, record.senderCentre());
    return true;
  }

  @Override
  public boolean markHandled(UUID messageId) {
    Objects.requireNonNull(messageId, "messageId");
    synchronized (lockFor(messageId)) {
      checkOpen();
      Indexed x = index.get(messageId);
      if (x == null) {
        throw new StoreException(StoreException.NOT_FOUND, "inbox holds no message " + messageId);
      }
      if (x.handled()) {
        return false;
      }
      try {
        DurableFiles.createMarker(shardDir(messageId).resolve(messageId + HANDLED));
      } catch (IOException e) {
        throw DurableFiles.io("marking inbox record " + messageId + " handled", e);
      }
      index.put(messageId, new Indexed(x.receivedAt(), true));
      return true;
    }
  }

  @Override
  public List<InboxRecord> unhandled() {
    checkOpen();
    List<Map.Entry<UUID, Indexed>> selected = new ArrayList<>();
    for (Map.Entry<UUID, Indexed> e : index.entrySet()) {
      if (!e.getValue().handled()) {
        selected.add(Map.entry(e.getKey(), e.getValue()));
      }
    }
    selected.sort(Comparator.comparing((Map.Entry<UUID, Indexed> e) -> e.getValue().receivedAt())
        .thenComparing(Map.Entry::getKey));
    List<InboxRecord> out = new ArrayList<>(selected.size());
    for (Map.Entry<UUID, Indexed> e : selected) {
      synchronized (lockFor(e.getKey())) {
        checkOpen();
        Indexed x = index.get(e.getKey());
        if (x != null && !x.handled()) {
          out.add(readIndexed(e.getKey(), x));
        }
      }
    }
    return out;
  }

  @Override
  public int purgeOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    checkOpen();
    List<List<UUID>> byShard = new ArrayList<>(SHARDS);
    for (int i = 0; i < SHARDS; i++) {
      byShard.add(new ArrayList<>());
    }
    for (Map.Entry<UUID, Indexed> e : index.entrySet()) {
      if (e.getValue().handled() && e.getValue().receivedAt().isBefore(cutoff)) {
        byShard.get(shardOf(e.getKey())).add(e.getKey());
      }
    }
    int purged = 0;
    for (int s = 0; s < SHARDS; s++) {
      if (byShard.get(s).isEmpty()) {
        continue;
      }
      synchronized (shardLocks[s]) {
        checkOpen();
        Path shard = recordsDir.resolve(String.format("%02x", s));
        List<UUID> removed = new ArrayList<>();
        try {
          for (UUID id : byShard.get(s)) {
            Indexed x = index.get(id);
            if (x != null && x.handled() && x.receivedAt().isBefore(cutoff)) {
              Files.deleteIfExists(shard.resolve(id + RECORD));
              index.remove(id);
              removed.add(id);
            }
          }
          // Records first and durably: a marker that outlives its record is harmless (startup
          // removes it), a record that outlives its marker would be handed over again.
          DurableFiles.fsyncDirectory(shard);
          for (UUID id : removed) {
            Files.deleteIfExists(shard.resolve(id + HANDLED));
          }
          DurableFiles.fsyncDirectory(shard);
        } catch (IOException e) {
          throw DurableFiles.io("purging inbox records", e);
        }
        purged += removed.size();
      }
    }
    if (purged > 0) {
      LOG.info("inbox purged {} records received before {}", purged, cutoff);
    }
    return purged;
  }

  @Override
  public int size() {
    checkOpen();
    return index.size();
  }

  /** Returns where damaged files were moved by this instance (at startup or later). */
  public List<Path> quarantined() {
    synchronized (quarantined) {
      return List.copyOf(quarantined);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!closed) {
        // Wait for every shard's in-flight operation, so none writes after the lock is released.
        closeShards(0);
      }
    }
  }

  private void closeShards(int s) {
    if (s == SHARDS) {
      closed = true;
      folderLock.close();
      return;
    }
    synchronized (shardLocks[s]) {
      closeShards(s + 1);
    }
  }

  // ---- internals ----

  private InboxRecord readIndexed(UUID id, Indexed x) {
    Path file = shardDir(id).resolve(id + RECORD);
    InboxRecord r = read(file, id);
    if (r == null) {
      index.remove(id);
      throw new StoreException(StoreException.CORRUPT, "inbox record " + id + " is damaged and was quarantined");
    }
    return x.handled() && !r.handedToApplication() ? r.handed() : r;
  }

  /** Reads a record file; a damaged one is quarantined and null returned. */
  private InboxRecord read(Path file, UUID id) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      LOG.error("{}: inbox record {} vanished from disk", StoreException.CORRUPT, id);
      return null;
    } catch (IOException e) {
      throw DurableFiles.io("reading inbox record " + id, e);
    }
    try {
      RecordFile.Parts parts = RecordFile.decode(TYPE, bytes);
      InboxRecord r = decode(parts);
      if (!r.messageId().equals(id)) {
        throw new RecordFile.CorruptException("content names another message than the file name");
      }
      return r;
    } catch (RecordFile.CorruptException e) {
      quarantine(file, e.getMessage());
      return null;
    }
  }

  private void quarantine(Path file, String reason) {
    try {
      Path moved = DurableFiles.quarantine(file, quarantineDir, clock.instant());
      synchronized (quarantined) {
        quarantined.add(moved);
      }
      LOG.error("{}: damaged inbox file {} moved to quarantine: {}", StoreException.CORRUPT, file.getFileName(), reason);
    } catch (IOException e) {
      throw DurableFiles.io("quarantining a damaged inbox file", e);
    }
  }

  private byte[] encode(InboxRecord r) {
    ObjectNode m = json.createObjectNode();
    m.put("v", FORMAT_VERSION);
    m.put("messageId", r.messageId().toString());
    m.put("senderCentre", r.senderCentre());
    m.put("receivedAt", r.receivedAt().toString());
    m.put("envelopeSha256", r.envelopeSha256());
    m.put("handedToApplication", r.handedToApplication());
    try {
      return RecordFile.encode(TYPE, json.writeValueAsBytes(m), r.receipt());
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private InboxRecord decode(RecordFile.Parts parts) throws RecordFile.CorruptException {
    JsonNode m;
    try {
      m = json.readTree(parts.metadata());
    } catch (IOException e) {
      throw new RecordFile.CorruptException("metadata is not JSON");
    }
    if (m == null || !m.isObject() || m.path("v").asInt() != FORMAT_VERSION || !m.path("handedToApplication").isBoolean()) {
      throw new RecordFile.CorruptException("metadata is not a version " + FORMAT_VERSION + " object");
    }
    try {
      return new InboxRecord(
          UUID.fromString(FileOutbox.text(m, "messageId")),
          FileOutbox.text(m, "senderCentre"),
          Instant.parse(FileOutbox.text(m, "receivedAt")),
          FileOutbox.text(m, "envelopeSha256"),
          parts.payload(),
          m.get("handedToApplication").booleanValue());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new RecordFile.CorruptException("metadata does not describe a valid record");
    }
  }

  /** Returns the shard directory for an id, creating it on first use (caller holds its lock). */
  private Path shardDir(UUID id) {
    int s = shardOf(id);
    Path dir = recordsDir.resolve(String.format("%02x", s));
    if (!shardExists[s]) {
      try {
        DurableFiles.createDirectoryDurably(dir);
      } catch (IOException e) {
        throw DurableFiles.io("creating an inbox shard", e);
      }
      shardExists[s] = true;
    }
    return dir;
  }

  private static int shardOf(UUID id) {
    return (int) (id.getMostSignificantBits() >>> 56);
  }

  private Object lockFor(UUID id) {
    return shardLocks[shardOf(id)];
  }

  private static UUID idOf(String name, String suffix, String shardName) {
    String s = name.substring(0, name.length() - suffix.length());
    try {
      UUID id = UUID.fromString(s);
      return id.toString().equals(s) && s.startsWith(shardName) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException(StoreException.CLOSED, "the inbox is closed");
    }
  }

  /** Builds a {@link FileInbox}. Not thread-safe. */
  public static final class Builder {
    private final Path folder;
    private Clock clock = Clock.systemUTC();

    private Builder(Path folder) {
      this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** Sets the clock used to name quarantined files (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the inbox, recovering its state from disk.
     *
     * @throws StoreException {@link StoreException#LOCKED} if another instance has it open,
     *     {@link StoreException#IO} if the folder cannot be used
     */
    public FileInbox open() {
      return new FileInbox(folder, clock);
    }
  }
}
