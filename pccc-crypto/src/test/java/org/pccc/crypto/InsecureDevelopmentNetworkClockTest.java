package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.pki.InsecureDevelopmentPki;

/**
 * A development network on an injected clock dates everything from that clock, so a test that runs
 * on a fixed clock passes on any day: the same network opened on the real clock of a far later day
 * refuses the message for the certificate's validity, which is what a mixed test used to meet.
 */
class InsecureDevelopmentNetworkClockTest {
  private static final Instant LONG_AGO = Instant.parse("2019-03-04T05:06:07Z");

  @Test
  void everythingIsDatedFromTheInjectedClockWithOrWithoutASeed() {
    Clock clock = Clock.fixed(LONG_AGO, ZoneOffset.UTC);
    for (boolean seeded : new boolean[] {false, true}) {
      InsecureDevelopmentNetwork.Builder b = InsecureDevelopmentNetwork.builder("SEE-CLOCK").clock(clock)
          .centre("MK-RS-TABANOVCE", "MK").centre("RS-BA-SREMSKA-RACA", "RS");
      if (seeded) {
        b.insecureSeed(3);
      }
      InsecureDevelopmentNetwork net = b.build();
      assertThat(net.clock()).isSameAs(clock);
      assertThat(net.directory().directory().issuedAt()).isEqualTo(LONG_AGO);
      assertThat(net.pki().validity().contains(LONG_AGO)).isTrue();
      assertThat(net.pki().validity().contains(LONG_AGO.plus(Duration.ofDays(800)))).isFalse();

      VerifiedMessage opened = net.opener("RS-BA-SREMSKA-RACA")
          .open(net.sealer("MK-RS-TABANOVCE").seal(EnvelopeTest.message("MK-RS-TABANOVCE", "MK", LONG_AGO,
              "RS-BA-SREMSKA-RACA")).bytes());
      assertThat(opened.signerCentre()).isEqualTo("MK-RS-TABANOVCE");
    }
  }

  @Test
  void aSeededPkiWithoutAClockKeepsItsFixedReproducibleValidity() {
    InsecureDevelopmentPki pki = InsecureDevelopmentPki.builder().insecureSeed(3).centre("MK-RS-TABANOVCE", "MK", "Police")
        .build();
    assertThat(pki.validity()).isEqualTo(InsecureDevelopmentPki.SEEDED_DEFAULT_VALIDITY);
  }

  @Test
  void aMessageOpenedOnAnotherClockThanItsKeysIsRefusedSoMixedTestsShowUp() {
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-CLOCK")
        .clock(Clock.fixed(LONG_AGO, ZoneOffset.UTC)).centre("MK-RS-TABANOVCE", "MK").centre("RS-BA-SREMSKA-RACA", "RS")
        .build();
    Instant muchLater = LONG_AGO.plus(Duration.ofDays(1000));
    EnvelopeSealer sealer = EnvelopeSealer.builder(net.keys("MK-RS-TABANOVCE"), net.directory())
        .clock(Clock.fixed(LONG_AGO, ZoneOffset.UTC)).build();
    byte[] envelope = sealer.seal(EnvelopeTest.message("MK-RS-TABANOVCE", "MK", muchLater, "RS-BA-SREMSKA-RACA"))
        .bytes();
    EnvelopeOpener later = EnvelopeOpener.builder(net.keys("RS-BA-SREMSKA-RACA"), net.directory(),
            ReplayGuard.inMemoryNotSurvivingRestart())
        .clock(Clock.fixed(muchLater, ZoneOffset.UTC)).build();
    assertThatThrownBy(() -> later.open(envelope))
        .isInstanceOf(EnvelopeRejectedException.class).hasMessageContaining("PCCC-2009");
  }
}
