package org.pccc.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picture fed by real nodes over {@code mem:} through its adapters ({@link RegionalPicture#listener()}
 * and {@link RegionalPicture#onSent}), then rebuilt from the node's audit log after the node
 * closed, and the statistics read from that log. Nodes retry and poll on the real clock, so the
 * development network and the messages are on the real clock too.
 */
class NodeFeedTest {
  private static final String A = "MK-RS-TABANOVCE";
  private static final String B = "RS-BA-SREMSKA-RACA";
  private static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("SEE-AWARENESS")
      .insecureSeed(19).clock(Clock.systemUTC()).centre(A, "MK").centre(B, "RS").build();

  @TempDir Path storeA;
  @TempDir Path storeB;

  @Test
  void liveNodeFeedsThePictureAndItsAuditLogRebuildsItAndGivesTheStatistics() throws Exception {
    RegionalPicture picture = RegionalPicture.create();
    CountDownLatch replied = new CountDownLatch(1);
    Instant start = Instant.now();
    Message request = message(A, B, "request-vehicle-urgent.json", null);
    try (MemoryNetwork network = MemoryNetwork.create();
        MemoryTransport ta = network.newTransport();
        MemoryTransport tb = network.newTransport();
        PcccNode a = PcccNode.builder(NET.keys(A), NET.directory(), storeA).transport(ta)
            .retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10)).listener(picture.listener())
            .handler((m, context) -> replied.countDown()).build().start()) {
      PcccNode[] b = new PcccNode[1];
      b[0] = PcccNode.builder(NET.keys(B), NET.directory(), storeB).transport(tb)
          .retryPolicy(RetryPolicy.fast()).pollInterval(Duration.ofMillis(10))
          .handler((m, context) -> {
            Message reply = message(B, A, "reply-hit-vehicle.json", m.message().header().messageId());
            context.reply(reply.header(), reply.body());
          })
          .build().start();
      try {
        a.send(request).allReceipts().get(20, TimeUnit.SECONDS);
        picture.onSent(request);
        assertThat(replied.await(20, TimeUnit.SECONDS)).isTrue();
      } finally {
        b[0].close();
      }
    }
    PictureView live = picture.view(PictureQuery.period(start.minusSeconds(60), Instant.now().plusSeconds(60)));
    assertThat(live.requests()).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(RequestState.ANSWERED_IN_TIME);
      assertThat(r.track().requestedCentre()).isEqualTo(B);
    });
    assertThat(live.flows()).extracting(Flow::kind).containsExactlyInAnyOrder("information-request", "reply");

    // After a restart: the audit log alone gives back the flows and the pair.
    RegionalPicture rebuilt = RegionalPicture.create();
    rebuilt.replayAudit(storeA);
    PictureView fromAudit = rebuilt.view(PictureQuery.period(start.minusSeconds(60), Instant.now().plusSeconds(60)));
    assertThat(fromAudit.flows()).extracting(Flow::kind).containsExactlyInAnyOrder("information-request", "reply");
    assertThat(fromAudit.requests()).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.ANSWERED));

    PeriodStatistics stats = AuditStatistics.of(storeA, start.minusSeconds(60), Instant.now().plusSeconds(60));
    assertThat(stats.centre()).isEqualTo(A);
    assertThat(stats.sentByKind()).containsEntry("information-request", 1L);
    assertThat(stats.receivedByKind()).containsEntry("reply", 1L);
    assertThat(stats.outcomes()).containsEntry("delivered", 1L);
    assertThat(stats.asking().answered()).isEqualTo(1);
  }

  /** An example message between two centres, made now. */
  private static Message message(String from, String to, String example, UUID inReplyTo) {
    Message template = PcccJson.create().readValid(Examples.readAt(example, Instant.now()));
    Header t = template.header();
    UUID id = UUID.randomUUID();
    Header h = t.toBuilder().messageId(id).conversationId(inReplyTo == null ? id : inReplyTo).inReplyTo(inReplyTo)
        .sender(Party.of(from, from.substring(0, 2))).recipients(List.of(Party.of(to, to.substring(0, 2))))
        .dueBy(null).build();
    return Message.of(h, template.body());
  }
}
