package org.pccc.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.pccc.crypto.Receipts.VerifiedReceipt;

/**
 * What {@link PcccNode#send} returns once the message is durable in the outbox: one future per
 * recipient centre that completes with the verified receipt, or fails with a
 * {@link DeliveryException} when the message expires (its due-by passes) or a recipient rejects
 * it for good. Thread-safe.
 */
public final class DeliveryHandle {
  private final UUID messageId;
  private final Map<String, CompletableFuture<VerifiedReceipt>> perRecipient;

  DeliveryHandle(UUID messageId, Map<String, CompletableFuture<VerifiedReceipt>> perRecipient) {
    this.messageId = messageId;
    this.perRecipient = Map.copyOf(perRecipient);
  }

  /** Returns the id of the message sent. */
  public UUID messageId() {
    return messageId;
  }

  /** Returns the recipient centres. */
  public List<String> recipientCentres() {
    return List.copyOf(perRecipient.keySet());
  }

  /**
   * Returns the future receipt of one recipient.
   *
   * @param centreId a recipient centre
   * @return the future
   * @throws IllegalArgumentException if the centre is not a recipient
   */
  public CompletableFuture<VerifiedReceipt> receipt(String centreId) {
    CompletableFuture<VerifiedReceipt> f = perRecipient.get(centreId);
    if (f == null) {
      throw new IllegalArgumentException("not a recipient of this message: " + centreId);
    }
    return f;
  }

  /** Returns a future that completes when every recipient's receipt has been verified. */
  public CompletableFuture<List<VerifiedReceipt>> allReceipts() {
    List<CompletableFuture<VerifiedReceipt>> all = new ArrayList<>(perRecipient.values());
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
  }
}
