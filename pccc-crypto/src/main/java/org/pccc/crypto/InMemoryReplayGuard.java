package org.pccc.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * A replay guard in bounded memory over a time window, keyed by (signer centre, message id). It
 * remembers the pairs of messages created within {@code window} of the newest one seen, and
 * evicts older ones (the opener rejects messages older than its maximum age, which must not
 * exceed this window).
 *
 * <p><b>Quota per signer.</b> Each signer may hold at most {@code maxIdsPerSigner} ids inside the
 * window. A signer over its quota is refused ({@link ErrorCode#REPLAY_QUOTA_EXCEEDED}) rather
 * than having ids inside the window forgotten early (which would let its messages be replayed);
 * the quota is per signer, so one centre filling its own quota never locks out another. Only
 * signers whose signature verified against the directory reach the guard, so the memory held is
 * bounded by the directory's size times the quota.
 *
 * <p>Thread-safe. Not durable: after a restart every id is forgotten and a recorded envelope is
 * accepted again; see {@link ReplayGuard#inMemoryNotSurvivingRestart()}.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  /** The default quota of ids remembered per signer within the window. */
  public static final int DEFAULT_MAX_IDS_PER_SIGNER = 100_000;

  private record Key(String signer, UUID messageId) {}

  private final int maxIdsPerSigner;
  private final Duration window;
  private final Map<Key, Instant> seen = new HashMap<>();
  private final Map<String, Integer> perSigner = new HashMap<>();
  private final PriorityQueue<Map.Entry<Key, Instant>> byAge = new PriorityQueue<>(Map.Entry.comparingByValue());
  private Instant newest = Instant.MIN;

  /**
   * Creates a guard.
   *
   * @param maxIdsPerSigner the most ids remembered at once for one signer
   * @param window how long an id is remembered, measured on creation times
   */
  public InMemoryReplayGuard(int maxIdsPerSigner, Duration window) {
    if (maxIdsPerSigner <= 0) {
      throw new IllegalArgumentException("maxIdsPerSigner must be positive");
    }
    this.maxIdsPerSigner = maxIdsPerSigner;
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public synchronized boolean firstSeen(String signerCentre, UUID messageId, Instant createdAt) {
    Objects.requireNonNull(signerCentre, "signerCentre");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(createdAt, "createdAt");
    if (createdAt.isAfter(newest)) {
      newest = createdAt;
    }
    Instant horizon = newest.minus(window);
    while (!byAge.isEmpty() && byAge.peek().getValue().isBefore(horizon)) {
      Key evicted = byAge.poll().getKey();
      seen.remove(evicted);
      perSigner.computeIfPresent(evicted.signer(), (s, n) -> n == 1 ? null : n - 1);
    }
    if (createdAt.isBefore(horizon)) {
      return false; // older than anything we can vouch for: treat as a replay
    }
    Key key = new Key(signerCentre, messageId);
    if (seen.containsKey(key)) {
      return false;
    }
    if (perSigner.getOrDefault(signerCentre, 0) >= maxIdsPerSigner) {
      // Fail closed for this signer only, rather than forget an id inside the window.
      throw new EnvelopeRejectedException(ErrorCode.REPLAY_QUOTA_EXCEEDED,
          "signer " + signerCentre + " has " + maxIdsPerSigner + " message ids inside the replay window");
    }
    seen.put(key, createdAt);
    perSigner.merge(signerCentre, 1, Integer::sum);
    byAge.add(Map.entry(key, createdAt));
    return true;
  }

  /** Returns how long an id is remembered, measured on creation times. */
  public Duration window() {
    return window;
  }

  /** Returns how many (signer, id) pairs are remembered now. */
  public synchronized int size() {
    return seen.size();
  }

  /** Returns how many ids are remembered now for one signer. */
  public synchronized int size(String signerCentre) {
    return perSigner.getOrDefault(signerCentre, 0);
  }
}
