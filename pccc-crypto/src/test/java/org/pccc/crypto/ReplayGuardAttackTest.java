package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pccc.crypto.EnvelopeFixtures.A;
import static org.pccc.crypto.EnvelopeFixtures.B;
import static org.pccc.crypto.EnvelopeFixtures.C;
import static org.pccc.crypto.EnvelopeFixtures.CREATED;
import static org.pccc.crypto.EnvelopeFixtures.assertRejected;
import static org.pccc.crypto.EnvelopeFixtures.message;
import static org.pccc.crypto.EnvelopeFixtures.openerBuilder;
import static org.pccc.crypto.EnvelopeFixtures.sealer;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pccc.model.Header;
import org.pccc.model.Message;

/**
 * Attacks on replay state by a member centre (issue 14, findings 3 and 10): squatting another
 * centre's message id, and filling the replay guard to lock everyone else out.
 */
class ReplayGuardAttackTest {
  private static final String PERSON = "request-person-document.json";
  private static final Duration WINDOW = EnvelopeOpener.DEFAULT_MAX_AGE.plus(EnvelopeOpener.DEFAULT_MAX_CLOCK_SKEW);

  /** The same message with another id. */
  private static Message withId(Message m, UUID id) {
    Header h = m.header().toBuilder().messageId(id).conversationId(id).build();
    return Message.of(h, m.body());
  }

  @Test
  void aMessageIdSquattedByACoRecipientDoesNotMakeTheGenuineMessageAReplay() {
    EnvelopeOpener atC = openerBuilder(C, new InMemoryReplayGuard(1000, WINDOW)).build();
    Message genuine = message(PERSON, A, B, C);
    // B, a co-recipient, learned the id and uses it first at C for a message of its own.
    Message squat = withId(message(PERSON, B, C), genuine.header().messageId());
    assertThat(atC.open(sealer(B).seal(squat).bytes()).signerCentre()).isEqualTo(B);

    VerifiedMessage v = atC.open(sealer(A).seal(genuine).bytes());
    assertThat(v.signerCentre()).isEqualTo(A);
    assertThat(v.message()).isEqualTo(genuine);
    // A's own replay is still a replay, named as A's.
    ReplayedMessageException replay = (ReplayedMessageException) assertRejected(ErrorCode.REPLAY,
        () -> atC.open(sealer(A).seal(genuine).bytes()));
    assertThat(replay.senderCentre()).isEqualTo(A);
  }

  @Test
  void oneCentreFillingTheReplayGuardIsStoppedByItsQuotaAndDoesNotLockOutOthers() {
    InMemoryReplayGuard guard = new InMemoryReplayGuard(3, WINDOW);
    EnvelopeOpener atC = openerBuilder(C, guard).build();
    for (int i = 0; i < 3; i++) {
      atC.open(sealer(B).seal(message(PERSON, B, C)).bytes());
    }
    assertRejected(ErrorCode.REPLAY_QUOTA_EXCEEDED, () -> atC.open(sealer(B).seal(message(PERSON, B, C)).bytes()));
    assertThat(guard.size(B)).isEqualTo(3);

    Message genuine = message(PERSON, A, C);
    assertThat(atC.open(sealer(A).seal(genuine).bytes()).message()).isEqualTo(genuine);
    assertThat(guard.size(A)).isEqualTo(1);
  }

  @Test
  void idsOlderThanTheWindowAreEvictedAndFreeTheQuota() {
    InMemoryReplayGuard guard = new InMemoryReplayGuard(2, Duration.ofMinutes(10));
    guard.firstSeen(B, UUID.randomUUID(), CREATED);
    guard.firstSeen(B, UUID.randomUUID(), CREATED.plusSeconds(1));
    assertRejected(ErrorCode.REPLAY_QUOTA_EXCEEDED,
        () -> guard.firstSeen(B, UUID.randomUUID(), CREATED.plusSeconds(2)));
    // Eleven minutes on, both ids are outside the window: evicted, and B may send again.
    assertThat(guard.firstSeen(B, UUID.randomUUID(), CREATED.plus(Duration.ofMinutes(11)))).isTrue();
    assertThat(guard.size(B)).isEqualTo(1);
    assertThat(guard.size()).isEqualTo(1);
    // Something older than the window is never accepted as new.
    assertThat(guard.firstSeen(A, UUID.randomUUID(), CREATED)).isFalse();
  }
}
