package org.pccc.transport.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.TransportException;

/**
 * An {@link InboundHandler} for tests that records every envelope handed to it and answers with a
 * configurable outcome (commit, fail retryably, reject). Thread-safe: transports may call it
 * concurrently.
 *
 * <p>Shipped with the TCK so that transport authors can reuse it in their own specific tests.
 */
public final class RecordingHandler implements InboundHandler {

  private final Function<InboundEnvelope, CompletionStage<Void>> outcome;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final List<InboundEnvelope> received = new ArrayList<>();

  private RecordingHandler(Function<InboundEnvelope, CompletionStage<Void>> outcome) {
    this.outcome = outcome;
  }

  /** Returns a handler that commits every envelope at once. */
  public static RecordingHandler committing() {
    return new RecordingHandler(e -> CompletableFuture.completedFuture(null));
  }

  /**
   * Returns a handler whose answer is computed per envelope.
   *
   * @param outcome given each envelope, returns the future to hand back to the transport
   */
  public static RecordingHandler answering(Function<InboundEnvelope, CompletionStage<Void>> outcome) {
    return new RecordingHandler(outcome);
  }

  /** Returns a handler that fails every envelope with a retryable {@link TransportException}. */
  public static RecordingHandler failingRetryably() {
    return new RecordingHandler(e -> CompletableFuture.failedFuture(retryableFailure()));
  }

  /** Returns a handler that rejects every envelope with a non-retryable {@link TransportException}. */
  public static RecordingHandler rejecting() {
    return new RecordingHandler(e -> CompletableFuture.failedFuture(
        new TransportException(TransportException.REJECTED, "rejected by the TCK handler", false)));
  }

  /** Returns the retryable failure the TCK's handlers use (inbox busy). */
  public static TransportException retryableFailure() {
    return new TransportException(TransportException.UNAVAILABLE, "TCK handler not ready, try later", true);
  }

  @Override
  public CompletionStage<Void> onEnvelope(InboundEnvelope envelope) {
    synchronized (received) {
      received.add(envelope);
    }
    calls.incrementAndGet();
    return outcome.apply(envelope).thenRun(commits::incrementAndGet);
  }

  /** Returns how many times the transport called this handler. */
  public int calls() {
    return calls.get();
  }

  /** Returns how many envelopes were committed (the returned future completed normally). */
  public int commits() {
    return commits.get();
  }

  /** Returns a snapshot of every envelope handed over so far, in the order of the calls. */
  public List<InboundEnvelope> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /**
   * Waits until at least {@code count} calls were made.
   *
   * @return whether the count was reached before the timeout
   */
  public boolean awaitCalls(int count, Duration timeout) {
    return await(() -> calls() >= count, timeout);
  }

  /**
   * Polls a condition until it holds or the timeout passes.
   *
   * @return whether the condition held in time
   */
  static boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return condition.getAsBoolean();
      }
    }
    return true;
  }
}
