package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pccc.transport.TestNetwork.A;
import static org.pccc.transport.TestNetwork.B;
import static org.pccc.transport.TestNetwork.NET;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.body.Reply;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.rules.ReplyDeadlines;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;

/** Reply deadlines of received requests: the warning event, the delay notice, the reply that closes them. */
class DeadlineTest {
  @Test
  void theRequestedSideIsWarnedBeforeTheDeadlineAndADelayNoticeMovesIt() throws Exception {
    BlockingQueue<UUID> warnings = new LinkedBlockingQueue<>();
    BlockingQueue<VerifiedMessage> atB = new LinkedBlockingQueue<>();
    BlockingQueue<VerifiedMessage> atA = new LinkedBlockingQueue<>();
    try (MemoryNetwork network = MemoryNetwork.create();
        MemoryTransport ta = network.newTransport();
        MemoryTransport tb = network.newTransport();
        PcccNode a = PcccNode.builder(NET.keys(A), NET.directory(), TestNetwork.fastStore("deadline-a"))
            .transport(ta).retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10))
            .handler(MessageHandler.of(atA::add)).build().start();
        PcccNode b = PcccNode.builder(NET.keys(B), NET.directory(), TestNetwork.fastStore("deadline-b"))
            .transport(tb).retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10))
            // An urgent request with directly accessible data is due in 8 hours: warn 9 hours ahead.
            .deadlineWarning(Duration.ofHours(9))
            .listener(new ExchangeListener() {
              @Override
              public void deadlineApproaching(UUID requestId, String requesterCentre, Instant dueBy) {
                warnings.add(requestId);
              }
            })
            .handler(MessageHandler.of(atB::add)).build().start()) {
      Message request = TestNetwork.message(A, List.of(B), "request-vehicle-urgent.json", null);
      a.send(request).allReceipts().get(10, TimeUnit.SECONDS);
      VerifiedMessage received = atB.poll(10, TimeUnit.SECONDS);
      assertThat(received).isNotNull();

      PcccNode.OpenRequest open = b.openRequests().get(0);
      assertThat(open.requestId()).isEqualTo(request.header().messageId());
      assertThat(open.requesterCentre()).isEqualTo(A);
      Instant expected = ReplyDeadlines.dueBy(request.header().urgency(),
          org.pccc.model.code.DataAccess.DIRECT, received.openedAt());
      assertThat(open.dueBy()).isEqualTo(expected);
      assertThat(warnings.poll(10, TimeUnit.SECONDS)).isEqualTo(request.header().messageId());
      assertThat(warnings.poll(200, TimeUnit.MILLISECONDS)).as("warned once").isNull();

      Instant later = Instant.now().plus(Duration.ofDays(5));
      b.sendDelayNotice(received, later, "Judicial authorisation pending").allReceipts().get(10, TimeUnit.SECONDS);
      assertThat(b.openRequests()).singleElement().satisfies(o -> assertThat(o.dueBy()).isEqualTo(later));
      VerifiedMessage notice = atA.poll(10, TimeUnit.SECONDS);
      Reply delay = (Reply) notice.message().body();
      assertThat(delay.outcome()).isEqualTo(ReplyOutcome.DELAY_NOTICE);
      assertThat(delay.delay().expectedBy()).isEqualTo(later);
      assertThat(notice.message().header().inReplyTo()).isEqualTo(request.header().messageId());

      Header in = received.message().header();
      Message reply = Message.of(Header.builder().inReplyTo(in.messageId()).conversationId(in.conversationId())
              .sender(org.pccc.model.Party.of(B, "RS")).recipients(in.sender()).build(),
          new Reply(ReplyOutcome.NO_HIT, List.of(), null, null, List.of(), null, List.of()));
      b.send(reply).allReceipts().get(10, TimeUnit.SECONDS);
      assertThat(b.openRequests()).as("a final reply closes the request").isEmpty();
    }
  }
}
