package org.pccc.transport.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * What the receiving node remembers about a message it accepted: enough to recognise a duplicate
 * and answer it with the original receipt, and whether the message reached the application. No
 * plaintext and no envelope. Immutable and thread-safe: the receipt is copied in and out.
 *
 * @param messageId the message id
 * @param senderCentre the sending centre's id
 * @param receivedAt when this node accepted the message
 * @param envelopeSha256 lower-case hex SHA-256 of the envelope as received
 * @param receipt the signed receipt this node returned, sent again for a duplicate
 * @param handedToApplication whether the application has been given the message
 */
public record InboxRecord(
    UUID messageId,
    String senderCentre,
    Instant receivedAt,
    String envelopeSha256,
    byte[] receipt,
    boolean handedToApplication) {

  /** Checks the invariants and copies the receipt. */
  public InboxRecord {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(senderCentre, "senderCentre");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(envelopeSha256, "envelopeSha256");
    Objects.requireNonNull(receipt, "receipt");
    if (!DurableFiles.CENTRE_ID.matcher(senderCentre).matches()) {
      throw new IllegalArgumentException("senderCentre is not a valid centre id");
    }
    if (!DurableFiles.SHA256_HEX.matcher(envelopeSha256).matches()) {
      throw new IllegalArgumentException("envelopeSha256 must be 64 lower-case hex digits");
    }
    receipt = receipt.clone();
  }

  /** Returns a copy of the receipt bytes. */
  @Override
  public byte[] receipt() {
    return receipt.clone();
  }

  /** Returns this record marked as handed to the application. */
  public InboxRecord handed() {
    return new InboxRecord(messageId, senderCentre, receivedAt, envelopeSha256, receipt, true);
  }

  /** Equal when every component is equal, the receipt compared by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof InboxRecord r
        && messageId.equals(r.messageId)
        && senderCentre.equals(r.senderCentre)
        && receivedAt.equals(r.receivedAt)
        && envelopeSha256.equals(r.envelopeSha256)
        && Arrays.equals(receipt, r.receipt)
        && handedToApplication == r.handedToApplication;
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, envelopeSha256, handedToApplication);
  }

  /** Names ids and sizes only. */
  @Override
  public String toString() {
    return "InboxRecord[messageId=" + messageId + ", sender=" + senderCentre + ", receivedAt=" + receivedAt
        + ", receiptBytes=" + receipt.length + ", handed=" + handedToApplication + "]";
  }
}
