package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pccc.crypto.pki.KeyProfile;
import org.pccc.model.Message;

/**
 * One sealer and one opener shared by several threads, as a node shares them: the per-key caches
 * (classified keys, BouncyCastle parameters with their precomputations) and the per-thread JCA
 * engines must give every thread the right result, and a tampered envelope must still fail.
 */
class EnvelopeConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 25;

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void sharedSealerAndOpenerWorkFromManyThreads(KeyProfile profile) throws Exception {
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-CONCURRENT-" + profile.name().replace('_', '-'))
        .insecureSeed(7)
        .clock(EnvelopeTest.CLOCK)
        .profile(profile)
        .centre("MK-RS-TABANOVCE", "RS")
        .centre("MK-RS-TABANOVCE-MK", "MK")
        .build();
    EnvelopeSealer sealer = net.sealer("MK-RS-TABANOVCE");
    EnvelopeOpener opener = net.opener("MK-RS-TABANOVCE-MK");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Callable<Integer> work = () -> {
          int rejected = 0;
          for (int i = 0; i < ROUNDS; i++) {
            Message m = EnvelopeTest.message("MK-RS-TABANOVCE", "RS", EnvelopeTest.CLOCK.instant(), "MK-RS-TABANOVCE-MK");
            byte[] envelope = sealer.seal(m).bytes();
            assertThat(opener.open(envelope).message()).isEqualTo(m);
            byte[] tampered = envelope.clone();
            int at = new String(tampered, java.nio.charset.StandardCharsets.US_ASCII).indexOf("\"tag\":\"") + 8;
            tampered[at] = (byte) (tampered[at] == 'A' ? 'B' : 'A');
            try {
              opener.open(tampered);
            } catch (EnvelopeRejectedException e) {
              rejected++;
            }
          }
          return rejected;
        };
        results.add(pool.submit(work));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get(2, TimeUnit.MINUTES)).isEqualTo(ROUNDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
