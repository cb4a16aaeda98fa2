package org.pccc.transport;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.pccc.crypto.VerifiedMessage;

/**
 * The reply futures of the requests this node sent, each completed exactly once: with the first
 * reply from one of the request's recipients that is not a delay notice (a delay notice moves the
 * due-by to its expected-by instead), or with a {@link ReplyException} once no reply can be
 * expected (due-by passed, every delivery failed, node closed). Thread-safe.
 */
final class PendingReplies {
  private final Map<UUID, Waiter> waiters = new ConcurrentHashMap<>();

  /** One request's future and what is known about its deliveries; guarded by itself. */
  private static final class Waiter {
    final CompletableFuture<VerifiedMessage> reply = new CompletableFuture<>();
    final Set<String> recipients;
    volatile Instant dueBy;
    final Set<String> undecided;
    boolean delivered;
    boolean expired;

    Waiter(Set<String> recipients, Instant dueBy) {
      this.recipients = Set.copyOf(recipients);
      this.undecided = new HashSet<>(recipients);
      this.dueBy = dueBy;
    }
  }

  /** Registers a request before it is sent; returns its reply future. */
  CompletableFuture<VerifiedMessage> register(UUID requestId, Set<String> recipients, Instant dueBy) {
    Waiter w = new Waiter(recipients, dueBy);
    waiters.put(requestId, w);
    return w.reply;
  }

  /** Forgets a request whose sending failed (its future is not handed out). */
  void forget(UUID requestId) {
    waiters.remove(requestId);
  }

  /**
   * Returns whether a reply to the request is awaited and {@code signerCentre} is not one of the
   * request's recipients (so it may not answer it).
   */
  boolean awaitsFromOthersThan(UUID requestId, String signerCentre) {
    Waiter w = waiters.get(requestId);
    return w != null && !w.recipients.contains(signerCentre);
  }

  /** Completes the request's future with a reply naming it; false if none waits. */
  boolean replied(UUID requestId, VerifiedMessage reply) {
    Waiter w = waiters.remove(requestId);
    return w != null && w.reply.complete(reply);
  }

  /**
   * Records a delay notice from one of the request's recipients: the reply is still to come, so
   * the future stays open and fails only once the later of its due-by and the notice's expected-by
   * has passed. False if no reply to that request is awaited.
   */
  boolean delayed(UUID requestId, Instant expectedBy) {
    Waiter w = waiters.get(requestId);
    if (w == null) {
      return false;
    }
    synchronized (w) {
      if (expectedBy.isAfter(w.dueBy)) {
        w.dueBy = expectedBy;
      }
    }
    return true;
  }

  /** Records that a recipient's receipt for the request was verified. */
  void delivered(UUID requestId, String centre) {
    Waiter w = waiters.get(requestId);
    if (w != null) {
      synchronized (w) {
        w.delivered = true;
        w.undecided.remove(centre);
      }
    }
  }

  /**
   * Records that the request will never reach a recipient; when it reached none and none is left,
   * the future fails ({@link ReplyException#REFUSED} if every recipient refused it, otherwise
   * {@link ReplyException#EXPIRED}).
   */
  void undeliverable(UUID requestId, String centre, DeliveryException failure) {
    Waiter w = waiters.get(requestId);
    if (w == null) {
      return;
    }
    boolean hopeless;
    boolean refusedByAll;
    synchronized (w) {
      w.undecided.remove(centre);
      w.expired |= !DeliveryException.REJECTED.equals(failure.code());
      hopeless = !w.delivered && w.undecided.isEmpty();
      refusedByAll = !w.expired;
    }
    if (hopeless && waiters.remove(requestId, w)) {
      String code = refusedByAll ? ReplyException.REFUSED : ReplyException.EXPIRED;
      w.reply.completeExceptionally(new ReplyException(code, requestId,
          refusedByAll ? "every recipient refused the request" : "the request reached no recipient before its due-by",
          failure));
    }
  }

  /** Fails the futures of requests whose due-by is before {@code now}. */
  void expireOverdue(Instant now) {
    for (Map.Entry<UUID, Waiter> e : waiters.entrySet()) {
      Waiter w = e.getValue();
      if (now.isAfter(w.dueBy) && waiters.remove(e.getKey(), w)) {
        w.reply.completeExceptionally(new ReplyException(ReplyException.EXPIRED, e.getKey(),
            "its due-by " + w.dueBy + " passed without a reply", null));
      }
    }
  }

  /** Fails every waiting future because the node closed. */
  void closeAll() {
    for (UUID id : Set.copyOf(waiters.keySet())) {
      Waiter w = waiters.remove(id);
      if (w != null) {
        w.reply.completeExceptionally(new ReplyException(ReplyException.NODE_CLOSED, id,
            "the node closed before a reply came", null));
      }
    }
  }
}
