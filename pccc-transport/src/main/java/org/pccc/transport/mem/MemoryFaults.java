package org.pccc.transport.mem;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults a {@link MemoryNetwork} injects into deliveries, to test the node's reliable
 * delivery against a bad network. Immutable; change a network's faults at run time with {@link
 * MemoryNetwork#setFaults}.
 *
 * <p>For each delivery to a reachable endpoint the network draws from its seeded random
 * generator and applies, in this order:
 *
 * <ol>
 *   <li>{@code failureRate}: the delivery fails with a retryable {@code UNAVAILABLE}, nothing is
 *       handed over (a connection reset before the request was read);
 *   <li>{@code dropRate}: the delivery is reported as accepted but the envelope is lost (loss
 *       after sending, the case only receipts can detect);
 *   <li>{@code duplicateRate}: the envelope is handed over twice;
 *   <li>a delay between {@code minDelay} and {@code maxDelay} before the hand-over, at millisecond
 *       resolution (both zero: none; equal: fixed);
 *   <li>{@code reorderRate}: the envelope is held back and released right after the next envelope
 *       to the same endpoint, or after {@code reorderMaxHold} if none comes.
 * </ol>
 *
 * Each rate applies to the envelopes that passed the previous steps, so with 10 % failures and
 * 10 % drops, 9 % of all deliveries are dropped.
 *
 * @param dropRate probability in [0, 1] that an accepted delivery is lost
 * @param failureRate probability in [0, 1] that a delivery fails retryably
 * @param duplicateRate probability in [0, 1] that an envelope is handed over twice
 * @param minDelay the shortest delay before a hand-over
 * @param maxDelay the longest delay before a hand-over, at least {@code minDelay}
 * @param reorderRate probability in [0, 1] that an envelope is held back to arrive out of order
 * @param reorderMaxHold how long a held-back envelope waits at most for one to overtake it
 * @param partitionMode what deliveries into or out of a partitioned endpoint do
 */
public record MemoryFaults(
    double dropRate,
    double failureRate,
    double duplicateRate,
    Duration minDelay,
    Duration maxDelay,
    double reorderRate,
    Duration reorderMaxHold,
    PartitionMode partitionMode) {

  private static final MemoryFaults NONE = builder().build();

  /** What a partitioned endpoint does to deliveries. */
  public enum PartitionMode {
    /**
     * Deliveries fail at once with a retryable {@code UNAVAILABLE}, as a centre that is offline
     * refuses connections. The default: the sender knows, and its outbox retries.
     */
    REFUSE,
    /**
     * Deliveries are reported as accepted and silently lost, as a link that swallows traffic;
     * only missing receipts reveal it.
     */
    BLACKHOLE
  }

  /** Checks every rate is a probability and the delays are ordered. */
  public MemoryFaults {
    checkRate("dropRate", dropRate);
    checkRate("failureRate", failureRate);
    checkRate("duplicateRate", duplicateRate);
    checkRate("reorderRate", reorderRate);
    Objects.requireNonNull(minDelay, "minDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(reorderMaxHold, "reorderMaxHold");
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException(
          "delays must satisfy 0 <= minDelay <= maxDelay, got " + minDelay + " and " + maxDelay);
    }
    if (reorderMaxHold.isNegative()) {
      throw new IllegalArgumentException("reorderMaxHold must not be negative");
    }
    Objects.requireNonNull(partitionMode, "partitionMode");
  }

  /** Returns the faults of a perfect network (partitions refuse). */
  public static MemoryFaults none() {
    return NONE;
  }

  /** Returns a builder starting from no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from these faults. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.dropRate = dropRate;
    b.failureRate = failureRate;
    b.duplicateRate = duplicateRate;
    b.minDelay = minDelay;
    b.maxDelay = maxDelay;
    b.reorderRate = reorderRate;
    b.reorderMaxHold = reorderMaxHold;
    b.partitionMode = partitionMode;
    return b;
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
    }
  }

  /** Builds {@link MemoryFaults}. Not thread-safe. */
  public static final class Builder {
    private double dropRate;
    private double failureRate;
    private double duplicateRate;
    private Duration minDelay = Duration.ZERO;
    private Duration maxDelay = Duration.ZERO;
    private double reorderRate;
    private Duration reorderMaxHold = Duration.ofMillis(50);
    private PartitionMode partitionMode = PartitionMode.REFUSE;

    private Builder() {}

    /** Sets the probability that an accepted delivery is lost. */
    public Builder dropRate(double rate) {
      this.dropRate = rate;
      return this;
    }

    /** Sets the probability that a delivery fails retryably. */
    public Builder failureRate(double rate) {
      this.failureRate = rate;
      return this;
    }

    /** Sets the probability that an envelope is handed over twice. */
    public Builder duplicateRate(double rate) {
      this.duplicateRate = rate;
      return this;
    }

    /** Delays every hand-over by exactly this long. */
    public Builder fixedDelay(Duration delay) {
      this.minDelay = delay;
      this.maxDelay = delay;
      return this;
    }

    /** Delays every hand-over by a random time from 0 up to this long. */
    public Builder randomDelayUpTo(Duration maxDelay) {
      this.minDelay = Duration.ZERO;
      this.maxDelay = maxDelay;
      return this;
    }

    /** Sets the probability that an envelope is held back so that a later one overtakes it. */
    public Builder reorderRate(double rate) {
      this.reorderRate = rate;
      return this;
    }

    /** Sets how long a held-back envelope waits at most for another to overtake it (default 50 ms). */
    public Builder reorderMaxHold(Duration hold) {
      this.reorderMaxHold = hold;
      return this;
    }

    /** Sets what partitioned endpoints do (default {@link PartitionMode#REFUSE}). */
    public Builder partitionMode(PartitionMode mode) {
      this.partitionMode = mode;
      return this;
    }

    /** Returns the faults; throws {@link IllegalArgumentException} if a value is out of range. */
    public MemoryFaults build() {
      return new MemoryFaults(dropRate, failureRate, duplicateRate, minDelay, maxDelay, reorderRate,
          reorderMaxHold, partitionMode);
    }
  }
}
