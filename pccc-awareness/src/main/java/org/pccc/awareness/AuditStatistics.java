package org.pccc.awareness;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.pccc.transport.store.AuditDirection;
import org.pccc.transport.store.AuditEntry;

/**
 * Computes {@link PeriodStatistics} from a node's audit log alone: no envelope is opened, no
 * content read. The audit log records, per message, its id, conversation, kind, centres, time and
 * (for rejections) a code; so it gives counts by kind, partner and direction, delivery outcomes,
 * duplicates, rejections by code, and reply times (a request and the first reply in its
 * conversation from the centre asked). It does not record urgency, due-by, reply outcome or
 * refusal ground: those need the messages, and are taken from a {@link RegionalPicture} fed with
 * them when one is given; otherwise they are listed in {@link PeriodStatistics#unavailable()}.
 * Stateless and thread-safe.
 */
public final class AuditStatistics {
  private AuditStatistics() {}

  /**
   * Reads and verifies a node's audit log and computes the statistics of a period.
   *
   * @param storeOrAuditFolder the node's store folder or its {@code audit} folder
   * @param from the start (inclusive)
   * @param to the end (exclusive)
   * @throws AwarenessException {@link AwarenessException#AUDIT_BROKEN}, {@link AwarenessException#AUDIT_UNREADABLE},
   *     {@link AwarenessException#INVALID_PERIOD}
   */
  public static PeriodStatistics of(Path storeOrAuditFolder, Instant from, Instant to) {
    checkPeriod(from, to);
    return compute(AuditEntries.readVerified(storeOrAuditFolder), from, to, null);
  }

  /**
   * Computes the statistics of a period from audit entries, completed by a picture where the
   * audit log cannot say (urgency, deadlines, outcomes, refusal grounds, delay notices).
   *
   * @param entries the audit log's entries, in order
   * @param from the start (inclusive)
   * @param to the end (exclusive)
   * @param picture a picture fed with the same node's messages, or null
   */
  public static PeriodStatistics compute(List<AuditEntry> entries, Instant from, Instant to, RegionalPicture picture) {
    checkPeriod(from, to);
    Objects.requireNonNull(entries, "entries");
    String centre = entries.stream().filter(e -> e.direction() == AuditDirection.SENT && e.senderCentre() != null)
        .map(AuditEntry::senderCentre).findFirst()
        .orElse(entries.stream().filter(e -> e.direction() == AuditDirection.RECEIVED)
            .flatMap(e -> e.recipientCentres().stream()).findFirst().orElse(null));
    SortedMap<String, Long> sent = new TreeMap<>();
    SortedMap<String, Long> received = new TreeMap<>();
    SortedMap<String, Map<String, Long>> partners = new TreeMap<>();
    SortedMap<String, Long> outcomes = new TreeMap<>();
    SortedMap<String, Long> rejections = new TreeMap<>();
    long duplicates = 0;
    // Requests by (request id, centre asked), with their time; replies by conversation.
    List<Pair> asked = new ArrayList<>();
    List<Pair> answering = new ArrayList<>();
    Map<UUID, List<AuditEntry>> repliesByConversation = new HashMap<>();
    Set<UUID> counted = new HashSet<>();
    for (AuditEntry e : entries) {
      if ("reply".equals(e.kind()) && e.conversationId() != null
          && (e.direction() == AuditDirection.SENT || e.direction() == AuditDirection.RECEIVED)) {
        repliesByConversation.computeIfAbsent(e.conversationId(), k -> new ArrayList<>()).add(e);
      }
      boolean inPeriod = !e.time().isBefore(from) && e.time().isBefore(to);
      if (!inPeriod) {
        continue;
      }
      switch (e.direction()) {
        case SENT -> {
          if (e.kind() == null || !counted.add(e.messageId())) {
            break;
          }
          sent.merge(e.kind(), 1L, Long::sum);
          for (String p : e.recipientCentres()) {
            partners.computeIfAbsent(p, k -> new TreeMap<>()).merge("sent", 1L, Long::sum);
            if ("information-request".equals(e.kind())) {
              asked.add(new Pair(e.messageId(), e.conversationId(), e.senderCentre(), p, e.time()));
            }
          }
        }
        case RECEIVED -> {
          if (e.kind() == null || e.senderCentre() == null || !counted.add(e.messageId())) {
            break;
          }
          received.merge(e.kind(), 1L, Long::sum);
          partners.computeIfAbsent(e.senderCentre(), k -> new TreeMap<>()).merge("received", 1L, Long::sum);
          if ("information-request".equals(e.kind())) {
            answering.add(new Pair(e.messageId(), e.conversationId(), e.senderCentre(),
                e.recipientCentres().isEmpty() ? centre : e.recipientCentres().get(0), e.time()));
          }
        }
        case RECEIPT_VERIFIED -> outcomes.merge("delivered", 1L, Long::sum);
        case EXPIRED -> outcomes.merge("expired", 1L, Long::sum);
        case DELIVERY_FAILED -> outcomes.merge("deliveryFailed " + e.code(), 1L, Long::sum);
        case DUPLICATE -> duplicates++;
        case REJECTED -> rejections.merge(e.code() == null ? "unknown" : e.code(), 1L, Long::sum);
        default -> {
          // HANDED_TO_APPLICATION, RECEIPT_SENT and REPAIR are not part of the statistics.
        }
      }
    }
    SortedMap<String, Long> byUrgency = new TreeMap<>();
    SortedMap<String, Long> byOutcome = new TreeMap<>();
    SortedMap<String, Long> byGround = new TreeMap<>();
    Long delayNotices = null;
    List<String> unavailable = new ArrayList<>();
    if (picture != null) {
      long delays = 0;
      for (Pair p : concat(asked, answering)) {
        Optional<RequestTrack> t = picture.track(p.requestId, p.requested);
        if (t.isEmpty() || t.get().urgency() == null) {
          continue;
        }
        byUrgency.merge(t.get().urgency().code(), 1L, Long::sum);
        if (t.get().outcome() != null && inside(t.get().answeredAt(), from, to)) {
          byOutcome.merge(t.get().outcome().code(), 1L, Long::sum);
          if (t.get().refusalGround() != null) {
            byGround.merge(t.get().refusalGround().code(), 1L, Long::sum);
          }
        }
        if (t.get().delayNoticeAt() != null && inside(t.get().delayNoticeAt(), from, to)) {
          byOutcome.merge("DELAY_NOTICE", 1L, Long::sum);
          if (p.requested.equals(centre)) {
            delays++;
          }
        }
      }
      delayNotices = delays;
    } else {
      unavailable.addAll(List.of("byUrgency", "repliesByOutcome", "refusalsByGround", "delayNoticesSent",
          "deadlines"));
    }
    return new PeriodStatistics(from, to, centre, sent, received, partners, byUrgency, outcomes, byOutcome, byGround,
        delayNotices, duplicates, rejections, times(answering, repliesByConversation, picture, to),
        times(asked, repliesByConversation, picture, to), unavailable);
  }

  private static List<Pair> concat(List<Pair> a, List<Pair> b) {
    List<Pair> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean inside(Instant t, Instant from, Instant to) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }

  private static PeriodStatistics.ReplyTimes times(List<Pair> requests, Map<UUID, List<AuditEntry>> replies,
      RegionalPicture picture, Instant end) {
    List<Long> minutes = new ArrayList<>();
    long withDeadline = 0;
    long met = 0;
    long overdue = 0;
    for (Pair p : requests) {
      RequestTrack t = picture == null ? null : picture.track(p.requestId, p.requested).orElse(null);
      Instant answeredAt;
      Instant sentAt = p.at;
      if (t != null && t.urgency() != null) {
        // The picture knows which reply was the answer (a delay notice is not).
        answeredAt = t.answeredAt() != null && t.answeredAt().isBefore(end) ? t.answeredAt() : null;
        sentAt = t.sentAt();
        if (answeredAt != null && t.dueBy() != null) {
          withDeadline++;
          met += answeredAt.isAfter(t.dueBy()) ? 0 : 1;
        }
        if (t.stateAt(end, picture.atRiskShare()) == RequestState.OVERDUE) {
          overdue++;
        }
      } else {
        answeredAt = firstReply(p, replies.getOrDefault(p.conversationId, List.of()), end);
      }
      if (answeredAt != null) {
        minutes.add(Math.max(0, Duration.between(sentAt, answeredAt).toMinutes()));
      }
    }
    minutes.sort(null);
    return new PeriodStatistics.ReplyTimes(requests.size(), minutes.size(), percentile(minutes, 50),
        percentile(minutes, 95), withDeadline, met, withDeadline == 0 ? null : (double) met / withDeadline,
        picture == null ? null : overdue);
  }

  private static Instant firstReply(Pair p, List<AuditEntry> replies, Instant end) {
    for (AuditEntry r : replies) {
      if (p.requested.equals(r.senderCentre()) && r.recipientCentres().contains(p.requester)
          && !r.time().isBefore(p.at) && r.time().isBefore(end)) {
        return r.time();
      }
    }
    return null;
  }

  /** Nearest-rank percentile of sorted values. */
  static Long percentile(List<Long> sorted, int pct) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(pct / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static void checkPeriod(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new AwarenessException(AwarenessException.INVALID_PERIOD, "the period's end must be after its start");
    }
  }

  private record Pair(UUID requestId, UUID conversationId, String requester, String requested, Instant at) {}
}
