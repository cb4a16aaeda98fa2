package org.pccc.awareness;

import java.util.Objects;

/**
 * How many messages of one kind and urgency went from one centre to another in a period.
 * Immutable.
 *
 * @param fromCentre the sender
 * @param toCentre the recipient
 * @param kind the message kind's wire code
 * @param urgency {@code NORMAL}, {@code URGENT}, or {@code UNKNOWN} (known only from the audit log)
 * @param count how many
 */
public record Flow(String fromCentre, String toCentre, String kind, String urgency, long count) {
  /** Checks the parts. */
  public Flow {
    Objects.requireNonNull(fromCentre, "fromCentre");
    Objects.requireNonNull(toCentre, "toCentre");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(urgency, "urgency");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
  }
}
