package org.pccc.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;

/**
 * The conformance suite (TCK) that every {@link Transport} passes: the contract of the SPI written
 * as tests, so that the node's reliable delivery (outbox, inbox, receipts) works the same over
 * every transport.
 *
 * <h2>How to use it</h2>
 *
 * Depend on {@code org.pccc:pccc-transport-tck} in test scope and extend this class:
 *
 * <pre>{@code
 * class CarrierPigeonTransportTckTest extends TransportTck {
 *   @Override protected Transport newTransport() { return PigeonTransport.create(loft); }
 *   @Override protected URI newEndpoint() { return URI.create("pigeon:" + UUID.randomUUID()); }
 *   @Override protected Optional<URI> unreachableEndpoint() {
 *     return Optional.of(URI.create("pigeon:a-loft-that-does-not-exist"));
 *   }
 * }
 * }</pre>
 *
 * JUnit creates a new instance of the test class for every test, so fields that the factory
 * methods share (a network, a temporary directory) are fresh per test. Every transport and listener
 * the suite creates is closed after each test; close your own fixtures in an {@code @AfterEach} of
 * the subclass (it runs before this class's clean-up).
 *
 * <h2>What is checked</h2>
 *
 * <ul>
 *   <li>delivered bytes arrive byte-identical, from one byte to 1 MiB; 200 envelopes from 4
 *       concurrent senders all arrive at least once; two envelopes with the same message id both
 *       arrive (deduplication is the inbox's job, not the transport's);
 *   <li>{@code deliver} completes only after the listener has the envelope, or for a
 *       store-and-forward transport ({@link #storeAndForward()}) after the envelope is durably
 *       accepted: it survives the restart of both sides ({@link #assertDurablyAccepted} is an
 *       extra hook to look at the store);
 *   <li>nothing is acknowledged before the handler commits: a retryable handler failure leads to
 *       redelivery, and an envelope never committed reaches the next listener on the endpoint;
 *       a non-retryable rejection drops the envelope and it is not redelivered;
 *   <li>failures come through the future as a {@link TransportException}, never by throwing and
 *       never by hanging: an unreachable endpoint fails retryably within {@link
 *       #deliveryTimeout()}; an endpoint of another scheme or a malformed one fails with {@link
 *       TransportException#BAD_ENDPOINT}, not retryable;
 *   <li>after {@link Listener#close()} nothing more reaches that handler; after {@link
 *       Transport#close()} deliveries fail with {@link TransportException#CLOSED} and its
 *       listeners are stopped; both closes are idempotent;
 *   <li>the receiver never needs the metadata of the {@link OutboundEnvelope}: the bytes alone
 *       arrive intact even when the metadata has nothing to do with them, and what metadata is
 *       carried never contains envelope content.
 * </ul>
 *
 * <h2>Delivery semantics the suite accepts</h2>
 *
 * A transport either hands envelopes straight to the listener (HTTP, in-memory) or stores them
 * for the listener to collect (a drop folder, a broker). Redelivery after a handler failure may
 * come from the transport itself or from the sender: the suite acts like the node's outbox and
 * delivers again after a retryable failure, so both designs pass. Waits are bounded by
 * {@link #deliveryTimeout()}, {@link #arrivalTimeout()} and {@link #quietPeriod()}; tune them
 * for slow transports.
 *
 * <p>Not thread-safe; one instance per test, as JUnit does it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class TransportTck {

  private static final int ONE_MEBIBYTE = 1024 * 1024;
  private static final long OUTBOX_RETRY_PAUSE_MILLIS = 20;

  private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
  private final Random random = new Random(20240917L);
  // The suite's own background work, off the common pool, which a transport may be using.
  private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "pccc-tck-background");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * Creates a new transport. Called several times per test: senders and receivers are different
   * instances, as they would be in different centres, so they must be able to reach each other
   * (share the in-process network, trust each other's certificates and so on). The suite closes
   * every transport it creates.
   */
  protected abstract Transport newTransport();

  /**
   * Returns a fresh local endpoint to listen on, different on every call, in the transport's
   * scheme. It may be a template that {@link Transport#listen} completes (an HTTPS endpoint with
   * port 0); the suite always delivers to {@link Listener#endpoint()}, and after closing a
   * listener may listen again on the endpoint it reported (the same port, the same folder).
   */
  protected abstract URI newEndpoint();

  /**
   * Returns an endpoint of the transport's scheme where nobody listens and that is well-formed,
   * for example a closed port or a drop folder that is not mounted; delivering there must fail
   * retryably. Empty (the default) skips that test.
   */
  protected Optional<URI> unreachableEndpoint() {
    return Optional.empty();
  }

  /**
   * Returns endpoints in the transport's scheme that are malformed (for example a file URI with a
   * remote host); delivering there must fail with {@link TransportException#BAD_ENDPOINT}. An
   * endpoint of a scheme nobody serves is always tried as well. Empty by default.
   */
  protected List<URI> malformedEndpoints() {
    return List.of();
  }

  /**
   * Says whether {@link Transport#deliver} completes when the envelope is durably stored for the
   * listener (a drop folder, a broker) rather than when the listener has it. Such a transport
   * accepts deliveries while no listener runs, and the suite checks that they reach a listener of
   * a transport created after both sides were closed. False by default.
   */
  protected boolean storeAndForward() {
    return false;
  }

  /**
   * Hook for store-and-forward transports: called right after {@code deliver} completed while no
   * listener ran, to check that the envelope is in durable storage (for example that a file with
   * these bytes is in the drop folder). Does nothing by default; the suite checks durability
   * anyway by restarting both sides.
   *
   * @param endpoint where the envelope was delivered
   * @param envelope what was delivered
   */
  protected void assertDurablyAccepted(URI endpoint, OutboundEnvelope envelope) {
    // Nothing by default: the restart check in the test is transport-independent.
  }

  /** Returns how long one {@code deliver} may take before the suite calls it hung; 10 s by default. */
  protected Duration deliveryTimeout() {
    return Duration.ofSeconds(10);
  }

  /** Returns how long the suite waits for envelopes to arrive or to be redelivered; 10 s by default. */
  protected Duration arrivalTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * Returns how long the suite watches for something that must not happen (a call after close, a
   * redelivery after rejection); 300 ms by default. Make it longer than the transport's
   * redelivery interval.
   */
  protected Duration quietPeriod() {
    return Duration.ofMillis(300);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers available to subclasses

  /** Creates a transport with {@link #newTransport()} that the suite closes after the test. */
  protected final Transport transport() {
    Transport transport = newTransport();
    assertThat(transport).as("newTransport()").isNotNull();
    resources.add(transport);
    return transport;
  }

  /** Starts a listener that the suite closes after the test. */
  protected final Listener listen(Transport transport, URI endpoint, InboundHandler handler) {
    Listener listener = transport.listen(endpoint, handler);
    assertThat(listener).as("listen(%s)", endpoint).isNotNull();
    resources.add(listener);
    return listener;
  }

  /** Returns an envelope with fresh ids and plain metadata around the bytes. */
  protected final OutboundEnvelope newEnvelope(byte[] bytes) {
    return new OutboundEnvelope(bytes, UUID.randomUUID(), UUID.randomUUID(), "request", "TCK-SENDER", "TCK-RECIPIENT");
  }

  /** Returns random bytes from the suite's seeded generator. */
  protected final byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    return bytes;
  }

  /**
   * Delivers as the node's outbox would: retries retryable failures until the envelope is
   * accepted or {@link #arrivalTimeout()} passes; a non-retryable failure fails the test.
   *
   * @return the number of attempts
   */
  protected final int deliverUntilAccepted(Transport transport, URI endpoint, OutboundEnvelope envelope) {
    long deadline = System.nanoTime() + arrivalTimeout().toNanos();
    int attempts = 0;
    while (true) {
      attempts++;
      TransportException failure = outcomeOf(startDelivery(transport, endpoint, envelope));
      if (failure == null) {
        return attempts;
      }
      if (!failure.retryable()) {
        throw new AssertionError("deliver to " + endpoint + " failed and may not be retried: " + failure.getMessage(), failure);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("deliver to " + endpoint + " still failed after " + attempts + " attempts in "
            + arrivalTimeout() + ": " + failure.getMessage(), failure);
      }
      pause(Duration.ofMillis(OUTBOX_RETRY_PAUSE_MILLIS));
    }
  }

  /**
   * Calls {@code deliver}, failing the test if it throws instead of returning a future.
   */
  protected final CompletableFuture<Void> startDelivery(Transport transport, URI endpoint, OutboundEnvelope envelope) {
    CompletableFuture<Void> future;
    try {
      future = transport.deliver(endpoint, envelope);
    } catch (RuntimeException e) {
      throw new AssertionError("deliver must report failures through its future, not throw: " + e, e);
    }
    assertThat(future).as("the future returned by deliver").isNotNull();
    return future;
  }

  /**
   * Waits at most {@link #deliveryTimeout()} for a delivery.
   *
   * @return null if it completed normally, else the {@link TransportException} it failed with
   * @throws AssertionError if it hangs or fails with anything but a {@link TransportException}
   */
  protected final TransportException outcomeOf(CompletableFuture<Void> delivery) {
    try {
      delivery.get(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (TimeoutException e) {
      throw new AssertionError("deliver did not complete within " + deliveryTimeout() + "; it must never hang");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof TransportException transportException) {
        return transportException;
      }
      throw new AssertionError("deliver failed with " + cause + " instead of a TransportException", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for deliver", e);
    }
  }

  /**
   * Waits until every payload has arrived at least once, then checks that nothing else did (an
   * envelope whose bytes match none of the payloads was corrupted on the way).
   */
  protected final void assertAllArrive(RecordingHandler inbox, Collection<byte[]> payloads) {
    Set<String> expected = new HashSet<>();
    for (byte[] payload : payloads) {
      expected.add(digest(payload));
    }
    boolean complete = RecordingHandler.await(() -> receivedDigests(inbox).containsAll(expected), arrivalTimeout());
    Set<String> received = receivedDigests(inbox);
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(received);
    Set<String> unknown = new HashSet<>(received);
    unknown.removeAll(expected);
    assertThat(unknown).as("envelopes that arrived with bytes matching nothing that was sent (corrupted)").isEmpty();
    assertThat(complete).as("%d of %d envelopes did not arrive within %s", missing.size(), expected.size(), arrivalTimeout())
        .isTrue();
  }

  /** Sleeps, keeping the interrupt flag. */
  protected static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  final void closeEverythingTheSuiteOpened() {
    background.shutdownNow();
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    resources.clear();
    for (AutoCloseable resource : reversed) {
      try {
        resource.close();
      } catch (Exception e) {
        // Clean-up after the test: closing must not throw, but that is checked by its own tests.
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The tests

  @Test
  void transportServesTheSchemeOfItsEndpoints() {
    Transport transport = transport();
    URI endpoint = newEndpoint();
    assertThat(transport.scheme()).as("scheme() against newEndpoint() %s", endpoint).isEqualToIgnoringCase(endpoint.getScheme());
    Listener listener = listen(transport, endpoint, RecordingHandler.committing());
    assertThat(listener.endpoint()).as("Listener.endpoint()").isNotNull();
    assertThat(listener.endpoint().getScheme()).as("scheme of Listener.endpoint()").isEqualToIgnoringCase(transport.scheme());
  }

  @Test
  void deliveredBytesArriveByteIdentical() {
    Transport sender = transport();
    RecordingHandler inbox = RecordingHandler.committing();
    Listener listener = listen(transport(), newEndpoint(), inbox);
    byte[] everyByteValue = new byte[512];
    for (int i = 0; i < everyByteValue.length; i++) {
      everyByteValue[i] = (byte) i;
    }
    List<byte[]> payloads = List.of(new byte[] {0}, "{\"ascii\":true}\r\n".getBytes(StandardCharsets.UTF_8), everyByteValue,
        randomBytes(65_537));
    for (byte[] payload : payloads) {
      deliverUntilAccepted(sender, listener.endpoint(), newEnvelope(payload));
    }
    assertAllArrive(inbox, payloads);
  }

  @Test
  void envelopeOfOneMebibyteArrivesIntact() {
    Transport sender = transport();
    RecordingHandler inbox = RecordingHandler.committing();
    Listener listener = listen(transport(), newEndpoint(), inbox);
    byte[] payload = randomBytes(ONE_MEBIBYTE);
    deliverUntilAccepted(sender, listener.endpoint(), newEnvelope(payload));
    assertAllArrive(inbox, List.of(payload));
    assertThat(inbox.received()).allSatisfy(e -> assertThat(e.bytes()).hasSize(ONE_MEBIBYTE));
  }

  @Test
  void twoHundredEnvelopesFromFourConcurrentSendersAllArrive() throws Exception {
    Transport sender = transport();
    RecordingHandler inbox = RecordingHandler.committing();
    Listener listener = listen(transport(), newEndpoint(), inbox);
    int senders = 4;
    int perSender = 50;
    List<byte[]> payloads = new ArrayList<>();
    for (int i = 0; i < senders * perSender; i++) {
      payloads.add(randomBytes(1 + (i * 97) % 8192));
    }
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        List<byte[]> mine = payloads.subList(s * perSender, (s + 1) * perSender);
        running.add(pool.submit(() -> {
          for (byte[] payload : mine) {
            deliverUntilAccepted(sender, listener.endpoint(), newEnvelope(payload));
          }
        }));
      }
      for (Future<?> f : running) {
        f.get(arrivalTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertAllArrive(inbox, payloads);
  }

  @Test
  void twoEnvelopesWithTheSameMessageIdBothArrive() {
    Transport sender = transport();
    RecordingHandler inbox = RecordingHandler.committing();
    Listener listener = listen(transport(), newEndpoint(), inbox);
    OutboundEnvelope first = newEnvelope(randomBytes(300));
    OutboundEnvelope second = new OutboundEnvelope(randomBytes(301), first.messageId(), first.conversationId(),
        first.kind(), first.senderCentre(), first.recipientCentre());
    deliverUntilAccepted(sender, listener.endpoint(), first);
    deliverUntilAccepted(sender, listener.endpoint(), second);
    assertAllArrive(inbox, List.of(first.bytes(), second.bytes()));
  }

  @Test
  void deliverCompletesOnlyAfterTheListenerHasTheEnvelope() {
    assumeFalse(storeAndForward(), "a store-and-forward transport completes on durable acceptance; see the next test");
    Transport sender = transport();
    AtomicLong handedOverAt = new AtomicLong();
    RecordingHandler inbox = RecordingHandler.answering(envelope -> {
      // Taking a while to take the envelope makes a deliver that completes too early visible.
      pause(Duration.ofMillis(50));
      handedOverAt.compareAndSet(0, System.nanoTime());
      // The commit takes a while too, as an inbox writing to disk would.
      return CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS, background));
    });
    Listener listener = listen(transport(), newEndpoint(), inbox);
    OutboundEnvelope envelope = newEnvelope(randomBytes(2048));
    AtomicLong completedAt = new AtomicLong();
    CompletableFuture<Void> delivery = startDelivery(sender, listener.endpoint(), envelope)
        .whenComplete((ok, error) -> completedAt.set(System.nanoTime()));
    TransportException failure = outcomeOf(delivery);
    assertThat(failure).as("deliver to a running listener").isNull();
    assertThat(handedOverAt.get()).as("the handler was called before deliver completed").isNotZero();
    assertThat(completedAt.get() - handedOverAt.get())
        .as("nanoseconds from the handler taking the envelope to deliver completing").isNotNegative();
    assertThat(inbox.received()).anySatisfy(e -> assertThat(e.bytes()).isEqualTo(envelope.bytes()));
  }

  @Test
  void storeAndForwardDeliverySurvivesTheRestartOfBothSides() {
    assumeTrue(storeAndForward(), "only for store-and-forward transports");
    URI endpoint = newEndpoint();
    Transport firstReceiver = transport();
    // Listening once prepares the endpoint (creates the drop folder, the queue); then nobody listens.
    listen(firstReceiver, endpoint, RecordingHandler.committing()).close();
    Transport sender = transport();
    OutboundEnvelope envelope = newEnvelope(randomBytes(4096));
    TransportException failure = outcomeOf(startDelivery(sender, endpoint, envelope));
    assertThat(failure).as("deliver to a store-and-forward endpoint while no listener runs").isNull();
    assertDurablyAccepted(endpoint, envelope);
    sender.close();
    firstReceiver.close();
    RecordingHandler inbox = RecordingHandler.committing();
    listen(transport(), endpoint, inbox);
    assertAllArrive(inbox, List.of(envelope.bytes()));
  }

  @Test
  void retryableHandlerFailureLeadsToRedelivery() {
    Transport sender = transport();
    AtomicInteger attempts = new AtomicInteger();
    RecordingHandler inbox = RecordingHandler.answering(envelope -> attempts.incrementAndGet() == 1
        ? CompletableFuture.failedFuture(RecordingHandler.retryableFailure())
        : CompletableFuture.completedFuture(null));
    Listener listener = listen(transport(), newEndpoint(), inbox);
    OutboundEnvelope envelope = newEnvelope(randomBytes(1500));
    deliverUntilAccepted(sender, listener.endpoint(), envelope);
    boolean committed = RecordingHandler.await(() -> inbox.commits() >= 1, arrivalTimeout());
    assertThat(committed).as("the envelope was redelivered and committed after the handler failed once").isTrue();
    assertThat(inbox.calls()).as("calls of the handler").isGreaterThanOrEqualTo(2);
    assertThat(inbox.received()).allSatisfy(e -> assertThat(e.bytes()).isEqualTo(envelope.bytes()));
  }

  @Test
  void envelopeNeverCommittedReachesTheNextListener() throws Exception {
    Transport sender = transport();
    Transport receiver = transport();
    RecordingHandler failing = RecordingHandler.failingRetryably();
    Listener first = listen(receiver, newEndpoint(), failing);
    URI endpoint = first.endpoint();
    OutboundEnvelope envelope = newEnvelope(randomBytes(777));
    // Delivered as the outbox would, in the background: a direct transport keeps failing until
    // the second listener runs, a store-and-forward one accepts at once.
    CompletableFuture<Integer> outbox =
        CompletableFuture.supplyAsync(() -> deliverUntilAccepted(sender, endpoint, envelope), background);
    try {
      assertThat(failing.awaitCalls(1, arrivalTimeout())).as("the first handler was called").isTrue();
      first.close();
      RecordingHandler second = RecordingHandler.committing();
      listen(receiver, endpoint, second);
      assertAllArrive(second, List.of(envelope.bytes()));
      outbox.get(arrivalTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      outbox.cancel(true);
    }
  }

  @Test
  void nonRetryableRejectionDropsTheEnvelopeWithoutRedelivery() {
    Transport sender = transport();
    RecordingHandler rejecting = RecordingHandler.rejecting();
    Listener listener = listen(transport(), newEndpoint(), rejecting);
    TransportException failure = outcomeOf(startDelivery(sender, listener.endpoint(), newEnvelope(randomBytes(100))));
    if (failure != null) {
      assertThat(failure.retryable()).as("a rejection reported to the sender must not invite retries: %s", failure.getMessage())
          .isFalse();
    }
    assertThat(rejecting.awaitCalls(1, arrivalTimeout())).as("the handler was called").isTrue();
    pause(quietPeriod());
    assertThat(rejecting.calls()).as("calls of a handler that rejected the envelope for good").isEqualTo(1);
  }

  @Test
  void deliverToAnUnreachableEndpointFailsRetryablyWithoutHanging() {
    Optional<URI> unreachable = unreachableEndpoint();
    assumeTrue(unreachable.isPresent(), "no unreachableEndpoint() given");
    TransportException failure = outcomeOf(startDelivery(transport(), unreachable.get(), newEnvelope(randomBytes(10))));
    assertThat(failure).as("deliver to unreachable %s", unreachable.get()).isNotNull();
    assertThat(failure.retryable()).as("a retry may succeed once the endpoint is back: %s", failure.getMessage()).isTrue();
  }

  @Test
  void badEndpointsFailWithBadEndpointAndAreNotRetryable() {
    Transport transport = transport();
    List<URI> bad = new ArrayList<>(malformedEndpoints());
    bad.add(URI.create("pccc-tck-no-such-scheme:somewhere"));
    // Every bad endpoint is tried before failing, so that one run reports them all.
    List<String> problems = new ArrayList<>();
    for (URI endpoint : bad) {
      TransportException failure = outcomeOf(startDelivery(transport, endpoint, newEnvelope(randomBytes(10))));
      if (failure == null) {
        problems.add("deliver to " + endpoint + " succeeded");
      } else if (!TransportException.BAD_ENDPOINT.equals(failure.code()) || failure.retryable()) {
        problems.add("deliver to " + endpoint + " failed with " + failure.code() + ", retryable " + failure.retryable());
      }
      try {
        Listener listener = transport.listen(endpoint, RecordingHandler.committing());
        listener.close();
        problems.add("listen(" + endpoint + ") did not throw");
      } catch (TransportException e) {
        if (!TransportException.BAD_ENDPOINT.equals(e.code()) || e.retryable()) {
          problems.add("listen(" + endpoint + ") threw " + e.code() + ", retryable " + e.retryable());
        }
      } catch (RuntimeException e) {
        problems.add("listen(" + endpoint + ") threw " + e + " instead of a TransportException");
      }
    }
    assertThat(problems).as("expected BAD_ENDPOINT, not retryable, from deliver and listen").isEmpty();
  }

  @Test
  void nothingReachesAHandlerAfterItsListenerIsClosed() throws Exception {
    Transport sender = transport();
    RecordingHandler inbox = RecordingHandler.committing();
    Listener listener = listen(transport(), newEndpoint(), inbox);
    URI endpoint = listener.endpoint();
    deliverUntilAccepted(sender, endpoint, newEnvelope(randomBytes(64)));
    assertThat(inbox.awaitCalls(1, arrivalTimeout())).as("the first envelope arrived").isTrue();

    // Keep delivering while the listener closes, to catch hand-overs racing the close.
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
      while (!stop.get()) {
        try {
          startDelivery(sender, endpoint, newEnvelope(randomBytes(64))).get(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          // Failures are expected once nobody listens; only the handler's calls matter here.
        }
        pause(Duration.ofMillis(2));
      }
    }, background);
    try {
      pause(Duration.ofMillis(50));
      listener.close();
      int callsAtClose = inbox.calls();
      pause(quietPeriod());
      assertThat(inbox.calls()).as("calls of the handler after its listener was closed").isEqualTo(callsAtClose);
    } finally {
      stop.set(true);
      traffic.get(deliveryTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }
    listener.close();

    TransportException failure = outcomeOf(startDelivery(sender, endpoint, newEnvelope(randomBytes(64))));
    if (!storeAndForward()) {
      assertThat(failure).as("a direct transport cannot deliver to an endpoint nobody listens on").isNotNull();
      assertThat(failure.retryable()).as("nobody listening is temporary: %s", failure.getMessage()).isTrue();
    }
  }

  @Test
  void closedTransportFailsDeliveriesWithClosedAndStopsItsListeners() {
    Transport sender = transport();
    Transport receiver = transport();
    RecordingHandler inbox = RecordingHandler.committing();
    Listener listener = listen(receiver, newEndpoint(), inbox);
    URI endpoint = listener.endpoint();
    deliverUntilAccepted(sender, endpoint, newEnvelope(randomBytes(64)));
    assertThat(inbox.awaitCalls(1, arrivalTimeout())).as("the first envelope arrived").isTrue();

    receiver.close();
    receiver.close();
    int callsAtClose = inbox.calls();
    outcomeOf(startDelivery(sender, endpoint, newEnvelope(randomBytes(64))));
    pause(quietPeriod());
    assertThat(inbox.calls()).as("calls of a handler whose transport was closed").isEqualTo(callsAtClose);

    TransportException failure = outcomeOf(startDelivery(receiver, endpoint, newEnvelope(randomBytes(64))));
    assertThat(failure).as("deliver on a closed transport").isNotNull();
    assertThat(failure.code()).as("code of deliver on a closed transport").isEqualTo(TransportException.CLOSED);
    assertThatThrownBy(() -> receiver.listen(newEndpoint(), RecordingHandler.committing()))
        .as("listen on a closed transport")
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(TransportException.CLOSED));
  }

  @Test
  void receiverNeedsNoMetadataAndMetadataCarriesNoContent() {
    Transport sender = transport();
    RecordingHandler inbox = RecordingHandler.committing();
    Listener listener = listen(transport(), newEndpoint(), inbox);
    String marker = "TCK-CONTENT-" + UUID.randomUUID();
    byte[] payload = ("{\"body\":\"" + marker + "\"}").getBytes(StandardCharsets.US_ASCII);
    // Metadata unrelated to the bytes: a transport must not need them to agree.
    OutboundEnvelope envelope = new OutboundEnvelope(payload, UUID.randomUUID(), UUID.randomUUID(),
        "delay-notice", "XX-NOWHERE-A", "XX-NOWHERE-B");
    deliverUntilAccepted(sender, listener.endpoint(), envelope);
    assertAllArrive(inbox, List.of(payload));
    for (InboundEnvelope received : inbox.received()) {
      Map<String, String> metadata = received.metadata();
      assertThat(metadata).as("InboundEnvelope.metadata()").isNotNull();
      metadata.forEach((key, value) -> {
        assertThat(key).as("a metadata key").doesNotContain(marker);
        assertThat(value).as("metadata %s", key).doesNotContain(marker);
      });
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static Set<String> receivedDigests(RecordingHandler inbox) {
    Set<String> digests = new HashSet<>();
    for (InboundEnvelope e : inbox.received()) {
      digests.add(digest(e.bytes()));
    }
    return digests;
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      fail("SHA-256 is missing from this JDK");
      return null;
    }
  }
}
