package org.pccc.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * A replay guard in bounded memory over a time window: it remembers the ids of messages created
 * within {@code window} of the newest one seen, and forgets older ones (the opener rejects
 * messages older than its maximum age, which must not exceed this window). When full within
 * the window it fails closed: new ids are refused rather than old ones forgotten early.
 * Thread-safe. Not durable: after a restart, combine with a durable store (a node's inbox).
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  private final int maxEntries;
  private final Duration window;
  private final Map<UUID, Instant> seen = new HashMap<>();
  private final PriorityQueue<Map.Entry<UUID, Instant>> byAge =
      new PriorityQueue<>(Map.Entry.comparingByValue());
  private Instant newest = Instant.MIN;

  /**
   * Creates a guard.
   *
   * @param maxEntries the most ids remembered at once
   * @param window how long an id is remembered, measured on creation times
   */
  public InMemoryReplayGuard(int maxEntries, Duration window) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public synchronized boolean firstSeen(UUID messageId, Instant createdAt) {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(createdAt, "createdAt");
    if (createdAt.isAfter(newest)) {
      newest = createdAt;
    }
    Instant horizon = newest.minus(window);
    while (!byAge.isEmpty() && byAge.peek().getValue().isBefore(horizon)) {
      seen.remove(byAge.poll().getKey());
    }
    if (createdAt.isBefore(horizon)) {
      return false; // older than anything we can vouch for: treat as a replay
    }
    if (seen.containsKey(messageId)) {
      return false;
    }
    if (seen.size() >= maxEntries) {
      return false; // fail closed rather than forget an id inside the window
    }
    seen.put(messageId, createdAt);
    byAge.add(Map.entry(messageId, createdAt));
    return true;
  }

  /** Returns how many ids are remembered now. */
  public synchronized int size() {
    return seen.size();
  }
}
