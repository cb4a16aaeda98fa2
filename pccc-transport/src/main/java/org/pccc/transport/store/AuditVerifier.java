package org.pccc.transport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Checks an audit log written by {@link FileAuditLog} (by this or any other process, at any time)
 * and reports the first place where it cannot be trusted. Stateless and thread-safe; it only
 * reads, so it may run while a log is being written (it then checks what was written so far).
 *
 * <p>Each line must be a well-formed entry whose hash matches its canonical form and whose bytes
 * are exactly that form; sequence numbers must run 1, 2, 3, … without gaps; each {@code prevHash}
 * must equal the previous entry's {@code hash} (64 zeros for entry 1). Hence:
 *
 * <ul>
 *   <li>an edited field (including {@code seq}, {@code prevHash} or {@code hash}) is reported at
 *       that entry;
 *   <li>a deleted entry, or entries swapped, are reported at the first position that holds the
 *       wrong entry;
 *   <li>a forged entry inserted with a correct hash and link is reported at the sequence number it
 *       duplicates (the next genuine entry claims the same number and the same predecessor);
 *   <li>entries removed from the end, or a rewritten tail, can only be seen against an external
 *       {@link Anchor} (a head recorded earlier): {@link #verify(Path, Anchor)}.
 * </ul>
 *
 * A forger who rewrites every entry after the one they change makes a chain that is consistent in
 * itself; only an anchor recorded elsewhere, at or after the changed entry, exposes that. Record
 * anchors ({@link AuditLog#head()}) regularly outside the machine.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Verifies a log: a folder of segments as written by {@link FileAuditLog}, or one segment file
   * (which must then start at seq 1).
   *
   * @throws StoreException {@link StoreException#IO} if the files cannot be read
   */
  public static AuditReport verify(Path path) {
    return verify(path, null);
  }

  /**
   * Verifies a log and checks that it still contains the entry {@code expectedHead} names, with
   * that hash: entries removed from the end or a rewritten tail are then detected.
   *
   * @param expectedHead an anchor recorded earlier, or null for none
   * @throws StoreException {@link StoreException#IO} if the files cannot be read
   */
  public static AuditReport verify(Path path, Anchor expectedHead) {
    Objects.requireNonNull(path, "path");
    if (expectedHead != null && expectedHead.seq() == 0 && !expectedHead.equals(Anchor.GENESIS)) {
      throw new IllegalArgumentException("an anchor at seq 0 must be Anchor.GENESIS");
    }
    try {
      return run(Files.isDirectory(path) ? FileAuditLog.segments(path) : List.of(path), expectedHead);
    } catch (IOException e) {
      throw DurableFiles.io("reading the audit log", e);
    }
  }

  private static AuditReport run(List<Path> files, Anchor anchor) throws IOException {
    long expected = 1;
    String prevHash = Anchor.GENESIS.hash();
    String lastPrevHash = null;
    Anchor head = Anchor.GENESIS;
    long count = 0;
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      boolean lastFile = i == files.size() - 1;
      long promised = FileAuditLog.firstSeqOf(f);
      long lineNo = 0;
      try (AuditLines lines = new AuditLines(f)) {
        for (AuditLines.Line l = lines.next(); l != null; l = lines.next()) {
          lineNo++;
          if (!l.terminated()) {
            return lastFile
                ? AuditReport.bad(count, head, expected, f, lineNo, "torn last line: the log ends mid-entry (a crash "
                    + "during a write); FileAuditLog.repairTornTail() cuts it off and records a REPAIR entry", true)
                : AuditReport.bad(count, head, expected, f, lineNo, "segment does not end with a newline", false);
          }
          if (l.tooLong()) {
            return AuditReport.bad(count, head, expected, f, lineNo,
                "line longer than " + AuditLines.MAX_LINE_BYTES + " bytes", false);
          }
          AuditCodec.Parsed p = AuditCodec.parse(l.bytes());
          if (p.entry() == null) {
            return AuditReport.bad(count, head, expected, f, lineNo, "malformed entry: " + p.problem(), false);
          }
          if (p.problem() != null) {
            return AuditReport.bad(count, head, expected, f, lineNo, "entry was altered: " + p.problem(), false);
          }
          AuditEntry e = p.entry();
          if (e.seq() != expected) {
            if (e.seq() == expected - 1 && e.prevHash().equals(lastPrevHash)) {
              return AuditReport.bad(count, head, e.seq(), f, lineNo, "two entries claim seq " + e.seq()
                  + " and both follow entry " + (e.seq() - 1) + ": one of them was inserted", false);
            }
            return AuditReport.bad(count, head, expected, f, lineNo, "expected seq " + expected + " but found "
                + e.seq() + (e.seq() > expected ? ": entries were deleted or reordered"
                    : ": entries were reordered or inserted"), false);
          }
          if (!e.prevHash().equals(prevHash)) {
            return AuditReport.bad(count, head, expected, f, lineNo, "prevHash does not match the previous entry's "
                + "hash: the entry before it was deleted, replaced or inserted", false);
          }
          if (lineNo == 1 && promised >= 0 && promised != e.seq()) {
            return AuditReport.bad(count, head, expected, f, lineNo,
                "segment name says it starts at seq " + promised, false);
          }
          if (anchor != null && e.seq() == anchor.seq() && !e.hash().equals(anchor.hash())) {
            return AuditReport.bad(count, head, e.seq(), f, lineNo,
                "entry does not match the anchor's hash: the log was rewritten from here or earlier", false);
          }
          lastPrevHash = e.prevHash();
          prevHash = e.hash();
          head = e.anchor();
          count++;
          expected++;
        }
      }
      if (lineNo == 0 && !lastFile) {
        return AuditReport.bad(count, head, expected, f, 1, "empty segment in the middle of the log", false);
      }
    }
    if (anchor != null && anchor.seq() > head.seq()) {
      return AuditReport.bad(count, head, head.seq() + 1, null, 0, "the log ends at seq " + head.seq()
          + " but the anchor names seq " + anchor.seq() + ": entries were removed from the end", false);
    }
    return AuditReport.ok(count, head);
  }
}
