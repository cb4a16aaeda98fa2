package org.pccc.transport.store;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AuditLog} as JSON Lines files in a folder on local disk. Thread-safe; one instance per
 * folder at a time (a lock file keeps out a second one, in this or another process).
 *
 * <h2>Format</h2>
 *
 * One entry per line, UTF-8, each line terminated by {@code \n}. Fields: {@code seq} (integer from
 * 1, no gaps), {@code time} ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}, UTC), {@code direction} (an
 * {@link AuditDirection} name), {@code messageId}, {@code conversationId}, {@code kind},
 * {@code senderCentre}, {@code recipientCentres} (array of strings, always present),
 * {@code envelopeSha256}, {@code code}, {@code prevHash}, {@code hash}. Optional fields without a
 * value are left out.
 *
 * <h2>Hash chain (to recompute in any language)</h2>
 *
 * <ol>
 *   <li>Take the entry's fields without {@code hash}.
 *   <li>Write them as one JSON object: keys sorted by Unicode code point (all keys are ASCII), no
 *       whitespace anywhere, strings exactly as stored (their formats never need an escape),
 *       {@code seq} as a plain decimal integer, {@code recipientCentres} as an array in stored
 *       order. For these values this is the RFC 8785 (JCS) serialisation.
 *   <li>{@code hash} = lower-case hex SHA-256 of that text's UTF-8 bytes.
 *   <li>{@code prevHash} = the previous entry's {@code hash}; for {@code seq} 1 it is 64 zeros.
 *   <li>The line itself is the same canonical object with {@code hash} included (in its sorted
 *       place), so a verifier can also demand byte-exact lines.
 * </ol>
 *
 * Example line (wrapped here):
 *
 * <pre>
 * {"conversationId":"…","direction":"SENT","envelopeSha256":"…","hash":"…","kind":"alert",
 *  "messageId":"…","prevHash":"000…000","recipientCentres":["RS-MK-PRESEVO"],
 *  "senderCentre":"MK-RS-TABANOVCE","seq":1,"time":"2025-03-01T10:15:30.123Z"}
 * </pre>
 *
 * <h2>Durability</h2>
 *
 * {@link #append} writes the line and fsyncs the file before it returns; {@link #appendAll} fsyncs
 * once for the batch. On open the last line is checked and the chain continues from it (the whole
 * chain is checked by {@link AuditVerifier}, not on every start). A last line without its newline
 * is a torn write: it is reported (logged at error level, {@link #hasTornTail()}), appends are
 * refused, and only {@link #repairTornTail()} cuts it off, keeping the cut bytes in
 * {@code <segment>.torn-<millis>} and appending a {@code REPAIR} entry. A last complete line that
 * does not verify fails the open with {@link StoreException#AUDIT_BROKEN}: the chain cannot be
 * continued from an entry that is not what was written.
 *
 * <h2>Segments</h2>
 *
 * Files are named {@code audit-<first seq, 20 digits>.jsonl}. When a line would take a segment
 * past {@code maxSegmentBytes} a new segment starts; the chain continues across segments
 * (the new segment's first {@code prevHash} is the previous segment's last {@code hash}). Keep all
 * segments to verify from the start.
 */
public final class FileAuditLog implements AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
  private static final Pattern SEGMENT = Pattern.compile("^audit-([0-9]{20})\\.jsonl$");
  /** Default size at which a new segment starts: 64 MiB. */
  public static final long DEFAULT_MAX_SEGMENT_BYTES = 64L * 1024 * 1024;

  private final Path dir;
  private final Clock clock;
  private final long maxSegmentBytes;
  private final DurableFiles.FolderLock folderLock;
  private FileChannel channel;
  private Path segment;
  private long segmentSize;
  private long tornBytes;
  private Anchor head = Anchor.GENESIS;
  private boolean closed;
  private boolean failed;

  private FileAuditLog(Path dir, Clock clock, long maxSegmentBytes) {
    this.dir = dir;
    this.clock = clock;
    this.maxSegmentBytes = maxSegmentBytes;
    try {
      DurableFiles.createDirectoryDurably(dir);
    } catch (IOException e) {
      throw DurableFiles.io("creating the audit log folder", e);
    }
    this.folderLock = DurableFiles.FolderLock.acquire(dir, "audit log");
    try {
      recover();
    } catch (IOException e) {
      closeQuietly();
      throw DurableFiles.io("opening the audit log", e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /**
   * Opens (creating if needed) the audit log in folder {@code dir} and continues its chain.
   *
   * @throws StoreException {@link StoreException#AUDIT_BROKEN} if the last entry does not verify,
   *     {@link StoreException#LOCKED} if another instance has it open, {@link StoreException#IO}
   */
  public static FileAuditLog open(Path dir) {
    return builder(dir).open();
  }

  /** Returns a builder for an audit log in folder {@code dir}. */
  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  /** Returns the segment files of a log folder in chain order. */
  static List<Path> segments(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : DurableFiles.list(dir)) {
      if (SEGMENT.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return out;
  }

  /** Returns the first seq a segment's name promises, or -1 if the name is not a segment name. */
  static long firstSeqOf(Path file) {
    Matcher m = SEGMENT.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private void recover() throws IOException {
    List<Path> segs = segments(dir);
    for (int i = segs.size() - 1; i >= 0; i--) {
      Path f = segs.get(i);
      AuditLines.Tail tail;
      try (FileChannel ch = FileChannel.open(f, READ)) {
        tail = AuditLines.tail(ch);
      }
      if (i == segs.size() - 1) {
        tornBytes = tail.tornBytes();
      } else if (tail.tornBytes() > 0) {
        throw new StoreException(StoreException.AUDIT_BROKEN,
            "audit segment " + f.getFileName() + " ends mid-line although a later segment exists");
      }
      if (tail.lastLine() != null) {
        AuditCodec.Parsed p = AuditCodec.parse(tail.lastLine());
        if (p.problem() != null) {
          throw new StoreException(StoreException.AUDIT_BROKEN, "the last entry of audit segment " + f.getFileName()
              + " does not verify (" + p.problem() + "); run AuditVerifier and investigate before writing");
        }
        head = p.entry().anchor();
        break;
      }
    }
    if (!segs.isEmpty()) {
      segment = segs.get(segs.size() - 1);
      channel = FileChannel.open(segment, READ, WRITE);
      segmentSize = channel.size();
      channel.position(segmentSize);
    }
    if (tornBytes > 0) {
      LOG.error("{}: audit log {} ends with a torn line of {} bytes after seq {} (a crash during a write); "
          + "appends are refused until repairTornTail() is called", StoreException.AUDIT_TORN_TAIL,
          segment.getFileName(), tornBytes, head.seq());
    } else {
      LOG.info("audit log opened at seq {} ({} segments)", head.seq(), segs.size());
    }
  }

  @Override
  public synchronized AuditEntry append(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    checkWritable();
    AuditEntry e = write(event.direction(), event);
    sync();
    return e;
  }

  @Override
  public synchronized List<AuditEntry> appendAll(List<AuditEvent> events) {
    List<AuditEvent> copy = List.copyOf(events);
    checkWritable();
    List<AuditEntry> out = new ArrayList<>(copy.size());
    for (AuditEvent event : copy) {
      out.add(write(event.direction(), event));
    }
    if (!copy.isEmpty()) {
      sync();
    }
    return out;
  }

  @Override
  public synchronized Anchor head() {
    checkOpen();
    return head;
  }

  @Override
  public synchronized boolean hasTornTail() {
    checkOpen();
    return tornBytes > 0;
  }

  @Override
  public synchronized Optional<AuditEntry> repairTornTail() {
    checkOpen();
    if (failed) {
      throw new StoreException(StoreException.IO, "the audit log failed earlier; reopen it");
    }
    if (tornBytes == 0) {
      return Optional.empty();
    }
    long goodEnd = segmentSize - tornBytes;
    try {
      ByteBuffer torn = ByteBuffer.allocate((int) Math.min(tornBytes, Integer.MAX_VALUE - 8));
      while (torn.hasRemaining() && channel.read(torn, goodEnd + torn.position()) >= 0) {
        // read fully
      }
      Path side = segment.resolveSibling(segment.getFileName() + ".torn-" + clock.millis());
      DurableFiles.replace(side, java.util.Arrays.copyOf(torn.array(), torn.position()));
      channel.truncate(goodEnd);
      channel.force(true);
      channel.position(goodEnd);
      segmentSize = goodEnd;
      LOG.warn("audit log: cut a torn line of {} bytes after seq {}, kept in {}", tornBytes, head.seq(),
          side.getFileName());
      tornBytes = 0;
    } catch (IOException e) {
      failed = true;
      throw DurableFiles.io("repairing the audit log's torn tail", e);
    }
    AuditEntry repair = write(AuditDirection.REPAIR, null);
    sync();
    return Optional.of(repair);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeQuietly();
    }
  }

  private AuditEntry write(AuditDirection direction, AuditEvent ev) {
    Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AuditEntry e = ev == null
        ? AuditCodec.seal(head.seq() + 1, time, direction, null, null, null, null, List.of(), null,
            StoreException.AUDIT_TORN_TAIL, head.hash())
        : AuditCodec.seal(head.seq() + 1, time, direction, ev.messageId(), ev.conversationId(), ev.kind(),
            ev.senderCentre(), ev.recipientCentres(), ev.envelopeSha256(), ev.code(), head.hash());
    byte[] line = (AuditCodec.canonical(e, true) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (channel == null || (segmentSize > 0 && segmentSize + line.length > maxSegmentBytes)) {
        startSegment(e.seq());
      }
      DurableFiles.writeFully(channel, line);
    } catch (IOException ex) {
      // The file may now end with part of this line; reopening finds and reports it.
      failed = true;
      throw DurableFiles.io("appending to the audit log", ex);
    }
    segmentSize += line.length;
    head = e.anchor();
    return e;
  }

  private void startSegment(long firstSeq) throws IOException {
    if (channel != null) {
      channel.force(true);
      channel.close();
    }
    segment = dir.resolve(String.format("audit-%020d.jsonl", firstSeq));
    channel = FileChannel.open(segment, CREATE_NEW, READ, WRITE);
    segmentSize = 0;
    DurableFiles.fsyncDirectory(dir);
  }

  private void sync() {
    try {
      channel.force(true);
    } catch (IOException e) {
      failed = true;
      throw DurableFiles.io("syncing the audit log", e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException(StoreException.CLOSED, "the audit log is closed");
    }
  }

  private void checkWritable() {
    checkOpen();
    if (failed) {
      throw new StoreException(StoreException.IO, "the audit log failed earlier; reopen it to recover");
    }
    if (tornBytes > 0) {
      throw new StoreException(StoreException.AUDIT_TORN_TAIL, "the audit log ends with a torn line of "
          + tornBytes + " bytes after seq " + head.seq() + " (a crash during a write); call repairTornTail()");
    }
  }

  private void closeQuietly() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Every append was already forced.
      }
    }
    folderLock.close();
  }

  /** Builds a {@link FileAuditLog}. Not thread-safe. */
  public static final class Builder {
    private final Path dir;
    private Clock clock = Clock.systemUTC();
    private long maxSegmentBytes = DEFAULT_MAX_SEGMENT_BYTES;

    private Builder(Path dir) {
      this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** Sets the clock for entry times (default: system UTC); times are kept to the millisecond. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the size at which a new segment file starts (default 64 MiB). */
    public Builder maxSegmentBytes(long maxSegmentBytes) {
      if (maxSegmentBytes < 1024) {
        throw new IllegalArgumentException("maxSegmentBytes must be at least 1024");
      }
      this.maxSegmentBytes = maxSegmentBytes;
      return this;
    }

    /**
     * Opens the log and continues its chain.
     *
     * @throws StoreException {@link StoreException#AUDIT_BROKEN} if the last entry does not verify,
     *     {@link StoreException#LOCKED} if another instance has it open, {@link StoreException#IO}
     */
    public FileAuditLog open() {
      return new FileAuditLog(dir, clock, maxSegmentBytes);
    }
  }
}
