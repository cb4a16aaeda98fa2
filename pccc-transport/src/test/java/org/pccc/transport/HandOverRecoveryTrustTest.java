package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pccc.transport.TestNetwork.A;
import static org.pccc.transport.TestNetwork.B;
import static org.pccc.transport.TestNetwork.NET;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Message;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;

/**
 * A message committed (and receipted) but not yet handed over is handed over after a restart even
 * when its signer's certificate has expired in the meantime: trust was judged at commit time, and
 * the sender holds a receipt, so the message must not vanish.
 */
@Timeout(60)
class HandOverRecoveryTrustTest {
  private final MemoryNetwork network = MemoryNetwork.create();

  @AfterEach
  void close() {
    network.close();
  }

  private PcccNode.Builder builder(String centre, Path store, java.time.Clock clock) {
    MemoryTransport transport = network.newTransport();
    return PcccNode.builder(NET.keys(centre), NET.directory(), store).clock(clock)
        .transport(transport).retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10));
  }

  @Test
  void aCommittedMessageIsHandedOverAfterARestartEvenOnceItsSignersCertificateHasExpired() throws Exception {
    NodeApiMisuseTest.MovableClock clock = new NodeApiMisuseTest.MovableClock();
    Path storeB = TestNetwork.fastStore("recovery-b");
    Message m = TestNetwork.message(A, List.of(B), "alert-stolen-vehicle.json", null);
    try (PcccNode a = builder(A, TestNetwork.fastStore("recovery-a"), clock).build().start();
        PcccNode b = builder(B, storeB, clock).build().start()) {
      // B has no handler yet: it commits and receipts, and keeps the message unhandled.
      a.send(m).receipt(B).get(10, TimeUnit.SECONDS);
      assertThat(b.unhandledMessages()).isEqualTo(1);
    }

    // Three years later every development certificate has expired.
    clock.advance(Duration.ofDays(3 * 365));
    assertThat(NET.pki().validity().contains(clock.instant())).isFalse();
    BlockingQueue<VerifiedMessage> handed = new LinkedBlockingQueue<>();
    try (PcccNode again = builder(B, storeB, clock).handler(MessageHandler.of(handed::add)).build().start()) {
      VerifiedMessage v = handed.poll(10, TimeUnit.SECONDS);
      assertThat(v).as("handed over after the restart").isNotNull();
      assertThat(v.message()).isEqualTo(m);
      assertThat(v.signerCentre()).isEqualTo(A);
    }
  }
}
