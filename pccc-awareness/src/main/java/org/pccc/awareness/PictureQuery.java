package org.pccc.awareness;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to look at: the picture as of a time, for a period, optionally for one centre. Immutable.
 *
 * <p>Alerts, notices and open requests are judged at {@code asOf}; situation reports whose period
 * overlaps {@code [from, to)}, flows and the timeline of messages made in {@code [from, to)}, and
 * requests answered in it, are included. Nothing the picture learnt after {@code asOf} is shown.
 *
 * @param asOf the time the picture is judged at
 * @param from the start of the period (inclusive)
 * @param to the end of the period (exclusive)
 * @param centre a centre id to restrict to (items it sent, received, asked or was asked), or null
 */
public record PictureQuery(Instant asOf, Instant from, Instant to, String centre) {
  /** The period of {@link #asOf(Instant)}: the last 24 hours. */
  public static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

  /**
   * Checks the period.
   *
   * @throws AwarenessException {@link AwarenessException#INVALID_PERIOD} if {@code to} is not after {@code from}
   */
  public PictureQuery {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new AwarenessException(AwarenessException.INVALID_PERIOD, "the period's end must be after its start");
    }
  }

  /** The picture at {@code asOf}, with the 24 hours before it as the period. */
  public static PictureQuery asOf(Instant asOf) {
    return new PictureQuery(asOf, asOf.minus(DEFAULT_PERIOD), asOf, null);
  }

  /** The picture of the period {@code [from, to)}, judged at its end. */
  public static PictureQuery period(Instant from, Instant to) {
    return new PictureQuery(to, from, to, null);
  }

  /** Returns this query restricted to one centre. */
  public PictureQuery forCentre(String centreId) {
    return new PictureQuery(asOf, from, to, Objects.requireNonNull(centreId, "centreId"));
  }

  boolean inPeriod(Instant t) {
    return !t.isBefore(from) && t.isBefore(to) && !t.isAfter(asOf);
  }
}
