package org.pccc.transport.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a caller asks the audit log to record. Every field is an identifier, a code or a digest
 * with a strict format, so there is nowhere to put a name, a document number or a message body:
 * the log records that something happened and to which envelope, never what it said.
 * Immutable and thread-safe.
 *
 * @param direction what happened; never {@link AuditDirection#REPAIR}, which only the log writes
 * @param messageId the message id, or null if unknown (an envelope that could not be opened)
 * @param conversationId the conversation id, or null
 * @param kind the message kind's wire code (for example {@code information-request}), or null
 * @param senderCentre the sending centre's id, or null
 * @param recipientCentres the recipient centres' ids (may be empty, never null)
 * @param envelopeSha256 lower-case hex SHA-256 of the envelope, or null
 * @param code an SDK error code such as {@code PCCC-2007} for rejections and failures, or null
 */
public record AuditEvent(
    AuditDirection direction,
    UUID messageId,
    UUID conversationId,
    String kind,
    String senderCentre,
    List<String> recipientCentres,
    String envelopeSha256,
    String code) {

  /** Checks every field's format and copies the list. */
  public AuditEvent {
    Objects.requireNonNull(direction, "direction");
    if (direction == AuditDirection.REPAIR) {
      throw new IllegalArgumentException("REPAIR entries are written by the log itself");
    }
    recipientCentres = checkFields(kind, senderCentre, recipientCentres, envelopeSha256, code);
  }

  /** An event about a message: no error code. */
  public static AuditEvent of(
      AuditDirection direction, UUID messageId, UUID conversationId, String kind, String senderCentre,
      List<String> recipientCentres, String envelopeSha256) {
    return new AuditEvent(direction, messageId, conversationId, kind, senderCentre, recipientCentres,
        envelopeSha256, null);
  }

  /** A rejection of an envelope, with the reason's code; the message id may be unknown (null). */
  public static AuditEvent rejected(UUID messageId, String senderCentre, String envelopeSha256, String code) {
    Objects.requireNonNull(code, "code");
    return new AuditEvent(AuditDirection.REJECTED, messageId, null, null, senderCentre, List.of(),
        envelopeSha256, code);
  }

  static final java.util.regex.Pattern ERROR_CODE =
      java.util.regex.Pattern.compile(org.pccc.model.Patterns.ERROR_CODE);
  /** Enough for any message's recipient list; bounds the size of one log line. */
  static final int MAX_RECIPIENTS = 256;

  static List<String> checkFields(
      String kind, String senderCentre, List<String> recipientCentres, String envelopeSha256, String code) {
    if (kind != null && !DurableFiles.KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("kind must be a message kind code such as information-request");
    }
    if (senderCentre != null && !DurableFiles.CENTRE_ID.matcher(senderCentre).matches()) {
      throw new IllegalArgumentException("senderCentre is not a valid centre id");
    }
    List<String> recipients = recipientCentres == null ? List.of() : List.copyOf(recipientCentres);
    if (recipients.size() > MAX_RECIPIENTS) {
      throw new IllegalArgumentException("more than " + MAX_RECIPIENTS + " recipient centres");
    }
    for (String r : recipients) {
      if (!DurableFiles.CENTRE_ID.matcher(r).matches()) {
        throw new IllegalArgumentException("a recipient centre is not a valid centre id");
      }
    }
    if (envelopeSha256 != null && !DurableFiles.SHA256_HEX.matcher(envelopeSha256).matches()) {
      throw new IllegalArgumentException("envelopeSha256 must be 64 lower-case hex digits");
    }
    if (code != null && !ERROR_CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("code must look like PCCC-1234");
    }
    return recipients;
  }
}
