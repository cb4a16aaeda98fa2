package org.pccc.transport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.ReceiptVerifier;
import org.pccc.crypto.ReplayGuard;
import org.pccc.crypto.Receipts;
import org.pccc.crypto.ReplayedMessageException;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.crypto.SealedEnvelope;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.model.Handling;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.PcccException;
import org.pccc.model.Party;
import org.pccc.model.body.DelayNotice;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.body.Receipt;
import org.pccc.model.body.Reply;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.rules.ReplyDeadlines;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.spi.Transports;
import org.pccc.transport.store.AuditDirection;
import org.pccc.transport.store.AuditEvent;
import org.pccc.transport.store.AuditLog;
import org.pccc.transport.store.FileAuditLog;
import org.pccc.transport.store.FileInbox;
import org.pccc.transport.store.FileOutbox;
import org.pccc.transport.store.HandoverFolder;
import org.pccc.transport.store.Inbox;
import org.pccc.transport.store.InboxRecord;
import org.pccc.transport.store.Outbox;
import org.pccc.transport.store.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A centre's node: the one object an application needs to exchange messages with partner
 * centres reliably and securely, over any transport.
 *
 * <p><b>Sending.</b> {@link #send} validates and seals the message once for all recipients and
 * writes it to the outbox on disk (synced) before it returns; a scheduler then delivers it to
 * each recipient's endpoint from the directory, retrying with exponential backoff and jitter
 * until that recipient's signed receipt arrives and verifies, or the message's due-by passes.
 * A delivery the transport accepted but whose receipt does not come is sent again (receivers
 * deduplicate). Pending deliveries resume after a restart.
 *
 * <p><b>Receiving.</b> Each envelope is opened and checked ({@link EnvelopeOpener}); a new
 * message is committed to the inbox on disk together with the signed receipt, the receipt goes
 * back to the sender, and the {@link MessageHandler} gets the message once, with a
 * {@link MessageContext} to reply, send a delay notice or forward. A node built without a handler
 * fails closed: it receipts messages but leaves them unhandled in the inbox, and hands them over
 * when it is next started with a handler ({@link #unhandledMessages()}). A message that arrives
 * again gets the original receipt again. Rejected envelopes are counted by code.
 *
 * <p><b>Futures always complete.</b> A receipt future fails with a {@link DeliveryException} when
 * the delivery expires or is refused, a reply future with a {@link ReplyException} when the
 * request's due-by passes, every recipient refused it, or the node closes; {@link #close()} fails
 * every future still waiting, so {@code get()} without a timeout never hangs.
 *
 * <p><b>Deadlines.</b> For each received information request the node tracks the reply
 * deadline (the header's due-by or Directive (EU) 2023/977 Art. 5) and tells the
 * {@link ExchangeListener} a configurable time before it passes; {@link #sendDelayNotice} sends
 * the Art. 5(2) notice.
 *
 * <p><b>Retention.</b> Inbox records of handed-over messages are purged on a schedule ({@link
 * Builder#purgeInterval}) once older than {@link Builder#inboxRetention}, which outlasts the
 * replay window.
 *
 * <p><b>Audit.</b> Every message sent and received, every receipt and rejection is appended to a
 * hash-chained audit log: ids, kinds, centres, envelope digests and codes, never content.
 *
 * <p>Thread-safe. Build with {@link #builder}, call {@link #start()}, and {@link #close()} when
 * done.
 */
public final class PcccNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PcccNode.class);
  private static final int DUE_BATCH = 512;
  /** The replay window of the node's opener: an inbox record must be kept at least this long. */
  private static final Duration MIN_INBOX_RETENTION =
      EnvelopeOpener.DEFAULT_MAX_AGE.plus(EnvelopeOpener.DEFAULT_MAX_CLOCK_SKEW);
  /** Default inbox retention: the replay window and a day. */
  public static final Duration DEFAULT_INBOX_RETENTION = MIN_INBOX_RETENTION.plus(Duration.ofDays(1));

  private final CentreKeys keys;
  private final TrustedDirectory directory;
  private final List<Transport> transports;
  /** Transports the builder found through the SPI for {@code listenOn} endpoints: the node closes them. */
  private final List<Transport> discoveredTransports;
  private final List<URI> listenOn;
  private final MessageHandler handler;
  private final ExchangeListener listener;
  private final RetryPolicy retry;
  private final Duration deadlineWarning;
  private final Duration defaultExpiry;
  private final Duration pollInterval;
  private final Clock clock;
  private final PcccJson json;
  private final EnvelopeSealer sealer;
  private final ReceiptVerifier receiptVerifier;
  private final EnvelopeOpener opener;
  /** Builds the opener of a recovered envelope; used by {@link #start} alone, one thread. */
  private final EnvelopeOpener.Builder recoveryOpener;
  private final HandoverFolder handover;
  private final Duration inboxRetention;
  private final int maxInboxRecordsPerSender;
  private final Duration purgeInterval;
  private final Outbox outbox;
  private final Inbox inbox;
  private final AuditLog audit;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;

  private final Map<DeliveryKey, CompletableFuture<VerifiedReceipt>> pendingReceipts = new ConcurrentHashMap<>();
  private final Set<DeliveryKey> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<DeliveryKey, Integer> sendsWithoutReceipt = new ConcurrentHashMap<>();
  private final PendingReplies pendingReplies = new PendingReplies();
  private final AllOrNothingEnqueue enqueue;
  private final Map<RequestKey, OpenRequest> openRequests = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Instant nextExpiryScan = Instant.MIN;

  private record DeliveryKey(UUID messageId, String centre) {}

  /** A received request: ids are the sender's choice, so the requester is part of the key. */
  private record RequestKey(String requesterCentre, UUID requestId) {}

  /** A sent request's reply future and who may complete it: only the request's recipients. */

  /**
   * A request received by this centre whose reply deadline is being tracked.
   *
   * @param requestId the request's message id
   * @param requesterCentre who asked
   * @param dueBy when the reply is due
   */
  public record OpenRequest(UUID requestId, String requesterCentre, Instant dueBy) {}

  /**
   * A request sent with {@link #request}: its delivery and the first reply to it.
   *
   * @param delivery the delivery handle
   * @param reply completes with the first verified reply naming the request and signed by one of
   *     its recipients that is not a delay notice (a delay notice goes to the handler and moves the
   *     deadline to its expected-by), or fails with a {@link ReplyException}
   */
  public record PendingRequest(DeliveryHandle delivery, CompletableFuture<VerifiedMessage> reply) {}

  private PcccNode(Builder b) {
    this.keys = b.keys;
    this.directory = b.directory;
    this.transports = List.copyOf(b.transports);
    this.discoveredTransports = List.copyOf(b.discovered);
    this.handler = b.handler;
    this.listener = b.listener;
    this.retry = b.retry;
    this.deadlineWarning = b.deadlineWarning;
    this.defaultExpiry = b.defaultExpiry;
    this.pollInterval = b.pollInterval;
    this.clock = b.clock;
    this.json = PcccJson.create();
    EnvelopeSealer.Builder sb = EnvelopeSealer.builder(keys, directory).clock(clock);
    if (b.certificateValidator != null) {
      sb.certificateValidator(b.certificateValidator); // recipients' encryption certificates too
    }
    this.sealer = sb.build();
    this.receiptVerifier = ReceiptVerifier.builder(directory).clock(clock)
        .certificateValidator(b.certificateValidator).build();
    this.maxInboxRecordsPerSender = b.maxInboxRecordsPerSender;
    // The stores date what they record on the node's clock, like everything else the node does.
    this.outbox = b.outboxDecorator.apply(FileOutbox.builder(b.storeFolder.resolve("outbox")).clock(clock).open());
    this.enqueue = new AllOrNothingEnqueue(outbox, b.storeFolder.resolve("enqueue"));
    enqueue.recover();
    this.inbox = FileInbox.builder(b.storeFolder.resolve("inbox")).clock(clock).open();
    this.audit = FileAuditLog.builder(b.storeFolder.resolve("audit")).clock(clock).open();
    // The durable inbox is the replay guard: a (signer, id) it holds is a duplicate whatever the
    // restarts; another signer's use of the same id is not (see onSealedEnvelope).
    this.opener = openerBuilder(b, (signer, id, createdAt) -> {
      if (inbox.find(signer, id).isPresent()) {
        return false;
      }
      if (inbox.sizeFrom(signer) >= maxInboxRecordsPerSender) {
        // One centre flooding the node fills its own quota, never the others' room.
        throw new EnvelopeRejectedException(ErrorCode.REPLAY_QUOTA_EXCEEDED,
            "centre " + signer + " has " + maxInboxRecordsPerSender + " messages inside the inbox retention");
      }
      return true;
    }).build();
    // Re-opens envelopes committed but not handed over before a crash: the inbox already holds
    // their ids, so this opener's replay guard must let them through (they are not replays).
    this.recoveryOpener = openerBuilder(b, (signer, id, createdAt) -> true);
    this.handover = HandoverFolder.open(b.storeFolder.resolve("handover"), clock);
    this.inboxRetention = b.inboxRetention;
    this.purgeInterval = b.purgeInterval;
    this.listenOn = b.listenOn.isEmpty() ? ownEndpoints() : List.copyOf(b.listenOn);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pccc-node-" + keys.centreId() + "-scheduler"));
    this.workers = Executors.newFixedThreadPool(b.workerThreads, r -> daemon(r, "pccc-node-" + keys.centreId() + "-worker"));
  }

  private EnvelopeOpener.Builder openerBuilder(Builder b, ReplayGuard guard) {
    EnvelopeOpener.Builder ob = EnvelopeOpener.builder(keys, directory, guard).clock(clock);
    if (b.certificateValidator != null) {
      ob.certificateValidator(b.certificateValidator);
    }
    return ob;
  }

  /**
   * Returns a builder.
   *
   * @param keys this centre's keys
   * @param directory the verified network directory
   * @param storeFolder where the outbox, inbox and audit log live
   */
  public static Builder builder(CentreKeys keys, TrustedDirectory directory, Path storeFolder) {
    return new Builder(keys, directory, storeFolder);
  }

  /** Returns this centre's id. */
  public String centreId() {
    return keys.centreId();
  }

  /**
   * Starts listening on the node's endpoints, hands over messages left unhandled by a previous
   * run (or received while the node had no handler), and starts the delivery scheduler.
   *
   * @return this node
   */
  public PcccNode start() {
    if (!started.compareAndSet(false, true)) {
      return this;
    }
    List<InboxRecord> waiting = inbox.unhandled();
    handover.retainOnly(waiting);
    if (handler == null && !waiting.isEmpty()) {
      LOG.warn("{} messages wait unhandled in the inbox: build the node with a handler to receive them",
          waiting.size());
    }
    for (InboxRecord r : handler == null ? List.<InboxRecord>of() : waiting) {
      recoverHandOver(r);
    }
    for (URI endpoint : listenOn) {
      Transport t = transportFor(endpoint)
          .orElseThrow(() -> new TransportException(TransportException.NO_TRANSPORT,
              "no transport of this node serves " + endpoint.getScheme(), false));
      listeners.add(t.listen(endpoint, this::onEnvelope));
    }
    long period = Math.max(1, pollInterval.toMillis());
    scheduler.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    long purgeMillis = Math.max(1, purgeInterval.toMillis());
    scheduler.scheduleWithFixedDelay(this::purgeInbox, purgeMillis, purgeMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Hands over a message committed before a crash, but only the envelope the inbox record commits
   * to: the kept file's digest must be the record's, and it must open as the record's message id
   * from the record's sender. Anything else is quarantined and audited ({@link
   * InboundRefusedException#HANDOVER_MISMATCH}), never given to the application.
   */
  private void recoverHandOver(InboxRecord r) {
    HandoverFolder.Kept kept = handover.read(r);
    if (kept instanceof HandoverFolder.Kept.Missing) {
      LOG.warn("message {} committed but its envelope for hand-over is missing", r.messageId());
      return;
    }
    if (kept instanceof HandoverFolder.Kept.Envelope e) {
      try {
        // Trust was judged when the record was committed (and receipted): judge it again as of
        // then, so that a key expired or revoked since cannot make a committed message vanish.
        VerifiedMessage v = recoveryOpener.clock(Clock.fixed(r.receivedAt(), ZoneOffset.UTC)).build().open(e.bytes());
        if (v.message().header().messageId().equals(r.messageId()) && v.signerCentre().equals(r.senderCentre())) {
          workers.execute(() -> handOver(v));
          return;
        }
      } catch (EnvelopeRejectedException ex) {
        LOG.warn("message {} could not be reopened for hand-over ({})", r.messageId(), ex.code());
        return;
      }
      handover.quarantine(r);
    }
    LOG.error("{}: the envelope kept for hand-over of message {} from {} is not the one committed; quarantined",
        InboundRefusedException.HANDOVER_MISMATCH, r.messageId(), r.senderCentre());
    reject(r.messageId(), r.senderCentre(), r.envelopeSha256(), InboundRefusedException.HANDOVER_MISMATCH);
  }

  /** Forgets inbox records older than the retention (which outlasts the replay window). */
  private void purgeInbox() {
    if (closed.get()) {
      return;
    }
    try {
      Instant cutoff = clock.instant().minus(inboxRetention);
      int purged = inbox.purgeOlderThan(cutoff);
      listener.inboxPurged(purged, cutoff);
    } catch (RuntimeException e) {
      LOG.warn("inbox purge failed ({}); will try again", e.getClass().getSimpleName());
    }
  }

  /**
   * Returns the node's inbound entry point: what its own transports' listeners call, for a host
   * that receives envelopes in its own server, for example by mounting
   * {@code EnvelopeServlet.create(EnvelopeEndpoint.create(node.inbound()), tls)} in its servlet
   * container. Each envelope is opened, checked, committed and receipted exactly as one that
   * arrived through {@link Builder#listenOn}; the returned stage completes when it is committed and
   * fails with a {@link TransportException} otherwise (retryable when the node could not commit it,
   * not retryable when it is refused). An entry {@link InboundEnvelope#AUTHENTICATED_PEER_CENTRE}
   * in the metadata makes the node refuse an envelope or receipt signed by another centre
   * ({@link TransportException#PEER_NOT_SIGNER}). Thread-safe.
   *
   * @return the entry point, valid as long as this node is open
   */
  public org.pccc.transport.spi.InboundHandler inbound() {
    return this::onEnvelope;
  }

  /** Returns the endpoints this node listens on (as the transports report them). */
  public List<URI> endpoints() {
    return listeners.stream().map(Listener::endpoint).toList();
  }

  /**
   * Sends a message to every recipient named in its header. Returns once the sealed envelope is
   * durable in the outbox for every recipient. Sending is idempotent by message id: a message id
   * already in the outbox (or already delivered) is refused with the store's
   * {@code PCCC-4004 DUPLICATE}, so a restarted application can safely send its batch again.
   * The outbox takes the message for every recipient or for none: if {@code send} throws (a store
   * failure at one recipient, a crash), sending the same message again reaches every recipient.
   *
   * @param message a valid message whose sender is this centre
   * @return the handle on the receipts
   * @throws org.pccc.model.validation.ValidationException if the message is not valid
   * @throws TransportException if a recipient has no endpoint this node can reach
   */
  public DeliveryHandle send(Message message) {
    return send(message, null);
  }

  // Enqueues for every recipient or for none (AllOrNothingEnqueue), so a failure at one recipient
  // leaves nothing behind and sending the message again reaches every recipient.
  private DeliveryHandle send(Message message, String auditCode) {
    ensureOpen();
    Header h = message.header();
    Set<String> recipients = new LinkedHashSet<>();
    for (Party p : h.recipients()) {
      recipients.add(p.centreId());
    }
    Map<String, URI> endpoints = new LinkedHashMap<>();
    for (String centre : recipients) {
      endpoints.put(centre, endpointOf(centre));
    }
    SealedEnvelope envelope = sealer.seal(message);
    Instant dueBy = h.dueBy() != null ? h.dueBy() : h.createdAt().plus(defaultExpiry);
    Map<String, CompletableFuture<VerifiedReceipt>> futures = new LinkedHashMap<>();
    List<OutboxEntry> entries = new ArrayList<>();
    String kind = message.body().kind().code();
    Instant now = clock.instant();
    for (Map.Entry<String, URI> e : endpoints.entrySet()) {
      entries.add(OutboxEntry.create(h.messageId(), h.conversationId(), kind, keys.centreId(), e.getKey(),
          e.getValue(), envelope.bytes(), now, dueBy, envelope.signedSha256()));
      CompletableFuture<VerifiedReceipt> f = new CompletableFuture<>();
      futures.put(e.getKey(), f);
      pendingReceipts.put(new DeliveryKey(h.messageId(), e.getKey()), f);
    }
    try {
      enqueue.enqueue(entries);
    } catch (RuntimeException | Error failure) {
      // For example the same message id sent before: nothing new is in the outbox for it.
      futures.forEach((centre, f) -> pendingReceipts.remove(new DeliveryKey(h.messageId(), centre), f));
      throw failure;
    }
    for (String centre : futures.keySet()) {
      listener.sent(h.messageId(), kind, centre);
    }
    audit.append(new AuditEvent(AuditDirection.SENT, h.messageId(), h.conversationId(), kind, keys.centreId(),
        List.copyOf(recipients), envelope.sha256(), auditCode));
    if (message.body() instanceof Reply reply && h.inReplyTo() != null
        && reply.outcome() != ReplyOutcome.DELAY_NOTICE && reply.outcome() != ReplyOutcome.CLARIFICATION_REQUEST) {
      for (String requester : recipients) {
        openRequests.remove(new RequestKey(requester, h.inReplyTo()));
      }
    }
    scheduler.execute(this::tick);
    return new DeliveryHandle(h.messageId(), futures);
  }

  /**
   * Sends a request and correlates the first reply that names it and is signed by one of the
   * request's recipients. A message from any other centre naming the request is refused ({@link
   * InboundRefusedException#REPLY_NOT_FROM_RECIPIENT}, audited) while the reply is awaited. The
   * reply future always completes: with the reply, or with a {@link ReplyException} when the
   * request's due-by (or, without one, the default expiry) passes first
   * ({@link ReplyException#EXPIRED}), every recipient refused it ({@link ReplyException#REFUSED}),
   * or the node closes ({@link ReplyException#NODE_CLOSED}).
   *
   * @param request a valid message
   * @return the delivery handle and the future reply
   */
  public PendingRequest request(Message request) {
    Header h = request.header();
    Set<String> recipients = new LinkedHashSet<>();
    for (Party p : h.recipients()) {
      recipients.add(p.centreId());
    }
    Instant dueBy = h.dueBy() != null ? h.dueBy() : h.createdAt().plus(defaultExpiry);
    CompletableFuture<VerifiedMessage> reply = pendingReplies.register(h.messageId(), recipients, dueBy);
    try {
      return new PendingRequest(send(request), reply);
    } catch (RuntimeException e) {
      pendingReplies.forget(h.messageId());
      throw e;
    }
  }

  /**
   * Sends the delay notice of Directive (EU) 2023/977 Art. 5(2) for a request this centre
   * received, and moves the tracked deadline to the new expected date.
   *
   * @param request the request received
   * @param expectedBy when the reply is now expected
   * @param reasons why (for example judicial authorisation pending)
   * @return the delivery handle
   */
  public DeliveryHandle sendDelayNotice(VerifiedMessage request, Instant expectedBy, String reasons) {
    Header in = request.message().header();
    Header h = replyHeaderFor(request).handling(Handling.of(HandlingCode.H0)).build();
    Reply body = new Reply(ReplyOutcome.DELAY_NOTICE, List.of(), null, null, List.of(),
        new DelayNotice(expectedBy, reasons), List.of());
    DeliveryHandle handle = send(Message.of(h, body));
    openRequests.computeIfPresent(new RequestKey(request.signerCentre(), in.messageId()),
        (key, open) -> new OpenRequest(open.requestId(), open.requesterCentre(), expectedBy));
    return handle;
  }

  /**
   * Passes on the content of a received message to other centres, enforcing its handling code:
   * content received under H2 is not passed on without the provider's permission, which is
   * recorded in the audit log.
   *
   * @param received the message received
   * @param recipients where to send it
   * @param permission the provider's permission, required for H2, otherwise may be null
   * @return the delivery handle
   * @throws HandlingRestrictionException if the content is H2 and no permission is given
   */
  public DeliveryHandle forward(VerifiedMessage received, List<Party> recipients, ForwardingPermission permission) {
    Header in = received.message().header();
    boolean h2 = in.handling().forbidsOnwardTransmission();
    if (h2 && (permission == null || !permission.grantedByCentre().equals(received.signerCentre()))) {
      throw new HandlingRestrictionException("message " + in.messageId()
          + " was received under H2: forwarding needs the permission of " + received.signerCentre());
    }
    // A new message id; the conversation and the request answered stay, so the trail links up.
    UUID id = UUID.randomUUID();
    Header fresh = new Header(id, in.conversationId(), in.inReplyTo(), self(in), recipients, clock.instant(),
        in.urgency(), in.urgencyReason(), in.dueBy(), in.handling(), in.language(), in.legalBasis(), in.purpose(),
        in.evaluation());
    if (h2) {
      LOG.info("forwarding H2 message {} as {} with the permission of {} (reference {})", in.messageId(), id,
          permission.grantedByCentre(), permission.reference());
    }
    return send(Message.of(fresh, received.message().body()), h2 ? HandlingRestrictionException.FORWARDED_WITH_PERMISSION : null);
  }

  /**
   * Returns how many received messages wait in the inbox for a handler: those whose handler threw,
   * and, on a node built without a handler, every message received. They are handed over at the
   * next {@link #start()} of a node on the same store with a handler.
   */
  public int unhandledMessages() {
    return inbox.unhandled().size();
  }

  /** A reply header to a received message, as {@link MessageContext#replyHeader()} describes it. */
  Header.Builder replyHeaderFor(VerifiedMessage received) {
    Header in = received.message().header();
    return Header.builder()
        .conversationId(in.conversationId())
        .inReplyTo(in.messageId())
        .sender(self(in))
        .recipients(List.of(in.sender()))
        .createdAt(clock.instant())
        .urgency(in.urgency())
        .language(in.language());
  }

  /** Returns the requests received whose replies are still due. */
  public List<OpenRequest> openRequests() {
    return List.copyOf(openRequests.values());
  }

  /** Returns how many deliveries are waiting for a receipt. */
  public int pendingDeliveries() {
    return outbox.pendingCount();
  }

  /** Returns the audit log's current head (sequence and hash), to anchor a later verification. */
  public org.pccc.transport.store.Anchor auditHead() {
    return audit.head();
  }

  private Party self(Header received) {
    return received.recipients().stream().filter(p -> p.centreId().equals(keys.centreId())).findFirst()
        .orElseGet(() -> new Party(keys.centreId(), received.sender().country(), null));
  }

  // ---------------------------------------------------------------- inbound

  private CompletionStage<Void> onEnvelope(InboundEnvelope envelope) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.CLOSED, "node closed", true));
    }
    byte[] bytes = envelope.bytes();
    String peer = envelope.metadata().get(InboundEnvelope.AUTHENTICATED_PEER_CENTRE);
    try {
      if (looksLikeJson(bytes)) {
        onSealedEnvelope(bytes, peer);
      } else {
        onReceipt(bytes, peer);
      }
      return CompletableFuture.completedFuture(null);
    } catch (PeerNotSignerException e) {
      reject(null, e.signer, org.pccc.crypto.Digests.sha256Hex(bytes), TransportException.PEER_NOT_SIGNER);
      return CompletableFuture.failedFuture(new TransportException(TransportException.PEER_NOT_SIGNER,
          "the authenticated peer " + peer + " is not the signer " + e.signer, false));
    } catch (InboundRefusedException e) {
      reject(e.messageId(), e.senderCentre(), org.pccc.crypto.Digests.sha256Hex(bytes), e.code());
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED, e.getMessage(), false, e));
    } catch (EnvelopeRejectedException e) {
      reject(null, null, org.pccc.crypto.Digests.sha256Hex(bytes), e.code());
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED, e.getMessage(), false, e));
    } catch (PcccException e) {
      // Our own stores or configuration failed: keep the envelope for a later attempt.
      LOG.warn("inbound envelope not committed ({}); it will be delivered again", e.code());
      return CompletableFuture.failedFuture(new TransportException(TransportException.UNAVAILABLE, e.code(), true, e));
    } catch (RuntimeException e) {
      LOG.warn("inbound envelope not committed ({}); it will be delivered again", e.getClass().getSimpleName());
      return CompletableFuture.failedFuture(
          new TransportException(TransportException.UNAVAILABLE, "internal error", true, e));
    }
  }

  /** The transport authenticated a peer that is not the signer: refused before anything is kept. */
  private static final class PeerNotSignerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String signer;

    PeerNotSignerException(String signer) {
      super(null, null, false, false);
      this.signer = signer;
    }
  }

  private static void requirePeerIsSigner(String peer, String signer) {
    if (peer != null && !peer.equals(signer)) {
      throw new PeerNotSignerException(signer);
    }
  }

  private void onSealedEnvelope(byte[] bytes, String peer) {
    VerifiedMessage v;
    try {
      v = opener.open(bytes);
    } catch (ReplayedMessageException e) {
      requirePeerIsSigner(peer, e.senderCentre());
      answerDuplicate(e.messageId(), e.senderCentre());
      return;
    }
    requirePeerIsSigner(peer, v.signerCentre());
    Message m = v.message();
    Header h = m.header();
    if (h.inReplyTo() != null && pendingReplies.awaitsFromOthersThan(h.inReplyTo(), v.signerCentre())) {
      // Only a centre the request went to may answer it: another member naming our request
      // would otherwise complete the caller's future with its own content.
      throw new InboundRefusedException(InboundRefusedException.REPLY_NOT_FROM_RECIPIENT, h.messageId(),
          v.signerCentre(), "message " + h.messageId() + " from " + v.signerCentre()
          + " names a request that was not sent to that centre");
    }
    Receipts.SignedReceipt receipt = Receipts.issue(v, keys, clock);
    InboxRecord record = new InboxRecord(h.messageId(), v.signerCentre(), v.openedAt(), v.envelopeSha256(),
        receipt.jws(), false);
    // The sealed envelope is kept until the application has the message, so that a crash between
    // commit and hand-over does not lose it; it is deleted once the handler returns. Its name
    // binds it to the record (sender, id, digest), and recovery checks the content against it.
    handover.keep(record, bytes);
    if (!inbox.commit(record)) {
      Optional<InboxRecord> committed = inbox.find(v.signerCentre(), h.messageId());
      if (committed.isEmpty() || !committed.get().envelopeSha256().equals(record.envelopeSha256())
          || committed.get().handedToApplication()) {
        handover.release(record); // a copy with other bytes lost the race: its file is not needed
      }
      answerDuplicate(h.messageId(), v.signerCentre());
      return;
    }
    String kind = m.body().kind().code();
    // Message ids are the sender's choice: another signer's earlier use of this id does not make
    // this message a replay (it is committed under its own (signer, id)), but the clash is recorded.
    boolean idClash = inbox.findAll(h.messageId()).size() > 1;
    if (idClash) {
      LOG.warn("{}: message id {} from {} is also used by another centre", ErrorCode.MESSAGE_ID_CONFLICT.code(),
          h.messageId(), v.signerCentre());
    }
    audit.append(new AuditEvent(AuditDirection.RECEIVED, h.messageId(), h.conversationId(), kind,
        v.signerCentre(), List.of(keys.centreId()), v.envelopeSha256(),
        idClash ? ErrorCode.MESSAGE_ID_CONFLICT.code() : null));
    listener.received(v);
    deliverReceipt(h.messageId(), h.conversationId(), v.signerCentre(), receipt.jws());
    if (m.body() instanceof InformationRequest request) {
      Instant due = h.dueBy() != null ? h.dueBy()
          : ReplyDeadlines.dueBy(h.urgency(), request.dataAccess(), v.openedAt());
      openRequests.put(new RequestKey(v.signerCentre(), h.messageId()), new OpenRequest(h.messageId(), v.signerCentre(), due));
    }
    if (h.inReplyTo() != null) {
      if (m.body() instanceof Reply reply && reply.outcome() == ReplyOutcome.DELAY_NOTICE && reply.delay() != null) {
        // Not the answer: the answer is now expected later. The handler still sees the notice.
        pendingReplies.delayed(h.inReplyTo(), reply.delay().expectedBy());
      } else {
        pendingReplies.replied(h.inReplyTo(), v);
      }
    }
    if (handler != null) {
      workers.execute(() -> handOver(v));
    }
  }

  private void handOver(VerifiedMessage v) {
    UUID id = v.message().header().messageId();
    try {
      handler.onMessage(v, new NodeMessageContext(this, v));
      inbox.markHandled(v.signerCentre(), id);
      handover.release(id, v.signerCentre(), v.envelopeSha256());
      audit.append(new AuditEvent(AuditDirection.HANDED_TO_APPLICATION, id, v.message().header().conversationId(),
          v.message().body().kind().code(), v.signerCentre(), List.of(keys.centreId()), v.envelopeSha256(), null));
    } catch (RuntimeException e) {
      LOG.warn("message handler failed for message {} ({})", id, e.getClass().getSimpleName());
    }
  }

  private void answerDuplicate(UUID messageId, String sender) {
    Optional<InboxRecord> original = inbox.find(sender, messageId);
    listener.duplicate(messageId, sender);
    if (original.isPresent()) {
      audit.append(new AuditEvent(AuditDirection.DUPLICATE, messageId, null, null, sender, List.of(keys.centreId()),
          original.get().envelopeSha256(), null));
      deliverReceipt(messageId, null, sender, original.get().receipt());
    }
  }

  private void onReceipt(byte[] bytes, String peer) {
    // Peek (unverified) to find which delivery the receipt claims to be for; verification below
    // uses the outbox entry's own message id, digest and recipient, never the peeked values alone.
    byte[] peeked = Jws.parse(bytes, 64 * 1024).unverifiedPayloadForInspection();
    ReadResult read = json.read(peeked);
    if (!(read instanceof ReadResult.Accepted accepted) || !(accepted.message().body() instanceof Receipt r)) {
      throw new EnvelopeRejectedException(ErrorCode.RECEIPT_INVALID, "not a receipt");
    }
    String from = accepted.message().header().sender().centreId();
    Optional<OutboxEntry> entry = outbox.find(r.receivedMessageId(), from);
    if (entry.isEmpty()) {
      return; // already completed (a duplicate receipt) or never ours: nothing to do
    }
    OutboxEntry e = entry.get();
    requirePeerIsSigner(peer, e.recipientCentre());
    // Judged now with the node's validator, bounded to this delivery's time, bound to the signed message.
    VerifiedReceipt verified = receiptVerifier.verify(bytes,
        new ReceiptVerifier.Delivery(e.messageId(), e.receiptDigest(), e.recipientCentre(), e.createdAt()));
    if (outbox.complete(e.messageId(), e.recipientCentre(), bytes)) {
      audit.append(new AuditEvent(AuditDirection.RECEIPT_VERIFIED, e.messageId(), e.conversationId(), e.kind(),
          keys.centreId(), List.of(e.recipientCentre()), e.envelopeSha256(), null));
      DeliveryKey key = new DeliveryKey(e.messageId(), e.recipientCentre());
      sendsWithoutReceipt.remove(key);
      listener.delivered(e.messageId(), e.recipientCentre());
      pendingReplies.delivered(e.messageId(), e.recipientCentre());
      CompletableFuture<VerifiedReceipt> f = pendingReceipts.remove(key);
      if (f != null) {
        f.complete(verified);
      }
    }
  }

  private void reject(UUID messageId, String sender, String envelopeSha256, String code) {
    listener.rejectedInbound(code);
    try {
      audit.append(AuditEvent.rejected(messageId, sender, envelopeSha256, code));
    } catch (RuntimeException e) {
      LOG.warn("could not audit a rejection ({})", code);
    }
  }

  private void deliverReceipt(UUID messageId, UUID conversationId, String toCentre, byte[] receiptJws) {
    URI endpoint;
    try {
      endpoint = endpointOf(toCentre);
    } catch (TransportException e) {
      LOG.warn("no endpoint to return the receipt of {} to {}", messageId, toCentre);
      return;
    }
    Transport t = transportFor(endpoint).orElseThrow();
    OutboundEnvelope out = new OutboundEnvelope(receiptJws, messageId,
        conversationId == null ? messageId : conversationId, "receipt", keys.centreId(), toCentre);
    // Best effort: if the receipt is lost, the sender sends the message again and gets it again.
    t.deliver(endpoint, out).whenComplete((ok, err) -> {
      if (err == null) {
        audit.append(AuditEvent.of(AuditDirection.RECEIPT_SENT, messageId, conversationId, "receipt",
            keys.centreId(), List.of(toCentre), org.pccc.crypto.Digests.sha256Hex(receiptJws)));
      }
    });
  }

  // ---------------------------------------------------------------- outbound scheduler

  private void tick() {
    if (closed.get()) {
      return;
    }
    try {
      Instant now = clock.instant();
      if (now.isAfter(nextExpiryScan)) {
        // Entries waiting for a receipt are postponed, so expiry is looked for separately.
        nextExpiryScan = now.plusSeconds(1);
        for (OutboxEntry e : outbox.overdue(now)) {
          if (enqueue.inProgress(e.messageId())) {
            continue;
          }
          expire(e, new DeliveryKey(e.messageId(), e.recipientCentre()), DeliveryException.EXPIRED,
              "due-by passed without a verified receipt");
        }
      }
      for (OutboxEntry e : outbox.due(now, DUE_BATCH)) {
        if (enqueue.inProgress(e.messageId())) {
          continue; // its send may still be undone; deliver it once every recipient is enqueued
        }
        DeliveryKey key = new DeliveryKey(e.messageId(), e.recipientCentre());
        if (e.dueBy() != null && now.isAfter(e.dueBy())) {
          expire(e, key, DeliveryException.EXPIRED, "due-by passed without a verified receipt");
          continue;
        }
        if (!inFlight.add(key)) {
          continue;
        }
        attempt(e, key, now);
      }
      checkDeadlines(now);
      pendingReplies.expireOverdue(now);
    } catch (RuntimeException ex) {
      LOG.warn("delivery scheduler round failed ({}); will try again", ex.getClass().getSimpleName());
    }
  }

  private void attempt(OutboxEntry e, DeliveryKey key, Instant now) {
    // The wait for a receipt doubles with every send that got none (up to 8 times the timeout), so
    // that a slow receiver is not flooded with copies of what it is still working through.
    int sends = sendsWithoutReceipt.merge(key, 1, Integer::sum);
    outbox.postpone(e.messageId(), e.recipientCentre(),
        now.plus(retry.receiptTimeout().multipliedBy(1L << Math.min(sends - 1, 3))));
    Transport t = transportFor(e.endpoint()).orElse(null);
    if (t == null) {
      inFlight.remove(key);
      expire(e, key, DeliveryException.REJECTED, "no transport for " + e.endpoint().getScheme());
      return;
    }
    OutboundEnvelope out = new OutboundEnvelope(e.envelope(), e.messageId(), e.conversationId(), e.kind(),
        e.senderCentre(), e.recipientCentre());
    CompletableFuture<Void> delivery;
    try {
      delivery = t.deliver(e.endpoint(), out);
    } catch (RuntimeException ex) {
      delivery = CompletableFuture.failedFuture(ex);
    }
    delivery.whenComplete((ok, err) -> {
      inFlight.remove(key);
      if (err == null) {
        return; // accepted by the far side; the receipt completes it, or receiptTimeout resends
      }
      Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
      if (cause instanceof TransportException te && !te.retryable()) {
        expire(e, key, DeliveryException.REJECTED, "rejected by the recipient (" + te.code() + ")");
        return;
      }
      int attempts = e.attempts() + 1;
      Instant next = clock.instant().plus(retry.backoff(attempts));
      try {
        outbox.recordAttempt(e.messageId(), e.recipientCentre(), next);
      } catch (RuntimeException storeFailure) {
        LOG.warn("could not record a delivery attempt for {}", e.messageId());
      }
      String code = cause instanceof PcccException pe ? pe.code() : cause.getClass().getSimpleName();
      listener.retried(e.messageId(), e.recipientCentre(), attempts, next, code);
    });
  }

  private void expire(OutboxEntry e, DeliveryKey key, String code, String detail) {
    if (!outbox.expire(e.messageId(), e.recipientCentre())) {
      return;
    }
    sendsWithoutReceipt.remove(key);
    audit.append(new AuditEvent(AuditDirection.EXPIRED, e.messageId(), e.conversationId(), e.kind(), keys.centreId(),
        List.of(e.recipientCentre()), e.envelopeSha256(), code));
    listener.expired(e.messageId(), e.recipientCentre());
    DeliveryException failure = new DeliveryException(code, e.messageId(), e.recipientCentre(), detail);
    CompletableFuture<VerifiedReceipt> f = pendingReceipts.remove(key);
    if (f != null) {
      f.completeExceptionally(failure);
    }
    pendingReplies.undeliverable(e.messageId(), e.recipientCentre(), failure);
  }

  private final Set<RequestKey> warned = ConcurrentHashMap.newKeySet();

  private void checkDeadlines(Instant now) {
    for (OpenRequest r : openRequests.values()) {
      if (!now.isBefore(r.dueBy().minus(deadlineWarning)) && warned.add(new RequestKey(r.requesterCentre(), r.requestId()))) {
        listener.deadlineApproaching(r.requestId(), r.requesterCentre(), r.dueBy());
      }
    }
  }

  // ---------------------------------------------------------------- plumbing

  private List<URI> ownEndpoints() {
    List<URI> own = new ArrayList<>();
    for (String e : directory.endpoints(keys.centreId())) {
      URI uri = URI.create(e);
      if (transportFor(uri).isPresent()) {
        own.add(uri);
      }
    }
    return own;
  }

  private URI endpointOf(String centre) {
    for (String e : directory.endpoints(centre)) {
      URI uri = URI.create(e);
      if (transportFor(uri).isPresent()) {
        return uri;
      }
    }
    throw new TransportException(TransportException.BAD_ENDPOINT,
        "centre " + centre + " has no endpoint in the directory that this node's transports serve", false);
  }

  private Optional<Transport> transportFor(URI endpoint) {
    String scheme = endpoint.getScheme();
    return transports.stream().filter(t -> t.scheme().equalsIgnoreCase(scheme)).findFirst();
  }

  private static boolean looksLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new TransportException(TransportException.CLOSED, "node " + keys.centreId() + " is closed", false);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Stops listening and delivering, and closes the stores. Messages not yet receipted stay in
   * the outbox and are delivered after the next start. Every receipt and reply future still
   * waiting fails with {@link DeliveryException#NODE_CLOSED} or {@link ReplyException#NODE_CLOSED}.
   * Transports passed in are not closed: their owner closes them; those the builder discovered for
   * {@code listenOn} are.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Listener l : listeners) {
      try {
        l.close();
      } catch (RuntimeException e) {
        LOG.debug("listener close failed", e);
      }
    }
    scheduler.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Transport t : discoveredTransports) {
      try {
        t.close();
      } catch (RuntimeException e) {
        LOG.debug("transport close failed", e);
      }
    }
    for (Map.Entry<DeliveryKey, CompletableFuture<VerifiedReceipt>> e : pendingReceipts.entrySet()) {
      if (pendingReceipts.remove(e.getKey(), e.getValue())) {
        e.getValue().completeExceptionally(new DeliveryException(DeliveryException.NODE_CLOSED,
            e.getKey().messageId(), e.getKey().centre(), "the node closed before the receipt came"));
      }
    }
    pendingReplies.closeAll();
    outbox.close();
    inbox.close();
    audit.close();
  }

  /** Builds a {@link PcccNode}. Not thread-safe. */
  public static final class Builder {
    private final CentreKeys keys;
    private final TrustedDirectory directory;
    private final Path storeFolder;
    private final List<Transport> transports = new ArrayList<>();
    private final List<Transport> discovered = new ArrayList<>();
    private final List<URI> listenOn = new ArrayList<>();
    private MessageHandler handler;
    private java.util.function.UnaryOperator<Outbox> outboxDecorator = java.util.function.UnaryOperator.identity();
    private ExchangeListener listener = ExchangeListener.NONE;
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration deadlineWarning = Duration.ofHours(1);
    private Duration defaultExpiry = Duration.ofDays(7);
    private Duration pollInterval = Duration.ofMillis(100);
    private Clock clock = Clock.systemUTC();
    private CertificateValidator certificateValidator;
    private int workerThreads = 2;
    private Duration inboxRetention = DEFAULT_INBOX_RETENTION;
    private Duration purgeInterval = Duration.ofHours(1);
    private int maxInboxRecordsPerSender = 1_000_000;

    private Builder(CentreKeys keys, TrustedDirectory directory, Path storeFolder) {
      this.keys = Objects.requireNonNull(keys, "keys");
      this.directory = Objects.requireNonNull(directory, "directory");
      this.storeFolder = Objects.requireNonNull(storeFolder, "storeFolder");
    }

    /** Adds a transport (the node does not close it). */
    public Builder transport(Transport t) { transports.add(Objects.requireNonNull(t)); return this; }
    /**
     * Listens on this endpoint instead of the node's own endpoints from the directory. If no
     * transport given to {@link #transport} serves its scheme, {@link #build} finds one with the
     * SPI's deterministic discovery ({@link Transports#choose}: the provider named by a system
     * property, else the one provider of the scheme on the class path) and the node closes it.
     */
    public Builder listenOn(URI endpoint) { listenOn.add(Objects.requireNonNull(endpoint)); return this; }
    /**
     * Sets the application's handler of inbound messages. Without one the node fails closed: it
     * receipts what it receives (the message is durable in its inbox) but hands nothing over and
     * discards nothing; a later start with a handler hands those messages over.
     */
    public Builder handler(MessageHandler v) { handler = Objects.requireNonNull(v); return this; }
    /** Sets the observer of what the node does. */
    public Builder listener(ExchangeListener v) { listener = Objects.requireNonNull(v); return this; }
    /** Sets the retry policy. */
    public Builder retryPolicy(RetryPolicy v) { retry = Objects.requireNonNull(v); return this; }
    /** Sets how long before a reply deadline the listener is told. */
    public Builder deadlineWarning(Duration v) { deadlineWarning = Objects.requireNonNull(v); return this; }
    /** Sets how long a message without due-by is retried before it expires (default 7 days). */
    public Builder defaultExpiry(Duration v) { defaultExpiry = Objects.requireNonNull(v); return this; }
    /** Sets how often the scheduler looks for due deliveries (default 100 ms). */
    public Builder pollInterval(Duration v) { pollInterval = Objects.requireNonNull(v); return this; }
    /** Sets the clock. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
    /**
     * Adds PKIX validation (national roots, CRLs) to the directory check of message signers,
     * receipt signers and recipients' encryption certificates.
     */
    public Builder certificateValidator(CertificateValidator v) { certificateValidator = Objects.requireNonNull(v); return this; }
    /** Sets how many threads run the application's handler (default 2). */
    public Builder workerThreads(int v) {
      if (v <= 0) {
        throw new IllegalArgumentException("workerThreads must be positive");
      }
      workerThreads = v;
      return this;
    }

    /**
     * Sets how long the inbox remembers a handed-over message (default {@link
     * PcccNode#DEFAULT_INBOX_RETENTION}). It must outlast the replay window (the opener's maximum age plus
     * clock skew), so that a message is refused as too old before its id is forgotten.
     */
    public Builder inboxRetention(Duration v) {
      Objects.requireNonNull(v);
      if (v.compareTo(MIN_INBOX_RETENTION) < 0) {
        throw new IllegalArgumentException("inboxRetention must be at least the replay window, " + MIN_INBOX_RETENTION);
      }
      inboxRetention = v;
      return this;
    }

    /** Sets how often the node purges inbox records older than the retention (default 1 hour). */
    public Builder purgeInterval(Duration v) {
      if (Objects.requireNonNull(v).isNegative() || v.isZero()) {
        throw new IllegalArgumentException("purgeInterval must be positive");
      }
      purgeInterval = v;
      return this;
    }

    /**
     * Sets how many messages of one sending centre the inbox holds within its retention (default
     * one million); beyond it that centre's messages are refused ({@code PCCC-2041}) until
     * retention frees room, while other centres are unaffected.
     */
    public Builder maxInboxRecordsPerSender(int v) {
      if (v <= 0) {
        throw new IllegalArgumentException("maxInboxRecordsPerSender must be positive");
      }
      maxInboxRecordsPerSender = v;
      return this;
    }

    /** Wraps the outbox the node opens (tests inject store failures with it). */
    Builder outboxDecorator(java.util.function.UnaryOperator<Outbox> v) { outboxDecorator = Objects.requireNonNull(v); return this; }

    /** Opens the stores and builds the node; call {@link PcccNode#start()} next. */
    public PcccNode build() {
      try {
        for (URI endpoint : listenOn) {
          // An explicit instance wins; otherwise the scheme's one provider makes a transport.
          Transport t = Transports.choose(endpoint, transports, PcccNode.class.getClassLoader(), Map.of());
          if (!transports.contains(t)) {
            transports.add(t);
            discovered.add(t);
          }
        }
      } catch (RuntimeException e) {
        discovered.forEach(Transport::close);
        throw e;
      }
      if (transports.isEmpty()) {
        throw new IllegalStateException("a node needs at least one transport");
      }
      return new PcccNode(this);
    }
  }
}
