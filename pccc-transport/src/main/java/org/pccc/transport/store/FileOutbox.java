package org.pccc.transport.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pccc.model.json.PcccJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Outbox} in a folder on local disk. Thread-safe (one lock per instance); one instance per
 * folder at a time (a lock file keeps out a second one, in this or another process).
 *
 * <p>Layout:
 *
 * <pre>
 * folder/
 *   .lock
 *   pending/&lt;messageId&gt;_&lt;RECIPIENT-CENTRE&gt;.rec     one file per (message, recipient)
 *   done/&lt;yyyy-MM-dd&gt;/&lt;messageId&gt;_&lt;RECIPIENT&gt;.rec  receipt of a completed delivery, by UTC day
 *   quarantine/                                         damaged files moved aside
 * </pre>
 *
 * <p>Every change writes a temporary file, fsyncs it, renames it into place atomically and fsyncs
 * the directory, so a crash leaves either the old or the new state. Completing a delivery first
 * writes the receipt into {@code done/} and then deletes the pending file; if a crash falls between
 * the two, startup sees both and finishes the deletion.
 *
 * <p><b>Completed deliveries</b> keep the receipt (the recipient's signed proof of receipt, worth
 * keeping for non-repudiation) and a few identifiers, but not the envelope. Receipts are grouped by
 * UTC day so that {@link #purgeReceiptsBefore(Instant)} removes whole days cheaply; disk use is
 * bounded by the retention the node chooses. After a purge the same (message, recipient) could be
 * added again; message ids are random UUIDs, so that only matters to a buggy caller.
 *
 * <p><b>Startup</b>: temporary files left by a crash are deleted; a pending file that cannot be read
 * (damaged, wrong checksum, wrong name) is moved to {@code quarantine/}, logged with code
 * {@link StoreException#CORRUPT} and listed by {@link #quarantined()}; startup never fails because
 * of one bad file. Pending metadata is kept in memory; envelopes are read from disk when needed.
 */
public final class FileOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(FileOutbox.class);
  private static final String PENDING_TYPE = "outbox-pending";
  private static final String DONE_TYPE = "outbox-done";
  private static final String SUFFIX = ".rec";
  private static final int FORMAT_VERSION = 1;

  private final Path pendingDir;
  private final Path doneDir;
  private final Path quarantineDir;
  private final Clock clock;
  private final ObjectMapper json = PcccJson.newMapper();
  private final DurableFiles.FolderLock folderLock;
  private final Object mutex = new Object();
  private final Map<Key, Meta> pending = new HashMap<>();
  private final Map<Key, LocalDate> done = new HashMap<>();
  private final List<Path> quarantined = new ArrayList<>();
  private boolean closed;

  private record Key(UUID messageId, String recipientCentre) {
    String fileName() {
      return messageId + "_" + recipientCentre + SUFFIX;
    }

    static Key of(UUID messageId, String recipientCentre) {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(recipientCentre, "recipientCentre");
      if (!DurableFiles.CENTRE_ID.matcher(recipientCentre).matches()) {
        throw new IllegalArgumentException("recipientCentre is not a valid centre id");
      }
      return new Key(messageId, recipientCentre);
    }

    /** Parses a file name; null if it is not one of ours. */
    static Key parse(String fileName) {
      if (!fileName.endsWith(SUFFIX) || fileName.length() < 38 + SUFFIX.length() || fileName.charAt(36) != '_') {
        return null;
      }
      String recipient = fileName.substring(37, fileName.length() - SUFFIX.length());
      try {
        UUID id = UUID.fromString(fileName.substring(0, 36));
        if (!id.toString().equals(fileName.substring(0, 36))
            || !DurableFiles.CENTRE_ID.matcher(recipient).matches()) {
          return null;
        }
        return new Key(id, recipient);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  private record Meta(Instant nextAttemptAt, Instant dueBy) {}

  private FileOutbox(Path folder, Clock clock) {
    this.pendingDir = folder.resolve("pending");
    this.doneDir = folder.resolve("done");
    this.quarantineDir = folder.resolve("quarantine");
    this.clock = clock;
    this.folderLock = DurableFiles.openLocked(folder, "outbox", () -> {
      DurableFiles.createDirectoryDurably(pendingDir);
      DurableFiles.createDirectoryDurably(doneDir);
      recover();
    });
  }

  /**
   * Opens (creating if needed) the outbox in {@code folder}, recovering its state from disk.
   *
   * @throws StoreException {@link StoreException#LOCKED} if another instance has it open,
   *     {@link StoreException#IO} if the folder cannot be used
   */
  public static FileOutbox open(Path folder) {
    return builder(folder).open();
  }

  /** Returns a builder for an outbox in {@code folder}. */
  public static Builder builder(Path folder) {
    return new Builder(folder);
  }

  private void recover() throws IOException {
    int temps = DurableFiles.deleteTempFiles(pendingDir);
    for (Path day : DurableFiles.list(doneDir)) {
      LocalDate date = dayOf(day);
      if (date == null) {
        continue;
      }
      temps += DurableFiles.deleteTempFiles(day);
      for (Path f : DurableFiles.list(day)) {
        Key key = Key.parse(f.getFileName().toString());
        if (key != null) {
          done.put(key, date);
        }
      }
    }
    int finished = 0;
    for (Path f : DurableFiles.list(pendingDir)) {
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || DurableFiles.isTemp(f)) {
        continue;
      }
      Key key = Key.parse(f.getFileName().toString());
      if (key == null) {
        quarantine(f, "file name is not <messageId>_<centre>" + SUFFIX);
        continue;
      }
      if (done.containsKey(key)) {
        // A crash fell between writing the receipt and deleting the pending file.
        DurableFiles.deleteDurably(f);
        finished++;
        continue;
      }
      OutboxEntry entry = readPending(f, key);
      if (entry != null) {
        pending.put(key, new Meta(entry.nextAttemptAt(), entry.dueBy()));
      }
    }
    LOG.info("outbox opened: {} pending, {} receipts kept, {} temporary files removed, {} completions finished, {} quarantined",
        pending.size(), done.size(), temps, finished, quarantined.size());
  }

  @Override
  public void add(OutboxEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Key key = new Key(entry.messageId(), entry.recipientCentre());
    synchronized (mutex) {
      checkOpen();
      if (pending.containsKey(key) || done.containsKey(key)) {
        throw duplicate(key);
      }
      boolean created;
      try {
        created = DurableFiles.createIfAbsent(pendingDir.resolve(key.fileName()), encodePending(entry));
      } catch (IOException e) {
        throw DurableFiles.io("writing outbox entry " + key.messageId() + " for " + key.recipientCentre(), e);
      }
      if (!created) {
        throw duplicate(key);
      }
      pending.put(key, new Meta(entry.nextAttemptAt(), entry.dueBy()));
    }
    LOG.debug("outbox add {} for {} ({} bytes)", key.messageId(), key.recipientCentre(), entry.envelopeSizeBytes());
  }

  @Override
  public List<OutboxEntry> due(Instant now, int max) {
    Objects.requireNonNull(now, "now");
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative");
    }
    synchronized (mutex) {
      checkOpen();
      List<Map.Entry<Key, Meta>> selected = new ArrayList<>();
      for (Map.Entry<Key, Meta> e : pending.entrySet()) {
        if (!e.getValue().nextAttemptAt().isAfter(now)) {
          selected.add(e);
        }
      }
      selected.sort(Comparator.comparing((Map.Entry<Key, Meta> e) -> e.getValue().nextAttemptAt())
          .thenComparing(e -> e.getKey().messageId())
          .thenComparing(e -> e.getKey().recipientCentre()));
      return loadAll(selected, max);
    }
  }

  @Override
  public boolean postpone(UUID messageId, String recipientCentre, Instant nextAttemptAt) {
    Key key = Key.of(messageId, recipientCentre);
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    synchronized (mutex) {
      checkOpen();
      Meta meta = pending.get(key);
      if (meta == null) {
        return false;
      }
      pending.put(key, new Meta(nextAttemptAt, meta.dueBy()));
      return true;
    }
  }

  @Override
  public Optional<OutboxEntry> recordAttempt(UUID messageId, String recipientCentre, Instant nextAttemptAt) {
    Key key = Key.of(messageId, recipientCentre);
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    synchronized (mutex) {
      checkOpen();
      if (!pending.containsKey(key)) {
        return Optional.empty();
      }
      OutboxEntry updated = loadOrThrow(key).withAttempt(nextAttemptAt);
      try {
        DurableFiles.replace(pendingDir.resolve(key.fileName()), encodePending(updated));
      } catch (IOException e) {
        throw DurableFiles.io("recording an attempt for " + key.messageId() + " to " + key.recipientCentre(), e);
      }
      pending.put(key, new Meta(updated.nextAttemptAt(), updated.dueBy()));
      return Optional.of(updated);
    }
  }

  @Override
  public boolean complete(UUID messageId, String recipientCentre, byte[] receiptBytes) {
    Key key = Key.of(messageId, recipientCentre);
    Objects.requireNonNull(receiptBytes, "receiptBytes");
    synchronized (mutex) {
      checkOpen();
      if (!pending.containsKey(key)) {
        return false;
      }
      OutboxEntry entry = loadOrThrow(key);
      Instant now = clock.instant();
      LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
      Path dayDir = doneDir.resolve(day.toString());
      try {
        DurableFiles.createDirectoryDurably(dayDir);
        DurableFiles.replace(dayDir.resolve(key.fileName()), encodeDone(entry, now, receiptBytes));
        // The receipt is durable first, so the pending file may go; see recover().
        DurableFiles.deleteDurably(pendingDir.resolve(key.fileName()));
      } catch (IOException e) {
        throw DurableFiles.io("completing " + key.messageId() + " for " + key.recipientCentre(), e);
      }
      pending.remove(key);
      done.put(key, day);
    }
    LOG.debug("outbox complete {} for {}", messageId, recipientCentre);
    return true;
  }

  @Override
  public List<OutboxEntry> overdue(Instant now) {
    Objects.requireNonNull(now, "now");
    synchronized (mutex) {
      checkOpen();
      List<Map.Entry<Key, Meta>> selected = new ArrayList<>();
      for (Map.Entry<Key, Meta> e : pending.entrySet()) {
        Instant dueBy = e.getValue().dueBy();
        if (dueBy != null && !dueBy.isAfter(now)) {
          selected.add(e);
        }
      }
      selected.sort(Comparator.comparing((Map.Entry<Key, Meta> e) -> e.getValue().dueBy())
          .thenComparing(e -> e.getKey().messageId())
          .thenComparing(e -> e.getKey().recipientCentre()));
      return loadAll(selected, Integer.MAX_VALUE);
    }
  }

  @Override
  public boolean expire(UUID messageId, String recipientCentre) {
    Key key = Key.of(messageId, recipientCentre);
    synchronized (mutex) {
      checkOpen();
      if (!pending.containsKey(key)) {
        return false;
      }
      try {
        DurableFiles.deleteDurably(pendingDir.resolve(key.fileName()));
      } catch (IOException e) {
        throw DurableFiles.io("expiring " + key.messageId() + " for " + key.recipientCentre(), e);
      }
      pending.remove(key);
    }
    LOG.debug("outbox expire {} for {}", messageId, recipientCentre);
    return true;
  }

  @Override
  public Optional<OutboxEntry> find(UUID messageId, String recipientCentre) {
    Key key = Key.of(messageId, recipientCentre);
    synchronized (mutex) {
      checkOpen();
      return pending.containsKey(key) ? Optional.of(loadOrThrow(key)) : Optional.empty();
    }
  }

  @Override
  public List<OutboxEntry> pending() {
    synchronized (mutex) {
      checkOpen();
      List<Map.Entry<Key, Meta>> all = new ArrayList<>(pending.entrySet());
      all.sort(Comparator.comparing((Map.Entry<Key, Meta> e) -> e.getValue().nextAttemptAt())
          .thenComparing(e -> e.getKey().messageId())
          .thenComparing(e -> e.getKey().recipientCentre()));
      return loadAll(all, Integer.MAX_VALUE);
    }
  }

  @Override
  public int pendingCount() {
    synchronized (mutex) {
      checkOpen();
      return pending.size();
    }
  }

  @Override
  public Optional<byte[]> receipt(UUID messageId, String recipientCentre) {
    Key key = Key.of(messageId, recipientCentre);
    synchronized (mutex) {
      checkOpen();
      LocalDate day = done.get(key);
      if (day == null) {
        return Optional.empty();
      }
      Path file = doneDir.resolve(day.toString()).resolve(key.fileName());
      try {
        return Optional.of(RecordFile.decode(DONE_TYPE, Files.readAllBytes(file)).payload());
      } catch (RecordFile.CorruptException e) {
        done.remove(key);
        quarantine(file, e.getMessage());
        throw new StoreException(StoreException.CORRUPT,
            "kept receipt for " + key.messageId() + " to " + key.recipientCentre() + " is damaged and was quarantined");
      } catch (IOException e) {
        throw DurableFiles.io("reading the receipt for " + key.messageId(), e);
      }
    }
  }

  @Override
  public int purgeReceiptsBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    int purged = 0;
    synchronized (mutex) {
      checkOpen();
      try {
        for (Path day : DurableFiles.list(doneDir)) {
          LocalDate date = dayOf(day);
          // Whole UTC days only, and only days that ended at or before the cutoff: never too much.
          if (date == null || date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
            continue;
          }
          for (Path f : DurableFiles.list(day)) {
            Files.deleteIfExists(f);
            purged++;
          }
          Files.deleteIfExists(day);
          for (Iterator<LocalDate> it = done.values().iterator(); it.hasNext(); ) {
            if (it.next().equals(date)) {
              it.remove();
            }
          }
        }
        DurableFiles.fsyncDirectory(doneDir);
      } catch (IOException e) {
        throw DurableFiles.io("purging kept receipts", e);
      }
    }
    if (purged > 0) {
      LOG.info("outbox purged {} kept receipts completed before {}", purged, cutoff);
    }
    return purged;
  }

  /** Returns where damaged files were moved by this instance (at startup or later), oldest first. */
  public List<Path> quarantined() {
    synchronized (mutex) {
      return List.copyOf(quarantined);
    }
  }

  @Override
  public void close() {
    synchronized (mutex) {
      if (!closed) {
        closed = true;
        folderLock.close();
      }
    }
  }

  // ---- internals (callers hold mutex) ----

  private List<OutboxEntry> loadAll(List<Map.Entry<Key, Meta>> selected, int max) {
    List<OutboxEntry> out = new ArrayList<>(Math.min(selected.size(), max));
    for (Map.Entry<Key, Meta> e : selected) {
      if (out.size() >= max) {
        break;
      }
      OutboxEntry entry = readPending(pendingDir.resolve(e.getKey().fileName()), e.getKey());
      if (entry == null) {
        pending.remove(e.getKey());
      } else {
        out.add(entry);
      }
    }
    return out;
  }

  private OutboxEntry loadOrThrow(Key key) {
    OutboxEntry entry = readPending(pendingDir.resolve(key.fileName()), key);
    if (entry == null) {
      pending.remove(key);
      throw new StoreException(StoreException.CORRUPT,
          "outbox entry " + key.messageId() + " for " + key.recipientCentre() + " is damaged and was quarantined");
    }
    return entry;
  }

  /** Reads a pending file; a damaged one is quarantined and null returned. */
  private OutboxEntry readPending(Path file, Key key) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      LOG.error("{}: outbox entry {} for {} vanished from disk", StoreException.CORRUPT, key.messageId(),
          key.recipientCentre());
      return null;
    } catch (IOException e) {
      throw DurableFiles.io("reading outbox entry " + key.messageId(), e);
    }
    try {
      RecordFile.Parts parts = RecordFile.decode(PENDING_TYPE, bytes);
      OutboxEntry entry = decodePending(parts);
      if (!entry.messageId().equals(key.messageId()) || !entry.recipientCentre().equals(key.recipientCentre())) {
        throw new RecordFile.CorruptException("content names another message or recipient than the file name");
      }
      return entry;
    } catch (RecordFile.CorruptException e) {
      quarantine(file, e.getMessage());
      return null;
    }
  }

  private void quarantine(Path file, String reason) {
    try {
      Path moved = DurableFiles.quarantine(file, quarantineDir, clock.instant());
      quarantined.add(moved);
      LOG.error("{}: damaged outbox file {} moved to quarantine: {}", StoreException.CORRUPT, file.getFileName(), reason);
    } catch (IOException e) {
      throw DurableFiles.io("quarantining a damaged outbox file", e);
    }
  }

  private byte[] encodePending(OutboxEntry e) {
    ObjectNode m = json.createObjectNode();
    m.put("v", FORMAT_VERSION);
    m.put("messageId", e.messageId().toString());
    m.put("conversationId", e.conversationId().toString());
    m.put("kind", e.kind());
    m.put("senderCentre", e.senderCentre());
    m.put("recipientCentre", e.recipientCentre());
    m.put("endpoint", e.endpoint().toString());
    m.put("createdAt", e.createdAt().toString());
    if (e.dueBy() != null) {
      m.put("dueBy", e.dueBy().toString());
    }
    m.put("attempts", e.attempts());
    m.put("nextAttemptAt", e.nextAttemptAt().toString());
    m.put("envelopeSha256", e.envelopeSha256());
    if (e.signedSha256() != null) {
      m.put("signedSha256", e.signedSha256());
    }
    return RecordFile.encode(PENDING_TYPE, toBytes(m), e.envelope());
  }

  private OutboxEntry decodePending(RecordFile.Parts parts) throws RecordFile.CorruptException {
    JsonNode m = readMeta(parts.metadata());
    try {
      return new OutboxEntry(
          UUID.fromString(text(m, "messageId")),
          UUID.fromString(text(m, "conversationId")),
          text(m, "kind"),
          text(m, "senderCentre"),
          text(m, "recipientCentre"),
          new URI(text(m, "endpoint")),
          parts.payload(),
          Instant.parse(text(m, "createdAt")),
          m.has("dueBy") ? Instant.parse(text(m, "dueBy")) : null,
          integer(m, "attempts"),
          Instant.parse(text(m, "nextAttemptAt")),
          text(m, "envelopeSha256"),
          m.has("signedSha256") ? text(m, "signedSha256") : null);
    } catch (java.net.URISyntaxException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
      throw new RecordFile.CorruptException("metadata does not describe a valid entry");
    }
  }

  private byte[] encodeDone(OutboxEntry e, Instant completedAt, byte[] receipt) {
    ObjectNode m = json.createObjectNode();
    m.put("v", FORMAT_VERSION);
    m.put("messageId", e.messageId().toString());
    m.put("conversationId", e.conversationId().toString());
    m.put("kind", e.kind());
    m.put("recipientCentre", e.recipientCentre());
    m.put("envelopeSha256", e.envelopeSha256());
    m.put("attempts", e.attempts());
    m.put("completedAt", completedAt.toString());
    return RecordFile.encode(DONE_TYPE, toBytes(m), receipt);
  }

  private byte[] toBytes(ObjectNode m) {
    try {
      return json.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  private JsonNode readMeta(byte[] bytes) throws RecordFile.CorruptException {
    try {
      JsonNode m = json.readTree(bytes);
      if (m == null || !m.isObject() || m.path("v").asInt() != FORMAT_VERSION) {
        throw new RecordFile.CorruptException("metadata is not a version " + FORMAT_VERSION + " object");
      }
      return m;
    } catch (IOException e) {
      throw new RecordFile.CorruptException("metadata is not JSON");
    }
  }

  static String text(JsonNode m, String field) throws RecordFile.CorruptException {
    JsonNode n = m.get(field);
    if (n == null || !n.isTextual()) {
      throw new RecordFile.CorruptException("metadata field " + field + " missing");
    }
    return n.textValue();
  }

  private static int integer(JsonNode m, String field) throws RecordFile.CorruptException {
    JsonNode n = m.get(field);
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new RecordFile.CorruptException("metadata field " + field + " missing");
    }
    return n.intValue();
  }

  private static LocalDate dayOf(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return LocalDate.parse(dir.getFileName().toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static StoreException duplicate(Key key) {
    return new StoreException(StoreException.DUPLICATE,
        "outbox already holds message " + key.messageId() + " for " + key.recipientCentre());
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException(StoreException.CLOSED, "the outbox is closed");
    }
  }

  /** Builds a {@link FileOutbox}. Not thread-safe. */
  public static final class Builder {
    private final Path folder;
    private Clock clock = Clock.systemUTC();

    private Builder(Path folder) {
      this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** Sets the clock used for completion times and quarantine names (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the outbox, recovering its state from disk.
     *
     * @throws StoreException {@link StoreException#LOCKED} if another instance has it open,
     *     {@link StoreException#IO} if the folder cannot be used
     */
    public FileOutbox open() {
      return new FileOutbox(folder, clock);
    }
  }
}
