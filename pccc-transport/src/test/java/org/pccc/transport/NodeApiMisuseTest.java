package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.transport.TestNetwork.A;
import static org.pccc.transport.TestNetwork.B;
import static org.pccc.transport.TestNetwork.C;
import static org.pccc.transport.TestNetwork.NET;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.PcccException;
import org.pccc.model.body.Reply;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.store.Outbox;
import org.pccc.transport.store.StoreException;

/**
 * The misuse traps of the node API named in issue 13, each shown closed: a node without a handler
 * loses nothing, futures always complete, a send to several recipients is all or nothing, and the
 * handler replies through its context.
 */
@Timeout(60)
class NodeApiMisuseTest {
  private final MemoryNetwork network = MemoryNetwork.create();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    network.close();
  }

  /** A clock the test moves; starts at the real time so that the development certificates cover it. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private PcccNode.Builder builder(String centre, Path store) {
    MemoryTransport transport = network.newTransport();
    closeables.add(transport);
    return PcccNode.builder(NET.keys(centre), NET.directory(), store)
        .transport(transport).retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10));
  }

  private PcccNode started(PcccNode.Builder b) {
    PcccNode node = b.build().start();
    closeables.add(0, node);
    return node;
  }

  private static Message withDueBy(Message m, Instant createdAt, Duration replyWithin) {
    return Message.of(m.header().toBuilder().createdAt(createdAt).dueBy(createdAt.plus(replyWithin)).build(), m.body());
  }

  private static Throwable failureOf(CompletableFuture<?> f) {
    // get() without a timeout on purpose: it must return (the class timeout catches a hang).
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
    return e.getCause();
  }

  // ---------------------------------------------------------------- 1. no handler

  @Test
  void aNodeBuiltWithoutAHandlerKeepsMessagesUnhandledAndHandsThemOverOnceOneIsSet() throws Exception {
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")));
    Path storeB = TestNetwork.fastStore("b");
    PcccNode b = started(builder(B, storeB));
    Message m = TestNetwork.message(A, List.of(B), "alert-stolen-vehicle.json", null);
    a.send(m).receipt(B).get(10, TimeUnit.SECONDS);
    assertThat(b.unhandledMessages()).isEqualTo(1);
    b.close();

    BlockingQueue<VerifiedMessage> handed = new LinkedBlockingQueue<>();
    PcccNode again = started(builder(B, storeB).handler(MessageHandler.of(handed::add)));
    VerifiedMessage v = handed.poll(10, TimeUnit.SECONDS);
    assertThat(v).isNotNull();
    assertThat(v.message()).isEqualTo(m);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (again.unhandledMessages() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10); // the handled mark is written just after the handler returns
    }
    assertThat(again.unhandledMessages()).isZero();
    assertThat(handed).isEmpty();
  }

  // ---------------------------------------------------------------- 2. futures always complete

  @Test
  void theReplyFutureFailsWhenTheRequestExpiresBeforeAnyRecipientGotIt() throws Exception {
    MovableClock clock = new MovableClock();
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")).clock(clock)); // B never starts
    Message request = withDueBy(TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null),
        clock.instant(), Duration.ofHours(1));
    PcccNode.PendingRequest pending = a.request(request);
    clock.advance(Duration.ofHours(2));

    Throwable receipt = failureOf(pending.delivery().receipt(B));
    assertThat(receipt).isInstanceOf(DeliveryException.class);
    assertThat(((PcccException) receipt).code()).isEqualTo(DeliveryException.EXPIRED);
    Throwable reply = failureOf(pending.reply());
    assertThat(reply).isInstanceOf(ReplyException.class).hasCauseInstanceOf(DeliveryException.class);
    assertThat(((ReplyException) reply).code()).isEqualTo(ReplyException.EXPIRED);
    assertThat(((ReplyException) reply).requestId()).isEqualTo(request.header().messageId());
  }

  @Test
  void theReplyFutureFailsWhenTheDueByPassesWithoutAReply() throws Exception {
    MovableClock clock = new MovableClock();
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")).clock(clock));
    started(builder(B, TestNetwork.fastStore("b")).handler((message, context) -> { })); // never replies
    Message request = withDueBy(TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null),
        clock.instant(), Duration.ofHours(1));
    PcccNode.PendingRequest pending = a.request(request);
    pending.delivery().receipt(B).get(10, TimeUnit.SECONDS);
    assertThat(pending.reply()).isNotDone();
    clock.advance(Duration.ofHours(2));

    Throwable reply = failureOf(pending.reply());
    assertThat(reply).isInstanceOf(ReplyException.class).hasNoCause();
    assertThat(((ReplyException) reply).code()).isEqualTo(ReplyException.EXPIRED);
  }

  @Test
  void aDelayNoticeMovesTheReplyDeadlineAndTheAnswerAfterItCompletesTheFuture() throws Exception {
    MovableClock clock = new MovableClock();
    BlockingQueue<VerifiedMessage> atA = new LinkedBlockingQueue<>();
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")).clock(clock).handler(MessageHandler.of(atA::add)));
    BlockingQueue<MessageContext> contexts = new LinkedBlockingQueue<>();
    Instant expectedBy = clock.instant().plus(Duration.ofDays(3));
    started(builder(B, TestNetwork.fastStore("b")).clock(clock).handler((message, context) -> {
      context.sendDelayNotice(expectedBy, "Judicial authorisation pending");
      contexts.add(context);
    }));
    Message request = withDueBy(TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null),
        clock.instant(), Duration.ofHours(1));
    PcccNode.PendingRequest pending = a.request(request);
    MessageContext atB = contexts.poll(10, TimeUnit.SECONDS);
    assertThat(atB).isNotNull();

    VerifiedMessage notice = atA.poll(10, TimeUnit.SECONDS);
    assertThat(notice).as("the notice reached the requester").isNotNull();
    assertThat(((Reply) notice.message().body()).outcome()).isEqualTo(ReplyOutcome.DELAY_NOTICE);

    // Past the request's own due-by, but before the notice's expected-by: still waiting.
    clock.advance(Duration.ofHours(2));
    Thread.sleep(200); // a few scheduler ticks on the moved clock
    assertThat(pending.reply()).as("the delay notice moved the deadline").isNotDone();

    atB.reply(new Reply(ReplyOutcome.NO_HIT, List.of(), "No records.", null, List.of(), null, List.of()));
    VerifiedMessage answer = pending.reply().get(10, TimeUnit.SECONDS);
    assertThat(((Reply) answer.message().body()).outcome()).isEqualTo(ReplyOutcome.NO_HIT);
    assertThat(answer.signerCentre()).isEqualTo(B);
  }

  /** Refuses every message envelope for good (not the receipts), as a partner's gateway might. */
  private static final class RefusingTransport implements Transport {
    private final Transport inner;

    RefusingTransport(Transport inner) {
      this.inner = inner;
    }

    @Override
    public String scheme() {
      return inner.scheme();
    }

    @Override
    public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.REJECTED, "refused", false));
    }

    @Override
    public Listener listen(URI endpoint, InboundHandler handler) {
      return inner.listen(endpoint, handler);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  @Test
  void theReplyFutureFailsWhenEveryRecipientRefusesTheRequest() throws Exception {
    MemoryTransport t = network.newTransport();
    closeables.add(t);
    PcccNode a = started(PcccNode.builder(NET.keys(A), NET.directory(), TestNetwork.fastStore("a"))
        .transport(new RefusingTransport(t)).retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10)));
    PcccNode.PendingRequest pending = a.request(
        TestNetwork.message(A, List.of(B, C), "request-vehicle-urgent.json", null));

    Throwable reply = failureOf(pending.reply());
    assertThat(reply).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) reply).code()).isEqualTo(ReplyException.REFUSED);
    assertThat(((PcccException) failureOf(pending.delivery().receipt(C))).code()).isEqualTo(DeliveryException.REJECTED);
  }

  @Test
  void closingTheNodeFailsEveryWaitingFutureAndKeepsTheMessageForTheNextStart() throws Exception {
    Path storeA = TestNetwork.fastStore("a");
    PcccNode a = started(builder(A, storeA)); // B is down
    Message request = TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null);
    PcccNode.PendingRequest pending = a.request(request);
    a.close();

    Throwable receipt = failureOf(pending.delivery().receipt(B));
    assertThat(((PcccException) receipt).code()).isEqualTo(DeliveryException.NODE_CLOSED);
    Throwable reply = failureOf(pending.reply());
    assertThat(((PcccException) reply).code()).isEqualTo(ReplyException.NODE_CLOSED);

    // The message itself was not given up: the next start delivers it.
    BlockingQueue<VerifiedMessage> atB = new LinkedBlockingQueue<>();
    started(builder(B, TestNetwork.fastStore("b")).handler(MessageHandler.of(atB::add)));
    started(builder(A, storeA));
    VerifiedMessage delivered = atB.poll(10, TimeUnit.SECONDS);
    assertThat(delivered).isNotNull();
    assertThat(delivered.message()).isEqualTo(request);
  }

  // ---------------------------------------------------------------- 3. all or nothing

  /** Fails the add of the message for one recipient, once; optionally fails every undo as well. */
  private static UnaryOperator<Outbox> failingAt(String recipient, AtomicInteger failures, boolean undoFails) {
    return outbox -> (Outbox) java.lang.reflect.Proxy.newProxyInstance(Outbox.class.getClassLoader(),
        new Class<?>[] {Outbox.class}, (proxy, method, args) -> {
          if (method.getName().equals("add") && ((org.pccc.transport.store.OutboxEntry) args[0]).recipientCentre().equals(recipient)
              && failures.getAndIncrement() == 0) {
            throw new StoreException(StoreException.IO, "injected: disk full");
          }
          if (undoFails && method.getName().equals("expire")) {
            throw new StoreException(StoreException.IO, "injected: disk gone");
          }
          try {
            return method.invoke(outbox, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aStoreFailureAtTheSecondRecipientEnqueuesNothingAndTheResendReachesBoth() throws Exception {
    BlockingQueue<VerifiedMessage> atB = new LinkedBlockingQueue<>();
    BlockingQueue<VerifiedMessage> atC = new LinkedBlockingQueue<>();
    started(builder(B, TestNetwork.fastStore("b")).handler(MessageHandler.of(atB::add)));
    started(builder(C, TestNetwork.fastStore("c")).handler(MessageHandler.of(atC::add)));
    AtomicInteger failures = new AtomicInteger();
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")).outboxDecorator(failingAt(C, failures, false)));
    Message alert = TestNetwork.message(A, List.of(B, C), "alert-stolen-vehicle.json", null);

    assertThatThrownBy(() -> a.send(alert)).isInstanceOf(StoreException.class).hasMessageContaining(StoreException.IO);
    assertThat(a.pendingDeliveries()).isZero();

    List<VerifiedReceipt> receipts = a.send(alert).allReceipts().get(10, TimeUnit.SECONDS);
    assertThat(receipts).extracting(VerifiedReceipt::receiverCentre).containsExactlyInAnyOrder(B, C);
    assertThat(atB.poll(10, TimeUnit.SECONDS).message()).isEqualTo(alert);
    assertThat(atC.poll(10, TimeUnit.SECONDS).message()).isEqualTo(alert);
    assertThat(failures.get()).isEqualTo(2); // the injected failure and the resend's add for C
  }

  @Test
  void aSendInterruptedAtTheSecondRecipientIsUndoneAtTheNextStartSoTheResendReachesBoth() throws Exception {
    BlockingQueue<VerifiedMessage> atB = new LinkedBlockingQueue<>();
    BlockingQueue<VerifiedMessage> atC = new LinkedBlockingQueue<>();
    Path storeA = TestNetwork.fastStore("a");
    // Neither the add for C nor the undo of B's entry gets through: as if the process died there.
    PcccNode crashed = started(builder(A, storeA).outboxDecorator(failingAt(C, new AtomicInteger(), true)));
    Message alert = TestNetwork.message(A, List.of(B, C), "alert-stolen-vehicle.json", null);
    assertThatThrownBy(() -> crashed.send(alert)).isInstanceOf(StoreException.class);
    assertThat(crashed.pendingDeliveries()).isEqualTo(1); // B's entry is left behind, not delivered
    crashed.close();

    started(builder(B, TestNetwork.fastStore("b")).handler(MessageHandler.of(atB::add)));
    started(builder(C, TestNetwork.fastStore("c")).handler(MessageHandler.of(atC::add)));
    PcccNode a = started(builder(A, storeA));
    assertThat(a.pendingDeliveries()).isZero();
    a.send(alert).allReceipts().get(10, TimeUnit.SECONDS);
    assertThat(atB.poll(10, TimeUnit.SECONDS).message()).isEqualTo(alert);
    assertThat(atC.poll(10, TimeUnit.SECONDS).message()).isEqualTo(alert);
    assertThat(atB.poll(200, TimeUnit.MILLISECONDS)).as("B gets the message once").isNull();
  }

  @Test
  void resendingAMessageThatWasFullyEnqueuedIsStillADuplicate() throws Exception {
    PcccNode a = started(builder(A, TestNetwork.fastStore("a"))); // B and C down: entries stay pending
    Message alert = TestNetwork.message(A, List.of(B, C), "alert-stolen-vehicle.json", null);
    a.send(alert);
    assertThatThrownBy(() -> a.send(alert)).isInstanceOf(StoreException.class)
        .hasMessageContaining(StoreException.DUPLICATE);
    assertThat(a.pendingDeliveries()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- 5. the handler's context

  @Test
  void theHandlerRepliesThroughItsContextWithoutHoldingTheNode() throws Exception {
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")));
    started(builder(B, TestNetwork.fastStore("b")).handler((message, context) ->
        context.reply(new Reply(ReplyOutcome.NO_HIT, List.of(), "No records.", null, List.of(), null, List.of()))));
    Message request = TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null);

    VerifiedMessage reply = a.request(request).reply().get(10, TimeUnit.SECONDS);
    assertThat(reply.signerCentre()).isEqualTo(B);
    assertThat(reply.message().header().inReplyTo()).isEqualTo(request.header().messageId());
    assertThat(reply.message().header().conversationId()).isEqualTo(request.header().conversationId());
    assertThat(((Reply) reply.message().body()).outcome()).isEqualTo(ReplyOutcome.NO_HIT);
  }

  @Test
  void theContextSendsADelayNoticeAndForwardsOnlyUnderTheH2Rules() throws Exception {
    BlockingQueue<VerifiedMessage> atA = new LinkedBlockingQueue<>();
    BlockingQueue<VerifiedMessage> atC = new LinkedBlockingQueue<>();
    BlockingQueue<Throwable> refusals = new LinkedBlockingQueue<>();
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")).handler(MessageHandler.of(atA::add)));
    started(builder(C, TestNetwork.fastStore("c")).handler(MessageHandler.of(atC::add)));
    Instant expectedBy = Instant.now().plus(Duration.ofDays(3));
    PcccNode b = started(builder(B, TestNetwork.fastStore("b")).handler((message, context) -> {
      if (message.message().body() instanceof Reply) {
        // Received under H2: forwarding without the provider's permission is refused ...
        try {
          context.forward(List.of(Party.of(C, "BG")), null);
        } catch (HandlingRestrictionException e) {
          refusals.add(e);
        }
        // ... and goes through with it.
        context.forward(List.of(Party.of(C, "BG")), ForwardingPermission.byMessage(A, UUID.randomUUID(), Instant.now()));
      } else {
        context.sendDelayNotice(expectedBy, "Judicial authorisation pending");
      }
    }));

    Message request = TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null);
    PcccNode.PendingRequest pending = a.request(request);
    VerifiedMessage notice = atA.poll(10, TimeUnit.SECONDS);
    assertThat(notice).as("the requester's handler gets the notice").isNotNull();
    assertThat(pending.reply()).as("a delay notice is not the answer").isNotDone();
    Reply delay = (Reply) notice.message().body();
    assertThat(delay.outcome()).isEqualTo(ReplyOutcome.DELAY_NOTICE);
    assertThat(delay.delay().expectedBy()).isEqualTo(expectedBy);
    // The node moves the tracked deadline once the notice is enqueued, which may be after A has it.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!b.openRequests().get(0).dueBy().equals(expectedBy) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(b.openRequests()).extracting(PcccNode.OpenRequest::dueBy).containsExactly(expectedBy);

    Message h2 = TestNetwork.message(A, List.of(B), "reply-refusal.json", UUID.randomUUID());
    assertThat(h2.header().handling().forbidsOnwardTransmission()).isTrue();
    a.send(h2).allReceipts().get(10, TimeUnit.SECONDS);
    Throwable refused = refusals.poll(10, TimeUnit.SECONDS);
    assertThat(refused).isInstanceOf(HandlingRestrictionException.class).hasMessageContaining(HandlingRestrictionException.CODE);
    VerifiedMessage forwarded = atC.poll(10, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.message().body()).isEqualTo(h2.body());
    assertThat(atC.poll(200, TimeUnit.MILLISECONDS)).as("only the permitted forward arrives").isNull();
  }

  @Test
  void aContextReplyMustAnswerTheMessageItBelongsTo() throws Exception {
    PcccNode a = started(builder(A, TestNetwork.fastStore("a")));
    BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    started(builder(B, TestNetwork.fastStore("b")).handler((message, context) -> {
      try {
        context.reply(context.replyHeader().inReplyTo(UUID.randomUUID()).build(),
            new Reply(ReplyOutcome.NO_HIT, List.of(), "x", null, List.of(), null, List.of()));
      } catch (IllegalArgumentException e) {
        errors.add(e);
      }
    }));
    a.send(TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null)).receipt(B).get(10, TimeUnit.SECONDS);
    assertThat(errors.poll(10, TimeUnit.SECONDS)).hasMessageContaining("inReplyTo");
  }
}
