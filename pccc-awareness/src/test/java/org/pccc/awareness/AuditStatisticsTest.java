package org.pccc.awareness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.awareness.Traffic.BOGORODICA;
import static org.pccc.awareness.Traffic.GYUESHEVO;
import static org.pccc.awareness.Traffic.SREMSKA;
import static org.pccc.awareness.Traffic.TABANOVCE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pccc.model.Message;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;
import org.pccc.transport.store.AuditDirection;
import org.pccc.transport.store.AuditEvent;
import org.pccc.transport.store.FileAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics of a period from the audit log alone (checked against the scripted numbers), and
 * completed by a picture where the audit log cannot say; the picture rebuilt from the audit log.
 */
class AuditStatisticsTest {
  @TempDir Path store;

  private final List<Message> messages = new ArrayList<>();
  private Message r1;
  private Message r2;
  private Message r3;
  private Message r4;

  private static Instant h(double hours) {
    return ScriptedDay.h(hours);
  }

  /** Tabanovce's day: the audit log its node would write, on a clock set to each event's time. */
  @BeforeEach
  void writeTabanovceAuditLog() {
    SettableClock clock = new SettableClock();
    r1 = Traffic.request(TABANOVCE, h(0), Urgency.URGENT, DataAccess.DIRECT, BOGORODICA);
    r2 = Traffic.request(TABANOVCE, h(0), Urgency.URGENT, DataAccess.INDIRECT, SREMSKA);
    r4 = Traffic.request(TABANOVCE, h(0.5), Urgency.URGENT, DataAccess.DIRECT, GYUESHEVO);
    r3 = Traffic.request(GYUESHEVO, h(1), Urgency.URGENT, DataAccess.DIRECT, TABANOVCE);
    Message hit = Traffic.reply(r1, BOGORODICA, h(2), ReplyOutcome.HIT);
    Message delay = Traffic.reply(r2, SREMSKA, h(4), ReplyOutcome.DELAY_NOTICE);
    Message refusal = Traffic.reply(r3, TABANOVCE, h(5), ReplyOutcome.REFUSAL);
    Message lateAlert = Traffic.alert(TABANOVCE, h(30), HandlingCode.H0, null, GYUESHEVO);
    messages.addAll(List.of(r1, r2, r4, r3, hit, delay, refusal, lateAlert));
    try (FileAuditLog log = FileAuditLog.builder(store.resolve("audit")).clock(clock).open()) {
      for (Message m : messages) {
        clock.now = m.header().createdAt();
        boolean mine = m.header().sender().centreId().equals(TABANOVCE);
        log.append(AuditEvent.of(mine ? AuditDirection.SENT : AuditDirection.RECEIVED, m.header().messageId(),
            m.header().conversationId(), m.body().kind().code(), m.header().sender().centreId(),
            mine ? m.header().recipients().stream().map(p -> p.centreId()).toList() : List.of(TABANOVCE), null));
        if (mine) {
          log.append(AuditEvent.of(AuditDirection.RECEIPT_VERIFIED, m.header().messageId(), null,
              m.body().kind().code(), TABANOVCE, List.of(m.header().recipients().get(0).centreId()), null));
        }
      }
      clock.now = h(6);
      log.append(new AuditEvent(AuditDirection.DUPLICATE, r3.header().messageId(), null, null, GYUESHEVO,
          List.of(TABANOVCE), null, null));
      log.append(AuditEvent.rejected(null, null, null, "PCCC-2007"));
      log.append(AuditEvent.rejected(null, SREMSKA, null, "PCCC-2007"));
      log.append(AuditEvent.rejected(null, null, null, "PCCC-2010"));
      log.append(new AuditEvent(AuditDirection.EXPIRED, r4.header().messageId(), null, "information-request",
          TABANOVCE, List.of(GYUESHEVO), null, null));
    }
  }

  @Test
  void auditLogAloneGivesCountsRejectionsAndReplyTimes() {
    PeriodStatistics s = AuditStatistics.of(store, h(0), h(24));
    assertThat(s.centre()).isEqualTo(TABANOVCE);
    assertThat(s.sentByKind()).isEqualTo(Map.of("information-request", 3L, "reply", 1L));
    assertThat(s.receivedByKind()).isEqualTo(Map.of("information-request", 1L, "reply", 2L));
    assertThat(s.byPartner().get(GYUESHEVO)).isEqualTo(Map.of("sent", 2L, "received", 1L));
    assertThat(s.outcomes()).isEqualTo(Map.of("delivered", 4L, "expired", 1L));
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(s.rejectionsByCode()).isEqualTo(Map.of("PCCC-2007", 2L, "PCCC-2010", 1L));
    // Asking: r1 answered after 120 min, r2 "answered" (the audit log cannot tell a delay notice)
    // after 240 min, r4 never.
    assertThat(s.asking().requests()).isEqualTo(3);
    assertThat(s.asking().answered()).isEqualTo(2);
    assertThat(s.asking().medianMinutes()).isEqualTo(120);
    assertThat(s.asking().p95Minutes()).isEqualTo(240);
    assertThat(s.asking().shareMet()).isNull();
    assertThat(s.answering().answered()).isEqualTo(1);
    assertThat(s.answering().medianMinutes()).isEqualTo(240);
    assertThat(s.unavailable()).contains("byUrgency", "refusalsByGround", "delayNoticesSent", "deadlines");
    // The alert at 30 h is outside the period.
    assertThat(s.sentByKind()).doesNotContainKey("alert");
  }

  @Test
  void pictureFedWithTheMessagesCompletesDeadlinesOutcomesAndGrounds() {
    RegionalPicture picture = RegionalPicture.create();
    messages.forEach(picture::onMessage);
    PeriodStatistics s = AuditStatistics.compute(AuditEntries.readVerified(store), h(0), h(24), picture);
    assertThat(s.unavailable()).isEmpty();
    assertThat(s.byUrgency()).isEqualTo(Map.of("URGENT", 4L));
    assertThat(s.repliesByOutcome()).isEqualTo(Map.of("HIT", 1L, "REFUSAL", 1L, "DELAY_NOTICE", 1L));
    assertThat(s.refusalsByGround()).isEqualTo(Map.of("HARM_TO_INTERESTS", 1L));
    assertThat(s.delayNoticesSent()).isZero();
    // With the messages, the delay notice is not an answer: only r1 is answered, in time.
    assertThat(s.asking().answered()).isEqualTo(1);
    assertThat(s.asking().medianMinutes()).isEqualTo(120);
    assertThat(s.asking().shareMet()).isEqualTo(1.0);
    assertThat(s.asking().overdueAtEnd()).isEqualTo(1);
    assertThat(s.answering().deadlineMet()).isEqualTo(1);
    String csv = StatisticsReport.csv(s);
    assertThat(csv).contains("refusal ground,HARM_TO_INTERESTS,1\r\n").contains("reply times asking,shareMet,1.000\r\n");
    assertThat(StatisticsReport.json(s)).contains("\"overdueAtEnd\" : 1");
    assertThat(StatisticsReport.html(s, "Statistics")).contains("<td>rejected</td><td>PCCC-2007</td><td class=\"v\">2</td>");
  }

  @Test
  void pictureRebuiltFromTheAuditLogKeepsFlowsAndPairsAndFeedingTheMessagesAgainCountsNothingTwice() {
    RegionalPicture rebuilt = RegionalPicture.create();
    assertThat(rebuilt.replayAudit(store)).isPositive();
    PictureView fromAudit = rebuilt.view(new PictureQuery(h(6), h(0), h(24), null));
    assertThat(fromAudit.flows()).extracting(Flow::urgency).containsOnly("UNKNOWN");
    assertThat(fromAudit.flows().stream().mapToLong(Flow::count).sum()).isEqualTo(7);
    assertThat(fromAudit.requests()).hasSize(4);
    assertThat(fromAudit.requests()).filteredOn(r -> r.track().requestedCentre().equals(BOGORODICA)).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.ANSWERED));
    messages.forEach(rebuilt::onMessage);
    PictureView full = rebuilt.view(new PictureQuery(h(6), h(0), h(24), null));
    assertThat(full.flows().stream().mapToLong(Flow::count).sum()).isEqualTo(7);
    assertThat(full.flows()).extracting(Flow::urgency).containsOnly("URGENT");
    assertThat(full.requests()).filteredOn(r -> r.track().requestedCentre().equals(SREMSKA)).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.DELAY_NOTIFIED));
    assertThat(full.requests()).filteredOn(r -> r.track().requestedCentre().equals(BOGORODICA)).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.ANSWERED_IN_TIME));
  }

  @Test
  void editedAuditLogIsRefusedAsEvidence() throws Exception {
    Path segment;
    try (var files = Files.list(store.resolve("audit"))) {
      segment = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    String text = Files.readString(segment, StandardCharsets.UTF_8);
    Files.writeString(segment, text.replaceFirst("PCCC-2010", "PCCC-2011"), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> AuditStatistics.of(store, h(0), h(24)))
        .isInstanceOfSatisfying(AwarenessException.class, e -> assertThat(e.code()).isEqualTo("PCCC-4101"));
    assertThatThrownBy(() -> RegionalPicture.create().replayAudit(store))
        .isInstanceOfSatisfying(AwarenessException.class, e -> assertThat(e.code()).isEqualTo("PCCC-4101"));
  }

  @Test
  void missingStoreIsReportedWithItsCode() {
    assertThatThrownBy(() -> AuditStatistics.of(store.resolve("nowhere"), h(0), h(24)))
        .isInstanceOfSatisfying(AwarenessException.class, e -> assertThat(e.code()).isEqualTo("PCCC-4100"));
  }

  /** A clock the test sets to each event's time. */
  private static final class SettableClock extends Clock {
    Instant now = Instant.EPOCH;

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

}
