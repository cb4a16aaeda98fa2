package org.pccc.awareness;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.Alert;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.body.OperationalNotice;
import org.pccc.model.body.Reply;
import org.pccc.model.body.SituationEntry;
import org.pccc.model.body.SituationReport;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.RefusalGround;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.rules.ReplyDeadlines;
import org.pccc.model.subject.IdentityDocument;
import org.pccc.model.subject.Person;
import org.pccc.model.subject.PersonName;
import org.pccc.model.subject.Subject;
import org.pccc.model.subject.Vehicle;
import org.pccc.transport.ExchangeListener;
import org.pccc.transport.store.AuditDirection;
import org.pccc.transport.store.AuditEntry;

/**
 * The regional picture of a PCCC network as one centre sees it: active alerts with their
 * validity, operations under way, information requests per centre pair with their Art. 5
 * deadlines (and which are at risk), situation-report indicators per crossing point and period,
 * and message flows between centres by kind and urgency.
 *
 * <p><b>Feeding.</b> Give it every message the node verifies ({@link #onVerified}, or
 * {@link #listener()} as the node's listener) and every message the application sends
 * ({@link #onSent}); after a restart, {@link #replayAudit(Path)} restores flows, the timeline and
 * request/reply pairs from the node's audit log, and messages fed again (from the application's
 * own records) complete them with urgencies, deadlines and outcomes. Feeding a message twice, or
 * by audit entry and by content, counts it once.
 *
 * <p><b>Data minimisation, by construction.</b> The picture keeps codes, counts, times, crossing
 * point codes, positions and centre ids. Free text (summaries, facts, reasons, remarks, border
 * section names) never enters it. A subject's name, document number or plate is kept only for
 * alerts whose handling code is {@code H0} or {@code H1} and only if the caller chose so with
 * {@link Builder#revealSubjectsFor}; {@code H2} (no onward transmission) and {@code H3}
 * (conditions in free text) are never revealed.
 *
 * <p><b>Queries</b> ({@link #view(PictureQuery)}) return immutable snapshots as of a time, for a
 * period and optionally for one centre.
 *
 * <p>Thread-safe: every method may be called from any thread (the node's workers, a web handler).
 * Memory grows with the messages fed; {@link #forgetBefore(Instant)} drops what ended earlier.
 */
public final class RegionalPicture {
  /** The default share of the allowed time below which an open request is at risk: a quarter. */
  public static final double DEFAULT_AT_RISK_SHARE = 0.25;
  private static final String UNKNOWN = "UNKNOWN";

  private final Set<HandlingCode> reveal;
  private final double atRiskShare;

  private final Map<UUID, ActiveAlert> alerts = new LinkedHashMap<>();
  private final Map<UUID, NoticeInProgress> notices = new LinkedHashMap<>();
  private final Map<UUID, List<SituationIndicators>> situation = new LinkedHashMap<>();
  private final Map<UUID, TimelineEvent> timeline = new HashMap<>();
  /** Messages whose content was fed (audit entries for them are then ignored). */
  private final Set<UUID> contentSeen = new java.util.HashSet<>();
  /** Request tracks by request id, then requested centre. */
  private final Map<UUID, Map<String, Tracked>> requests = new LinkedHashMap<>();
  /** Replies seen before their request, by the request id they answer (or conversation id, from the audit). */
  private final Map<UUID, List<PendingReply>> pending = new HashMap<>();

  private RegionalPicture(Builder b) {
    this.reveal = b.reveal.isEmpty() ? Set.of() : Set.copyOf(b.reveal);
    this.atRiskShare = b.atRiskShare;
  }

  /** Returns a picture with the defaults: no subjects revealed, at risk below a quarter of the time allowed. */
  public static RegionalPicture create() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the share of the allowed time below which an open request is at risk. */
  public double atRiskShare() {
    return atRiskShare;
  }

  // ---------------------------------------------------------------- feeding

  /**
   * Adds a message the node received and verified.
   *
   * @param message as the node hands it to the application or its listener
   */
  public void onVerified(VerifiedMessage message) {
    onMessage(message.message());
  }

  /**
   * Adds a message this centre sent (call it after {@code PcccNode.send} accepted it).
   *
   * @param message the message as sent
   */
  public void onSent(Message message) {
    onMessage(message);
  }

  /**
   * Adds a message of the network, whoever sent it. Idempotent by message id.
   *
   * @param message a valid message (as the node verified or sent it)
   */
  public synchronized void onMessage(Message message) {
    Objects.requireNonNull(message, "message");
    Header h = message.header();
    if (!contentSeen.add(h.messageId())) {
      return;
    }
    String sender = h.sender().centreId();
    List<String> recipients = h.recipients().stream().map(Party::centreId).distinct().toList();
    timeline.put(h.messageId(), new TimelineEvent(h.createdAt(), h.messageId(), message.body().kind().code(),
        h.urgency().code(), sender, recipients));
    org.pccc.model.body.Body body = message.body();
    if (body instanceof Alert a) {
      alerts.put(h.messageId(), new ActiveAlert(h.messageId(), sender, recipients, a.alertType(), h.urgency(),
          h.handling().code(), h.createdAt(), a.validUntil(), a.subjects().size(),
          revealed(h.handling().code(), a.subjects())));
    } else if (body instanceof OperationalNotice n) {
      notices.put(h.messageId(), new NoticeInProgress(h.messageId(), sender, recipients, n.noticeType(),
          n.startsAt(), n.endsAt(), n.location().crossingPoint(), n.location().coordinates(), n.officers()));
    } else if (body instanceof SituationReport s) {
      situation.put(h.messageId(), indicators(h, s));
    } else if (body instanceof InformationRequest r) {
      for (String to : recipients) {
        Tracked t = track(h.messageId(), to, sender, h.conversationId(), h.createdAt());
        t.urgency = h.urgency();
        t.dataAccess = r.dataAccess();
        t.sentAt = h.createdAt();
        t.dueBy = h.dueBy() != null ? h.dueBy() : ReplyDeadlines.dueBy(h.urgency(), r.dataAccess(), h.createdAt());
      }
      attachPending(h.messageId(), h.messageId());
      attachPending(h.conversationId(), h.messageId());
    } else if (body instanceof Reply r) {
      reply(new PendingReply(h.messageId(), sender, h.createdAt(), h.inReplyTo(), h.conversationId(),
          r.outcome(), r.refusalGround(), r.delay() == null ? null : r.delay().expectedBy()));
    }
    // Receipts and error reports count in flows and the timeline only.
  }

  /**
   * Adds what an audit log entry says: a message sent or received, with its kind and centres
   * (urgency, deadlines and outcomes are not in the audit log). Other directions are ignored.
   * Idempotent by message id; an entry for a message whose content was fed is ignored.
   *
   * @param entry an entry of this node's audit log
   */
  public synchronized void onAudit(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (entry.direction() != AuditDirection.SENT && entry.direction() != AuditDirection.RECEIVED) {
      return;
    }
    UUID id = entry.messageId();
    if (id == null || entry.kind() == null || entry.senderCentre() == null || contentSeen.contains(id)
        || timeline.containsKey(id)) {
      return;
    }
    timeline.put(id, new TimelineEvent(entry.time(), id, entry.kind(), UNKNOWN, entry.senderCentre(),
        entry.recipientCentres()));
    if ("information-request".equals(entry.kind())) {
      for (String to : entry.recipientCentres()) {
        track(id, to, entry.senderCentre(), entry.conversationId(), entry.time());
      }
      if (entry.conversationId() != null) {
        attachPending(entry.conversationId(), id);
      }
    } else if ("reply".equals(entry.kind())) {
      reply(new PendingReply(id, entry.senderCentre(), entry.time(), null, entry.conversationId(), null, null, null));
    }
  }

  /**
   * Rebuilds from a node's audit log after a restart: verifies its hash chain, then feeds every
   * entry to {@link #onAudit}.
   *
   * @param auditFolder the audit log folder ({@code <store>/audit}) or the node's store folder
   * @return how many entries were read
   * @throws AwarenessException {@link AwarenessException#AUDIT_BROKEN} if the chain does not verify,
   *     {@link AwarenessException#AUDIT_UNREADABLE} if it cannot be read
   */
  public long replayAudit(Path auditFolder) {
    List<AuditEntry> entries = AuditEntries.readVerified(auditFolder);
    entries.forEach(this::onAudit);
    return entries.size();
  }

  /**
   * Returns a listener that feeds every message the node verifies into this picture. Give it to
   * the node's builder (or call it from the application's own listener).
   */
  public ExchangeListener listener() {
    return new ExchangeListener() {
      @Override
      public void received(VerifiedMessage message) {
        onVerified(message);
      }
    };
  }

  /**
   * Drops alerts that lapsed, operations that ended, situation reports whose period ended,
   * answered requests and timeline entries, all before {@code t}. Open requests are kept.
   *
   * @param t the horizon
   */
  public synchronized void forgetBefore(Instant t) {
    alerts.values().removeIf(a -> a.validUntil() != null && a.validUntil().isBefore(t));
    notices.values().removeIf(n -> n.endsAt() != null && n.endsAt().isBefore(t));
    situation.values().removeIf(l -> l.stream().allMatch(s -> s.periodEnd().isBefore(t)));
    timeline.values().removeIf(e -> e.time().isBefore(t));
    requests.values().forEach(m -> m.values().removeIf(r -> {
      RequestTrack tr = r.snapshot();
      return tr.answeredAt() != null && tr.answeredAt().isBefore(t);
    }));
    requests.values().removeIf(Map::isEmpty);
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns the picture for a query.
   *
   * @param q as of when, for which period, for which centre
   * @return an immutable snapshot
   */
  public synchronized PictureView view(PictureQuery q) {
    Instant asOf = q.asOf();
    String c = q.centre();
    List<ActiveAlert> a = alerts.values().stream().filter(x -> x.activeAt(asOf))
        .filter(x -> c == null || x.involves(c)).sorted(Comparator.comparing(ActiveAlert::issuedAt)).toList();
    List<NoticeInProgress> n = notices.values().stream().filter(x -> x.inProgressAt(asOf))
        .filter(x -> c == null || x.involves(c)).sorted(Comparator.comparing(NoticeInProgress::startsAt)).toList();
    List<RequestStatus> r = new ArrayList<>();
    for (Map<String, Tracked> byCentre : requests.values()) {
      for (Tracked t : byCentre.values()) {
        RequestTrack tr = t.snapshotAsOf(asOf);
        if (tr.sentAt().isAfter(asOf) || (c != null && !tr.involves(c))) {
          continue;
        }
        RequestState state = tr.stateAt(asOf, atRiskShare);
        if (!state.answered() || !tr.answeredAt().isBefore(q.from())) {
          r.add(new RequestStatus(tr, state));
        }
      }
    }
    r.sort(Comparator.comparing((RequestStatus s) -> s.track().sentAt()).thenComparing(s -> s.track().requestedCentre()));
    List<SituationIndicators> s = situation.values().stream().flatMap(List::stream)
        .filter(x -> x.overlaps(q.from(), q.to()) && !x.reportedAt().isAfter(asOf))
        .filter(x -> c == null || x.reportingCentre().equals(c))
        .sorted(Comparator.comparing(SituationIndicators::periodStart)
            .thenComparing(x -> x.crossingPoint() == null ? "~" : x.crossingPoint())
            .thenComparing(SituationIndicators::reportingCentre))
        .toList();
    List<TimelineEvent> events = timeline.values().stream().filter(e -> q.inPeriod(e.time()))
        .filter(e -> c == null || e.involves(c))
        .sorted(Comparator.comparing(TimelineEvent::time).thenComparing(TimelineEvent::messageId)).toList();
    Map<List<String>, Long> counts = new TreeMap<>(RegionalPicture::compareKeys);
    for (TimelineEvent e : events) {
      for (String to : e.toCentres()) {
        if (c != null && !c.equals(to) && !c.equals(e.fromCentre())) {
          continue;
        }
        counts.merge(List.of(e.fromCentre(), to, e.kind(), e.urgency()), 1L, Long::sum);
      }
    }
    List<Flow> flows = counts.entrySet().stream()
        .map(e -> new Flow(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3), e.getValue()))
        .toList();
    return new PictureView(q, a, n, r, s, flows, events);
  }

  /**
   * Returns one request track as the picture knows it now.
   *
   * @param requestId the request's message id
   * @param requestedCentre the centre asked
   */
  public synchronized java.util.Optional<RequestTrack> track(UUID requestId, String requestedCentre) {
    Map<String, Tracked> byCentre = requests.get(requestId);
    Tracked t = byCentre == null ? null : byCentre.get(requestedCentre);
    return t == null ? java.util.Optional.empty() : java.util.Optional.of(t.snapshot());
  }

  private static int compareKeys(List<String> x, List<String> y) {
    for (int i = 0; i < x.size(); i++) {
      int d = x.get(i).compareTo(y.get(i));
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  // ---------------------------------------------------------------- internals

  private List<SubjectIdentifier> revealed(HandlingCode handling, List<Subject> subjects) {
    if (!reveal.contains(handling)) {
      return List.of();
    }
    List<SubjectIdentifier> out = new ArrayList<>();
    for (Subject s : subjects) {
      if (s instanceof Person p && !p.names().isEmpty()) {
        PersonName name = p.names().get(0);
        out.add(new SubjectIdentifier("person",
            name.givenNames() == null ? name.surname() : name.surname() + ", " + name.givenNames()));
      } else if (s instanceof IdentityDocument d) {
        out.add(new SubjectIdentifier("document", d.documentType().code() + " " + d.number()));
      } else if (s instanceof Vehicle v && v.plate() != null) {
        out.add(new SubjectIdentifier("vehicle", v.plate().number() + " (" + v.plate().country().code() + ")"));
      }
    }
    return out;
  }

  private static List<SituationIndicators> indicators(Header h, SituationReport s) {
    // Entries without a crossing point are summed per reporting centre: their border-section
    // names are free text and stay out of the picture.
    Map<String, int[]> sums = new LinkedHashMap<>();
    Map<String, org.pccc.model.subject.Coordinates> where = new HashMap<>();
    for (SituationEntry e : s.entries()) {
      String key = e.location().crossingPoint() == null ? "" : e.location().crossingPoint();
      int[] n = sums.computeIfAbsent(key, k -> new int[5]);
      n[0] += e.irregularCrossings();
      n[1] += e.personsApprehended();
      n[2] += e.refusalsOfEntry();
      n[3] += e.smugglingCases();
      n[4] += e.seizures();
      if (!key.isEmpty() && e.location().coordinates() != null) {
        where.putIfAbsent(key, e.location().coordinates());
      }
    }
    List<SituationIndicators> out = new ArrayList<>();
    sums.forEach((k, n) -> out.add(new SituationIndicators(h.messageId(), h.sender().centreId(), h.createdAt(),
        k.isEmpty() ? null : k, where.get(k), s.periodStart(), s.periodEnd(), n[0], n[1], n[2], n[3], n[4])));
    return out;
  }

  private Tracked track(UUID requestId, String requested, String requester, UUID conversationId, Instant sentAt) {
    return requests.computeIfAbsent(requestId, k -> new LinkedHashMap<>())
        .computeIfAbsent(requested, k -> new Tracked(requestId, conversationId, requester, requested, sentAt));
  }

  private void reply(PendingReply p) {
    Tracked t = null;
    if (p.inReplyTo != null) {
      Map<String, Tracked> byCentre = requests.get(p.inReplyTo);
      t = byCentre == null ? null : byCentre.get(p.sender);
    } else if (p.conversationId != null) {
      t = byConversation(p.conversationId, p.sender, p.at);
    }
    if (t != null) {
      t.add(p);
      return;
    }
    UUID key = p.inReplyTo != null ? p.inReplyTo : p.conversationId;
    if (key != null) {
      pending.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
  }

  private Tracked byConversation(UUID conversationId, String requested, Instant before) {
    Tracked best = null;
    for (Map<String, Tracked> byCentre : requests.values()) {
      Tracked t = byCentre.get(requested);
      if (t != null && conversationId.equals(t.conversationId) && !t.sentAt.isAfter(before)
          && (best == null || t.sentAt.isAfter(best.sentAt))) {
        best = t;
      }
    }
    return best;
  }

  private void attachPending(UUID key, UUID requestId) {
    List<PendingReply> waiting = pending.remove(key);
    if (waiting == null) {
      return;
    }
    Map<String, Tracked> byCentre = requests.get(requestId);
    List<PendingReply> rest = new ArrayList<>();
    for (PendingReply p : waiting) {
      Tracked t = byCentre == null ? null : byCentre.get(p.sender);
      if (t != null) {
        t.add(p);
      } else {
        rest.add(p);
      }
    }
    if (!rest.isEmpty()) {
      pending.put(key, rest);
    }
  }

  /** A reply as far as the picture needs it; {@code outcome} is null when only the audit log saw it. */
  private record PendingReply(UUID id, String sender, Instant at, UUID inReplyTo, UUID conversationId,
      ReplyOutcome outcome, RefusalGround ground, Instant expectedBy) {}

  /** The mutable state of one request track, guarded by the picture's lock. */
  private static final class Tracked {
    final UUID requestId;
    final UUID conversationId;
    final String requester;
    final String requested;
    Instant sentAt;
    org.pccc.model.code.Urgency urgency;
    org.pccc.model.code.DataAccess dataAccess;
    Instant dueBy;
    final Map<UUID, PendingReply> replies = new LinkedHashMap<>();

    Tracked(UUID requestId, UUID conversationId, String requester, String requested, Instant sentAt) {
      this.requestId = requestId;
      this.conversationId = conversationId;
      this.requester = requester;
      this.requested = requested;
      this.sentAt = sentAt;
    }

    void add(PendingReply p) {
      PendingReply old = replies.get(p.id);
      // What the content says wins over what the audit log knew of the same reply.
      if (old == null || old.outcome == null) {
        replies.put(p.id, p);
      }
    }

    RequestTrack snapshot() {
      return snapshotAsOf(Instant.MAX);
    }

    RequestTrack snapshotAsOf(Instant asOf) {
      PendingReply answer = null;
      PendingReply delay = null;
      PendingReply clarification = null;
      for (PendingReply p : replies.values()) {
        if (p.at.isAfter(asOf)) {
          continue;
        }
        if (p.outcome == ReplyOutcome.DELAY_NOTICE) {
          delay = earliest(delay, p);
        } else if (p.outcome == ReplyOutcome.CLARIFICATION_REQUEST) {
          clarification = latest(clarification, p);
        } else {
          answer = earliest(answer, p);
        }
      }
      return new RequestTrack(requestId, conversationId, requester, requested, urgency, dataAccess, sentAt, dueBy,
          answer == null ? null : answer.at, answer == null ? null : answer.outcome,
          answer == null ? null : answer.ground, delay == null ? null : delay.at,
          delay == null ? null : delay.expectedBy, clarification == null ? null : clarification.at);
    }

    private static PendingReply earliest(PendingReply a, PendingReply b) {
      return a == null || b.at.isBefore(a.at) ? b : a;
    }

    private static PendingReply latest(PendingReply a, PendingReply b) {
      return a == null || b.at.isAfter(a.at) ? b : a;
    }
  }

  /** Builds a {@link RegionalPicture}. Not thread-safe; the picture it builds is. */
  public static final class Builder {
    private final Set<HandlingCode> reveal = EnumSet.noneOf(HandlingCode.class);
    private double atRiskShare = DEFAULT_AT_RISK_SHARE;

    private Builder() {}

    /**
     * Keeps the names, document numbers and plates of alerts with these handling codes, for a
     * picture that stays inside the centre. The default reveals nothing. Only {@code H0} and
     * {@code H1} may be given: {@code H2} forbids passing the data on and {@code H3}'s conditions
     * are free text no program can judge.
     *
     * @param codes handling codes whose alerts' subjects may be kept
     * @return this builder
     * @throws IllegalArgumentException for {@code H2} or {@code H3}
     */
    public Builder revealSubjectsFor(HandlingCode... codes) {
      for (HandlingCode c : codes) {
        if (c != HandlingCode.H0 && c != HandlingCode.H1) {
          throw new IllegalArgumentException("subjects of " + c.code() + " messages are never revealed");
        }
        reveal.add(c);
      }
      return this;
    }

    /**
     * Sets the share of the allowed time (request to deadline) below which an open request is at
     * risk; the default is {@value RegionalPicture#DEFAULT_AT_RISK_SHARE}.
     *
     * @param share between 0 and 1
     * @return this builder
     */
    public Builder atRiskShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be between 0 and 1");
      }
      this.atRiskShare = share;
      return this;
    }

    /** Returns the picture. */
    public RegionalPicture build() {
      return new RegionalPicture(this);
    }
  }
}
