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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
 *   records/&lt;ab&gt;/&lt;messageId&gt;.&lt;sender&gt;.rec       the committed record (immutable once written)
 *   records/&lt;ab&gt;/&lt;messageId&gt;.&lt;sender&gt;.handled   empty marker: handed to the application
 *   quarantine/                                  damaged files moved aside
 * </pre>
 *
 * <p>Records are keyed by (sender centre, message id), see {@link Inbox}. Folders written before
 * the sender was part of the key hold {@code <messageId>.rec} and {@code <messageId>.handled};
 * startup renames them to the new names (the sender is read from the record; the marker first,
 * so that a crash between the two renames loses nothing) and logs how many it migrated.
 *
 * <p><b>Exactly once</b>: {@link #commit} writes and fsyncs a temporary file, then publishes it
 * under the final name with a hard link, which the file system refuses if the name exists; so of
 * any number of racing commits of one id exactly one succeeds and no reader sees a partial record.
 * Where hard links are not supported it falls back to an atomic rename after a check, made safe by
 * the per-shard lock and the folder lock.
 *
 * <p><b>Startup</b> reads every record once to rebuild a small in-memory index (id, sender,
 * received-at, handled: about 150 bytes per message), deletes temporary files left by a crash and markers whose
 * record was purged, and quarantines damaged records with code {@link StoreException#CORRUPT}
 * instead of failing. A quarantined id is no longer known, so a duplicate of it would be accepted
 * again; the error log names the id. {@link #purgeOlderThan} bounds the index and the folder; a
 * node runs it on a schedule.
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
  // id -> sender -> state. The inner maps are immutable, replaced under the id's shard lock, so
  // that readers outside the lock see a consistent one (almost always a single sender).
  private final Map<UUID, Map<String, Indexed>> index = new ConcurrentHashMap<>();
  private final Map<String, Integer> perSender = new ConcurrentHashMap<>();
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
    int migrated = 0;
    for (Path shard : DurableFiles.list(recordsDir)) {
      String shardName = shard.getFileName().toString();
      if (!SHARD_NAME.matcher(shardName).matches() || !Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      shardExists[Integer.parseInt(shardName, 16)] = true;
      temps += DurableFiles.deleteTempFiles(shard);
      List<FileName> records = new ArrayList<>();
      Map<FileName, Path> markers = new HashMap<>();
      for (Path f : DurableFiles.list(shard)) {
        String name = f.getFileName().toString();
        if (DurableFiles.isTemp(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (name.endsWith(HANDLED)) {
          FileName n = FileName.parse(name, HANDLED, shardName);
          if (n != null) {
            markers.put(n, f);
          }
          continue;
        }
        FileName n = name.endsWith(RECORD) ? FileName.parse(name, RECORD, shardName) : null;
        if (n == null) {
          quarantine(f, "file name is not <messageId>.<sender>" + RECORD + " in its shard");
          continue;
        }
        records.add(n);
      }
      // New names first, so that a legacy record whose new name also exists is seen as a clash.
      records.sort(Comparator.comparing((FileName n) -> n.sender() == null));
      int shardMigrated = 0;
      for (FileName n : records) {
        Path f = shard.resolve(n.name(RECORD));
        InboxRecord r = read(f, n.id(), n.sender());
        if (r == null) {
          continue;
        }
        if (n.sender() == null) {
          // A record of the format keyed by id alone: give it its (sender, id) name.
          FileName keyed = new FileName(n.id(), r.senderCentre());
          if (indexed(n.id(), r.senderCentre()) != null) {
            quarantine(f, "an older copy of a record that exists under its new name");
            continue;
          }
          Path legacyMarker = markers.remove(n);
          if (legacyMarker != null) {
            Files.move(legacyMarker, shard.resolve(keyed.name(HANDLED)), StandardCopyOption.ATOMIC_MOVE);
            markers.put(keyed, shard.resolve(keyed.name(HANDLED)));
          }
          Files.move(f, shard.resolve(keyed.name(RECORD)), StandardCopyOption.ATOMIC_MOVE);
          shardMigrated++;
        }
        put(n.id(), r.senderCentre(), new Indexed(r.receivedAt(), r.handedToApplication()));
      }
      int shardOrphans = 0;
      for (Map.Entry<FileName, Path> m : markers.entrySet()) {
        FileName n = m.getKey();
        String sender = n.sender();
        if (sender == null) {
          // A legacy marker whose record was already renamed: it belongs to the id's only sender.
          Map<String, Indexed> senders = index.getOrDefault(n.id(), Map.of());
          if (senders.size() == 1) {
            sender = senders.keySet().iterator().next();
            Files.move(m.getValue(), shard.resolve(new FileName(n.id(), sender).name(HANDLED)),
                StandardCopyOption.ATOMIC_MOVE);
            shardMigrated++;
          }
        }
        Indexed x = sender == null ? null : indexed(n.id(), sender);
        if (x == null) {
          // The record was purged (or quarantined) and a crash came before its marker went.
          Files.deleteIfExists(m.getValue());
          shardOrphans++;
        } else if (!x.handled()) {
          put(n.id(), sender, new Indexed(x.receivedAt(), true));
        }
      }
      if (shardOrphans > 0 || shardMigrated > 0) {
        DurableFiles.fsyncDirectory(shard);
        orphans += shardOrphans;
        migrated += shardMigrated;
      }
    }
    long records = 0;
    long unhandled = 0;
    for (Map<String, Indexed> senders : index.values()) {
      for (Indexed x : senders.values()) {
        records++;
        unhandled += x.handled() ? 0 : 1;
      }
    }
    if (migrated > 0) {
      LOG.info("inbox migrated {} files of the format keyed by message id alone to (sender, message id) names", migrated);
    }
    LOG.info("inbox opened: {} records, {} not yet handed to the application, {} temporary files and {} stale markers removed, {} quarantined",
        records, unhandled, temps, orphans, quarantined.size());
  }

  @Override
  public Optional<InboxRecord> find(String senderCentre, UUID messageId) {
    Objects.requireNonNull(senderCentre, "senderCentre");
    Objects.requireNonNull(messageId, "messageId");
    checkOpen();
    if (indexed(messageId, senderCentre) == null) {
      return Optional.empty();
    }
    synchronized (lockFor(messageId)) {
      checkOpen();
      Indexed x = indexed(messageId, senderCentre);
      if (x == null) {
        return Optional.empty();
      }
      return Optional.of(readIndexed(messageId, senderCentre, x));
    }
  }

  @Override
  public List<InboxRecord> findAll(UUID messageId) {
    Objects.requireNonNull(messageId, "messageId");
    checkOpen();
    if (!index.containsKey(messageId)) {
      return List.of();
    }
    synchronized (lockFor(messageId)) {
      checkOpen();
      List<InboxRecord> out = new ArrayList<>();
      for (Map.Entry<String, Indexed> e : new TreeMap<>(index.getOrDefault(messageId, Map.of())).entrySet()) {
        out.add(readIndexed(messageId, e.getKey(), e.getValue()));
      }
      return out;
    }
  }

  @Override
  public boolean commit(InboxRecord record) {
    Objects.requireNonNull(record, "record");
    UUID id = record.messageId();
    String sender = record.senderCentre();
    synchronized (lockFor(id)) {
      checkOpen();
      if (indexed(id, sender) != null) {
        return false;
      }
      boolean created;
      try {
        Path shard = shardDir(id);
        created = DurableFiles.createIfAbsent(shard.resolve(new FileName(id, sender).name(RECORD)), encode(record));
      } catch (IOException e) {
        throw DurableFiles.io("committing inbox record " + id, e);
      }
      if (!created) {
        return false;
      }
      put(id, sender, new Indexed(record.receivedAt(), record.handedToApplication()));
    }
    LOG.debug("inbox commit {} from {}", id, record.senderCentre());
    return true;
  }

  @Override
  public boolean markHandled(String senderCentre, UUID messageId) {
    Objects.requireNonNull(senderCentre, "senderCentre");
    Objects.requireNonNull(messageId, "messageId");
    synchronized (lockFor(messageId)) {
      checkOpen();
      Indexed x = indexed(messageId, senderCentre);
      if (x == null) {
        throw new StoreException(StoreException.NOT_FOUND, "inbox holds no message " + messageId + " from " + senderCentre);
      }
      if (x.handled()) {
        return false;
      }
      try {
        DurableFiles.createMarker(shardDir(messageId).resolve(new FileName(messageId, senderCentre).name(HANDLED)));
      } catch (IOException e) {
        throw DurableFiles.io("marking inbox record " + messageId + " handled", e);
      }
      put(messageId, senderCentre, new Indexed(x.receivedAt(), true));
      return true;
    }
  }

  @Override
  public List<InboxRecord> unhandled() {
    checkOpen();
    record Pending(UUID id, String sender, Instant receivedAt) {}
    List<Pending> selected = new ArrayList<>();
    for (Map.Entry<UUID, Map<String, Indexed>> e : index.entrySet()) {
      for (Map.Entry<String, Indexed> s : e.getValue().entrySet()) {
        if (!s.getValue().handled()) {
          selected.add(new Pending(e.getKey(), s.getKey(), s.getValue().receivedAt()));
        }
      }
    }
    selected.sort(Comparator.comparing(Pending::receivedAt).thenComparing(Pending::id).thenComparing(Pending::sender));
    List<InboxRecord> out = new ArrayList<>(selected.size());
    for (Pending p : selected) {
      synchronized (lockFor(p.id())) {
        checkOpen();
        Indexed x = indexed(p.id(), p.sender());
        if (x != null && !x.handled()) {
          out.add(readIndexed(p.id(), p.sender(), x));
        }
      }
    }
    return out;
  }

  @Override
  public int purgeOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    checkOpen();
    List<List<FileName>> byShard = new ArrayList<>(SHARDS);
    for (int i = 0; i < SHARDS; i++) {
      byShard.add(new ArrayList<>());
    }
    for (Map.Entry<UUID, Map<String, Indexed>> e : index.entrySet()) {
      for (Map.Entry<String, Indexed> s : e.getValue().entrySet()) {
        if (s.getValue().handled() && s.getValue().receivedAt().isBefore(cutoff)) {
          byShard.get(shardOf(e.getKey())).add(new FileName(e.getKey(), s.getKey()));
        }
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
        List<FileName> removed = new ArrayList<>();
        try {
          for (FileName n : byShard.get(s)) {
            Indexed x = indexed(n.id(), n.sender());
            if (x != null && x.handled() && x.receivedAt().isBefore(cutoff)) {
              Files.deleteIfExists(shard.resolve(n.name(RECORD)));
              remove(n.id(), n.sender());
              removed.add(n);
            }
          }
          // Records first and durably: a marker that outlives its record is harmless (startup
          // removes it), a record that outlives its marker would be handed over again.
          DurableFiles.fsyncDirectory(shard);
          for (FileName n : removed) {
            Files.deleteIfExists(shard.resolve(n.name(HANDLED)));
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
  public int sizeFrom(String senderCentre) {
    checkOpen();
    return perSender.getOrDefault(Objects.requireNonNull(senderCentre, "senderCentre"), 0);
  }

  @Override
  public int size() {
    checkOpen();
    int n = 0;
    for (Map<String, Indexed> senders : index.values()) {
      n += senders.size();
    }
    return n;
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

  private InboxRecord readIndexed(UUID id, String sender, Indexed x) {
    Path file = shardDir(id).resolve(new FileName(id, sender).name(RECORD));
    InboxRecord r = read(file, id, sender);
    if (r == null) {
      remove(id, sender);
      throw new StoreException(StoreException.CORRUPT, "inbox record " + id + " is damaged and was quarantined");
    }
    return x.handled() && !r.handedToApplication() ? r.handed() : r;
  }

  /**
   * Reads a record file; a damaged one is quarantined and null returned.
   *
   * @param sender the sender its name says, or null for a name of the format keyed by id alone
   */
  private InboxRecord read(Path file, UUID id, String sender) {
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
      if (!r.messageId().equals(id) || sender != null && !r.senderCentre().equals(sender)) {
        throw new RecordFile.CorruptException("content names another message or sender than the file name");
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

  private Indexed indexed(UUID id, String sender) {
    return index.getOrDefault(id, Map.of()).get(sender);
  }

  /** Sets a sender's state for an id (caller holds the id's shard lock, or is recovering). */
  private void put(UUID id, String sender, Indexed x) {
    index.compute(id, (k, senders) -> {
      Map<String, Indexed> copy = senders == null ? new HashMap<>() : new HashMap<>(senders);
      if (copy.put(sender, x) == null) {
        perSender.merge(sender, 1, Integer::sum);
      }
      return Map.copyOf(copy);
    });
  }

  /** Forgets a sender's id (caller holds the id's shard lock). */
  private void remove(UUID id, String sender) {
    index.computeIfPresent(id, (k, senders) -> {
      Map<String, Indexed> copy = new HashMap<>(senders);
      if (copy.remove(sender) != null) {
        perSender.computeIfPresent(sender, (s, n) -> n == 1 ? null : n - 1);
      }
      return copy.isEmpty() ? null : Map.copyOf(copy);
    });
  }

  /**
   * A record or marker file name: {@code <messageId>.<sender><suffix>}, or {@code
   * <messageId><suffix>} in the format keyed by id alone (sender null).
   */
  private record FileName(UUID id, String sender) {
    String name(String suffix) {
      return sender == null ? id + suffix : id + "." + sender + suffix;
    }

    static FileName parse(String name, String suffix, String shardName) {
      String s = name.substring(0, name.length() - suffix.length());
      int dot = s.indexOf('.');
      String idText = dot < 0 ? s : s.substring(0, dot);
      String sender = dot < 0 ? null : s.substring(dot + 1);
      if (sender != null && !DurableFiles.CENTRE_ID.matcher(sender).matches()) {
        return null;
      }
      try {
        UUID id = UUID.fromString(idText);
        return id.toString().equals(idText) && idText.startsWith(shardName) ? new FileName(id, sender) : null;
      } catch (IllegalArgumentException e) {
        return null;
      }
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
