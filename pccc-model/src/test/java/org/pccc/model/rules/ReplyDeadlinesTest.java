package org.pccc.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.Urgency;

/** Directive (EU) 2023/977 Art. 5(1): 8 hours, 3 days or 7 days, counted on the instant line. */
class ReplyDeadlinesTest {
  private static final ZoneId SKOPJE = ZoneId.of("Europe/Skopje");

  static Stream<Arguments> article5() {
    return Stream.of(
        Arguments.of(Urgency.URGENT, DataAccess.DIRECT, Duration.ofHours(8)),
        Arguments.of(Urgency.URGENT, DataAccess.INDIRECT, Duration.ofHours(72)),
        Arguments.of(Urgency.NORMAL, DataAccess.DIRECT, Duration.ofHours(168)),
        Arguments.of(Urgency.NORMAL, DataAccess.INDIRECT, Duration.ofHours(168)));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("article5")
  void theThreeCasesOfArticle5(Urgency urgency, DataAccess access, Duration expected) {
    assertThat(ReplyDeadlines.allowed(urgency, access)).isEqualTo(expected);
    Instant received = Instant.parse("2026-11-30T06:12:00Z");
    assertThat(ReplyDeadlines.dueBy(urgency, access, received)).isEqualTo(received.plus(expected));
  }

  @Test
  void namedConstantsMatchTheDirective() {
    assertThat(ReplyDeadlines.URGENT_DIRECT).isEqualTo(Duration.ofHours(8));
    assertThat(ReplyDeadlines.URGENT_INDIRECT).isEqualTo(Duration.ofDays(3));
    assertThat(ReplyDeadlines.NON_URGENT).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void urgentDirectIsShorterThanUrgentIndirectIsShorterThanNormal() {
    assertThat(ReplyDeadlines.allowed(Urgency.URGENT, DataAccess.DIRECT))
        .isLessThan(ReplyDeadlines.allowed(Urgency.URGENT, DataAccess.INDIRECT));
    assertThat(ReplyDeadlines.allowed(Urgency.URGENT, DataAccess.INDIRECT))
        .isLessThan(ReplyDeadlines.allowed(Urgency.NORMAL, DataAccess.INDIRECT));
  }

  /**
   * Across the switch to summer time (29 March 2026, 01:00 UTC) and back (25 October 2026, 01:00 UTC)
   * the deadline stays exactly 8, 72 or 168 elapsed hours; only the wall clock in the region moves.
   */
  static Stream<Arguments> acrossDaylightSaving() {
    return Stream.of(
        Arguments.of("2026-03-29T00:30:00Z", Urgency.URGENT, DataAccess.DIRECT, 9),
        Arguments.of("2026-03-28T12:00:00Z", Urgency.URGENT, DataAccess.INDIRECT, 73),
        Arguments.of("2026-03-25T12:00:00Z", Urgency.NORMAL, DataAccess.DIRECT, 169),
        Arguments.of("2026-10-25T00:30:00Z", Urgency.URGENT, DataAccess.DIRECT, 7),
        Arguments.of("2026-10-24T12:00:00Z", Urgency.URGENT, DataAccess.INDIRECT, 71),
        Arguments.of("2026-10-20T12:00:00Z", Urgency.NORMAL, DataAccess.INDIRECT, 167));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("acrossDaylightSaving")
  void daylightSavingDoesNotChangeTheElapsedTime(String receivedAt, Urgency urgency, DataAccess access,
      long wallClockHours) {
    Instant received = Instant.parse(receivedAt);
    Instant due = ReplyDeadlines.dueBy(urgency, access, received);
    assertThat(Duration.between(received, due)).isEqualTo(ReplyDeadlines.allowed(urgency, access));
    // On a Skopje wall clock the same deadline looks an hour longer (spring) or shorter (autumn).
    LocalDateTime localReceived = LocalDateTime.ofInstant(received, SKOPJE);
    LocalDateTime localDue = LocalDateTime.ofInstant(due, SKOPJE);
    assertThat(Duration.between(localReceived, localDue).toHours()).isEqualTo(wallClockHours);
  }

  @Property(tries = 200)
  void dueByIsReceivedPlusAllowed(@ForAll("instants") Instant received, @ForAll Urgency urgency,
      @ForAll DataAccess access) {
    Instant due = ReplyDeadlines.dueBy(urgency, access, received);
    assertThat(due).isAfter(received);
    assertThat(Duration.between(received, due)).isEqualTo(ReplyDeadlines.allowed(urgency, access));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(Instant.parse("1970-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2199-12-31T23:59:59Z").getEpochSecond())
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
  }

  @Test
  void nullArgumentsAreNamed() {
    Instant now = Instant.parse("2026-11-30T06:12:00Z");
    assertThatThrownBy(() -> ReplyDeadlines.allowed(null, DataAccess.DIRECT))
        .isInstanceOf(NullPointerException.class).hasMessage("urgency");
    assertThatThrownBy(() -> ReplyDeadlines.allowed(Urgency.URGENT, null))
        .isInstanceOf(NullPointerException.class).hasMessage("access");
    // Access is required even where it does not change the answer, so callers cannot forget it.
    assertThatThrownBy(() -> ReplyDeadlines.allowed(Urgency.NORMAL, null))
        .isInstanceOf(NullPointerException.class).hasMessage("access");
    assertThatThrownBy(() -> ReplyDeadlines.dueBy(Urgency.URGENT, DataAccess.DIRECT, null))
        .isInstanceOf(NullPointerException.class).hasMessage("receivedAt");
    assertThatThrownBy(() -> ReplyDeadlines.dueBy(null, DataAccess.DIRECT, now))
        .isInstanceOf(NullPointerException.class).hasMessage("urgency");
    assertThatThrownBy(() -> ReplyDeadlines.dueBy(Urgency.NORMAL, null, now))
        .isInstanceOf(NullPointerException.class).hasMessage("access");
  }

  @Test
  void deadlinesBeyondTheEndOfTimeFailLoudly() {
    assertThatThrownBy(() -> ReplyDeadlines.dueBy(Urgency.URGENT, DataAccess.DIRECT, Instant.MAX))
        .isInstanceOf(DateTimeException.class);
  }
}
