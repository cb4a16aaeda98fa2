package org.pccc.transport.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pccc.model.Limits;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.spi.Transports;
import org.pccc.transport.tck.RecordingHandler;

/** Fault injection, partitions, custody and discovery of the mem: transport. */
class MemoryNetworkTest {

  private static final URI A = URI.create("mem:MK-RS-TABANOVCE");
  private static final URI B = URI.create("mem:RS-MK-PRESEVO");
  private static final URI C = URI.create("mem:AL-MK-BLLATE");
  private static final int DELIVERIES = 1000;

  private final List<MemoryNetwork> networks = new ArrayList<>();

  @AfterEach
  void closeNetworks() {
    networks.forEach(MemoryNetwork::close);
  }

  private MemoryNetwork network(long seed, MemoryFaults faults) {
    MemoryNetwork network = MemoryNetwork.builder().seed(seed).faults(faults).build();
    networks.add(network);
    return network;
  }

  private static OutboundEnvelope envelope(int index) {
    byte[] bytes = ByteBuffer.allocate(8).putInt(index).putInt(~index).array();
    return new OutboundEnvelope(bytes, UUID.randomUUID(), UUID.randomUUID(), "request", "A", "B");
  }

  private static int indexOf(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getInt();
  }

  /** Delivers envelopes 0..n-1 one after the other and returns how often each arrived. */
  private static int[] deliverSequentially(MemoryNetwork network, int count) throws Exception {
    AtomicIntegerArray arrivals = new AtomicIntegerArray(count);
    Transport receiver = network.newTransport();
    Transport sender = network.newTransport();
    receiver.listen(B, e -> {
      arrivals.incrementAndGet(indexOf(e.bytes()));
      return CompletableFuture.completedFuture(null);
    });
    for (int i = 0; i < count; i++) {
      try {
        sender.deliver(B, envelope(i)).get(5, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // Injected failures are counted by the network.
      }
    }
    MemoryNetworkStatistics stats = network.statistics();
    long expectedHandOvers = stats.deliveries() - stats.failed() - stats.dropped() + stats.duplicated();
    assertThat(await(() -> network.statistics().handOvers() >= expectedHandOvers)).as("duplicates handed over").isTrue();
    int[] result = new int[count];
    for (int i = 0; i < count; i++) {
      result[i] = arrivals.get(i);
    }
    receiver.close();
    sender.close();
    return result;
  }

  @Test
  void dropAndDuplicateRatesMatchTheirSettingAndTheCounters() throws Exception {
    MemoryNetwork network = network(42, MemoryFaults.builder().dropRate(0.10).duplicateRate(0.10).build());
    int[] arrivals = deliverSequentially(network, DELIVERIES);

    MemoryNetworkStatistics stats = network.statistics();
    assertThat(stats.deliveries()).isEqualTo(DELIVERIES);
    // Binomial(1000, 0.1) has a standard deviation of about 9.5: these bounds are 5 of them.
    assertThat(stats.dropped()).isBetween(52L, 148L);
    // Duplicates are drawn among the envelopes not dropped (about 900).
    assertThat(stats.duplicated()).isBetween(45L, 135L);
    assertThat(stats.failed()).isZero();
    long lost = count(arrivals, 0);
    long twice = count(arrivals, 2);
    assertThat(lost).as("envelopes never handed over").isEqualTo(stats.dropped());
    assertThat(twice).as("envelopes handed over twice").isEqualTo(stats.duplicated());
    assertThat(count(arrivals, 1)).isEqualTo(DELIVERIES - lost - twice);
    assertThat(stats.handOvers()).isEqualTo(DELIVERIES - lost + twice);
  }

  @Test
  void theSeedMakesFaultsReproducible() throws Exception {
    MemoryFaults faults = MemoryFaults.builder().dropRate(0.10).duplicateRate(0.10).failureRate(0.05).build();
    int[] first = deliverSequentially(network(7, faults), 300);
    int[] again = deliverSequentially(network(7, faults), 300);
    int[] otherSeed = deliverSequentially(network(8, faults), 300);
    assertThat(again).as("the same seed").containsExactly(first);
    assertThat(otherSeed).as("another seed").isNotEqualTo(first);
  }

  @Test
  void injectedFailuresFailRetryablyAndHandNothingOver() throws Exception {
    MemoryNetwork network = network(3, MemoryFaults.builder().failureRate(0.3).build());
    RecordingHandler inbox = RecordingHandler.committing();
    network.newTransport().listen(B, inbox);
    Transport sender = network.newTransport();
    int failures = 0;
    for (int i = 0; i < 200; i++) {
      try {
        sender.deliver(B, envelope(i)).get(5, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOfSatisfying(TransportException.class, t -> {
          assertThat(t.retryable()).isTrue();
          assertThat(t.code()).isEqualTo(TransportException.UNAVAILABLE);
        });
        failures++;
      }
    }
    assertThat((long) failures).isEqualTo(network.statistics().failed()).isBetween(30L, 90L);
    assertThat(inbox.commits()).isEqualTo(200 - failures);
  }

  @Test
  void faultsChangeAtRunTime() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    network.newTransport().listen(B, RecordingHandler.committing());
    Transport sender = network.newTransport();
    network.setFaults(MemoryFaults.builder().failureRate(1.0).build());
    assertThat(failure(sender.deliver(B, envelope(1)))).isNotNull();
    network.setFaults(MemoryFaults.none());
    assertThat(failure(sender.deliver(B, envelope(2)))).isNull();
    assertThat(network.faults()).isEqualTo(MemoryFaults.none());
  }

  @Test
  void aPartitionedCentreCanNeitherReceiveNorSendUntilHealed() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    Transport centreA = network.newTransport();
    Transport centreB = network.newTransport();
    Transport centreC = network.newTransport();
    RecordingHandler inboxA = RecordingHandler.committing();
    RecordingHandler inboxB = RecordingHandler.committing();
    RecordingHandler inboxC = RecordingHandler.committing();
    centreA.listen(A, inboxA);
    centreB.listen(B, inboxB);
    centreC.listen(C, inboxC);

    network.partition(B);
    assertThat(network.partitioned()).containsExactly(B);
    TransportException toB = failure(centreA.deliver(B, envelope(1)));
    assertThat(toB).isNotNull();
    assertThat(toB.retryable()).isTrue();
    TransportException fromB = failure(centreB.deliver(A, envelope(2)));
    assertThat(fromB).as("a partitioned centre cannot send either").isNotNull();
    assertThat(fromB.retryable()).isTrue();
    assertThat(failure(centreA.deliver(C, envelope(3)))).as("the rest of the network works").isNull();
    assertThat(inboxB.calls()).isZero();
    assertThat(inboxA.calls()).isZero();
    assertThat(network.statistics().partitioned()).isEqualTo(2);

    network.heal(B);
    assertThat(network.partitioned()).isEmpty();
    assertThat(failure(centreA.deliver(B, envelope(4)))).isNull();
    assertThat(failure(centreB.deliver(A, envelope(5)))).isNull();
    assertThat(inboxB.commits()).isEqualTo(1);
    assertThat(inboxA.commits()).isEqualTo(1);
  }

  @Test
  void aBlackHolePartitionSwallowsDeliveriesSilently() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.builder()
        .partitionMode(MemoryFaults.PartitionMode.BLACKHOLE).build());
    RecordingHandler inboxB = RecordingHandler.committing();
    network.newTransport().listen(B, inboxB);
    Transport sender = network.newTransport();
    network.partition(B);
    assertThat(failure(sender.deliver(B, envelope(1)))).as("reported as accepted").isNull();
    network.healAll();
    assertThat(failure(sender.deliver(B, envelope(2)))).isNull();
    assertThat(inboxB.received()).extracting(e -> indexOf(e.bytes())).containsExactly(2);
    assertThat(network.statistics().dropped()).isEqualTo(1);
  }

  @Test
  void aFixedDelayHoldsEachHandOverBack() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.builder().fixedDelay(Duration.ofMillis(40)).build());
    network.newTransport().listen(B, RecordingHandler.committing());
    Transport sender = network.newTransport();
    long start = System.nanoTime();
    assertThat(failure(sender.deliver(B, envelope(1)))).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(network.statistics().delayed()).isEqualTo(1);
  }

  @Test
  void reorderingLetsLaterEnvelopesOvertake() throws Exception {
    MemoryNetwork network = network(5, MemoryFaults.builder().reorderRate(0.3).reorderMaxHold(Duration.ofMillis(20)).build());
    List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
    network.newTransport().listen(B, e -> {
      order.add(indexOf(e.bytes()));
      return CompletableFuture.completedFuture(null);
    });
    Transport sender = network.newTransport();
    List<CompletableFuture<Void>> deliveries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      deliveries.add(sender.deliver(B, envelope(i)));
    }
    CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(order).hasSize(50).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    assertThat(order).as("order of arrival").isNotEqualTo(java.util.stream.IntStream.range(0, 50).boxed().toList());
    assertThat(network.statistics().reordered()).isPositive();
  }

  @Test
  void theNetworkKeepsCustodyUntilCommitAndRedeliversWithBackOff() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    AtomicInteger attempts = new AtomicInteger();
    RecordingHandler flaky = RecordingHandler.answering(e -> attempts.incrementAndGet() <= 3
        ? CompletableFuture.failedFuture(RecordingHandler.retryableFailure())
        : CompletableFuture.completedFuture(null));
    network.newTransport().listen(B, flaky);
    Transport sender = network.newTransport();
    assertThat(failure(sender.deliver(B, envelope(1)))).as("custody taken after the first failure").isNull();
    assertThat(await(() -> flaky.commits() == 1)).isTrue();
    MemoryNetworkStatistics stats = network.statistics();
    assertThat(stats.handlerFailures()).isEqualTo(3);
    assertThat(stats.redeliveries()).isEqualTo(3);
    assertThat(stats.committed()).isEqualTo(1);
    assertThat(network.pendingCount(B)).isZero();
  }

  @Test
  void envelopesInCustodyWaitForTheNextListener() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    Transport receiver = network.newTransport();
    RecordingHandler failing = RecordingHandler.failingRetryably();
    Listener first = receiver.listen(B, failing);
    Transport sender = network.newTransport();
    assertThat(failure(sender.deliver(B, envelope(1)))).isNull();
    assertThat(failure(sender.deliver(B, envelope(2)))).isNull();
    first.close();
    assertThat(network.pendingCount(B)).isEqualTo(2);
    int callsAtClose = failing.calls();
    RecordingHandler second = RecordingHandler.committing();
    receiver.listen(B, second);
    assertThat(await(() -> second.commits() == 2)).isTrue();
    assertThat(second.received()).extracting(e -> indexOf(e.bytes())).containsExactlyInAnyOrder(1, 2);
    assertThat(failing.calls()).isEqualTo(callsAtClose);
    assertThat(network.pendingCount(B)).isZero();
  }

  @Test
  void aRejectionIsReportedToTheSenderAndNotRedelivered() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    RecordingHandler rejecting = RecordingHandler.rejecting();
    network.newTransport().listen(B, rejecting);
    TransportException failure = failure(network.newTransport().deliver(B, envelope(1)));
    assertThat(failure).isNotNull();
    assertThat(failure.code()).isEqualTo(TransportException.REJECTED);
    assertThat(failure.retryable()).isFalse();
    assertThat(network.statistics().rejected()).isEqualTo(1);
    assertThat(network.pendingCount(B)).isZero();
  }

  @Test
  void anEnvelopeOverTheSharedLimitIsRejectedForGoodAndOneAtTheLimitArrives() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    RecordingHandler inbox = RecordingHandler.committing();
    network.newTransport().listen(B, inbox);
    Transport sender = network.newTransport();

    TransportException failure = failure(sender.deliver(B, new OutboundEnvelope(
        new byte[Limits.MAX_ENVELOPE_BYTES + 1], UUID.randomUUID(), UUID.randomUUID(), "request", "A", "B")));
    assertThat(failure.code()).isEqualTo(TransportException.REJECTED);
    assertThat(failure.retryable()).isFalse();
    assertThat(network.pendingCount(B)).isZero();

    sender.deliver(B, new OutboundEnvelope(new byte[Limits.MAX_ENVELOPE_BYTES], UUID.randomUUID(),
        UUID.randomUUID(), "request", "A", "B")).get(5, TimeUnit.SECONDS);
    assertThat(inbox.commits()).isEqualTo(1);
  }

  @Test
  void deliveryWithoutListenerIsRefusedRetryably() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    TransportException failure = failure(network.newTransport().deliver(B, envelope(1)));
    assertThat(failure.code()).isEqualTo(TransportException.UNAVAILABLE);
    assertThat(failure.retryable()).isTrue();
    assertThat(network.statistics().refused()).isEqualTo(1);
  }

  @Test
  void aSenderCallbackMayWaitForAnotherDeliveryToTheSameEndpoint() throws Exception {
    MemoryNetwork network = network(1, MemoryFaults.none());
    RecordingHandler inbox = RecordingHandler.committing();
    network.newTransport().listen(B, inbox);
    Transport sender = network.newTransport();
    // Were the sender's future completed on the endpoint's hand-over thread, this would deadlock.
    CompletableFuture<Void> chained = sender.deliver(B, envelope(1))
        .thenRun(() -> sender.deliver(B, envelope(2)).join());
    chained.get(5, TimeUnit.SECONDS);
    assertThat(inbox.commits()).isEqualTo(2);
  }

  @Test
  void oneEndpointHasOneListener() {
    MemoryNetwork network = network(1, MemoryFaults.none());
    network.newTransport().listen(B, RecordingHandler.committing());
    assertThatThrownBy(() -> network.newTransport().listen(B, RecordingHandler.committing()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.BAD_ENDPOINT);
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void closingTheNetworkClosesItsTransports() {
    MemoryNetwork network = network(1, MemoryFaults.none());
    Transport transport = network.newTransport();
    network.close();
    assertThat(failure(transport.deliver(B, envelope(1))).code()).isEqualTo(TransportException.CLOSED);
    assertThatThrownBy(() -> MemoryTransport.create(network)).isInstanceOf(TransportException.class);
  }

  @Test
  void faultSettingsAreChecked() {
    assertThatThrownBy(() -> MemoryFaults.builder().dropRate(1.5).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MemoryFaults.builder().failureRate(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MemoryFaults.builder().fixedDelay(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    MemoryFaults faults = MemoryFaults.builder().randomDelayUpTo(Duration.ofMillis(30)).duplicateRate(0.2).build();
    assertThat(faults.toBuilder().build()).isEqualTo(faults);
    assertThat(faults.minDelay()).isZero();
    assertThat(faults.maxDelay()).isEqualTo(Duration.ofMillis(30));
  }

  @Test
  void discoveryFindsTheProviderOnTheSharedNetwork() throws Exception {
    try (Transport first = Transports.choose(URI.create("mem:X"), List.of(), getClass().getClassLoader(), Map.of());
        Transport second = Transports.choose(URI.create("MEM:Y"), List.of(), getClass().getClassLoader(), Map.of())) {
      assertThat(first).isInstanceOf(MemoryTransport.class);
      assertThat(((MemoryTransport) first).network()).isSameAs(MemoryNetwork.shared());
      URI endpoint = URI.create("mem:DISCOVERY-" + UUID.randomUUID());
      RecordingHandler inbox = RecordingHandler.committing();
      try (Listener listener = second.listen(endpoint, inbox)) {
        assertThat(failure(first.deliver(listener.endpoint(), envelope(9)))).isNull();
        assertThat(inbox.commits()).isEqualTo(1);
      }
    }
    MemoryNetwork.shared().close();
    assertThat(MemoryTransport.create(MemoryNetwork.shared())).as("the shared network ignores close").isNotNull();
  }

  // ---------------------------------------------------------------------------------------------

  private static TransportException failure(CompletableFuture<Void> delivery) {
    try {
      delivery.get(5, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return (TransportException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long count(int[] values, int wanted) {
    return java.util.Arrays.stream(values).filter(v -> v == wanted).count();
  }

  private static boolean await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
