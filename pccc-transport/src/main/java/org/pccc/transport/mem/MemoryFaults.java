package org.pccc.transport.mem;

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
 *   <li>a delay between {@code minDelayMillis} and {@code maxDelayMillis} before the hand-over
 *       (both 0: none; equal: fixed);
 *   <li>{@code reorderRate}: the envelope is held back and released right after the next envelope
 *       to the same endpoint, or after {@code reorderMaxHoldMillis} if none comes.
 * </ol>
 *
 * Each rate applies to the envelopes that passed the previous steps, so with 10 % failures and
 * 10 % drops, 9 % of all deliveries are dropped.
 *
 * @param dropRate probability in [0, 1] that an accepted delivery is lost
 * @param failureRate probability in [0, 1] that a delivery fails retryably
 * @param duplicateRate probability in [0, 1] that an envelope is handed over twice
 * @param minDelayMillis the shortest delay before a hand-over
 * @param maxDelayMillis the longest delay before a hand-over, at least {@code minDelayMillis}
 * @param reorderRate probability in [0, 1] that an envelope is held back to arrive out of order
 * @param reorderMaxHoldMillis how long a held-back envelope waits at most for one to overtake it
 * @param partitionMode what deliveries into or out of a partitioned endpoint do
 */
public record MemoryFaults(
    double dropRate,
    double failureRate,
    double duplicateRate,
    long minDelayMillis,
    long maxDelayMillis,
    double reorderRate,
    long reorderMaxHoldMillis,
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
    if (minDelayMillis < 0 || maxDelayMillis < minDelayMillis) {
      throw new IllegalArgumentException(
          "delays must satisfy 0 <= minDelayMillis <= maxDelayMillis, got " + minDelayMillis + " and " + maxDelayMillis);
    }
    if (reorderMaxHoldMillis < 0) {
      throw new IllegalArgumentException("reorderMaxHoldMillis must not be negative");
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
    b.minDelayMillis = minDelayMillis;
    b.maxDelayMillis = maxDelayMillis;
    b.reorderRate = reorderRate;
    b.reorderMaxHoldMillis = reorderMaxHoldMillis;
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
    private long minDelayMillis;
    private long maxDelayMillis;
    private double reorderRate;
    private long reorderMaxHoldMillis = 50;
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
    public Builder fixedDelayMillis(long delayMillis) {
      this.minDelayMillis = delayMillis;
      this.maxDelayMillis = delayMillis;
      return this;
    }

    /** Delays every hand-over by a random time from 0 up to this long. */
    public Builder randomDelayUpToMillis(long maxDelayMillis) {
      this.minDelayMillis = 0;
      this.maxDelayMillis = maxDelayMillis;
      return this;
    }

    /** Sets the probability that an envelope is held back so that a later one overtakes it. */
    public Builder reorderRate(double rate) {
      this.reorderRate = rate;
      return this;
    }

    /** Sets how long a held-back envelope waits at most for another to overtake it (default 50 ms). */
    public Builder reorderMaxHoldMillis(long holdMillis) {
      this.reorderMaxHoldMillis = holdMillis;
      return this;
    }

    /** Sets what partitioned endpoints do (default {@link PartitionMode#REFUSE}). */
    public Builder partitionMode(PartitionMode mode) {
      this.partitionMode = mode;
      return this;
    }

    /** Returns the faults; throws {@link IllegalArgumentException} if a value is out of range. */
    public MemoryFaults build() {
      return new MemoryFaults(dropRate, failureRate, duplicateRate, minDelayMillis, maxDelayMillis, reorderRate,
          reorderMaxHoldMillis, partitionMode);
    }
  }
}
