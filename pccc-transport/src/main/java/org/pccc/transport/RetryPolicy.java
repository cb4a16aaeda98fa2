package org.pccc.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a delivery again: exponential backoff with full jitter between
 * {@code initialDelay} and {@code maxDelay}, and how long to wait for a receipt after a delivery
 * the transport accepted before sending again (envelopes can be lost after the transport accepted
 * them; the receiver deduplicates). The node doubles the wait for a receipt with every copy sent
 * without one, up to eight times {@code receiptTimeout}. Immutable.
 *
 * @param initialDelay the first backoff
 * @param maxDelay the largest backoff
 * @param multiplier growth per attempt, at least 1
 * @param receiptTimeout how long to wait for a receipt before sending the envelope again
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, double multiplier, Duration receiptTimeout) {

  /** Checks the values. */
  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(receiptTimeout, "receiptTimeout");
    if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0 || multiplier < 1) {
      throw new IllegalArgumentException("retry policy needs 0 < initialDelay <= maxDelay and multiplier >= 1");
    }
  }

  /** Defaults for real links: 1 s doubling to 5 min, receipts awaited 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, Duration.ofSeconds(30));
  }

  /** Fast settings for tests and in-process networks: 20 ms doubling to 500 ms, receipts awaited 300 ms. */
  public static RetryPolicy fast() {
    return new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(500), 2.0, Duration.ofMillis(300));
  }

  /**
   * Returns the delay before attempt {@code attempts + 1}: a random value between half and all of
   * the exponential bound, so that many senders do not retry in lock-step.
   *
   * @param attempts attempts made so far, at least 1
   * @return the delay
   */
  public Duration backoff(int attempts) {
    double bound = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
    long cap = (long) Math.min(bound, maxDelay.toMillis());
    long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    return Duration.ofMillis(Math.max(1, jittered));
  }
}
