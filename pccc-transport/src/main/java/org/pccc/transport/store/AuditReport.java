package org.pccc.transport.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of verifying an audit log: either every entry checked out, or where the chain first
 * breaks and why. The reason names positions and checks, never content. Immutable.
 */
public final class AuditReport {
  private final boolean ok;
  private final long entries;
  private final Anchor head;
  private final long firstBadSeq;
  private final Path file;
  private final long line;
  private final String reason;
  private final boolean tornTail;

  private AuditReport(boolean ok, long entries, Anchor head, long firstBadSeq, Path file, long line, String reason,
      boolean tornTail) {
    this.ok = ok;
    this.entries = entries;
    this.head = Objects.requireNonNull(head);
    this.firstBadSeq = firstBadSeq;
    this.file = file;
    this.line = line;
    this.reason = Objects.requireNonNull(reason);
    this.tornTail = tornTail;
  }

  static AuditReport ok(long entries, Anchor head) {
    return new AuditReport(true, entries, head, 0, null, 0, "ok", false);
  }

  static AuditReport bad(long entries, Anchor head, long firstBadSeq, Path file, long line, String reason,
      boolean tornTail) {
    return new AuditReport(false, entries, head, firstBadSeq, file, line, reason, tornTail);
  }

  /** Returns whether the whole log verified (and matched the anchor, if one was given). */
  public boolean ok() {
    return ok;
  }

  /** Returns how many entries verified before the first problem (all of them if ok). */
  public long verifiedEntries() {
    return entries;
  }

  /** Returns the last entry that verified ({@link Anchor#GENESIS} if none). */
  public Anchor head() {
    return head;
  }

  /**
   * Returns the sequence number of the first entry that cannot be trusted: the edited, missing or
   * contested entry, or the first entry missing from the end when an anchor was given.
   */
  public OptionalLong firstBadSeq() {
    return ok ? OptionalLong.empty() : OptionalLong.of(firstBadSeq);
  }

  /** Returns the file in which the problem was found, if it was found in one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Returns the 1-based line number in {@link #file()} of the problem, if any. */
  public OptionalLong line() {
    return file == null ? OptionalLong.empty() : OptionalLong.of(line);
  }

  /** Returns why verification failed, or {@code "ok"}. */
  public String reason() {
    return reason;
  }

  /** Returns whether the problem is a torn last line (a crash mid-write, not tampering). */
  public boolean tornTail() {
    return tornTail;
  }

  @Override
  public String toString() {
    return ok
        ? "AuditReport[ok, entries=" + entries + ", head=" + head + "]"
        : "AuditReport[bad at seq " + firstBadSeq + (file == null ? "" : " (" + file.getFileName() + ":" + line + ")")
            + ": " + reason + ", verified=" + entries + "]";
  }
}
