package org.pccc.transport.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pccc.model.json.PcccJson;

/**
 * The audit log's canonical JSON and its parser. Canonical form (also on {@link FileAuditLog}):
 * one JSON object, keys sorted by code point, no whitespace, UTF-8; absent optional strings
 * omitted; {@code recipientCentres} always present; {@code seq} a decimal integer; strings written
 * as they are (their formats admit no character that needs escaping). Thread-safe.
 */
final class AuditCodec {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern TIME_TEXT = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$");
  private static final Set<String> FIELDS = Set.of("seq", "time", "direction", "messageId", "conversationId", "kind",
      "senderCentre", "recipientCentres", "envelopeSha256", "code", "prevHash", "hash");
  private static final ObjectMapper JSON = PcccJson.newMapper();

  private AuditCodec() {}

  static String formatTime(Instant t) {
    return TIME.format(t);
  }

  /** Returns the canonical JSON of an entry, with or without its {@code hash} field. */
  static String canonical(AuditEntry e, boolean withHash) {
    Map<String, Object> m = new TreeMap<>();
    m.put("seq", e.seq());
    m.put("time", formatTime(e.time()));
    m.put("direction", e.direction().name());
    putIfPresent(m, "messageId", e.messageId());
    putIfPresent(m, "conversationId", e.conversationId());
    putIfPresent(m, "kind", e.kind());
    putIfPresent(m, "senderCentre", e.senderCentre());
    m.put("recipientCentres", e.recipientCentres());
    putIfPresent(m, "envelopeSha256", e.envelopeSha256());
    putIfPresent(m, "code", e.code());
    m.put("prevHash", e.prevHash());
    if (withHash) {
      m.put("hash", e.hash());
    }
    return write(m);
  }

  /** Returns the hash an entry must carry: hex SHA-256 of its canonical form without hash. */
  static String hashOf(AuditEntry e) {
    return DurableFiles.sha256Hex(canonical(e, false).getBytes(StandardCharsets.UTF_8));
  }

  /** Creates an entry with its hash computed. */
  static AuditEntry seal(long seq, Instant time, AuditDirection direction, UUID messageId, UUID conversationId,
      String kind, String senderCentre, List<String> recipients, String envelopeSha256, String code, String prevHash) {
    AuditEntry unsealed = new AuditEntry(seq, time, direction, messageId, conversationId, kind, senderCentre,
        recipients, envelopeSha256, code, prevHash, Anchor.GENESIS.hash());
    return new AuditEntry(seq, time, direction, messageId, conversationId, kind, senderCentre, recipients,
        envelopeSha256, code, prevHash, hashOf(unsealed));
  }

  /** The outcome of reading one line: an entry whose hash and form check out, or the reason not. */
  record Parsed(AuditEntry entry, String problem) {
    static Parsed bad(String problem) {
      return new Parsed(null, problem);
    }
  }

  /**
   * Reads one line (without its newline) and checks it on its own: a JSON object with exactly the
   * known fields in their formats, a hash that matches the content, and bytes that are exactly the
   * canonical form. Never throws for bad input.
   */
  static Parsed parse(byte[] line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException e) {
      return Parsed.bad("not valid JSON");
    }
    if (n == null || !n.isObject()) {
      return Parsed.bad("not a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        return Parsed.bad("unknown field");
      }
    }
    JsonNode seq = n.get("seq");
    if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong()) {
      return Parsed.bad("seq missing or not an integer");
    }
    JsonNode recipients = n.get("recipientCentres");
    if (recipients == null || !recipients.isArray()) {
      return Parsed.bad("recipientCentres missing or not an array");
    }
    List<String> recipientList = new ArrayList<>();
    for (JsonNode r : recipients) {
      if (!r.isTextual()) {
        return Parsed.bad("recipientCentres holds a non-string");
      }
      recipientList.add(r.textValue());
    }
    AuditEntry e;
    try {
      String time = text(n, "time", true);
      if (!TIME_TEXT.matcher(time).matches()) {
        return Parsed.bad("time not in the form yyyy-MM-ddTHH:mm:ss.SSSZ");
      }
      String direction = text(n, "direction", true);
      if (Arrays.stream(AuditDirection.values()).noneMatch(d -> d.name().equals(direction))) {
        return Parsed.bad("unknown direction");
      }
      String messageId = text(n, "messageId", false);
      String conversationId = text(n, "conversationId", false);
      e = new AuditEntry(seq.longValue(), Instant.parse(time), AuditDirection.valueOf(direction),
          uuid(messageId), uuid(conversationId), text(n, "kind", false), text(n, "senderCentre", false),
          recipientList, text(n, "envelopeSha256", false), text(n, "code", false),
          text(n, "prevHash", true), text(n, "hash", true));
    } catch (IllegalArgumentException | java.time.DateTimeException ex) {
      return Parsed.bad("a field has the wrong format");
    }
    if (!hashOf(e).equals(e.hash())) {
      return new Parsed(e, "hash does not match the entry's content");
    }
    if (!Arrays.equals(canonical(e, true).getBytes(StandardCharsets.UTF_8), line)) {
      return new Parsed(e, "line is not in canonical form");
    }
    return new Parsed(e, null);
  }

  private static UUID uuid(String s) {
    if (s == null) {
      return null;
    }
    UUID id = UUID.fromString(s);
    if (!id.toString().equals(s)) {
      throw new IllegalArgumentException("not a canonical UUID");
    }
    return id;
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null) {
      if (required) {
        throw new IllegalArgumentException(field + " missing");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return v.textValue();
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value.toString());
    }
  }

  /** Writes sorted keys, no whitespace; strings escaped per RFC 8259 (never needed for valid entries). */
  private static String write(Map<String, Object> sorted) {
    StringBuilder sb = new StringBuilder(512);
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':');
      Object v = e.getValue();
      if (v instanceof Long l) {
        sb.append(l.longValue());
      } else if (v instanceof List<?> list) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          string(sb, (String) list.get(i));
        }
        sb.append(']');
      } else {
        string(sb, (String) v);
      }
    }
    return sb.append('}').toString();
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
