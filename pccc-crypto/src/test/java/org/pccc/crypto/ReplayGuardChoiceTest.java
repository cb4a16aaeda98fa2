package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.crypto.EnvelopeFixtures.A;
import static org.pccc.crypto.EnvelopeFixtures.B;
import static org.pccc.crypto.EnvelopeFixtures.NET;
import static org.pccc.crypto.EnvelopeFixtures.assertRejected;
import static org.pccc.crypto.EnvelopeFixtures.message;
import static org.pccc.crypto.EnvelopeFixtures.openerBuilder;
import static org.pccc.crypto.EnvelopeFixtures.sealer;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.pccc.model.Message;

/**
 * Where an opener keeps its replay state is chosen at the call site (issue 13): there is no
 * silent in-memory default that forgets every id when the process restarts.
 */
class ReplayGuardChoiceTest {
  private static final String PERSON = "request-person-document.json";

  /** A stand-in for a durable store: it outlives the openers built on it, as a file or database would. */
  private static final class SurvivingGuard implements ReplayGuard {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean firstSeen(String signerCentre, UUID messageId, Instant createdAt) {
      return seen.add(signerCentre + " " + messageId);
    }
  }

  @Test
  void anOpenerCannotBeBuiltWithoutChoosingAReplayGuard() {
    assertThatThrownBy(() -> EnvelopeOpener.builder(NET.keys(B), NET.directory(), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("replayGuard");
  }

  @Test
  void replayAfterRestartIsRefusedByADurableGuardAndTheInMemoryGuardSaysWhatItGivesUp() {
    Message m = message(PERSON, A, B);
    byte[] recorded = sealer(A).seal(m).bytes();

    SurvivingGuard durable = new SurvivingGuard();
    assertThat(openerBuilder(B, durable).build().open(recorded).message()).isEqualTo(m);
    EnvelopeOpener afterRestart = openerBuilder(B, durable).build();
    assertRejected(ErrorCode.REPLAY, () -> afterRestart.open(recorded));
    // Genuine traffic still flows through the restarted opener.
    Message fresh = message(PERSON, A, B);
    assertThat(afterRestart.open(sealer(A).seal(fresh).bytes()).message()).isEqualTo(fresh);

    // The in-memory guard refuses the replay within one process only, as its name says.
    EnvelopeOpener inMemory = openerBuilder(B, ReplayGuard.inMemoryNotSurvivingRestart()).build();
    assertThat(inMemory.open(recorded).message()).isEqualTo(m);
    assertRejected(ErrorCode.REPLAY, () -> inMemory.open(recorded));
    EnvelopeOpener inMemoryAfterRestart = openerBuilder(B, ReplayGuard.inMemoryNotSurvivingRestart()).build();
    assertThat(inMemoryAfterRestart.open(recorded).message()).isEqualTo(m);
  }

  @Test
  void anInMemoryGuardShorterThanTheAcceptedAgeIsAConfigurationError() {
    assertThatThrownBy(() -> openerBuilder(B, ReplayGuard.inMemoryNotSurvivingRestart())
        .maxAge(Duration.ofDays(30)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("window");
    assertThat(openerBuilder(B, new InMemoryReplayGuard(10, Duration.ofDays(31))).maxAge(Duration.ofDays(30)).build())
        .isNotNull();
  }
}
