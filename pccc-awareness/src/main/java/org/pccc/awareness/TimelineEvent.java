package org.pccc.awareness;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message on the picture's timeline: when, what kind, between which centres. Immutable.
 *
 * @param time the message's created-at (or the audit entry's time when only that is known)
 * @param messageId the message id
 * @param kind the message kind's wire code
 * @param urgency {@code NORMAL}, {@code URGENT} or {@code UNKNOWN}
 * @param fromCentre the sender
 * @param toCentres the recipients
 */
public record TimelineEvent(
    Instant time, UUID messageId, String kind, String urgency, String fromCentre, List<String> toCentres) {
  /** Checks the parts and copies the list. */
  public TimelineEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(fromCentre, "fromCentre");
    toCentres = List.copyOf(toCentres);
  }

  boolean involves(String centre) {
    return fromCentre.equals(centre) || toCentres.contains(centre);
  }
}
