package org.pccc.transport.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The on-disk form of one outbox or inbox record: a small JSON metadata part and an opaque
 * payload (sealed envelope or signed receipt bytes), sealed with a SHA-256 trailer so that any
 * damage (a flipped bit, a truncated copy) is detected when the file is read.
 *
 * <pre>
 * PCCC-STORE-1 &lt;type&gt; &lt;metadata length&gt; &lt;payload length&gt;\n
 * &lt;metadata: UTF-8 JSON&gt;&lt;payload bytes&gt;
 * \n&lt;64 hex: SHA-256 of everything before this line&gt;\n
 * </pre>
 *
 * The payload is stored raw rather than inside JSON so that envelopes of any size are not bound by
 * the JSON reader's string limits. Stateless and thread-safe.
 */
final class RecordFile {
  private static final String MAGIC = "PCCC-STORE-1";
  private static final int TRAILER = 1 + 64 + 1;
  private static final int MAX_HEADER = 128;

  /** A decoded record: metadata JSON bytes and payload. */
  record Parts(byte[] metadata, byte[] payload) {}

  /** The file is not a valid record file; the message says why, without content. */
  static final class CorruptException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptException(String reason) {
      super(reason);
    }
  }

  private RecordFile() {}

  static byte[] encode(String type, byte[] metadata, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(metadata.length + payload.length + 160);
    out.writeBytes((MAGIC + " " + type + " " + metadata.length + " " + payload.length + "\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(metadata);
    out.writeBytes(payload);
    byte[] body = out.toByteArray();
    String trailer = "\n" + DurableFiles.sha256Hex(body) + "\n";
    out.writeBytes(trailer.getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static Parts decode(String type, byte[] file) throws CorruptException {
    if (file.length < TRAILER + MAGIC.length()) {
      throw new CorruptException("file too short (" + file.length + " bytes)");
    }
    int headerEnd = -1;
    for (int i = 0; i < Math.min(file.length, MAX_HEADER); i++) {
      if (file[i] == '\n') {
        headerEnd = i;
        break;
      }
    }
    if (headerEnd < 0) {
      throw new CorruptException("no header line");
    }
    String[] header = new String(file, 0, headerEnd, StandardCharsets.US_ASCII).split(" ", -1);
    if (header.length != 4 || !header[0].equals(MAGIC) || !header[1].equals(type)) {
      throw new CorruptException("unexpected header");
    }
    long metaLength;
    long payloadLength;
    try {
      metaLength = Long.parseLong(header[2]);
      payloadLength = Long.parseLong(header[3]);
    } catch (NumberFormatException e) {
      throw new CorruptException("unreadable lengths in header");
    }
    long bodyEnd = headerEnd + 1L + metaLength + payloadLength;
    if (metaLength < 0 || payloadLength < 0 || bodyEnd + TRAILER != file.length) {
      throw new CorruptException("lengths do not match the file size (truncated or extended)");
    }
    int end = (int) bodyEnd;
    if (file[end] != '\n' || file[file.length - 1] != '\n') {
      throw new CorruptException("damaged trailer");
    }
    String trailer = new String(file, end + 1, 64, StandardCharsets.US_ASCII);
    MessageDigest md = DurableFiles.sha256();
    md.update(file, 0, end);
    if (!HexFormat.of().formatHex(md.digest()).equals(trailer)) {
      throw new CorruptException("checksum mismatch");
    }
    int metaStart = headerEnd + 1;
    int payloadStart = metaStart + (int) metaLength;
    return new Parts(Arrays.copyOfRange(file, metaStart, payloadStart), Arrays.copyOfRange(file, payloadStart, end));
  }
}
