package org.pccc.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's simulated clock: the real time plus a forward-only offset, so that Art. 5 deadlines
 * are real. The simulation starts at the real time truncated to the minute, which stands for the
 * timeline's 05:55; each scripted step moves the clock to its label with {@link #at(String)}, and
 * between steps it runs in real time, so retries and receipts progress. It never goes backwards.
 * Every node, the development network, sealers, openers and the messages' created-at use it.
 */
final class DemoClock extends Clock {
  /** The timeline label the start of the simulation stands for. */
  static final LocalTime DAY_START = LocalTime.of(5, 55);
  /** How far past the start the scenario may move the clock (certificates and TLS stay valid). */
  static final Duration LIMIT = Duration.ofHours(20);

  private final Clock real;
  private final Instant start;
  private final AtomicLong offsetMillis = new AtomicLong();
  private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);

  DemoClock(Clock real) {
    this.real = real;
    this.start = real.instant().truncatedTo(ChronoUnit.MINUTES);
  }

  /** Returns the instant the timeline's 05:55 stands for. */
  Instant start() {
    return start;
  }

  /** Returns the simulated instant of a timeline label such as {@code "06:10"}. */
  Instant instantOf(String label) {
    Duration d = Duration.between(DAY_START, LocalTime.parse(label));
    if (d.isNegative() || d.compareTo(LIMIT) > 0) {
      throw new IllegalArgumentException("label outside the simulated day: " + label);
    }
    return start.plus(d);
  }

  /**
   * Moves the clock forward to a timeline label; a label it already passed leaves it where it is.
   *
   * @return the clock's reading after the move
   */
  Instant at(String label) {
    Instant target = instantOf(label);
    offsetMillis.accumulateAndGet(target.toEpochMilli() - real.millis(), Math::max);
    return instant();
  }

  /** Returns the label ({@code HH:mm}) of the clock's current reading. */
  String label() {
    return label(instant());
  }

  /** Returns the timeline label ({@code HH:mm}) of a simulated instant. */
  String label(Instant t) {
    return DAY_START.plus(Duration.between(start, t)).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  @Override
  public long millis() {
    long now = real.millis() + offsetMillis.get();
    // Forward-only even if the real clock steps back.
    return lastMillis.accumulateAndGet(now, Math::max);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("the demo clock is UTC only");
  }
}
