package org.pccc.transport.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads audit log files line by line (forwards) and finds their last line (backwards). */
final class AuditLines implements AutoCloseable {
  /** Longest accepted line; a valid entry with 256 recipients is about 17 KiB. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  /** One line without its newline; {@code terminated} is false for a last line without one. */
  record Line(byte[] bytes, boolean terminated, boolean tooLong) {}

  private final InputStream in;

  AuditLines(Path file) throws IOException {
    this.in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
  }

  /** Returns the next line, or null at the end of the file. */
  Line next() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
    boolean tooLong = false;
    int b;
    boolean any = false;
    while ((b = in.read()) != -1) {
      any = true;
      if (b == '\n') {
        return new Line(buf.toByteArray(), true, tooLong);
      }
      if (buf.size() < MAX_LINE_BYTES) {
        buf.write(b);
      } else {
        tooLong = true;
      }
    }
    return any ? new Line(buf.toByteArray(), false, tooLong) : null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Where a file's complete lines end and what its last complete line is. */
  record Tail(long goodEnd, long size, byte[] lastLine) {
    long tornBytes() {
      return size - goodEnd;
    }
  }

  /**
   * Reads a file's tail: the offset just after its last newline (bytes after it are a torn line)
   * and the last complete line (null if there is none).
   */
  static Tail tail(FileChannel ch) throws IOException {
    long size = ch.size();
    long lastNl = lastNewline(ch, size, 0);
    if (lastNl < 0) {
      return new Tail(0, size, null);
    }
    long lower = Math.max(0, lastNl - MAX_LINE_BYTES - 1);
    long prevNl = lastNewline(ch, lastNl, lower);
    long start = prevNl + 1;
    if (prevNl < 0 && lower > 0) {
      // The last line is longer than any valid entry: give the parser a line it will reject.
      start = lastNl;
    }
    ByteBuffer line = ByteBuffer.allocate((int) (lastNl - start));
    while (line.hasRemaining()) {
      if (ch.read(line, start + line.position()) < 0) {
        break;
      }
    }
    return new Tail(lastNl + 1, size, line.array());
  }

  /** Returns the offset of the last '\n' before {@code end} and at or after {@code lower}, or -1. */
  private static long lastNewline(FileChannel ch, long end, long lower) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    long pos = end;
    while (pos > lower) {
      int n = (int) Math.min(buf.capacity(), pos - lower);
      long from = pos - n;
      buf.clear().limit(n);
      while (buf.hasRemaining()) {
        if (ch.read(buf, from + buf.position()) < 0) {
          break;
        }
      }
      for (int i = buf.position() - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return from + i;
        }
      }
      pos = from;
    }
    return -1;
  }
}
