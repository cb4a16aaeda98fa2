package org.pccc.awareness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The statistics a PCCC reports for a period, computed by {@link AuditStatistics} from its audit
 * log (and, where the audit log cannot say, from a {@link RegionalPicture}). Counts and codes only.
 * Immutable; maps are sorted by key.
 *
 * @param from the period's start (inclusive)
 * @param to the period's end (exclusive)
 * @param centre the centre whose log it is (the sender of its SENT entries), or null if the period has none
 * @param sentByKind messages sent, by kind (one per message, whatever its number of recipients)
 * @param receivedByKind messages received, by kind
 * @param byPartner per partner centre: {@code sent} (one per recipient) and {@code received} counts
 * @param byUrgency requests sent and received by urgency; empty without a picture (the audit log has no urgency)
 * @param outcomes of deliveries of sent messages: {@code delivered} (verified receipt), {@code expired}
 * @param repliesByOutcome replies by outcome, empty without a picture
 * @param refusalsByGround refusals by Art. 6 ground, empty without a picture
 * @param delayNoticesSent delay notices this centre sent, or null without a picture
 * @param duplicates duplicate envelopes answered with the original receipt
 * @param rejectionsByCode rejected inbound envelopes and receipts, by code
 * @param answering reply times of requests this centre answered
 * @param asking reply times of requests this centre made
 * @param unavailable what could not be computed from the audit log alone, by field name
 */
public record PeriodStatistics(
    Instant from,
    Instant to,
    String centre,
    SortedMap<String, Long> sentByKind,
    SortedMap<String, Long> receivedByKind,
    SortedMap<String, Map<String, Long>> byPartner,
    SortedMap<String, Long> byUrgency,
    SortedMap<String, Long> outcomes,
    SortedMap<String, Long> repliesByOutcome,
    SortedMap<String, Long> refusalsByGround,
    Long delayNoticesSent,
    long duplicates,
    SortedMap<String, Long> rejectionsByCode,
    ReplyTimes answering,
    ReplyTimes asking,
    List<String> unavailable) {

  /** Checks the parts and copies the list. */
  public PeriodStatistics {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(answering, "answering");
    Objects.requireNonNull(asking, "asking");
    sentByKind = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sentByKind));
    receivedByKind = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(receivedByKind));
    byPartner = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byPartner));
    byUrgency = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byUrgency));
    outcomes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(outcomes));
    repliesByOutcome = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(repliesByOutcome));
    refusalsByGround = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(refusalsByGround));
    rejectionsByCode = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rejectionsByCode));
    unavailable = List.copyOf(unavailable);
  }

  /**
   * Reply times of one side of the exchange, in minutes, against the Art. 5 deadlines.
   *
   * @param requests requests of the period on this side
   * @param answered of those, answered (a final reply: hit, no hit, partial or refusal; from the
   *     audit log alone: the first reply in the conversation)
   * @param medianMinutes the median reply time, or null if none was answered
   * @param p95Minutes the 95th percentile (nearest rank), or null if none was answered
   * @param withDeadline answered requests whose deadline is known (needs a picture)
   * @param deadlineMet of those, answered at or before the deadline
   * @param shareMet {@code deadlineMet / withDeadline}, or null if no deadline is known
   * @param overdueAtEnd requests unanswered and past their deadline at the period's end (needs a picture), or null
   */
  public record ReplyTimes(long requests, long answered, Long medianMinutes, Long p95Minutes, long withDeadline,
      long deadlineMet, Double shareMet, Long overdueAtEnd) {}
}
