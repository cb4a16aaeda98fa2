package org.pccc.awareness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.pccc.model.json.PcccJson;
import org.pccc.transport.store.AuditDirection;
import org.pccc.transport.store.AuditEntry;
import org.pccc.transport.store.AuditReport;
import org.pccc.transport.store.AuditVerifier;

/**
 * Reads a node's audit log (the JSON Lines format documented on
 * {@link org.pccc.transport.store.FileAuditLog}) after checking its hash chain, so that what the
 * picture and the statistics say rests on a log nobody edited. Stateless and thread-safe; reads
 * while the node writes are safe (what was written so far is read).
 */
public final class AuditEntries {
  private static final ObjectMapper JSON = PcccJson.newMapper();

  private AuditEntries() {}

  /**
   * Verifies and reads every entry.
   *
   * @param folder the audit log folder, or a node's store folder that holds it as {@code audit/}
   * @return the entries in sequence order
   * @throws AwarenessException {@link AwarenessException#AUDIT_BROKEN} if the chain does not
   *     verify (the reason names the entry, never content); {@link AwarenessException#AUDIT_UNREADABLE}
   *     if the folder is missing or cannot be read
   */
  public static List<AuditEntry> readVerified(Path folder) {
    Path dir = Files.isDirectory(folder.resolve("audit")) ? folder.resolve("audit") : folder;
    if (!Files.isDirectory(dir)) {
      throw new AwarenessException(AwarenessException.AUDIT_UNREADABLE, "no audit log folder at " + folder);
    }
    AuditReport report;
    try {
      report = AuditVerifier.verify(dir);
    } catch (RuntimeException e) {
      throw new AwarenessException(AwarenessException.AUDIT_UNREADABLE, "cannot read the audit log at " + dir, e);
    }
    if (!report.ok()) {
      throw new AwarenessException(AwarenessException.AUDIT_BROKEN, "the audit log at " + dir
          + " does not verify at seq " + report.firstBadSeq().orElse(0) + ": " + report.reason());
    }
    List<AuditEntry> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segments = files.filter(p -> p.getFileName().toString().matches("audit-[0-9]{20}\\.jsonl"))
          .sorted().toList();
      for (Path segment : segments) {
        try (BufferedReader r = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (out.size() >= report.verifiedEntries()) {
              // Written after the verifier read the log: not verified, left for the next read.
              return out;
            }
            out.add(parse(JSON.readTree(line)));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new AwarenessException(AwarenessException.AUDIT_UNREADABLE, "cannot read the audit log at " + dir, e);
    }
    return out;
  }

  private static AuditEntry parse(JsonNode n) {
    List<String> recipients = new ArrayList<>();
    n.path("recipientCentres").forEach(x -> recipients.add(x.asText()));
    return new AuditEntry(n.get("seq").asLong(), Instant.parse(n.get("time").asText()),
        AuditDirection.valueOf(n.get("direction").asText()), uuid(n, "messageId"), uuid(n, "conversationId"),
        text(n, "kind"), text(n, "senderCentre"), recipients, text(n, "envelopeSha256"), text(n, "code"),
        n.get("prevHash").asText(), n.get("hash").asText());
  }

  private static UUID uuid(JsonNode n, String field) {
    String s = text(n, field);
    return s == null ? null : UUID.fromString(s);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
