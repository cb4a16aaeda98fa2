package org.pccc.transport.mem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.tck.RecordingHandler;

/** Properties of the mem: transport under any mix of faults that lose nothing for good. */
class MemoryTransportProperties {

  private static final URI INBOX = URI.create("mem:PROPERTY-INBOX");

  /**
   * With failures, duplicates, reordering, delays and a flaky handler, but no silent loss, a
   * sender that retries what fails retryably gets every envelope to the handler, byte-identical,
   * and the handler sees nothing that was not sent.
   */
  @Property(tries = 25)
  void everyEnvelopeArrivesIntactWhenTheSenderRetries(
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 0.5) double failureRate,
      @ForAll @DoubleRange(min = 0, max = 0.5) double duplicateRate,
      @ForAll @DoubleRange(min = 0, max = 0.5) double reorderRate,
      @ForAll @IntRange(min = 0, max = 3) int maxDelayMillis,
      @ForAll @DoubleRange(min = 0, max = 0.4) double handlerFailureRate,
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 3000) Integer> sizes) throws Exception {
    MemoryFaults faults = MemoryFaults.builder().failureRate(failureRate).duplicateRate(duplicateRate)
        .reorderRate(reorderRate).reorderMaxHold(Duration.ofMillis(5)).randomDelayUpTo(Duration.ofMillis(maxDelayMillis)).build();
    Random random = new Random(seed);
    try (MemoryNetwork network = MemoryNetwork.builder().seed(seed).faults(faults).redeliveryDelay(Duration.ofMillis(1))
        .maxRedeliveryDelay(Duration.ofMillis(5)).build()) {
      List<byte[]> committed = new CopyOnWriteArrayList<>();
      Transport receiver = network.newTransport();
      receiver.listen(INBOX, envelope -> {
        boolean fail;
        synchronized (random) {
          fail = random.nextDouble() < handlerFailureRate;
        }
        if (fail) {
          return CompletableFuture.failedFuture(RecordingHandler.retryableFailure());
        }
        committed.add(envelope.bytes());
        return CompletableFuture.completedFuture(null);
      });
      Transport sender = network.newTransport();
      List<byte[]> sent = new ArrayList<>();
      for (int size : sizes) {
        byte[] payload = new byte[size];
        synchronized (random) {
          random.nextBytes(payload);
        }
        sent.add(payload);
        deliverWithRetries(sender, payload);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!containsAll(committed, sent) && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      assertThat(containsAll(committed, sent)).as("every envelope committed at least once").isTrue();
      assertThat(containsAll(sent, committed)).as("nothing committed that was not sent").isTrue();
    }
  }

  private static void deliverWithRetries(Transport sender, byte[] payload) throws Exception {
    OutboundEnvelope envelope = new OutboundEnvelope(payload, UUID.randomUUID(), UUID.randomUUID(), "request", "A", "B");
    for (int attempt = 0; attempt < 200; attempt++) {
      try {
        sender.deliver(INBOX, envelope).get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOfSatisfying(TransportException.class, t -> assertThat(t.retryable()).isTrue());
      }
    }
    throw new AssertionError("200 attempts failed");
  }

  private static boolean containsAll(List<byte[]> haystack, List<byte[]> needles) {
    for (byte[] needle : needles) {
      if (haystack.stream().noneMatch(b -> Arrays.equals(b, needle))) {
        return false;
      }
    }
    return true;
  }
}
